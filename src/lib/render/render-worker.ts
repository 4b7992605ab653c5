// A render worker: a thread that runs inside the server bundle (server-entry.ts starts it) and
// renders its share of the site through Astro's App, writing each response where the static build
// would put it. Every worker makes the same list of items (route and path) from the routes'
// getStaticPaths(), and the workers claim items from that list one at a time through a shared
// counter, so a busy core simply renders fewer pages.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { RouteData, SSRManifest } from 'astro';
import type { App } from 'astro/app';
import type { Content } from '../load-content.ts';
import { INDEXED_MARK, SEARCH_DIR } from '../search-index.ts';
import { sharePreloadedContent, shareReusedPages } from '../site-data.ts';
import { RENDER_ERROR_HEADER, type RenderErrorBody, type RenderJob, type RenderWorkerData, type WorkerMessage } from './render-protocol.ts';
import { outputFile, pathFromParams, requestUrl, type RouteKind } from './route-paths.ts';

// Routes rendered by worker 0 alone: those that make image variants (images.ts variantBytes()).
// The image cache (image-cache.ts) merges concurrent work on one image within a thread, and
// counts the work of the build in one place.
const ONE_THREAD_ROUTES = new Set(['src/pages/media/[...file].ts', 'src/pages/[...lang]/offline.html.ts']);

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

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

/**
 * Every route's paths, in an order every worker repeats, in units a worker claims whole: routes
 * with few paths first (the lists and feeds, which take longest each), and one bulletin's (or
 * service's, or page's) page in every language as one unit, so that one worker renders them all
 * and its Markdown cache renders an untranslated text once, not once per worker.
 */
async function planUnits(manifest: SSRManifest): Promise<Item[][]> {
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
    const load = manifest.pageMap?.get(route.component);
    if (!load) throw new InternalError(`${route.component}: not in the bundle's page map`);
    const mod = (await (await load()).page()) as { getStaticPaths?: (o: object) => unknown };
    if (typeof mod.getStaticPaths !== 'function') throw new InternalError(`${route.component}: a dynamic route without getStaticPaths()`);
    const entries = (await mod.getStaticPaths({ paginate: noPaginate, routePattern: route.route })) as { params: Record<string, unknown> }[];
    const units = new Map<string, Item[]>();
    for (const [i, { params }] of entries.entries()) {
      const { lang: _lang, ...rest } = params;
      const key = Object.keys(rest).length ? JSON.stringify(rest) : String(i);
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

function noPaginate(): never {
  throw new InternalError('paginate() in getStaticPaths() is not supported by the renderer');
}

function digest(items: Item[]): string {
  const h = createHash('sha256');
  for (const item of items) h.update(`${item.route.component}\u0000${item.file}\u0000`);
  return h.digest('base64url');
}

/**
 * Writes each file as soon as its page is rendered, so no page waits in memory, each folder made
 * once. Synchronous on purpose: measured, it costs half the CPU of fs/promises' open, write and
 * close round trips through the thread pool, and both cores are busy rendering anyway.
 */
function fileWriter(outDir: string): (file: string, bytes: Uint8Array) => void {
  const folders = new Set<string>();
  return (file, bytes) => {
    const abs = path.join(outDir, file);
    const dir = path.dirname(abs);
    if (!folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      folders.add(dir);
    }
    writeFileSync(abs, bytes);
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

async function run(app: App, manifest: SSRManifest, data: RenderWorkerData, job: RenderJob, loaded: number): Promise<void> {
  const jobAt = performance.now();
  const origin = manifest.site ? new URL(manifest.site).origin : 'http://localhost:4321';
  if (manifest.base !== job.expect.base || (job.expect.origin ?? undefined) !== (manifest.site ? origin : undefined)) {
    throw new InternalError(`the bundle is for ${manifest.site ?? '(no site)'}${manifest.base}, the content for ${job.expect.origin ?? '(no site)'}${job.expect.base}`);
  }
  const content = deserialize(job.content) as Content;
  sharePreloadedContent(content.dir, content);
  shareReusedPages(job.reused);
  const loggedErrors = quietLogger(app);
  const units = await planUnits(manifest);
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

  const write = fileWriter(job.outDir);
  const searchDir = `${SEARCH_DIR}/`;
  let rendered = 0;
  let written = 0;
  // One page at a time, as the static build does: rendering is CPU work, and a route's first
  // render fills App's cache of its getStaticPaths() (two at once would both fill it).
  for (let item = claim(); item; item = claim()) {
    const bytes = await renderItem(app, manifest, item, origin, loggedErrors);
    rendered++;
    if (!bytes) continue;
    write(item.file, bytes);
    written++;
    if (item.file.endsWith('.html') && !item.file.startsWith(searchDir)) {
      const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      if (html.includes(INDEXED_MARK)) post({ type: 'indexed', file: item.file, html });
    }
  }
  post({ type: 'done', rendered, written, ms: { loaded, job: jobAt, planned, done: performance.now() } });
}

function describe(e: unknown): RenderErrorBody {
  return e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
}

/** Waits for the job, renders, and reports; never throws (a failure is a message). */
export function startRenderWorker(app: App, manifest: SSRManifest, data: RenderWorkerData): void {
  const loaded = performance.now();
  parentPort!.once('message', (job: RenderJob) => {
    run(app, manifest, data, job, loaded).catch((e: unknown) => {
      if (e instanceof PageError) {
        const kind = e.body.name === 'ContentError' ? 'content' : 'page';
        post({ type: 'failed', kind, path: e.item.pathname, component: e.body.file ?? e.item.route.component, error: e.body });
      } else {
        // An error thrown outside a page (getStaticPaths(), a write) is the renderer's to handle.
        post({ type: 'failed', kind: describe(e).name === 'ContentError' ? 'content' : 'internal', error: describe(e) });
      }
    });
  });
}
