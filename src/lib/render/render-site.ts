// Renders the site into a folder: through the server bundle (server-bundle.ts) in worker threads
// (render-worker.ts), which takes a second or two where `astro build` takes many, or, when that
// path cannot be used, through `astro build` as before, with a one-line notice. Either way the
// folder ends up with the same files (tests/render-equivalence.test.ts).
//
// What is not the renderer's to decide: a content error stops the build with its report, as
// before. Anything else that goes wrong on the fast path (no bundle, a bundle that does not fit,
// a page that throws, a worker that dies) falls back to `astro build`, which then either
// publishes or fails exactly as it did before this path existed.
import { cp } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { ValidContent } from '../load-content.ts';
import { messageFor, type MessageLang } from '../messages.ts';
import type { SearchIndexer } from '../search-index.ts';
import type { RenderJob, RenderWorkerData, WorkerMessage } from './render-protocol.ts';
import { configuredSite, pruneBundles, serverBundle, type ServerBundle } from './server-bundle.ts';

export interface RenderSiteOptions {
  /** The project folder (src/, public/, astro.config.mjs). */
  root: string;
  /** An empty folder inside the project that receives the site. */
  outDir: string;
  content: ValidContent;
  /** Bulletin pages the page cache supplies: left out here, build.ts links them in. */
  reused: { lang: string; slug: string }[];
  /** Receives every page search indexes as soon as it is written. */
  search?: SearchIndexer;
  /** Astro's log level for the `astro build` fallback. */
  logLevel: 'info' | 'warn' | 'error';
  lang?: MessageLang;
  /** Prints where the time went (KRISINFO_TIMING). */
  timing?: boolean;
}

/** The content has an error: build.ts prints the message alone, as for any ContentError. */
class ContentError extends Error {
  override name = 'ContentError';
}

/** Why the fast path was not taken, for the one-line notice. */
class NotRendered extends Error {}

/** Two workers: one per core of the machines this runs on; Pagefind works beside them. */
function workerCount(): number {
  const asked = Number(process.env.KRISINFO_RENDER_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? asked : Math.min(2, os.availableParallelism());
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? text;
}

/** Runs the workers on the bundle until each has rendered its share, or one fails. */
function renderInWorkers(bundle: ServerBundle, job: RenderJob, o: RenderSiteOptions): Promise<{ items: number; written: number }> {
  const count = workerCount();
  const claims = new SharedArrayBuffer(4);
  const workers: Worker[] = [];
  return new Promise((resolve, reject) => {
    let plan: { items: number; digest: string } | undefined;
    let finished = 0;
    let written = 0;
    let settled = false;
    // Settled once the workers are gone: none of them writes into the folder after this returns.
    const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      void stopAll().finally(() => reject(e));
    };
    for (let index = 0; index < count; index++) {
      const data: RenderWorkerData = { krisinfoRender: true, index, claims };
      // SHARE_ENV: the workers see KRISINFO_NOW and the rest as build.ts set them.
      const worker = new Worker(bundle.entry, { workerData: data, env: SHARE_ENV });
      workers.push(worker);
      worker.on('message', (m: WorkerMessage) => {
        if (settled) return;
        switch (m.type) {
          case 'plan':
            // Every worker claims items by their place in its own list: the lists must agree.
            if (plan && (plan.items !== m.items || plan.digest !== m.digest)) fail(new NotRendered('the workers listed different pages'));
            plan ??= { items: m.items, digest: m.digest };
            break;
          case 'indexed':
            o.search?.add(m.file, m.html);
            break;
          case 'warning':
            console.warn(m.text);
            break;
          case 'done':
            written += m.written;
            if (++finished === count) {
              settled = true;
              void stopAll().finally(() => resolve({ items: plan?.items ?? 0, written }));
            }
            break;
          case 'failed':
            if (m.kind === 'content') fail(new ContentError(m.error.message));
            else {
              const where = m.path ? `${m.path} (${m.component})` : (m.component ?? '');
              fail(new NotRendered(`${where ? `${where}: ` : ''}${firstLine(m.error.message)}`));
            }
            break;
        }
      });
      worker.on('error', (e) => fail(new NotRendered(`a render worker stopped: ${firstLine(e.message)}`)));
      worker.on('exit', (code) => {
        if (!settled) fail(new NotRendered(`a render worker exited (${code}) before it finished`));
      });
      worker.postMessage(job);
    }
  });
}

/** Copies what the static build copies besides the pages: public/ and the bundle's own assets. */
async function copyAssets(root: string, bundle: ServerBundle, outDir: string): Promise<void> {
  const publicDir = path.join(root, 'public');
  if (existsSync(publicDir)) await cp(publicDir, outDir, { recursive: true });
  const assets = path.join(bundle.dir, 'client', '_astro');
  if (existsSync(assets)) await cp(assets, path.join(outDir, '_astro'), { recursive: true });
}

async function renderThroughBundle(o: RenderSiteOptions): Promise<void> {
  const t0 = performance.now();
  let bundle: ServerBundle;
  try {
    bundle = await serverBundle(o.root, o.content.dir);
  } catch (e) {
    throw new NotRendered(`the server bundle could not be built: ${e instanceof Error ? e.message : String(e)}`);
  }
  const t1 = performance.now();
  const job: RenderJob = { type: 'render', outDir: o.outDir, content: o.content, reused: o.reused.map(({ lang, slug }) => ({ lang, slug })), expect: configuredSite(o.content.dir) };
  const [result] = await Promise.all([renderInWorkers(bundle, job, o), copyAssets(o.root, bundle, o.outDir)]);
  const t2 = performance.now();
  pruneBundles(o.root, bundle.key);
  if (o.timing) {
    const s = (ms: number) => (ms / 1000).toFixed(2);
    process.stderr.write(`RENDER bundle ${bundle.built ? 'built' : 'found'} ${s(t1 - t0)} s, ${workerCount()} workers rendered ${result.items} items (${result.written} files) in ${s(t2 - t1)} s\n`);
  }
}

/** Today's path: Astro's static build, in this process. */
async function astroBuild(o: RenderSiteOptions): Promise<void> {
  const { build } = await import('astro');
  await build({ root: o.root, outDir: o.outDir, logLevel: o.logLevel });
}

/**
 * Renders every page the site has (except the reused bulletin pages) into `o.outDir`, with
 * public/ copied in. KRISINFO_RENDER=astro takes the `astro build` path directly.
 */
export async function renderSite(o: RenderSiteOptions): Promise<void> {
  if (process.env.KRISINFO_RENDER === 'astro') return astroBuild(o);
  try {
    await renderThroughBundle(o);
    return;
  } catch (e) {
    if (!(e instanceof NotRendered)) throw e;
    console.error(messageFor({ code: 'build.fallback', params: { detail: e.message } }, o.lang ?? 'sv').text);
  }
  // Whatever the workers wrote goes: astro build starts from an empty folder.
  rmSync(o.outDir, { recursive: true, force: true });
  await astroBuild(o);
}
