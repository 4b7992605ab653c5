// What the main thread (render-site.ts) and the render workers (render-worker.ts, inside the
// server bundle) say to each other, and how the bundle's error route (error-route.ts) hands a
// render error over. Types and constants only: both sides import it.
/** Marks a response of error-route.ts: its body is a RenderErrorBody. */
export const RENDER_ERROR_HEADER = 'x-krisinfo-render-error';

export interface RenderErrorBody {
  name: string;
  message: string;
  stack?: string;
  /** The source file Astro blames, when it knows one. */
  file?: string;
}

/** `workerData` of a render worker: server-entry.ts starts the worker only when it sees this. */
export interface RenderWorkerData {
  krisinfoRender: true;
  /** 0, 1, …: worker 0 also renders the routes that must stay in one thread. */
  index: number;
  /** Two Int32: the next unit of the shared list to claim (Atomics.add), and 1 once to stop. */
  control: SharedArrayBuffer;
}

/** Sent once, when the content has been checked. */
export interface RenderJob {
  type: 'render';
  /** The empty folder the pages go into. */
  outDir: string;
  /**
   * The checked content as build-site.ts loaded it (no second read of content/), a `Content` in
   * v8.serialize() form: serialized once for all the workers, where postMessage would do it per worker.
   */
  content: Uint8Array;
  /** Bulletin pages the page cache supplies: the bulletin route leaves them out. */
  reused: { lang: string; slug: string }[];
  /** Markdown renders of the previous build with the same inputs (kept-between-builds.ts): v8-serialized maps. */
  renders: Uint8Array[];
  /** What astro.config.mjs made of site.yaml's url when the bundle was keyed: checked against the bundle. */
  expect: { origin?: string; base: string };
}

export type WorkerMessage =
  /** The list of items this worker made: every worker must make the same one. */
  | { type: 'plan'; items: number; digest: string }
  /** Pages that search indexes, rendered and written just now (their bytes moved, not copied). */
  | { type: 'indexed'; pages: { file: string; bytes: Uint8Array }[] }
  | { type: 'warning'; text: string }
  /**
   * The worker takes no more pages: its share is rendered (or it was told to stop). `ms`: when
   * the bundle was loaded, the job came, the list was made and it was done, since the process
   * started (a worker's performance.now() counts from there). `renders`: the Markdown renders it
   * used, v8-serialized, for the next build, and how many of them came from the previous one.
   */
  | { type: 'done'; rendered: number; written: number; ms: { loaded: number; job: number; planned: number; done: number }; renders: { bytes: Uint8Array; used: number; carried: number } }
  /**
   * `content`: the content has an error (a ContentError, as `npm run check` would report it);
   * `page`: a page threw; `internal`: the renderer itself cannot go on (the bundle does not
   * match, a route it cannot render, a file it cannot write).
   */
  | { type: 'failed'; kind: 'content' | 'page' | 'internal'; path?: string; component?: string; error: RenderErrorBody };
