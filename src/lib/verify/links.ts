// The addresses a page links to or loads (href, src, srcset, poster), read with a real HTML parser,
// and which file of the site each one is: what `verify` follows to find files nobody signed.
import { parse } from 'parse5';

interface HtmlNode {
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

const URL_ATTRS = new Set(['href', 'src', 'poster', 'data', 'action']);

export function linksInHtml(html: string): string[] {
  const out: string[] = [];
  const walk = (node: HtmlNode) => {
    for (const a of node.attrs ?? []) {
      if (URL_ATTRS.has(a.name)) out.push(a.value.trim());
      // "a.jpg 480w, b.jpg 640w": the address is what comes before the size.
      else if (a.name === 'srcset') for (const c of a.value.split(',')) out.push(c.trim().split(/\s+/)[0]!);
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as HtmlNode);
  return out.filter(Boolean);
}

/**
 * The site file (path relative to `base`) that `link`, found on the page at `pageUrl`, points to;
 * undefined for other hosts, other schemes and addresses outside the site. A folder address means
 * its index.html, as every static host serves it.
 */
export function siteFileOf(link: string, pageUrl: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link, pageUrl);
  } catch {
    return undefined;
  }
  const root = new URL(base);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname.slice(root.pathname.length));
  } catch {
    return undefined;
  }
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}
