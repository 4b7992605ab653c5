// Who may talk to the editor: only the officer's own browser tab, opened from the address the editor
// printed. A page in another tab (or a site that points its own name at 127.0.0.1, "DNS rebinding")
// must not be able to make it write. Pure functions over the request's headers, so they are tested
// as a table; the server calls them before anything else.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE = 'krisinfo-editor';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The addresses the editor answers on: the loopback address and `localhost`, on its port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export type Refusal = 'host' | 'origin' | 'token';

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  cookieToken: string | undefined;
}

/**
 * Why a request is refused, or undefined to let it through. `formToken` is checked separately for
 * POSTs, after the body is read. The token in the start URL is handled before this.
 */
export function refuse(req: RequestFacts, port: number, token: string): Refusal | undefined {
  const hosts = allowedHosts(port);
  if (!req.host || !hosts.includes(req.host.toLowerCase())) return 'host';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const own = hosts.map((h) => `http://${h}`);
    if (req.origin !== undefined) {
      if (!own.includes(req.origin.toLowerCase())) return 'origin';
    } else {
      // Browsers send Origin with every POST; without it, the request must say it came from here.
      let refererOrigin: string | undefined;
      try {
        refererOrigin = req.referer ? new URL(req.referer).origin : undefined;
      } catch {
        refererOrigin = undefined;
      }
      if (req.secFetchSite !== 'same-origin' && !(refererOrigin && own.includes(refererOrigin))) return 'origin';
    }
  }
  if (!sameToken(req.cookieToken, token)) return 'token';
  return undefined;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
