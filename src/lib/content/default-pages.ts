// Standing pages every crisis site needs (contact, accessibility statement, easy-to-read,
// "is this site genuine?") ship as defaults in src/default-pages/. The officer's own file in
// content/pages/ with the same slug wins for every language, so a default never contradicts it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PageGroup } from './load-content.ts';
import { splitFileName } from './load-content.ts';
import { formatDate } from '../model/i18n.ts';
import { formatProblem } from './problems.ts';
import { readPage } from './read-page.ts';
import { readTextFile } from './text-file.ts';
import type { Page, Site } from '../model/types.ts';

/** The language a default page file without a suffix is written in. */
const DEFAULT_PAGES_LANG = 'sv';

/** Slugs the layout links to from every page; they always exist (a default fills the gap). */
export const CORE_PAGES = { contact: 'kontakt', accessibility: 'tillganglighet', easyRead: 'lattlast', authenticity: 'akta' } as const;

function defaultPagesDir(): string {
  return path.resolve(process.env.KRISINFO_ROOT ?? process.cwd(), 'src/default-pages');
}

/** Placeholders in a default page: who speaks, the site's address, and when it was built. */
function fillIn(text: string, site: Site, lang: string, now: Date): string {
  const values: Record<string, string> = { sender: site.sender, url: site.url, built: formatDate(now, lang, site.timezone) };
  return text.replace(/\{(sender|url|built)\}/g, (_, key: string) => values[key]!);
}

export function loadDefaultPages(site: Site, now: Date, dir = defaultPagesDir()): PageGroup[] {
  if (!existsSync(dir)) return [];
  const bySlug = new Map<string, Page[]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const { slug, langSuffix } = splitFileName(name);
    const lang = langSuffix ?? DEFAULT_PAGES_LANG;
    if (!site.languages.includes(lang)) continue;
    const file = `src/default-pages/${name}`;
    // The project's own files, read like content/ (BOM, CRLF); a broken one is a bug to stop on.
    const read = readTextFile(path.join(dir, name), file);
    if (!read.ok) throw new Error(formatProblem(read.problem, 'en'));
    const { page } = readPage(fillIn(read.text, site, lang, now), file, slug, lang, site.timezone);
    if (page) bySlug.set(slug, [...(bySlug.get(slug) ?? []), page]);
  }
  const defaultLang = site.languages[0]!;
  return [...bySlug].map(([slug, list]) => {
    const original = list.find((p) => p.lang === defaultLang) ?? list.find((p) => p.lang === DEFAULT_PAGES_LANG) ?? list[0]!;
    return { slug, original, versions: new Map(list.map((p) => [p.lang, p])) };
  });
}

// The layout asks for the standing pages on every page it renders; the default files do not change
// during a build, so they are read once per Site object (`astro dev` makes a new one per request).
const loaded = new WeakMap<Site, Map<string, PageGroup[]>>();

function defaultPagesOnce(site: Site, now: Date, dir = defaultPagesDir()): PageGroup[] {
  let bySite = loaded.get(site);
  if (!bySite) loaded.set(site, (bySite = new Map()));
  const key = `${dir}\u0000${now.getTime()}`;
  let pages = bySite.get(key);
  if (!pages) bySite.set(key, (pages = loadDefaultPages(site, now, dir)));
  return pages;
}

/** The officer's pages plus the defaults they lack, in navigation order. */
export function standingPages(site: Site, own: PageGroup[], now: Date, dir?: string): PageGroup[] {
  const have = new Set(own.map((g) => g.slug));
  const merged = [...own, ...defaultPagesOnce(site, now, dir).filter((g) => !have.has(g.slug))];
  return merged.sort((a, b) => a.original.order - b.original.order || a.slug.localeCompare(b.slug));
}
