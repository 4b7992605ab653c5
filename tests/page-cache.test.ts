// The page cache (src/lib/build/page-cache.ts): what a build leaves there, what the next build finds, and
// what is cleaned away. Real files in a temporary folder; the clock is moved to age entries.
// Issue 12 item 4: entries are copies, not hard links to the published files, and an entry whose
// bytes no longer match its hash is never used.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../src/lib/release/checksums.ts';
import { cachedPages, carryOver, entry, storePages, verifyCarriedOver } from '../src/lib/build/page-cache.ts';
import type { BulletinPage } from '../src/lib/build/page-reuse.ts';
import { tempDir } from './helpers/build.ts';

const page = (slug: string, key: string): BulletinPage => ({ lang: 'sv', slug, file: `bulletiner/${slug}/index.html`, key, indexed: true });
const html = (p: BulletinPage) => `<h1>${p.slug}</h1>`;

function siteWith(pages: BulletinPage[]): string {
  const site = tempDir('krisinfo-site-');
  for (const p of pages) {
    mkdirSync(path.dirname(path.join(site, p.file)), { recursive: true });
    writeFileSync(path.join(site, p.file), html(p));
  }
  return site;
}

afterEach(() => vi.useRealTimers());

describe('page cache', () => {
  it('keeps each published page under its key and the hash of its bytes, and finds it again', async () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    const site = siteWith([a]);
    expect(cachedPages([a], cache)).toEqual([]);
    await storePages([a], site, cache);
    expect(readdirSync(cache)).toEqual([`key-a.${sha256(Buffer.from(html(a)))}.html`]);
    expect(cachedPages([a, page('b', 'key-b')], cache)).toEqual([{ ...a, hash: sha256(Buffer.from(html(a))) }]);
  });

  it('keeps a copy, not the published file: a page edited in place in the site does not reach the next build', async () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    const site = siteWith([a]);
    await storePages([a], site, cache);
    // The attack of issue 12: with a hard link, this edit was the cache entry too.
    appendFileSync(path.join(site, a.file), '<p>Inloggning: https://phish.example/</p>');
    const [found] = cachedPages([a], cache);
    expect(found).toBeDefined();
    expect(statSync(entry(cache, found!)).ino).not.toBe(statSync(path.join(site, a.file)).ino);
    const next = tempDir('krisinfo-next-');
    await carryOver([found!], next, cache);
    expect(readFileSync(path.join(next, a.file), 'utf8')).toBe(html(a));
  });

  it('a truncated or edited entry is deleted and its page rendered again, never published', async () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    const b = page('b', 'key-b');
    await storePages([a, b], siteWith([a, b]), cache);
    const [ea, eb] = cachedPages([a, b], cache).map((p) => entry(cache, p));
    truncateSync(ea!, 0);
    writeFileSync(eb!, '<h1>b</h1><script>alert(1)</script>');
    expect(cachedPages([a, b], cache)).toEqual([]);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('does not keep a page whose bytes differ from what the build wrote', async () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    const site = siteWith([a]);
    const written = { [a.file]: sha256(Buffer.from(html(a))) };
    writeFileSync(path.join(site, a.file), '<h1>changed after the build</h1>');
    await storePages([a], site, cache, written);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('puts cached pages into a new site, and refuses to overwrite a page the build rendered', async () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    await storePages([a], siteWith([a]), cache);
    const next = tempDir('krisinfo-next-');
    const found = cachedPages([a], cache);
    await carryOver(found, next, cache);
    expect(readdirSync(path.join(next, 'bulletiner/a'))).toEqual(['index.html']);
    await expect(carryOver(found, next, cache)).rejects.toThrow(/was rendered although the page cache had it/);
  });

  it('copies many pages into their folders; after a failure, it settles only when no copy is under way', async () => {
    const cache = tempDir('krisinfo-cache-');
    const pages = Array.from({ length: 60 }, (_, i) => page(`p${String(i).padStart(2, '0')}`, `key-${i}`));
    await storePages(pages, siteWith(pages), cache);
    const found = cachedPages(pages, cache);
    expect(found).toHaveLength(60);
    const whole = tempDir('krisinfo-next-');
    await carryOver(found, whole, cache);
    expect(readdirSync(path.join(whole, 'bulletiner'))).toHaveLength(60);
    for (const p of pages) expect(readFileSync(path.join(whole, p.file), 'utf8')).toBe(html(p));

    // The first page was rendered by this build: the copy fails with that page's name, and only
    // once every copy under way has ended, so that nothing is written after the build deletes the folder.
    const pagesNow = (dir: string) => readdirSync(path.join(dir, 'bulletiner')).filter((d) => readdirSync(path.join(dir, 'bulletiner', d)).length).length;
    const rendered = () => {
      const dir = tempDir('krisinfo-next-');
      mkdirSync(path.join(dir, 'bulletiner/p00'), { recursive: true });
      writeFileSync(path.join(dir, 'bulletiner/p00/index.html'), '<h1>rendered</h1>');
      return dir;
    };
    const next = rendered();
    await expect(carryOver(found, next, cache)).rejects.toThrow(/bulletiner\/p00\/index.html was rendered/);
    const atFailure = pagesNow(next);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pagesNow(next)).toBe(atFailure);
    expect(readFileSync(path.join(next, 'bulletiner/p00/index.html'), 'utf8')).toBe('<h1>rendered</h1>');
    // One copy at a time: after the failure no other copy begins (how far parallel copies got
    // depends on the thread pool's timing).
    const oneByOne = rendered();
    await expect(carryOver(found, oneByOne, cache, 1)).rejects.toThrow(/was rendered/);
    expect(pagesNow(oneByOne)).toBe(1);
  });

  it('stops rather than publish an entry that changed between the check and the copy', async () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    await storePages([a], siteWith([a]), cache);
    const found = cachedPages([a], cache);
    writeFileSync(entry(cache, found[0]!), '');
    const next = tempDir('krisinfo-next-');
    await carryOver(found, next, cache);
    // The build record's hash of the site it copied into (build-record.ts), as build-site.ts passes it.
    expect(() => verifyCarriedOver(found, { [a.file]: sha256(readFileSync(path.join(next, a.file))) })).toThrow(/changed while the build used them/);
    expect(() => verifyCarriedOver(found, { [a.file]: found[0]!.hash })).not.toThrow();
  });

  it('drops entries of no current page once no build has used them for an hour, and keeps the rest', async () => {
    const cache = tempDir('krisinfo-cache-');
    const old = page('old', 'key-old');
    const kept = page('kept', 'key-kept');
    await storePages([old, kept], siteWith([old, kept]), cache);
    const names = () => readdirSync(cache).map((n) => n.split('.')[0]).sort();
    // Within the hour an entry of no current page stays (a parallel build may be using it).
    await storePages([kept], siteWith([kept]), cache);
    expect(names()).toEqual(['key-kept', 'key-old']);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    await storePages([kept], siteWith([kept]), cache);
    expect(names()).toEqual(['key-kept']);
  });
});
