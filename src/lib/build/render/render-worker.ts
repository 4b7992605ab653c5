// A render worker: a thread that runs inside the server bundle (server-entry.ts starts it) and
// renders its share of the site through Astro's App, writing each response where the static build
// would put it. Every worker makes the same list of units (a route's path, or one bulletin's
// pages in every language) from the routes' getStaticPaths(), and the workers claim units from
// that list through a shared counter, so a busy core simply renders fewer pages.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { RouteData, SSRManifest } from 'astro';
import type { App } from 'astro/app';
import type { Content } from '../../content/load-content.ts';
import { folderMaker } from '../folder-maker.ts';
import { INDEXED_MARK, SEARCH_DIR } from '../search-index.ts';
import { sharePreloadedContent, shareReusedPages } from '../../site/site-data.ts';
import { carryRenders } from '../../model/markdown.ts';
import { RENDER_ERROR_HEADER, type RenderErrorBody, type RenderJob, type RenderWorkerData, type WorkerMessage } from './render-protocol.ts';
import { outputFile, pathFromParams, requestUrl, type RouteKind } from './route-paths.ts';

// Routes rendered by worker 0 alone: those that make image variants (images.ts variantBytes()).
// The image cache (image-cache.ts) merges concurrent work on one image within a thread, and
// counts the work of the build in one place.
const ONE_THREAD_ROUTES = new Set(['src/pages/media/[...file].ts', 'src/pages/[...lang]/offline.html.ts']);
// The route of the pages the page cache keeps (page-reuse.ts): their Markdown is not carried over.
const PAGE_CACHED_ROUTE = 'src/pages/[...lang]/bulletiner/[slug].astro';

interface Item {
  route: RouteData;
  kind: RouteKind;
  pathname: string;
  file: string;
}

/** The renderer cannot go on: a reason to fall back to `astro build`, not the officer's doing. */
class InternalError extends Error {}

/** A page threw while rendering; `body` is the error as error-route.ts describes it. */
class PageError extends Error {
  constructor(readonly item: Item, readonly body: RenderErrorBody) {
    super(body.message);
  }
}

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

/**
 * Every route's paths, in an order every worker repeats, in units a worker claims whole: routes
 * with few paths first (the lists and feeds, which take longest each), and one bulletin's (or
 * service's, or page's) page in every language as one unit, so that one worker renders them all
 * and its Markdown cache renders an untranslated text once, not once per worker. A route that has
 * one path per language (a list, a feed, bulletiner.txt) is one unit too, for the same reason:
 * at 1,000 bulletins that saved 0.4 s of a 4.7 s render after a one-line change.
 */
async function planUnits(manifest: SSRManifest, pages: Map<string, PageModule>): Promise<Item[][]> {
  if (manifest.buildFormat !== 'directory') throw new InternalError(`build.format is ${manifest.buildFormat}; the renderer writes the 'directory' format only`);
  const perRoute: Item[][][] = [];
  for (const { routeData: route } of manifest.routes) {
    // Astro's own routes (/_image, /_server-islands) and the bundle's error route (adapter.ts).
    if (route.origin !== 'project') continue;
    if (route.type !== 'page' && route.type !== 'endpoint') throw new InternalError(`${route.component}: a ${route.type} route, which the renderer does not write`);
    // App calls getStaticPaths() only for prerendered routes; in the bundle none is (output: 'server').
    // Changed in place: App finds a page's styles by this very object.
    route.prerender = true;
    const kind = route.type as RouteKind;
    const item = (pathname: string): Item => ({ route, kind, pathname, file: outputFile(pathname, kind) });
    if (route.pathname) {
      perRoute.push([[item(route.pathname)]]);
      continue;
    }
    const mod = pages.get(route.component);
    if (!mod) throw new InternalError(`${route.component}: not in the bundle's page map`);
    if (typeof mod.getStaticPaths !== 'function') throw new InternalError(`${route.component}: a dynamic route without getStaticPaths()`);
    const entries = (await mod.getStaticPaths({ paginate: noPaginate, routePattern: route.route })) as { params: Record<string, unknown> }[];
    const units = new Map<string, Item[]>();
    for (const { params } of entries) {
      const { lang: _lang, ...rest } = params;
      const key = Object.keys(rest).length ? JSON.stringify(rest) : 'every language';
      const unit = units.get(key) ?? [];
      unit.push(item(pathFromParams(route, params)));
      units.set(key, unit);
    }
    perRoute.push([...units.values()]);
  }
  const count = (units: Item[][]) => units.reduce((n, u) => n + u.length, 0);
  const units = perRoute.map((units, i) => ({ units, i })).sort((a, b) => count(a.units) - count(b.units) || a.i - b.i).flatMap((r) => r.units);
  const seen = new Map<string, string>();
  for (const item of units.flat()) {
    const other = seen.get(item.file);
    if (other) throw new InternalError(`${item.file} is made by both ${other} and ${item.route.component}`);
    seen.set(item.file, item.route.component);
  }
  return units;
}

type PageModule = { getStaticPaths?: (o: object) => unknown };

/**
 * Every page module of the site's routes, loaded (and so evaluated) while the worker waits for its
 * job: that waiting is build-site.ts checking content/ (0.3 s at 100 bulletins, 2 s at 1,000), and
 * loading the modules took 0.1-0.2 s of each worker's time after it.
 */
async function loadPages(manifest: SSRManifest): Promise<Map<string, PageModule>> {
  const pages = new Map<string, PageModule>();
  for (const { routeData: route } of manifest.routes) {
    // The routes planUnits() asks for their paths; a page of one fixed path loads when it renders.
    if (route.origin !== 'project' || route.pathname) continue;
    const load = manifest.pageMap?.get(route.component);
    if (load) pages.set(route.component, (await (await load()).page()) as PageModule);
  }
  return pages;
}

function noPaginate(): never {
  throw new InternalError('paginate() in getStaticPaths() is not supported by the renderer');
}

function digest(items: Item[]): string {
  const h = createHash('sha256');
  for (const item of items) h.update(`${item.route.component}\u0000${item.file}\u0000`);
  return h.digest('base64url');
}

/** Files being written at once by one worker. */
const WRITES_AT_ONCE = 32;
const writeBytes = promisify(writeFile);

/**
 * Writes each file as soon as its page is rendered, at most WRITES_AT_ONCE at a time, so that no
 * more pages wait in memory than that; each folder is made once (folder-maker.ts). Node's callback
 * functions (here promisified): the system calls run in the thread pool, not in this thread (on a
 * busy disk an open or mkdir can take a millisecond), at half the CPU of fs/promises' file handles.
 */
function fileWriter(outDir: string) {
  const folder = folderMaker();
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  return {
    /** Waits while WRITES_AT_ONCE files are being written, then writes this one and calls `then`. */
    async write(file: string, bytes: Uint8Array, then: () => void): Promise<void> {
      if (failure) throw failure;
      while (pending.size >= WRITES_AT_ONCE) await Promise.race(pending);
      const abs = path.join(outDir, file);
      const p: Promise<void> = folder(path.dirname(abs))
        .then(() => writeBytes(abs, bytes))
        .then(then, (e: unknown) => {
          failure ??= e;
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    /** Waits for the last files; throws if any could not be written. */
    async settle(): Promise<void> {
      await Promise.all(pending);
      if (failure) throw failure;
    },
  };
}

/**
 * The pages search indexes go to the main thread (search-index.ts) in batches, their bytes moved,
 * not copied: one message per page cost more than the rest of handing them over.
 */
function indexedPages() {
  const MARK = Buffer.from(INDEXED_MARK);
  let batch: { file: string; bytes: Uint8Array }[] = [];
  const flush = () => {
    if (!batch.length) return;
    post({ type: 'indexed', pages: batch }, batch.map((p) => p.bytes.buffer as ArrayBuffer));
    batch = [];
  };
  return {
    /** Whether the page carries search's mark: looked for in the bytes, no text decoded. */
    wanted(file: string, bytes: Uint8Array): boolean {
      return file.endsWith('.html') && !file.startsWith(`${SEARCH_DIR}/`) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(MARK);
    },
    add(file: string, bytes: Uint8Array): void {
      batch.push({ file, bytes });
      if (batch.length >= 32) flush();
    },
    flush,
  };
}

/**
 * Astro's App logs a render error itself (to the console) before it renders the error route;
 * the route's answer is what the officer gets, so errors are only kept here for a 500 without one.
 */
function quietLogger(app: App): string[] {
  const errors: string[] = [];
  const options = (app.getAdapterLogger() as unknown as { options?: { dest?: unknown } }).options;
  if (options) {
    options.dest = {
      write(event: { level: string; message: string }) {
        if (event.level === 'error') errors.push(event.message);
        else if (event.level === 'warn') post({ type: 'warning', text: event.message });
        return true;
      },
    };
  }
  return errors;
}

async function renderItem(app: App, manifest: SSRManifest, item: Item, origin: string, loggedErrors: string[]): Promise<Uint8Array | undefined> {
  const url = requestUrl(item.pathname, item.kind, manifest.base, origin, manifest.trailingSlash);
  const response = await app.render(new Request(url), { routeData: item.route });
  if (response.headers.has(RENDER_ERROR_HEADER)) throw new PageError(item, (await response.json()) as RenderErrorBody);
  if (response.status === 500) throw new PageError(item, { name: 'Error', message: loggedErrors.at(-1) ?? 'status 500' });
  if (response.status >= 300 && response.status < 400) throw new InternalError(`${item.pathname}: a redirect (status ${response.status}), which the renderer does not write`);
  // Like the static build: an empty response makes no file.
  if (!response.body) return undefined;
  return new Uint8Array(await response.arrayBuffer());
}

async function run(app: App, manifest: SSRManifest, data: RenderWorkerData, job: RenderJob, loaded: number, pages: Promise<Map<string, PageModule>>): Promise<void> {
  const jobAt = performance.now();
  const origin = manifest.site ? new URL(manifest.site).origin : 'http://localhost:4321';
  if (manifest.base !== job.expect.base || (job.expect.origin ?? undefined) !== (manifest.site ? origin : undefined)) {
    throw new InternalError(`the bundle is for ${manifest.site ?? '(no site)'}${manifest.base}, the content for ${job.expect.origin ?? '(no site)'}${job.expect.base}`);
  }
  const content = deserialize(job.content) as Content;
  sharePreloadedContent(content.dir, content);
  shareReusedPages(job.reused);
  const known = new Map<string, string>();
  for (const part of job.renders) for (const [id, html] of deserialize(part) as Map<string, string>) known.set(id, html);
  // Read once: the job lives as long as the render, and at 5,000 bulletins these bytes were 30 MB
  // of this thread's memory (twice that in a rebuild, with the kept renders).
  job.content = new Uint8Array(0);
  job.renders = [];
  const renders = carryRenders(known);
  const loggedErrors = quietLogger(app);
  const units = await planUnits(manifest, await pages);
  post({ type: 'plan', items: units.flat().length, digest: digest(units.flat()) });
  const planned = performance.now();

  const oneThread = (unit: Item[]) => ONE_THREAD_ROUTES.has(unit[0]!.route.component);
  const mine = data.index === 0 ? units.filter(oneThread).flat() : [];
  const shared = units.filter((u) => !oneThread(u));
  const control = new Int32Array(data.control);
  const claim = (): Item | undefined => {
    // Another worker failed: the build falls back or stops, so no more pages.
    if (Atomics.load(control, 1)) return undefined;
    if (!mine.length) mine.push(...(shared[Atomics.add(control, 0, 1)] ?? []));
    return mine.shift();
  };

  const writer = fileWriter(job.outDir);
  const search = indexedPages();
  let rendered = 0;
  let written = 0;
  // One page at a time, as the static build does: rendering is CPU work, and a route's first
  // render fills App's cache of its getStaticPaths() (two at once would both fill it). Writing
  // goes on meanwhile.
  for (let item = claim(); item; item = claim()) {
    renders.paused = item.route.component === PAGE_CACHED_ROUTE;
    const bytes = await renderItem(app, manifest, item, origin, loggedErrors);
    rendered++;
    if (!bytes) continue;
    const { file } = item;
    // Handed to search once written: moving the bytes leaves this thread without them.
    const indexed = search.wanted(file, bytes);
    await writer.write(file, bytes, () => {
      written++;
      if (indexed) search.add(file, bytes);
    });
  }
  await writer.settle();
  search.flush();
  post({ type: 'done', rendered, written, ms: { loaded, job: jobAt, planned, done: performance.now() }, renders: { bytes: serialize(renders.used), used: renders.used.size, carried: renders.carried } });
}

function describe(e: unknown): RenderErrorBody {
  return e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
}

/** Waits for the job, renders, and reports; never throws (a failure is a message). */
export function startRenderWorker(app: App, manifest: SSRManifest, data: RenderWorkerData): void {
  const loaded = performance.now();
  const pages = loadPages(manifest);
  // Handled where run() awaits it; until then a failure must not count as unhandled.
  pages.catch(() => undefined);
  parentPort!.once('message', (job: RenderJob) => {
    run(app, manifest, data, job, loaded, pages).catch((e: unknown) => {
      if (e instanceof PageError) {
        const kind = e.body.name === 'ContentError' ? 'content' : 'page';
        post({ type: 'failed', kind, path: e.item.pathname, component: e.body.file ?? e.item.route.component, error: e.body });
      } else {
        // An error thrown outside a page (getStaticPaths(), a write) is the renderer's to handle.
        const error = describe(e);
        post({ type: 'failed', kind: error.name === 'ContentError' ? 'content' : 'internal', error });
      }
    });
  });
}
