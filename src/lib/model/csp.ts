// The Content-Security-Policy every page carries in a <meta> tag (GitHub Pages and USB sticks set
// no headers). Nothing may load from another host; scripts only from the site itself, and the
// search page may also compile Pagefind's WebAssembly.
export type PageKind = 'default' | 'search';

export function contentSecurityPolicy(kind: PageKind = 'default'): string {
  const script = kind === 'search' ? "'self' 'wasm-unsafe-eval'" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy as an HTTP header (Netlify, Cloudflare, nginx, Apache). One header covers every page,
 * so it allows what the search page needs; each page's <meta> narrows it again. Only a header can
 * forbid framing (frame-ancestors is ignored in <meta>).
 */
export function headerContentSecurityPolicy(): string {
  return `${contentSecurityPolicy('search')}; frame-ancestors 'none'`;
}
