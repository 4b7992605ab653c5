// A plain static file server for tests, like the simplest host: files as they are, a directory
// URL ending in '/' serves its index.html, nothing else is rewritten, unknown paths get the site's
// 404.html with status 404. Mounted at a path prefix (a GitHub Pages project site: /kalix/).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/kalix/ */
  url: string;
  origin: string;
  /** Every path requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, mount = '/'): Promise<StaticServer> {
  const requested: string[] = [];
  const notFound = path.join(root, '404.html');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requested.push(url.pathname);
    let file: string | undefined;
    if (url.pathname.startsWith(mount)) {
      const rel = decodeURIComponent(url.pathname.slice(mount.length));
      const candidate = path.join(root, rel.endsWith('/') || rel === '' ? path.join(rel, 'index.html') : rel);
      if (candidate.startsWith(root) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + mount,
    origin,
    requested,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
