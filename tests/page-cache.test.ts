// The page cache (src/lib/page-cache.ts): what a build leaves there, what the next build finds, and
// what is cleaned away. Real files in a temporary folder; the clock is moved to age entries.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedPages, carryOver, storePages } from '../src/lib/page-cache.ts';
import type { BulletinPage } from '../src/lib/page-reuse.ts';
import { tempDir } from './helpers/build.ts';

const page = (slug: string, key: string): BulletinPage => ({ lang: 'sv', slug, file: `bulletiner/${slug}/index.html`, key, indexed: true });

function siteWith(pages: BulletinPage[]): string {
  const site = tempDir('krisinfo-site-');
  for (const p of pages) {
    mkdirSync(path.dirname(path.join(site, p.file)), { recursive: true });
    writeFileSync(path.join(site, p.file), `<h1>${p.slug}</h1>`);
  }
  return site;
}

afterEach(() => vi.useRealTimers());

describe('page cache', () => {
  it('keeps each published page under its key as the same file, and finds it again', () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    const site = siteWith([a]);
    expect(cachedPages([a], cache)).toEqual([]);
    storePages([a], site, cache);
    expect(cachedPages([a, page('b', 'key-b')], cache)).toEqual([a]);
    // A hard link: no copy of the page is made.
    expect(statSync(path.join(cache, 'key-a.html')).ino).toBe(statSync(path.join(site, a.file)).ino);
  });

  it('puts cached pages into a new site, and refuses to overwrite a page the build rendered', () => {
    const cache = tempDir('krisinfo-cache-');
    const a = page('a', 'key-a');
    storePages([a], siteWith([a]), cache);
    const next = tempDir('krisinfo-next-');
    carryOver([a], next, cache);
    expect(readdirSync(path.join(next, 'bulletiner/a'))).toEqual(['index.html']);
    expect(() => carryOver([a], next, cache)).toThrow(/was rendered although the page cache had it/);
  });

  it('drops entries of no current page once no build has used them for an hour, and keeps the rest', () => {
    const cache = tempDir('krisinfo-cache-');
    const old = page('old', 'key-old');
    const kept = page('kept', 'key-kept');
    storePages([old, kept], siteWith([old, kept]), cache);
    // Within the hour an entry of no current page stays (a parallel build may be using it).
    storePages([kept], siteWith([kept]), cache);
    expect(readdirSync(cache).sort()).toEqual(['key-kept.html', 'key-old.html']);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    storePages([kept], siteWith([kept]), cache);
    expect(readdirSync(cache)).toEqual(['key-kept.html']);
  });
});
