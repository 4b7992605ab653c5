// Where a route's path goes, the way Astro's static build (`build.format: 'directory'`) decides it,
// so that rendering through the server bundle writes the same files under the same names and
// requests the same URLs. Mirrors getUrlForPath() and getOutFolder()/getOutFile() of
// astro/dist/core/build/; the equivalence test (tests/render-equivalence.test.ts) guards it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type RouteKind = 'page' | 'endpoint';

/** What of a route's data this needs (Astro's RouteData has these). */
export interface RouteShape {
  type: string;
  component: string;
  generate: (params: Record<string, string>) => string;
}

/** Astro's own error pages keep their names in the directory format: /404 → 404.html. */
const STATUS_PAGES = new Set(['/404', '/500']);

/** A stand-in for the output folder: only the part below it matters. */
const OUT = new URL('file:///out/');

const trimSlashes = (s: string) => s.replace(/^\/|\/$/g, '');
const withTrailingSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);
const withoutLeadingSlash = (s: string) => (s.startsWith('/') ? s.slice(1) : s);
const withoutTrailingSlash = (s: string) => (s.endsWith('/') ? s.slice(0, -1) : s);

/** The path of one entry of getStaticPaths(), as Astro's stringifyParams() makes it. */
export function pathFromParams(route: RouteShape, params: Record<string, unknown>): string {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${route.component}: getStaticPaths() gave the parameter "${key}" a ${typeof value}; only strings and numbers are allowed`);
    }
    clean[key] = typeof value === 'string' ? trimSlashes(value) : String(value);
  }
  return route.generate(clean);
}

/** The URL the static build requests for `pathname` (with the site's base and origin). */
export function requestUrl(pathname: string, kind: RouteKind, base: string, origin: string, trailingSlash: string): URL {
  let full: string;
  if (pathname === '/' || pathname === '') full = base;
  else if (kind === 'endpoint') full = `${withoutTrailingSlash(base)}/${withoutLeadingSlash(pathname)}`;
  else full = `${withoutTrailingSlash(base)}/${withoutTrailingSlash(withoutLeadingSlash(pathname))}${trailingSlash === 'never' ? '' : '/'}`;
  return new URL(full, origin);
}

/** The file, relative to the output folder with forward slashes, that the static build writes. */
export function outputFile(pathname: string, kind: RouteKind): string {
  // As Astro does it: the encoded path resolved as a file: URL inside the output folder, then
  // turned back into a file name (so `%20` is a space on disk again, and `?` or `#` end the name).
  const encoded = encodeURI(pathname);
  const dirOf = (p: string) => `.${withTrailingSlash(path.posix.dirname(p))}`;
  let file: URL;
  if (kind === 'endpoint') file = new URL(path.posix.basename(encoded), new URL(dirOf(encoded), OUT));
  else if (STATUS_PAGES.has(encoded)) file = new URL(`./${path.posix.basename(encoded)}.html`, new URL(dirOf(encoded), OUT));
  else file = new URL('./index.html', new URL(`.${withTrailingSlash(encoded)}`, OUT));
  return path.posix.relative(fileURLToPath(OUT), fileURLToPath(file));
}
