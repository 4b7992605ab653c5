// Rendered bulletin pages kept between builds, one file per page key (see page-reuse.ts), beside
// the image cache: $KRISINFO_CACHE/pages/, default .cache/pages/. Deleting it is always safe: the
// next build renders every page again.
// Entries are copies (stored from the build's private work folder; carried into the next site by
// a reflink where the file system offers one, so usually no extra space), never hard links: a page edited in place in the output must not change the cache, and a cache
// entry damaged on disk must not reach the next site. Each entry's name carries the SHA-256 of its
// bytes, `<key>.<sha256>.html`; an entry is checked against it before a build uses it, and one
// that does not match is deleted and its page rendered again.
import { constants, copyFile, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sha256 } from '../release/checksums.ts';
import { eachLimited } from './each-limited.ts';
import { folderMaker } from './folder-maker.ts';
import type { BulletinPage } from './page-reuse.ts';
import { removeUnused } from './unused-files.ts';

const ENTRY_NAME = /^(.+)\.([0-9a-f]{64})\.html$/;

/** A page the cache has, with the hash of its bytes. */
export type CachedPage = BulletinPage & { hash: string };

export function pageCacheDir(): string {
  return path.resolve(process.env.KRISINFO_CACHE ?? '.cache', 'pages');
}

/** Where the cache keeps a page. */
export function entry(dir: string, page: CachedPage): string {
  return path.join(dir, `${page.key}.${page.hash}.html`);
}

/** A reflink where the file system can (Btrfs, XFS, APFS), else an ordinary copy; never over a file. */
const COPY_MODE = constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL;
const copy = promisify(copyFile);

/** Marks an entry as used now (see storePages). */
function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // Removed meanwhile by another build: it was read already.
  }
}

/**
 * The pages a previous build left in the cache, each checked against its hash. An entry whose
 * bytes do not match (truncated, edited) is deleted: its page is rendered again.
 */
export function cachedPages(pages: BulletinPage[], dir = pageCacheDir()): CachedPage[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const byKey = new Map<string, string[]>();
  for (const name of names) {
    const m = ENTRY_NAME.exec(name);
    if (m) byKey.set(m[1]!, [...(byKey.get(m[1]!) ?? []), m[2]!]);
  }
  const found: CachedPage[] = [];
  for (const p of pages) {
    for (const hash of byKey.get(p.key) ?? []) {
      const file = entry(dir, { ...p, hash });
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      if (sha256(bytes) === hash) {
        found.push({ ...p, hash });
        break;
      }
      rmSync(file, { force: true });
    }
  }
  return found;
}

/** Pages copied at once: the system calls run in Node's thread pool. */
const COPIES_AT_ONCE = 16;

/**
 * Puts cached pages into the site being built, where the renderer did not render them. In Node's
 * thread pool, so that the build goes on meanwhile: Pagefind writes the search index beside it
 * (at 1,000 bulletins each took 1-2.5 s on this project's disk, one after the other).
 */
export async function carryOver(pages: CachedPage[], siteDir: string, dir = pageCacheDir(), atOnce = COPIES_AT_ONCE): Promise<void> {
  const folder = folderMaker();
  // After a failure no copy begins, and this settles once those under way have ended: nothing
  // writes into the folder after the build has deleted it.
  await eachLimited(pages, atOnce, async (p) => {
    const to = path.join(siteDir, p.file);
    await folder(path.dirname(to));
    try {
      // EXCL: a page that is already there was rendered, and must not be overwritten unnoticed.
      await copy(entry(dir, p), to, COPY_MODE);
    } catch (e) {
      throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? new Error(`${p.file} was rendered although the page cache had it`) : e;
    }
    touch(entry(dir, p));
  });
}

/**
 * Checks the carried-over pages against the hashes the build record has just taken of the whole
 * site (`written`), so no page is read twice: an entry changed between cachedPages() and the copy
 * stops the build rather than be published.
 */
export function verifyCarriedOver(pages: CachedPage[], written: Record<string, string>): void {
  const changed = pages.filter((p) => !Object.hasOwn(written, p.file) || written[p.file] !== p.hash);
  if (changed.length > 0) throw new Error(`the page cache entries of ${changed.map((p) => p.file).join(', ')} changed while the build used them; build again`);
}

/** Pages stored at once: the reads and writes run in Node's thread pool, not in the build's thread. */
const STORES_AT_ONCE = 16;

/**
 * Keeps every bulletin page of the site just built, and drops entries of no current page that no
 * build has used for an hour (an entry's mtime is its last use). `known` is a hash already known
 * for a page (the build's record, or the entry a page was carried over from): a page whose bytes
 * no longer match it is not kept. Asynchronous, so that the build stores its pages while Pagefind
 * writes the search index: each page is read once, and the bytes that were hashed are the bytes
 * written, under a temporary name first so that a parallel build never sees half an entry.
 */
export async function storePages(pages: BulletinPage[], siteDir: string, dir = pageCacheDir(), known?: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const kept = new Set<string>();
  const store = async (p: BulletinPage): Promise<void> => {
    const expected = known && Object.hasOwn(known, p.file) ? known[p.file]! : undefined;
    if (expected) {
      const target = entry(dir, { ...p, hash: expected });
      kept.add(path.basename(target));
      if (statSync(target, { throwIfNoEntry: false })) return touch(target);
    }
    const bytes = await readFile(path.join(siteDir, p.file));
    const hash = sha256(bytes);
    if (expected && hash !== expected) return;
    const target = entry(dir, { ...p, hash });
    kept.add(path.basename(target));
    if (statSync(target, { throwIfNoEntry: false })) return touch(target);
    const tmp = path.join(dir, `${p.key}.${process.pid}.tmp`);
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  };
  for (let i = 0; i < pages.length; i += STORES_AT_ONCE) await Promise.all(pages.slice(i, i + STORES_AT_ONCE).map(store));
  removeUnused(dir, (name) => kept.has(name));
}
