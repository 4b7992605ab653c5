// The search index's pacing of cached pages: src/lib/build/search-index.ts sends them to Pagefind
// while the render threads work, but never far ahead of what Pagefind has indexed, since every page
// sent ahead waits in the build's memory (a rebuild of 5,000 bulletins peaked at 1.3 GB that way).
// Pagefind here is a stand-in whose indexing the test lets finish; a real Pagefind indexes every
// build of the build tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers/build.ts';

const pending: { sourcePath: string; done: () => void }[] = [];
const sentPaths: string[] = [];

vi.mock('pagefind', () => ({
  createIndex: async () => ({
    errors: [],
    index: {
      addHTMLFile: ({ sourcePath }: { sourcePath: string }) =>
        new Promise((resolve) => {
          sentPaths.push(sourcePath);
          pending.push({ sourcePath, done: () => resolve({ errors: [] }) });
        }),
      writeFiles: async () => ({ errors: [] }),
    },
  }),
  close: async () => undefined,
}));

const { startSearchIndex } = await import('../src/lib/build/search-index.ts');

/** 1,000 cached pages in a folder of their own. */
function cachedPages(dir: string): { file: string; source: string }[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const source = path.join(dir, `page-${i}.html`);
    writeFileSync(source, `<main data-pagefind-body><p>Sida ${i}</p></main>`);
    return { file: `bulletiner/${i}/index.html`, source };
  });
}

describe('cached pages sent to the search index', () => {
  beforeEach(() => {
    pending.length = 0;
    sentPaths.length = 0;
  });

  it('are sent at most 128 ahead of what Pagefind has indexed, every one of them once', async () => {
    const dir = tempDir();
    const early = cachedPages(dir);
    const search = await startSearchIndex(early, []);
    let mostWaiting = 0;
    while (sentPaths.length < early.length) {
      for (let turn = 0; turn < 20; turn++) await nextTurn();
      mostWaiting = Math.max(mostWaiting, pending.length);
      // Pagefind indexes what it has; the build sends more.
      for (const page of pending.splice(0)) page.done();
    }
    // 128 at a time: without the pacing, all 1,000 were waiting at once.
    expect(mostWaiting).toBeLessThanOrEqual(128);
    expect(mostWaiting).toBeGreaterThan(0);
    const site = path.join(dir, 'site');
    mkdirSync(site);
    await search.finish(site);
    expect(sentPaths.sort()).toEqual(early.map((p) => p.file).sort());
  });

  it('stop once the build has failed: abandon() waits only for what Pagefind already has', async () => {
    const search = await startSearchIndex(cachedPages(tempDir()), []);
    for (let turn = 0; turn < 20; turn++) await nextTurn();
    let abandoned = false;
    const abandoning = search.abandon().then(() => (abandoned = true));
    // Pagefind goes on indexing whatever it is sent.
    for (let round = 0; round < 50 && !abandoned; round++) {
      for (const page of pending.splice(0)) page.done();
      for (let turn = 0; turn < 5; turn++) await nextTurn();
    }
    await abandoning;
    // The 128 it had, and those sent as their turn came before it stopped: not all 1,000.
    expect(sentPaths.length).toBeLessThanOrEqual(3 * 64);
  });
});
