// Which pages the site has, per language: the params for Astro's getStaticPaths and the full list
// the sitemap needs. Every page exists in every language (untranslated text shows with a notice).
import type { SiteModel } from './derive.ts';
import { getSiteModel } from './site-data.ts';
import type { PageGroup } from './load-content.ts';
import type { Site } from './types.ts';
import { paths } from './urls.ts';

/** The `[...lang]` route param: undefined for the default language, which lives at the root. */
export function langParam(site: Site, lang: string): string | undefined {
  return lang === site.languages[0] ? undefined : lang;
}

/** One static path per language, with `lang` as a prop, plus whatever `more` adds per language. */
export function perLanguage<P extends Record<string, string | undefined>, X extends object>(
  site: Site,
  more: (lang: string) => { params: P; props: X }[] = () => [{ params: {} as P, props: {} as X }],
): { params: P & { lang: string | undefined }; props: X & { lang: string } }[] {
  return site.languages.flatMap((lang) =>
    more(lang).map(({ params, props }) => ({ params: { ...params, lang: langParam(site, lang) }, props: { ...props, lang } })),
  );
}

/** One static path per language for this build's site: a page or feed that exists once per language. */
export function languagePaths() {
  return perLanguage(getSiteModel().site);
}

/** Every page path of one language, in the order a sitemap reader would expect. */
export function pagePathsIn(model: SiteModel, pages: PageGroup[], lang: string): string[] {
  const { site } = model;
  return [
    paths.home(site, lang),
    paths.archive(site, lang),
    ...model.bulletins.map((g) => paths.bulletin(site, lang, g.slug)),
    ...model.services.map((s) => paths.service(site, lang, s.service.id)),
    paths.staff(site, lang),
    paths.search(site, lang),
    ...pages.map((p) => paths.page(site, lang, p.slug)),
  ];
}
