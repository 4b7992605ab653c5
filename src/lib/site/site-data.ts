// The content model as the Astro pages and endpoints get it: loaded once per build, from the
// folder named by KRISINFO_CONTENT (default ./content), at the moment KRISINFO_NOW (default: now).
// Any error stops the build with the same report `npm run check` prints.
import path from 'node:path';
import { buildSiteModel, type SiteModel } from './derive.ts';
import { loadContent, type Content, type ValidContent } from '../content/load-content.ts';
import { formatReport, hasErrors } from '../content/problems.ts';
import { contentDir } from './content-dir.ts';

export class ContentError extends Error {
  constructor(readonly report: string) {
    // The officer reads this in the preview's error overlay: Swedish, like the rest of the report.
    super(`Innehållet i content/ har fel. Rätta dem och spara, så laddas sidan om.\n\n${report}`);
    this.name = 'ContentError';
  }
}

/** The build's "now": scheduled bulletins appear once it passes their time. */
export function buildNow(): Date {
  const fixed = process.env.KRISINFO_NOW;
  if (fixed) {
    const d = new Date(fixed);
    if (Number.isNaN(d.getTime())) throw new Error(`KRISINFO_NOW is not a date: ${fixed}`);
    return d;
  }
  return new Date();
}

let cached: { key: string; data: { model: SiteModel; content: ValidContent } } | undefined;

// The build (src/lib/build/build-site.ts) reads and checks content/ before it starts Astro; Astro's bundle holds its own
// copy of this module, so the content is handed over on globalThis instead of being read twice.
const PRELOADED = Symbol.for('krisinfo.preloadedContent');

/** For the build (src/lib/build/build-site.ts): the content it has just loaded from `dir`, for this process's Astro build. */
export function sharePreloadedContent(dir: string, content: Content): void {
  (globalThis as Record<symbol, unknown>)[PRELOADED] = { dir, content };
}

// The bulletin pages the build (build-site.ts) takes from the previous output (page-reuse.ts): the bulletin
// route leaves them out. Keys are `<lang> <slug>`. Only build-site.ts sets them, so `astro dev`
// and a bare `astro build` render every page.
const REUSED = Symbol.for('krisinfo.reusedPages');

export function shareReusedPages(pages: { lang: string; slug: string }[]): void {
  (globalThis as Record<symbol, unknown>)[REUSED] = new Set(pages.map((p) => `${p.lang} ${p.slug}`));
}

/** Whether this build takes the bulletin page of `slug` in `lang` from the previous output. */
export function isReusedPage(lang: string, slug: string): boolean {
  const reused = (globalThis as Record<symbol, unknown>)[REUSED] as Set<string> | undefined;
  return reused !== undefined && reused.has(`${lang} ${slug}`);
}

function preloaded(dir: string): Content | undefined {
  const p = (globalThis as Record<symbol, unknown>)[PRELOADED] as { dir: string; content: Content } | undefined;
  return p?.dir === dir && process.env.KRISINFO_DEV !== '1' ? p.content : undefined;
}

export function loadValidContent(dir = contentDir()): ValidContent {
  const content = preloaded(dir) ?? loadContent(dir);
  if (hasErrors(content.problems) || !content.site) {
    throw new ContentError(formatReport(content.problems.filter((p) => p.level === 'error'), 'sv', path.relative(process.cwd(), dir) || '.'));
  }
  return content as ValidContent;
}

/** The site model for this build. In `astro dev` it is read again on every request. */
export function getSiteModel(): SiteModel {
  return getSiteData().model;
}

export function getSiteData(): { model: SiteModel; content: ValidContent } {
  // Every component of every page asks: the key is made of the raw settings, not resolved paths.
  const key = `${process.cwd()}\u0000${process.env.KRISINFO_CONTENT ?? ''}\u0000${process.env.KRISINFO_NOW ?? ''}`;
  if (!cached || cached.key !== key || process.env.KRISINFO_DEV === '1') {
    const content = loadValidContent(contentDir());
    cached = { key, data: { content, model: buildSiteModel(content, buildNow()) } };
  }
  return cached.data;
}
