// The editor's HTTP server: 127.0.0.1 only, a per-start secret token (from the printed address,
// then an HttpOnly SameSite=Strict cookie, and a hidden field in every form), requests refused
// unless Host and Origin are the editor's own. Routes map to handlers.ts; the browser never names
// a file, only known slugs and language codes.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { OutsideContentError } from '../lib/editor/content-files.ts';
import { cookieValue, COOKIE, newToken, refuse, sameToken, sessionCookie } from '../lib/editor/guard.ts';
import { messageFor, type MessageLang } from '../lib/content/messages.ts';
import { readForm } from './form-data.ts';
import { addUpdate, changeStatus, checkPage, editBulletin, listPage, newBulletin, notFound, publishPage, rawFile, translate, type EditorState, type Reply, type Request } from './handlers.ts';
import { html, page } from './html.ts';
import { Publisher } from './publish.ts';
import { textsFor } from './texts.ts';

const ASSETS: Record<string, string> = { 'editor.css': 'text/css; charset=utf-8', 'editor.js': 'text/javascript; charset=utf-8' };

export interface EditorOptions {
  root: string;
  contentDir: string;
  lang: MessageLang;
  /** 0 for any free port. */
  port: number;
  previewOrigin?: string;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

export interface Editor {
  server: Server;
  port: number;
  /** The address to open, with the token. */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type: string, previewOrigin: string | undefined, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'${previewOrigin ? `; frame-src ${previewOrigin}` : ''}`,
    ...extra,
  });
  res.end(body);
}

export async function startEditor(o: EditorOptions): Promise<Editor> {
  const token = newToken();
  const t = textsFor(o.lang);
  const assets = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(path.join(import.meta.dirname, 'assets', name), 'utf8')]));
  let port = 0;
  const state: EditorState = {
    dir: path.resolve(o.contentDir),
    lang: o.lang,
    t,
    now: o.now ?? (() => new Date()),
    token,
    previewOrigin: o.previewOrigin,
    publisher: new Publisher(o.root, { ...(o.env ?? process.env), KRISINFO_CONTENT: path.resolve(o.contentDir) }),
  };

  const refusal = (res: ServerResponse, status: number) => {
    const m = messageFor({ code: 'editor.refused' }, o.lang);
    send(res, status, page({ lang: o.lang, t, title: t('forbidden') }, html`<h1>${t('forbidden')}</h1><p>${m.text}</p><p>${m.fix}</p>`), 'text/html; charset=utf-8', undefined);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://editor');
    const method = req.method ?? 'GET';
    // The start address carries the token once; it becomes a cookie and leaves the address bar.
    if (method === 'GET' && url.searchParams.has('token') && url.pathname === '/') {
      const hostOk = refuse({ method, host: req.headers.host, origin: undefined, referer: undefined, secFetchSite: undefined, cookieToken: token }, port, token) === undefined;
      if (hostOk && sameToken(url.searchParams.get('token') ?? undefined, token)) {
        send(res, 303, '', 'text/plain', undefined, { Location: '/', 'Set-Cookie': sessionCookie(token) });
        return;
      }
      refusal(res, 403);
      return;
    }
    const why = refuse(
      {
        method,
        host: req.headers.host,
        origin: req.headers.origin,
        referer: req.headers.referer,
        secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
        cookieToken: cookieValue(req.headers.cookie, COOKIE),
      },
      port,
      token,
    );
    if (why) {
      req.resume();
      refusal(res, why === 'host' ? 421 : 403);
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
    if (parts[0] === 'assets' && parts.length === 2 && assets.has(parts[1]!)) {
      send(res, 200, assets.get(parts[1]!)!, ASSETS[parts[1]!]!, undefined);
      return;
    }
    const request: Request = { method, parts, query: url.searchParams };
    if (method === 'POST') {
      request.form = await readForm(req);
      if (!sameToken(request.form.get('token') || undefined, token)) {
        refusal(res, 403);
        return;
      }
    } else if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, '', 'text/plain', undefined, { Allow: 'GET, POST' });
      return;
    }
    const reply = route(state, request);
    if ('redirect' in reply) send(res, 303, '', 'text/plain', undefined, { Location: reply.redirect });
    else send(res, reply.status, reply.body, 'text/html; charset=utf-8', o.previewOrigin);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof OutsideContentError) {
        refusal(res, 403);
        return;
      }
      console.error(e);
      if (!res.headersSent) send(res, 500, String(e instanceof Error ? e.message : e), 'text/plain; charset=utf-8', undefined);
    });
  });
  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(o.port);
  } catch (e) {
    // The usual port is taken (a second editor, another program): any free one will do.
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || o.port === 0) throw e;
    await listen(0);
  }
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function route(s: EditorState, r: Request): Reply {
  const [a, b, c, d] = r.parts;
  const n = r.parts.length;
  if (n === 0) return r.method === 'GET' ? listPage(s) : notAllowed(s);
  if (a === 'new' && n === 1) return newBulletin(s, r);
  if (a === 'status' && n === 1) return changeStatus(s, r);
  if (a === 'check' && n === 1) return checkPage(s);
  if (a === 'publish' && n === 1) return publishPage(s, r);
  if (a === 'raw' && n === 2 && b !== undefined) return rawFile(s, r, b);
  if (a === 'b' && b !== undefined) {
    if (n === 2) return editBulletin(s, r, b);
    if (n === 3 && c === 'update') return addUpdate(s, r, b);
    if (n === 4 && c === 'translate' && d !== undefined) return translate(s, r, b, d);
  }
  return notFound(s);
}

function notAllowed(s: EditorState): Reply {
  return { status: 405, body: page({ lang: s.lang, t: s.t, title: s.t('notFound') }, html`<h1>${s.t('notFound')}</h1>`) };
}
