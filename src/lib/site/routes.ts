// Which pages the site has, per language: the params for Astro's getStaticPaths and the full list
// the sitemap needs. Every page exists in every language (untranslated text shows with a notice).
import { bulletinIn, isForStaff, isPublic, lastActivity, type SiteModel } from './derive.ts';
import { getSiteModel } from './site-data.ts';
import type { PageGroup } from '../content/load-content.ts';
import type { Site } from '../model/types.ts';
import { paths } from '../model/urls.ts';

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

/** A page of the site and when what it shows last changed, for the sitemap's <loc> and <lastmod>. */
export interface SitePage {
  path: string;
  lastmod: Date;
}

/**
 * Every page of one language, in the order a sitemap reader would expect, with when it last
 * changed: a bulletin at its latest news, a service at its latest status change, the lists at the
 * latest news they show. Pages with no date of their own (search, the standing pages, which show
 * the build's date) carry the build's time.
 */
export function pagesIn(model: SiteModel, pages: PageGroup[], lang: string): SitePage[] {
  const { site, now } = model;
  const latest = (groups: SiteModel['bulletins']) =>
    groups.reduce<Date | undefined>((t, g) => {
      const at = lastActivity(bulletinIn(g, lang));
      return !t || at > t ? at : t;
    }, undefined) ?? now;
  const news = latest(model.bulletins);
  return [
    { path: paths.home(site, lang), lastmod: news },
    { path: paths.archive(site, lang), lastmod: latest(model.bulletins.filter((g) => isPublic(g.original))) },
    ...model.bulletins.map((g) => ({ path: paths.bulletin(site, lang, g.slug), lastmod: lastActivity(bulletinIn(g, lang)) })),
    ...model.services.map((s) => ({ path: paths.service(site, lang, s.service.id), lastmod: s.history[0]?.at ?? news })),
    { path: paths.staff(site, lang), lastmod: latest(model.bulletins.filter((g) => isForStaff(g.original))) },
    { path: paths.search(site, lang), lastmod: now },
    ...pages.map((p) => ({ path: paths.page(site, lang, p.slug), lastmod: now })),
  ];
}
