// Renders the site into a folder: through the server bundle (server-bundle.ts) in worker threads
// (render-worker.ts), which takes a second or two where `astro build` takes many, or, when that
// path cannot be used, through `astro build` as before, with a one-line notice. Either way the
// folder ends up with the same files (tests/render-equivalence.test.ts).
//
// What is not the renderer's to decide: a content error stops the build with its report, as
// before. Anything else that goes wrong on the fast path (no bundle, a bundle that does not fit,
// a page that throws, a worker that dies) falls back to `astro build`, which then either
// publishes or fails exactly as it did before this path existed.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serialize, setFlagsFromString } from 'node:v8';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { ValidContent } from '../../content/load-content.ts';
import { messageFor, type MessageLang } from '../../content/messages.ts';
import { keptDir, readKept, writeKept } from '../kept-between-builds.ts';
import type { SearchIndexer } from '../search-index.ts';
import type { RenderJob, RenderWorkerData, WorkerMessage } from './render-protocol.ts';
import { configuredSite, pruneBundles, startServerBundle, type BundleBuild, type ServerBundle } from './server-bundle.ts';

type DoneMessage = Extract<WorkerMessage, { type: 'done' }>;

export interface RenderOptions {
  /** An empty folder inside the project that receives the site. */
  outDir: string;
  content: ValidContent;
  /** Bulletin pages the page cache supplies: left out here, build-site.ts links them in. */
  reused: { lang: string; slug: string }[];
  /** Receives every page search indexes as soon as it is written. */
  search?: SearchIndexer;
  /** Astro's log level: the `astro build` fallback's, and 'error' hides Astro's warnings while rendering too. */
  logLevel: 'info' | 'warn' | 'error';
  lang?: MessageLang;
  /** Prints where the time went (KRISINFO_TIMING). */
  timing?: boolean;
  /** Names the Markdown renders kept between builds (kept-between-builds.ts); without it none are kept or used. */
  inputsDigest?: string;
}

export interface Renderer {
  /** Renders every page of the site (except the reused bulletin pages) into `o.outDir`, with public/. */
  render(o: RenderOptions): Promise<void>;
}

/** The content has an error: build-site.ts prints the message alone, as for any ContentError. */
class ContentError extends Error {
  override name = 'ContentError';
}

/** Why the fast path was not taken, for the one-line notice. */
class NotRendered extends Error {}

/**
 * Bulletin files from which a second render thread pays. Below, rendering takes a second or two
 * on one thread, and a second thread's start (loading the bundle, building the model) costs about
 * what it saves. Measured on the project's 2-core machine, shared: 100 bulletins (140 files)
 * 3.3–3.5 s with one thread, 4.1–5.4 s with two; 1,000 bulletins (1,400 files) 19.2 s and 17.9 s.
 */
const FILES_FOR_TWO_THREADS = 500;

/**
 * Bulletin files from which the build's heaps are kept closer to what they hold. V8 lets a heap
 * grow to several times what survived its last full collection before it collects again; at
 * 5,000 bulletins each render thread keeps some 200 MB alive, and the build's process peaked at
 * 1.2-1.5 GB. Grown by half at most, it peaked at 1.0 GB, and the build took some 8 % longer
 * (more collections); at 1,000 bulletins (peak 575 MB) it would cost 3 % for less need.
 */
const FILES_FOR_SMALLER_HEAPS = 2000;

function bulletinFiles(contentDir: string): number {
  const dir = path.join(contentDir, 'bulletins');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md')).length : 0;
}

/** One render thread, or two for a large site (KRISINFO_RENDER_THREADS=n decides instead). */
function workerCount(files: number): number {
  const asked = Number(process.env.KRISINFO_RENDER_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return files >= FILES_FOR_TWO_THREADS ? Math.min(2, os.availableParallelism()) : 1;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? text;
}

/** Milliseconds as seconds, for the KRISINFO_TIMING lines. */
const inSeconds = (ms: number) => (ms / 1000).toFixed(2);

function reasonOf(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}

/**
 * Render workers on a bundle, started before they have work: each loads the bundle (Astro's
 * runtime and every page module) while build-site.ts is still checking content/. Until run() they do
 * not keep the process alive, so a build stopped by a content error ends as before.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  /** [0]: the next unit of the shared list to claim; [1]: 1 once the workers are to take no more. */
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  /** Workers that will render no more: done, failed or gone. */
  private readonly ended = new Set<Worker>();
  private failure: Error | undefined;
  private written = 0;
  /** The Markdown renders each worker used, for the next build, and how many it carried. */
  private readonly renders: DoneMessage['renders'][] = [];
  /** One line per worker for KRISINFO_TIMING. */
  readonly report: string[] = [];
  private onMessage: ((m: WorkerMessage) => void) | undefined;
  private onEnded: (() => void) | undefined;

  constructor(readonly bundle: ServerBundle, readonly count: number) {
    for (let index = 0; index < count; index++) {
      const data: RenderWorkerData = { krisinfoRender: true, index, control: this.control.buffer as SharedArrayBuffer };
      // SHARE_ENV: the workers see KRISINFO_NOW and the rest as build-site.ts sets them later.
      const worker = new Worker(bundle.entry, { workerData: data, env: SHARE_ENV });
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'done') {
          this.written += m.written;
          this.renders.push(m.renders);
          this.report.push(`worker ${index}: bundle loaded at ${inSeconds(m.ms.loaded)} s, job at ${inSeconds(m.ms.job)} s, list made in ${inSeconds(m.ms.planned - m.ms.job)} s, ${m.rendered} items rendered in ${inSeconds(m.ms.done - m.ms.planned)} s`);
          this.end(worker);
        }
        else if (m.type === 'failed') this.end(worker, failureOf(m));
        else this.onMessage?.(m);
      });
      worker.on('error', (e) => this.end(worker, new NotRendered(`a render worker stopped: ${reasonOf(e)}`)));
      worker.on('exit', (code) => {
        if (!this.ended.has(worker)) this.end(worker, new NotRendered(`a render worker exited (${code}) before it finished`));
      });
      // After the listeners: adding a 'message' listener refs the worker again.
      worker.unref();
      this.workers.push(worker);
    }
  }

  /**
   * A worker has finished. On the first failure the others are told to take no more pages; they
   * finish the one in hand (an image being encoded is never cut off) and stop.
   */
  private end(worker: Worker, failure?: Error): void {
    if (failure) this.fail(failure);
    this.ended.add(worker);
    this.onEnded?.();
  }

  private fail(failure: Error): void {
    this.failure ??= failure;
    Atomics.store(this.control, 1, 1);
  }

  /** For KRISINFO_TIMING: how much Markdown the workers took from the previous build. */
  markdownReport(): string {
    const sum = (field: 'carried' | 'used') => this.renders.reduce((n, r) => n + r[field], 0);
    return `Markdown: ${sum('carried')} of ${sum('used')} renders carried from the previous build`;
  }

  /** Gives every worker the job and waits until each has rendered its share, or one has failed. */
  async run(job: RenderJob, search: SearchIndexer | undefined, quiet: boolean): Promise<{ items: number; written: number; renders: Uint8Array[] }> {
    let plan: { items: number; digest: string } | undefined;
    this.onMessage = (m) => {
      if (m.type === 'plan') {
        // Every worker claims units by their place in its own list: the lists must agree.
        if (plan && (plan.items !== m.items || plan.digest !== m.digest)) this.fail(new NotRendered('the workers listed different pages'));
        plan ??= { items: m.items, digest: m.digest };
      } else if (m.type === 'indexed') {
        for (const page of m.pages) search?.add(page.file, Buffer.from(page.bytes.buffer, page.bytes.byteOffset, page.bytes.byteLength).toString('utf8'));
      }
      // Astro's warnings while rendering, shown as the static build shows them.
      else if (m.type === 'warning' && !quiet) console.warn(m.text);
    };
    await new Promise<void>((resolve) => {
      this.onEnded = () => this.ended.size === this.count && resolve();
      for (const w of this.workers) {
        if (this.ended.has(w)) continue;
        w.ref();
        w.postMessage(job);
      }
      // Each worker has its own copy now; the job's bytes (30 MB at 5,000 bulletins, and as much
      // again of kept renders in a rebuild) need not stay in this thread while they render.
      job.content = new Uint8Array(0);
      job.renders = [];
      this.onEnded();
    });
    // All idle now: none of them writes into the folder after this returns.
    await Promise.all(this.workers.map((w) => w.terminate()));
    if (this.failure) throw this.failure;
    return { items: plan?.items ?? 0, written: this.written, renders: this.renders.map((r) => r.bytes) };
  }
}

function failureOf(m: Extract<WorkerMessage, { type: 'failed' }>): Error {
  if (m.kind === 'content') return new ContentError(m.error.message);
  const where = m.path ? `${m.path} (${m.component})` : (m.component ?? '');
  return new NotRendered(`${where ? `${where}: ` : ''}${firstLine(m.error.message)}`);
}

/** Copies what the static build copies besides the pages: public/ and the bundle's own assets. */
async function copyAssets(root: string, bundle: ServerBundle, outDir: string): Promise<void> {
  // The folder first: cp() of public/ into a missing folder checks that it is missing, then makes
  // it, and a worker writing its first page in between made the build fail with EEXIST (seen once
  // at 5,000 bulletins with a warm page cache).
  await mkdir(outDir, { recursive: true });
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
 * Starts the renderer for the project in `root` and the content in `contentDir`, before content/
 * is checked: when the bundle for the current code exists, its workers start loading it now;
 * when it does not, its build starts now. KRISINFO_RENDER=astro takes the `astro build` path.
 */
export function startRenderer(root: string, contentDir: string): Renderer {
  if (process.env.KRISINFO_RENDER === 'astro') return { render: (o) => astroBuild(root, o) };
  const started = performance.now();
  const files = bulletinFiles(contentDir);
  // Read by V8 whenever a heap's next limit is set: this thread's and, once started, the workers'.
  if (files >= FILES_FOR_SMALLER_HEAPS) setFlagsFromString('--heap-growing-percent=50');
  let pool: WorkerPool | undefined;
  let building: BundleBuild | undefined;
  let startFailure: unknown;
  try {
    const bundle = startServerBundle(root, contentDir);
    if ('bundle' in bundle) pool = new WorkerPool(bundle.bundle, workerCount(files));
    else building = bundle;
  } catch (e) {
    startFailure = e;
  }

  async function renderThroughBundle(o: RenderOptions): Promise<void> {
    const t0 = performance.now();
    if (!pool) {
      try {
        if (!building) throw startFailure;
        pool = new WorkerPool(await building.waitFor(), workerCount(files));
      } catch (e) {
        throw new NotRendered(`the server bundle could not be built: ${reasonOf(e)}`);
      }
    }
    const { bundle } = pool;
    const t1 = performance.now();
    const job: RenderJob = {
      type: 'render',
      outDir: o.outDir,
      content: serialize(o.content),
      reused: o.reused.map(({ lang, slug }) => ({ lang, slug })),
      renders: o.inputsDigest ? readKept(o.inputsDigest, keptDir('markdown')) : [],
      expect: configuredSite(contentDir),
    };
    const [result] = await Promise.all([pool.run(job, o.search, o.logLevel === 'error'), copyAssets(root, bundle, o.outDir)]);
    const t2 = performance.now();
    if (o.inputsDigest) writeKept(o.inputsDigest, result.renders, keptDir('markdown'));
    pruneBundles(root, bundle.key);
    if (o.timing) {
      const how = bundle.built ? `built in ${inSeconds(t1 - started)} s (${inSeconds(t1 - t0)} s of it waited for)` : `found, workers started ${inSeconds(t0 - started)} s before render()`;
      process.stderr.write(`RENDER bundle ${how}; ${pool.count} workers rendered ${result.items} items (${result.written} files) in ${inSeconds(t2 - t1)} s\n`);
      for (const line of pool.report) process.stderr.write(`RENDER ${line}\n`);
      process.stderr.write(`RENDER ${pool.markdownReport()}\n`);
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
