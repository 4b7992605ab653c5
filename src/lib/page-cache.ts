// Rendered bulletin pages kept between builds, one file per page key (see page-reuse.ts), beside
// the image cache: $KRISINFO_CACHE/pages/, default .cache/pages/. Deleting it is always safe: the
// next build renders every page again. Entries are hard links to the published files, so keeping
// them costs no copy and no space; no build ever writes into a file it has published.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BulletinPage } from './page-reuse.ts';

/** Entries no build has used for this long are removed (others may be a parallel build's). */
const KEEP_UNUSED_MS = 60 * 60 * 1000;

export function pageCacheDir(): string {
  return path.resolve(process.env.KRISINFO_CACHE ?? '.cache', 'pages');
}

/** Where the cache keeps a page. */
export function entry(dir: string, page: BulletinPage): string {
  return path.join(dir, `${page.key}.html`);
}

/** The pages a previous build left in the cache. */
export function cachedPages(pages: BulletinPage[], dir = pageCacheDir()): BulletinPage[] {
  return pages.filter((p) => existsSync(entry(dir, p)));
}

/** A hard link where the file system allows one, else a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Puts cached pages into the site being built, where Astro did not render them. */
export function carryOver(pages: BulletinPage[], siteDir: string, dir = pageCacheDir()): void {
  for (const p of pages) {
    const to = path.join(siteDir, p.file);
    if (existsSync(to)) throw new Error(`${p.file} was rendered although the page cache had it`);
    mkdirSync(path.dirname(to), { recursive: true });
    linkOrCopy(entry(dir, p), to);
  }
}

/**
 * Keeps every bulletin page of the site just built, and drops entries of no current page that no
 * build has used for an hour. Linking an entry into a site changes its ctime: that is its last use.
 */
export function storePages(pages: BulletinPage[], siteDir: string, dir = pageCacheDir()): void {
  mkdirSync(dir, { recursive: true });
  for (const p of pages) {
    const target = entry(dir, p);
    if (existsSync(target)) continue;
    // Under a temporary name first: a parallel build never sees half an entry.
    const tmp = `${target}.${process.pid}`;
    rmSync(tmp, { force: true });
    linkOrCopy(path.join(siteDir, p.file), tmp);
    renameSync(tmp, target);
  }
  const current = new Set(pages.map((p) => `${p.key}.html`));
  const cutoff = Date.now() - KEEP_UNUSED_MS;
  for (const name of readdirSync(dir)) {
    if (current.has(name)) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).ctimeMs < cutoff) rmSync(file, { force: true });
    } catch {
      // Removed meanwhile by another build.
    }
  }
}
