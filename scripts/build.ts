// `npm run build`: check content/, build the site with Astro into a fresh folder beside the output,
// index it with Pagefind, and only then swap it in for the old output. A failure at any step
// leaves the previous output exactly as it was: nothing is ever half-published.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSiteModel } from '../src/lib/derive.ts';
import { inputsDigest } from '../src/lib/input-digest.ts';
import { loadContent, type ValidContent } from '../src/lib/load-content.ts';
import { cachedPages, carryOver, entry, pageCacheDir, storePages } from '../src/lib/page-cache.ts';
import { bulletinPages, type BulletinPage } from '../src/lib/page-reuse.ts';
import { formatReport, hasErrors } from '../src/lib/problems.ts';
import { startRenderer } from '../src/lib/render/render-site.ts';
import { startSearchIndex, type SearchIndexer } from '../src/lib/search-index.ts';
import { buildNow, contentDir, sharePreloadedContent, shareReusedPages } from '../src/lib/site-data.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

function parseArgs(argv: string[]): { out: string; quiet: boolean } {
  let out = process.env.KRISINFO_OUT ?? 'dist';
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? out;
    else if (argv[i] === '--quiet') quiet = true;
  }
  return { out: path.resolve(out), quiet };
}

async function main(): Promise<number> {
  const { out, quiet } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  // KRISINFO_TIMING=1 (npm run bench -- --phases): Astro's step log and the time of each phase.
  const timing = Boolean(process.env.KRISINFO_TIMING);
  const dir = contentDir();
  // The renderer's workers load the site's code while content/ is being checked.
  const renderer = startRenderer(process.cwd(), dir);
  const content = loadContent(dir);
  if (hasErrors(content.problems)) {
    console.error(formatReport(content.problems, 'sv', path.relative(process.cwd(), dir) || '.'));
    console.error(`\nBygget stoppades: inget publicerades. ${path.relative(process.cwd(), out)}/ är oförändrad.`);
    return 1;
  }

  // Astro builds inside the project: for an outDir elsewhere it would stage in the shared .astro/
  // folder and copy that folder's own files into the site, and two builds at once would collide.
  const workDir = path.resolve('.build', `site-${process.pid}`);
  sharePreloadedContent(dir, content);

  const staging = `${out}.staging-${process.pid}`;
  const previous = `${out}.previous-${process.pid}`;
  const cleanUp = () => {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  };
  cleanUp();
  let search: SearchIndexer | undefined;
  let pages: BulletinPage[] = [];
  let reused: BulletinPage[] = [];
  try {
    // One "now" for the whole build, so that the page keys and the pages agree on what is visible.
    process.env.KRISINFO_NOW = buildNow().toISOString();
    // Bulletin pages that an earlier build rendered from the same inputs come from the page cache.
    pages = bulletinPages(buildSiteModel(content as ValidContent, buildNow()), inputsDigest(process.cwd(), dir));
    reused = cachedPages(pages);
    shareReusedPages(reused);
    process.env.KRISINFO_OUT = workDir;
    const t0 = performance.now();
    // Pagefind indexes the cached pages on the other core while Astro renders.
    search = await startSearchIndex(
      reused.filter((p) => p.indexed).map((p) => ({ file: p.file, source: entry(pageCacheDir(), p) })),
      pages.filter((p) => !p.indexed).map((p) => p.file),
    );
    await renderer.render({ outDir: workDir, content: content as ValidContent, reused, search, logLevel: timing ? 'info' : quiet ? 'error' : 'warn', timing });
    carryOver(reused, workDir);
    const t1 = performance.now();
    await search.finish(workDir);
    const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    if (timing) process.stderr.write(`PHASES validation and start ${s(started, t0)} s (${content.bulletins.length} bulletin files), astro ${s(t0, t1)} s, pagefind ${s(t1, performance.now())} s; ${reused.length} of ${pages.length} bulletin pages reused\n`);
    // Next to the output, so that the swap below is a rename on one file system.
    mkdirSync(path.dirname(out), { recursive: true });
    try {
      renameSync(workDir, staging);
    } catch {
      cpSync(workDir, staging, { recursive: true });
      rmSync(workDir, { recursive: true, force: true });
    }
  } catch (e) {
    await search?.abandon().catch(() => undefined);
    cleanUp();
    console.error(e instanceof Error ? (e.name === 'ContentError' ? e.message : e.stack ?? e.message) : String(e));
    console.error(`\nBygget misslyckades: inget publicerades. ${path.relative(process.cwd(), out)}/ är oförändrad.`);
    return 1;
  }

  // The swap: two renames on one file system, so `out` is never half-written; it is absent only
  // between the two calls. If the second fails, the previous site goes back in place.
  const hadPrevious = existsSync(out);
  if (hadPrevious) renameSync(out, previous);
  try {
    renameSync(staging, out);
  } catch (e) {
    if (hadPrevious) renameSync(previous, out);
    rmSync(staging, { recursive: true, force: true });
    console.error(`${String(e)}\n\nBygget kunde inte läggas på plats: ${path.relative(process.cwd(), out)}/ är oförändrad.`);
    return 1;
  }
  try {
    storePages(pages, out);
  } catch (e) {
    // The site is published; only the next build's head start is lost.
    console.error(`Sidcachen kunde inte sparas (${String(e)}). Nästa bygge ritar alla sidor.`);
  }
  if (hadPrevious) removeInBackground(previous);
  if (!quiet) console.log(`Klart: ${path.relative(process.cwd(), out) || out}/ byggd på ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

/**
 * Deletes the replaced site without keeping the officer waiting: at 1,000 bulletins its ~5,600
 * files take over a second to unlink, and the new site is already in place.
 */
function removeInBackground(dir: string): void {
  const rm = spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' });
  rm.on('error', () => rmSync(dir, { recursive: true, force: true }));
  rm.unref();
}

process.exitCode = await main();
