// The search index, made by Pagefind in a process of its own. Two things keep it off the critical
// path of a build:
// - Only pages that carry `data-pagefind-body` are sent: Pagefind would otherwise read and parse
//   every page of the site (the untranslated copies, the archive, the offline edition) only to
//   drop them, which was half of its time at 1,000 bulletins.
// - Pages the page cache supplies are sent while the render threads start, so Pagefind indexes them
//   beside the rendering of the rest.
// Each page's URL comes from its path in the site, as with Pagefind's own directory walk. The index
// holds the same pages either way; only the order they arrived in, and so the index files' names,
// differ between a build with a warm page cache and one without.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { listFiles } from '../release/checksums.ts';
import { eachLimited } from './each-limited.ts';

export const SEARCH_DIR = 'pagefind';
/** The attribute of pages search indexes (Base.astro sets it). */
export const INDEXED_MARK = 'data-pagefind-body';

export interface SearchIndexer {
  /** Sends every page of `siteDir` not sent yet, then writes the index into `siteDir/pagefind/`. */
  finish(siteDir: string): Promise<void>;
  /** A page rendered just now (src/lib/build/render/): sent at once if search indexes it; finish() does not read it again. */
  add(file: string, html: string): void;
  /** Stops Pagefind without writing anything (the build failed). */
  abandon(): Promise<void>;
}

type Pagefind = typeof import('pagefind');

/** Cached pages with Pagefind at a time. */
const EARLY_AT_ONCE = 128;

/** The site's pages, as forward-slash paths like those of page-reuse.ts. */
function htmlFilesUnder(siteDir: string): string[] {
  return listFiles(siteDir).filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_DIR}/`));
}

/**
 * Starts Pagefind and sends it the `early` pages at once: `file` is the page's path in the site,
 * `source` where its HTML can be read now. `notIndexed` are pages known to carry no
 * `data-pagefind-body` (untranslated copies): finish() does not even read them.
 */
export async function startSearchIndex(early: { file: string; source: string }[], notIndexed: Iterable<string>): Promise<SearchIndexer> {
  const pagefind: Pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const sent = new Set<string>(notIndexed);
  const adding: Promise<{ errors: string[] }>[] = [];
  const send = (file: string, html: string) => {
    sent.add(file);
    const added = index.addHTMLFile({ sourcePath: file, content: html });
    // Until finish() awaits it, a failure must not surface as an unhandled rejection mid-build.
    added.catch(() => undefined);
    adding.push(added);
    return added;
  };
  // After the caller's next step (setImmediate runs after it): the build hands the render threads
  // their work first. A few pages at a time: this thread reads pages faster than Pagefind indexes
  // them, and every page sent ahead waited in this process's memory (a rebuild of 5,000 bulletins,
  // 20,000 cached pages, peaked at 1.3 GB that way).
  let abandoned = false;
  const sending = (async () => {
    await nextTurn();
    await eachLimited(early, EARLY_AT_ONCE, async (page) => {
      // A failed build does not wait for Pagefind to index the rest.
      if (abandoned) return;
      // Awaited only to pace the sending: a failure is finish()'s to report.
      await send(page.file, readFileSync(page.source, 'utf8')).catch(() => undefined);
    });
  })();
  // Until finish() or abandon() awaits it.
  sending.catch(() => undefined);

  return {
    async finish(siteDir) {
      await sending;
      for (const file of htmlFilesUnder(siteDir)) {
        if (sent.has(file)) continue;
        const html = readFileSync(path.join(siteDir, file), 'utf8');
        if (html.includes(INDEXED_MARK)) send(file, html);
      }
      const results = await Promise.all(adding);
      const failed = results.flatMap((r) => r.errors);
      if (failed.length) throw new Error(`Pagefind: ${failed.join('; ')}`);
      const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_DIR) });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      await pagefind.close();
    },
    add(file, html) {
      if (sent.has(file)) return;
      if (html.includes(INDEXED_MARK)) send(file, html);
      else sent.add(file);
    },
    async abandon() {
      abandoned = true;
      await sending.catch(() => undefined);
      await Promise.allSettled(adding);
      await pagefind.close();
    },
  };
}
