// Renders the site into a folder: through the server bundle (server-bundle.ts) in worker threads
// (render-worker.ts), which takes a second or two where `astro build` takes many, or, when that
// path cannot be used, through `astro build` as before, with a one-line notice. Either way the
// folder ends up with the same files (tests/render-equivalence.test.ts).
//
// What is not the renderer's to decide: a content error stops the build with its report, as
// before. Anything else that goes wrong on the fast path (no bundle, a bundle that does not fit,
// a page that throws, a worker that dies) falls back to `astro build`, which then either
// publishes or fails exactly as it did before this path existed.
import { existsSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { ValidContent } from '../load-content.ts';
import { messageFor, type MessageLang } from '../messages.ts';
import type { SearchIndexer } from '../search-index.ts';
import type { RenderJob, RenderWorkerData, WorkerMessage } from './render-protocol.ts';
import { bundleKey, configuredSite, foundBundle, pruneBundles, serverBundle, type ServerBundle } from './server-bundle.ts';

export interface RenderOptions {
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

export interface Renderer {
  /** Renders every page of the site (except the reused bulletin pages) into `o.outDir`, with public/. */
  render(o: RenderOptions): Promise<void>;
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

function reasonOf(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}

/**
 * Render workers on a bundle, started before they have work: each loads the bundle (Astro's
 * runtime and every page module) while build.ts is still checking content/. Until run() they do
 * not keep the process alive, so a build stopped by a content error ends as before.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly claims = new SharedArrayBuffer(4);
  private listener: ((m: WorkerMessage) => void) | undefined;
  private early: Error | undefined;
  private failed: ((e: Error) => void) | undefined;

  constructor(readonly bundle: ServerBundle, readonly count = workerCount()) {
    for (let index = 0; index < count; index++) {
      const data: RenderWorkerData = { krisinfoRender: true, index, claims: this.claims };
      // SHARE_ENV: the workers see KRISINFO_NOW and the rest as build.ts sets them later.
      const worker = new Worker(bundle.entry, { workerData: data, env: SHARE_ENV });
      worker.unref();
      worker.on('message', (m: WorkerMessage) => this.listener?.(m));
      const stopped = (e: Error) => (this.failed ? this.failed(e) : (this.early ??= e));
      worker.on('error', (e) => stopped(new NotRendered(`a render worker stopped: ${reasonOf(e)}`)));
      worker.on('exit', (code) => stopped(new NotRendered(`a render worker exited (${code}) before it finished`)));
      this.workers.push(worker);
    }
  }

  /** Gives every worker the job and waits until each has rendered its share, or one fails. */
  run(job: RenderJob, search: SearchIndexer | undefined): Promise<{ items: number; written: number }> {
    return new Promise((resolve, reject) => {
      let plan: { items: number; digest: string } | undefined;
      let finished = 0;
      let written = 0;
      let settled = false;
      // Settled once the workers are gone: none of them writes into the folder after this returns.
      const end = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        void this.stop().finally(outcome);
      };
      this.failed = (e) => end(() => reject(e));
      if (this.early) return this.failed(this.early);
      this.listener = (m) => {
        if (settled) return;
        switch (m.type) {
          case 'plan':
            // Every worker claims items by their place in its own list: the lists must agree.
            if (plan && (plan.items !== m.items || plan.digest !== m.digest)) this.failed!(new NotRendered('the workers listed different pages'));
            plan ??= { items: m.items, digest: m.digest };
            break;
          case 'indexed':
            search?.add(m.file, m.html);
            break;
          case 'warning':
            console.warn(m.text);
            break;
          case 'done':
            written += m.written;
            if (++finished === this.count) end(() => resolve({ items: plan?.items ?? 0, written }));
            break;
          case 'failed':
            if (m.kind === 'content') this.failed!(new ContentError(m.error.message));
            else {
              const where = m.path ? `${m.path} (${m.component})` : (m.component ?? '');
              this.failed!(new NotRendered(`${where ? `${where}: ` : ''}${firstLine(m.error.message)}`));
            }
            break;
        }
      };
      for (const w of this.workers) {
        w.ref();
        w.postMessage(job);
      }
    });
  }

  stop(): Promise<unknown> {
    this.failed = () => undefined;
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Copies what the static build copies besides the pages: public/ and the bundle's own assets. */
async function copyAssets(root: string, bundle: ServerBundle, outDir: string): Promise<void> {
  const publicDir = path.join(root, 'public');
  if (existsSync(publicDir)) await cp(publicDir, outDir, { recursive: true });
  const assets = path.join(bundle.dir, 'client', '_astro');
  if (existsSync(assets)) await cp(assets, path.join(outDir, '_astro'), { recursive: true });
}

/** Today's path: Astro's static build, in this process. */
async function astroBuild(root: string, o: RenderOptions): Promise<void> {
  const { build } = await import('astro');
  await build({ root, outDir: o.outDir, logLevel: o.logLevel });
}

/**
 * Starts the renderer for the project in `root` and the content in `contentDir`: when the bundle
 * for the current code exists, its workers start loading it now. KRISINFO_RENDER=astro takes the
 * `astro build` path instead.
 */
export function startRenderer(root: string, contentDir: string): Renderer {
  if (process.env.KRISINFO_RENDER === 'astro') return { render: (o) => astroBuild(root, o) };
  const started = performance.now();
  let pool: WorkerPool | undefined;
  try {
    const found = foundBundle(root, bundleKey(root, contentDir));
    if (found) pool = new WorkerPool(found);
  } catch {
    // render() tries again and says why if it still fails.
  }

  async function renderThroughBundle(o: RenderOptions): Promise<void> {
    const t0 = performance.now();
    if (!pool) {
      let bundle: ServerBundle;
      try {
        bundle = await serverBundle(root, contentDir);
      } catch (e) {
        throw new NotRendered(`the server bundle could not be built: ${reasonOf(e)}`);
      }
      pool = new WorkerPool(bundle);
    }
    const { bundle } = pool;
    const t1 = performance.now();
    const job: RenderJob = { type: 'render', outDir: o.outDir, content: serialize(o.content), reused: o.reused.map(({ lang, slug }) => ({ lang, slug })), expect: configuredSite(contentDir) };
    const [result] = await Promise.all([pool.run(job, o.search), copyAssets(root, bundle, o.outDir)]);
    const t2 = performance.now();
    pruneBundles(root, bundle.key);
    if (o.timing) {
      const s = (ms: number) => (ms / 1000).toFixed(2);
      process.stderr.write(`RENDER bundle ${bundle.built ? `built in ${s(t1 - t0)} s` : `found, workers started ${s(t0 - started)} s before render()`}; ${pool.count} workers rendered ${result.items} items (${result.written} files) in ${s(t2 - t1)} s\n`);
    }
  }

  return {
    async render(o) {
      try {
        await renderThroughBundle(o);
        return;
      } catch (e) {
        if (!(e instanceof NotRendered)) throw e;
        console.error(messageFor({ code: 'build.fallback', params: { detail: e.message } }, o.lang ?? 'sv').text);
      }
      // Whatever the workers wrote goes: astro build starts from an empty folder.
      rmSync(o.outDir, { recursive: true, force: true });
      await astroBuild(root, o);
    },
  };
}
