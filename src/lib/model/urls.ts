// Where everything lives in the built site. The default language sits at the root, every other
// language under /<lang>/. All paths include the base path of `site.yaml` `url`, so the site works
// from a domain root or a sub-path (GitHub Pages project sites) without a server.
import type { Site } from './types.ts';

const basePaths = new Map<string, string>();

/** The path part of the site URL, always starting and ending with '/'. */
export function basePath(site: Pick<Site, 'url'>): string {
  // Asked for by every link of every page: parse each site URL once.
  let base = basePaths.get(site.url);
  if (base === undefined) {
    base = new URL(site.url).pathname.replace(/\/?$/, '/');
    basePaths.set(site.url, base);
  }
  return base;
}

export function langPrefix(site: Pick<Site, 'languages'>, lang: string): string {
  return lang === site.languages[0] ? '' : `${lang}/`;
}

/** A path inside the site for `lang`, e.g. `bulletiner/x/` → `/base/en/bulletiner/x/`. */
export function sitePath(site: Pick<Site, 'url' | 'languages'>, lang: string, rest = ''): string {
  return basePath(site) + langPrefix(site, lang) + rest;
}

/** A path that is the same in every language (feeds of the default language, media, data). */
export function rootPath(site: Pick<Site, 'url'>, rest = ''): string {
  return basePath(site) + rest;
}

export function absoluteUrl(site: Pick<Site, 'url'>, path: string): string {
  return new URL(path, site.url).toString();
}

export const paths = {
  home: (site: Site, lang: string) => sitePath(site, lang),
  archive: (site: Site, lang: string) => sitePath(site, lang, 'bulletiner/'),
  bulletin: (site: Site, lang: string, slug: string) => sitePath(site, lang, `bulletiner/${slug}/`),
  update: (site: Site, lang: string, slug: string, updateId: string) => sitePath(site, lang, `bulletiner/${slug}/#${updateId}`),
  service: (site: Site, lang: string, id: string) => sitePath(site, lang, `tjanster/${id}/`),
  page: (site: Site, lang: string, slug: string) => sitePath(site, lang, `${slug}/`),
  search: (site: Site, lang: string) => sitePath(site, lang, 'sok/'),
  staff: (site: Site, lang: string) => sitePath(site, lang, 'personal/'),
  rss: (site: Site, lang: string) => sitePath(site, lang, 'rss.xml'),
  staffRss: (site: Site, lang: string) => sitePath(site, lang, 'personal/rss.xml'),
  serviceRss: (site: Site, lang: string, id: string) => sitePath(site, lang, `tjanster/${id}/rss.xml`),
  jsonFeed: (site: Site, lang: string) => sitePath(site, lang, 'feed.json'),
  plainText: (site: Site, lang: string) => sitePath(site, lang, 'bulletiner.txt'),
  status: (site: Site) => rootPath(site, 'status.json'),
  media: (site: Site, file: string) => rootPath(site, `media/${file}`),
};
