// Where a route's path goes, the way Astro's static build (`build.format: 'directory'`) decides it,
// so that rendering through the server bundle writes the same files under the same names and
// requests the same URLs. Mirrors getUrlForPath() and getOutFolder()/getOutFile() of
// astro/dist/core/build/; the equivalence test (tests/render-equivalence.test.ts) guards it.

export type RouteKind = 'page' | 'endpoint';

/** What of a route's data this needs (Astro's RouteData has these). */
export interface RouteShape {
  type: string;
  component: string;
  generate: (params: Record<string, string>) => string;
}

/** Astro's own error pages keep their names in the directory format: /404 → 404.html. */
const STATUS_PAGES = new Set(['/404', '/500']);

const trimSlashes = (s: string) => s.replace(/^\/|\/$/g, '');
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
  // The static build names files by the encoded path (a space becomes %20 on disk too).
  const encoded = encodeURI(pathname);
  if (kind === 'endpoint') return withoutLeadingSlash(encoded);
  if (STATUS_PAGES.has(encoded)) return `${withoutLeadingSlash(encoded)}.html`;
  const dir = trimSlashes(encoded);
  return dir === '' ? 'index.html' : `${dir}/index.html`;
}
