// One publish, once the output folder is claimed and the renderer started (scripts/build.ts):
// check content/, render the site into a fresh folder beside the output, index it with Pagefind,
// and only then swap it in for the old output. A failure at any step leaves the previous output
// exactly as it was: nothing is ever half-published.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeBuildRecord } from './build-record.ts';
import type { BuildOptions } from '../cli/build-args.ts';
import { contentWarnings, shortWarnings } from '../cli/build-report.ts';
import { buildTexts } from '../cli/build-texts.ts';
import { messageLang } from '../cli/output.ts';
import { clockFacts, guardClock, readClock } from './clock-guard.ts';
import { buildSiteModel } from '../site/derive.ts';
import { explainFailure, shownPath } from './fs-errors.ts';
import { imageProblems } from '../images/image-check.ts';
import { inputsDigest } from './input-digest.ts';
import { readKeptYaml, writeKeptYaml } from './kept-between-builds.ts';
import { loadContent, type ValidContent } from '../content/load-content.ts';
import { messageFor, type MessageLang } from '../content/messages.ts';
import { cachedPages, carryOver, entry, pageCacheDir, storePages, verifyCarriedOver } from './page-cache.ts';
import { bulletinPages } from './page-reuse.ts';
import { formatReport, hasErrors } from '../content/problems.ts';
import { keepYamlValues } from '../content/yaml-source.ts';
import type { Renderer } from './render/render-site.ts';
import { startSearchIndex, type SearchIndexer } from './search-index.ts';
import { buildNow, sharePreloadedContent, shareReusedPages } from '../site/site-data.ts';
import { moveBeside, swapIn } from './swap.ts';
import { pauseForTest } from './test-pause.ts';

export interface SiteBuild {
  options: BuildOptions;
  /** The output folder, claimed (src/lib/build/output-folder.ts). */
  out: string;
  /** content/. */
  dir: string;
  /** Started before this module was loaded, so its threads have been loading the site's code. */
  renderer: Renderer;
  /** When the build started (performance.now()), for the time it reports. */
  started: number;
  /** The officer's language so far: --lang, else Swedish. */
  lang: MessageLang;
}

/** Builds and publishes the site; the exit code. */
export async function buildSite({ options, out, dir, renderer, started, lang }: SiteBuild): Promise<number> {
  const { quiet, now: nowFlag, allowEarlier, lang: langFlag } = options;
  // KRISINFO_TIMING=1 (npm run bench -- --phases): Astro's step log and the time of each phase.
  const timing = Boolean(process.env.KRISINFO_TIMING);
  const note = (m: Parameters<typeof messageFor>[0]) => console.log(messageFor(m, lang).text);
  let digest: string;
  try {
    digest = inputsDigest(process.cwd(), dir);
  } catch (e) {
    console.error(`${explainFailure(e, lang)}\n${buildTexts(lang).stopped(shownPath(out))}`);
    return 1;
  }
  const yaml = keepYamlValues(readKeptYaml(digest));
  const content = loadContent(dir);
  if (timing) process.stderr.write(`YAML: ${yaml.carried} of ${yaml.carried + yaml.parsed} texts carried from the previous build\n`);
  lang = messageLang(langFlag, content.site?.languages[0]);
  const say = buildTexts(lang);
  // Image files are opened as the build will open them: a broken one is reported here, like check does.
  content.problems.push(...(await imageProblems(content, { errorsOnly: true })));
  if (hasErrors(content.problems)) {
    // The files without a problem need not be parsed again when the officer has mended the rest.
    writeKeptYaml(digest, yaml);
    console.error(formatReport(content.problems, lang, shownPath(dir)));
    console.error(say.stopped(shownPath(out)));
    return 1;
  }
  const valid = content as ValidContent;

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
  let carrying: Promise<void> | undefined;
  let storing: Promise<void> | undefined;
  let cacheLost: unknown;
  try {
    // One "now" for the whole build, so that the page keys and the pages agree on what is visible;
    // a "now" that cannot be right stops the build (src/lib/build/clock-guard.ts).
    const clock = readClock(nowFlag);
    for (const m of guardClock(clock, out, valid.site.timezone, allowEarlier)) note(m);
    process.env.KRISINFO_NOW = clock.now.toISOString();
    // Bulletin pages that an earlier build rendered from the same inputs come from the page cache.
    const pages = bulletinPages(buildSiteModel(valid, clock.now), digest);
    const reused = cachedPages(pages);
    shareReusedPages(reused);
    process.env.KRISINFO_OUT = workDir;
    const t0 = performance.now();
    // Pagefind indexes the cached pages on the other core while Astro renders.
    search = await startSearchIndex(
      reused.filter((p) => p.indexed).map((p) => ({ file: p.file, source: entry(pageCacheDir(), p) })),
      pages.filter((p) => !p.indexed).map((p) => p.file),
    );
    await renderer.render({ outDir: workDir, content: valid, reused, search, lang, logLevel: timing ? 'info' : quiet ? 'error' : 'warn', timing, inputsDigest: digest });
    const t1 = performance.now();
    // While Pagefind writes its index (in its own process), this thread copies the cached pages in
    // (Pagefind has had them since the start), then keeps the bulletin pages in the page cache,
    // from the work folder (private to this build, so a page edited in dist/ never reaches the
    // cache). Pages carried over from the cache are known by their entry's hash.
    carrying = carryOver(reused, workDir);
    // Awaited below, or in the catch: until then a failure must not count as unhandled.
    carrying.catch(() => undefined);
    // After the copy: a page whose cache entry went meanwhile is read from the work folder.
    storing = carrying
      .then(() => storePages(pages, workDir, undefined, Object.fromEntries(reused.map((p) => [p.file, p.hash]))))
      .catch((e: unknown) => {
        cacheLost = e;
      });
    await search.finish(workDir);
    await carrying;
    pauseForTest('rendered');
    await storing;
    // The mark of a site this tool built, its time and its checksum list (src/lib/build/build-record.ts).
    const record = writeBuildRecord(workDir, clockFacts(clock, valid));
    verifyCarriedOver(reused, record.files);
    const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    if (timing) process.stderr.write(`PHASES validation and start ${s(started, t0)} s (${content.bulletins.length} bulletin files), render ${s(t0, t1)} s, pagefind and cached pages ${s(t1, performance.now())} s; ${reused.length} of ${pages.length} bulletin pages reused\n`);
    // Next to the output, so that the swap below is a rename on one file system.
    mkdirSync(path.dirname(out), { recursive: true });
    moveBeside(workDir, staging);
  } catch (e) {
    await search?.abandon().catch(() => undefined);
    await carrying?.catch(() => undefined);
    await storing;
    cleanUp();
    console.error(explainFailure(e, lang));
    console.error(say.failed(shownPath(out)));
    return 1;
  }

  // The swap: two renames on one file system, so `out` is never half-written; it is absent only
  // between the two calls. If the second fails, the previous site goes back in place; if the build
  // is killed between them, the next build puts it back (src/lib/build/swap.ts, leftovers.ts).
  let hadPrevious: boolean;
  try {
    hadPrevious = swapIn(staging, out, previous);
  } catch (e) {
    console.error(`${explainFailure(e, lang)}${say.notSwapped(shownPath(out))}`);
    return 1;
  }
  writeKeptYaml(digest, yaml);
  // The site is published; only the next build's head start is lost.
  if (cacheLost) console.error(say.cacheLost(String(cacheLost)));
  if (hadPrevious) removeInBackground(previous);
  if (!quiet) console.log(say.done(shownPath(out), ((performance.now() - started) / 1000).toFixed(1)));
  // The build publishes despite warnings, but a typo such as `pinnned:` must not pass unseen.
  const warnings = quiet ? '' : shortWarnings(contentWarnings(content, buildNow()), lang, shownPath(dir));
  if (warnings) console.log(warnings);
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

