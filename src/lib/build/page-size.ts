// How heavy each page of a built site is for a reader on a bad connection: the HTML plus any
// stylesheet it links, raw and gzipped. The budget is what fits in the first TCP round trip
// (about 14 kB compressed), so a page can render before the connection has warmed up.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes a page (HTML plus the CSS it needs) may weigh. */
export const PAGE_BUDGET_GZIP = 14 * 1024;

/** Requests a browser may make to render the front page (document, and at most two more). */
export const FRONT_PAGE_REQUEST_BUDGET = 3;

export interface PageWeight {
  /** Site path relative to the root, e.g. '', 'en/', 'bulletiner/x/', '404.html'. */
  page: string;
  type: string;
  raw: number;
  gzip: number;
  /** Stylesheets the page links (already counted in raw and gzip). */
  stylesheets: string[];
}

/** Gzip as a typical static host serves it (zlib level 6). */
export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 6 }).length;
}

/** Root-relative or relative hrefs of `<link rel="stylesheet">` in a page. */
export function linkedStylesheets(html: string): string[] {
  const hrefs: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href) hrefs.push(href);
  }
  return hrefs;
}

/** The site's language folders as the build lays them out: each has its own archive and feed. */
export function builtLanguagePrefixes(out: string): string[] {
  return readdirSync(out).filter((name) => existsSync(path.join(out, name, 'rss.xml')) && existsSync(path.join(out, name, 'bulletiner')));
}

/**
 * Every page a reader can open in a built site, as paths relative to the site root
 * ('', 'en/', 'bulletiner/x/', '404.html', 'offline.html'). Search index and media are not pages.
 */
export function builtPages(out: string): string[] {
  const walk = (dir: string, rel: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) return name === 'pagefind' || name === 'media' ? [] : walk(abs, `${rel}${name}/`);
      if (name === 'index.html') return [rel];
      return name.endsWith('.html') ? [rel + name] : [];
    });
  return walk(out, '').sort();
}

/** What kind of page a site path is: pages of one type share a template and a budget line. */
export function pageType(page: string, languagePrefixes: string[]): string {
  const parts = page.split('/').filter(Boolean);
  if (parts.length > 0 && languagePrefixes.includes(parts[0]!)) parts.shift();
  const [first, second] = parts;
  if (first === undefined) return 'front page';
  if (first === '404.html') return '404';
  if (first === 'offline.html') return 'offline edition';
  if (first === 'bulletiner') return second ? 'bulletin' : 'archive';
  if (first === 'tjanster') return 'service';
  if (first === 'personal') return 'staff page';
  if (first === 'sok') return 'search';
  return 'standing page';
}

/**
 * The weight of one built page. A linked stylesheet is a file of the site (its href resolved
 * against the page, or against the site root for root-relative hrefs under `basePath`).
 */
export function pageWeight(out: string, page: string, languagePrefixes: string[], basePath = '/'): PageWeight {
  const file = path.join(out, page.endsWith('.html') ? page : path.join(page, 'index.html'));
  const html = readFileSync(file);
  const stylesheets = linkedStylesheets(html.toString('utf8'));
  let raw = html.length;
  let gzip = gzipSize(html);
  for (const href of stylesheets) {
    const url = new URL(href, `http://site${basePath}${page}`);
    const rel = decodeURIComponent(url.pathname).slice(basePath.length);
    const css = readFileSync(path.join(out, rel));
    raw += css.length;
    gzip += gzipSize(css);
  }
  return { page, type: pageType(page, languagePrefixes), raw, gzip, stylesheets };
}

/** Weights of every page of a built site, in page order. */
export function siteWeights(out: string, basePath = '/'): PageWeight[] {
  const prefixes = builtLanguagePrefixes(out);
  return builtPages(out).map((p) => pageWeight(out, p, prefixes, basePath));
}

/** Pages grouped by type, heaviest (gzipped) first within each type. */
export function byType(weights: PageWeight[]): Map<string, PageWeight[]> {
  const groups = new Map<string, PageWeight[]>();
  for (const w of weights) groups.set(w.type, [...(groups.get(w.type) ?? []), w]);
  for (const list of groups.values()) list.sort((a, b) => b.gzip - a.gzip || a.page.localeCompare(b.page));
  return groups;
}
