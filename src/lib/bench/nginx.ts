// A real nginx for tests and `npm run bench:serve`: not a daemon, its config, pid and logs in a
// folder of its own (`-p`), listening on 127.0.0.1 only, on ports the OS said were free, stopped
// by its PID. It serves folders the way deploy/nginx/krisinfo.conf does (gzip, the security
// headers, folder addresses to index.html, the site's 404 page).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const HEADERS = path.resolve(import.meta.dirname, '../../../deploy/nginx/krisinfo-headers.conf');
/** Debian puts it in /usr/sbin, which is not on every user's PATH. */
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** A port nothing listens on now: the OS picks it for a moment's listener on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port; rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RunningNginx {
  pid: number;
  /** http://127.0.0.1:<port>/ for each folder, in order. */
  urls: string[];
  prefix: string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** Worker processes: 1 for tests, 'auto' (one per core) to measure. */
  workers?: number | 'auto';
  accessLog?: boolean;
}

function config(prefix: string, sites: { root: string; port: number }[], o: NginxOptions): string {
  const servers = sites.map(
    ({ root, port }) => `
  server {
    listen 127.0.0.1:${port};
    root ${root};
    index index.html;
    charset utf-8;
    include ${HEADERS};
    location / { try_files $uri $uri/ =404; }
    error_page 404 /404.html;
  }`,
  );
  // As root, nginx would hand requests to `nobody`, who may not read a test's private temp folder.
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  return `${user}worker_processes ${o.workers ?? 1};
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${o.accessLog ? `${prefix}/access.log` : 'off'};
  server_tokens off;
  sendfile on;
  gzip on;
  # ab speaks HTTP/1.0, which nginx does not compress by default; browsers (HTTP/1.1 and later) get
  # gzip, so the load measured is the load they make.
  gzip_http_version 1.0;
  gzip_types text/plain text/css application/xml application/rss+xml application/json application/javascript image/svg+xml;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
${servers.join('\n')}
}
`;
}

export async function startNginx(roots: string[], options: NginxOptions = {}): Promise<RunningNginx> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-nginx-'));
  mkdirSync(path.join(prefix, 'tmp'));
  const sites = [];
  for (const root of roots) sites.push({ root: path.resolve(root), port: await freePort() });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, config(prefix, sites, options));
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      Promise.all(sites.map((s) => waitForPort(s.port))),
      exited.then(() => Promise.reject(new Error(`nginx stopped: ${readFileSync(path.join(prefix, 'error.log'), 'utf8').trim()}`))),
    ]);
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
  return {
    pid: child.pid!,
    urls: sites.map((s) => `http://127.0.0.1:${s.port}/`),
    prefix,
    stop: async () => {
      if (child.exitCode === null) process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
