// The server bundle's entry (see adapter.ts). Astro's generated entry.mjs calls createExports()
// with the build's manifest and exports what it returns, then calls start(). render-site.ts runs
// entry.mjs as a worker thread: start() then makes that thread a render worker.
import { workerData } from 'node:worker_threads';
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import type { RenderWorkerData } from './render-protocol.ts';
import { startRenderWorker } from './render-worker.ts';

export function createExports(manifest: SSRManifest): { app: App } {
  // Not streaming: a page is rendered whole before render() returns, so an error anywhere in it
  // reaches the error route (error-route.ts) instead of breaking the response's body midway.
  return { app: new App(manifest, false) };
}

export function start(manifest: SSRManifest): void {
  const data = workerData as RenderWorkerData | undefined;
  if (data?.krisinfoRender) startRenderWorker(new App(manifest, false), manifest, data);
}
