// Where `verify` reads a release from: a live site over HTTP(S), or a folder (a copy, a USB stick,
// an unpacked site.zip). A folder can also say which files it holds; a web server cannot.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles } from '../release/checksums.ts';

export type Fetched = { status: 'ok'; body: Buffer } | { status: 'missing' } | { status: 'error'; detail: string };

export interface ReleaseSource {
  /** The URL or folder, for messages. */
  location: string;
  /** The base the site's links are resolved against, ending in '/'. */
  baseUrl: string;
  get(rel: string): Promise<Fetched>;
  /** Every file there, when the source can tell. */
  list?(): string[];
}

const TIMEOUT_MS = 30_000;

/** A site path as a URL path: each segment percent-encoded, the slashes kept. */
export function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

export function httpSource(url: string): ReleaseSource {
  const base = url.endsWith('/') ? url : `${url}/`;
  return {
    location: base,
    baseUrl: base,
    async get(rel) {
      try {
        // no-cache: a cache in front of the server must ask it, or we check yesterday's copy.
        const res = await fetch(new URL(encodePath(rel), base), { headers: { 'cache-control': 'no-cache' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (res.status === 404 || res.status === 410) {
          await res.body?.cancel();
          return { status: 'missing' };
        }
        if (!res.ok) {
          await res.body?.cancel();
          return { status: 'error', detail: `HTTP ${res.status}` };
        }
        return { status: 'ok', body: Buffer.from(await res.arrayBuffer()) };
      } catch (e) {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        return { status: 'error', detail: cause?.code ?? cause?.message ?? (e as Error).message };
      }
    },
  };
}

export function folderSource(dir: string): ReleaseSource {
  const root = path.resolve(dir);
  return {
    location: root,
    baseUrl: pathToFileURL(root + path.sep).toString(),
    async get(rel) {
      const file = path.join(root, rel);
      if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) return { status: 'missing' };
      try {
        return { status: 'ok', body: readFileSync(file) };
      } catch (e) {
        return { status: 'error', detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
      }
    },
    list: () => (existsSync(root) ? listFiles(root) : []),
  };
}

/** A URL (http:, https:) is read over the network; anything else is a folder. */
export function sourceFor(location: string): ReleaseSource {
  return /^https?:\/\//i.test(location) ? httpSource(location) : folderSource(location);
}
