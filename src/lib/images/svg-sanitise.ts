// SVG images are documents: opened at their own address (/media/….svg) they run any <script>,
// `onload` or <foreignObject> HTML they carry, from the site's own origin, and GitHub Pages, S3 or
// a USB stick send no CSP header to stop it. Every SVG is therefore cleaned before it is published:
//
// - DOMPurify (cure53, the maintained standard sanitiser) with its SVG profile removes scripts,
//   event attributes, <foreignObject>, <animate>/<set> (which can rewrite links) and javascript:
//   URLs. It needs a DOM on the server: jsdom, the one DOMPurify's own test suite runs on (lighter
//   DOMs such as happy-dom are known to let attacks through). Both are loaded only when an SVG is.
// - On top of that, nothing may make the reader's browser fetch anything: every href/xlink:href
//   must point inside the image (`#id`) or be an embedded raster image; url(…) in attributes and
//   CSS must be `url(#id)`; CSS with @import, escapes or image-set() is dropped; xml:base goes.
//
// The file is parsed as XML, like a browser opening an .svg, and the published file is the cleaned
// document as serialised from that parse, even when nothing was removed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { JSDOM } from 'jsdom';

/**
 * The version of an installed package, read from its package.json (found by walking up from its
 * entry file: neither package exports its package.json). 'unknown' if it cannot be found.
 */
export function installedVersion(name: string): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // no package.json here (or a partial one in a sub-folder): go up
      }
      const up = path.dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'unknown';
  }
}

/**
 * Part of the image cache key: a change here, or an update of DOMPurify or jsdom (which decide
 * what is removed), must never reuse an SVG cleaned the old way.
 */
export const SVG_SANITISER_VERSION = `1 dompurify@${installedVersion('dompurify')} jsdom@${installedVersion('jsdom')}`;

export type SvgResult =
  | { ok: true; svg: string; removed: string[] }
  | { ok: false; reason: 'not-xml' | 'not-svg' };

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Raster images embedded in the file itself: no request, no script. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;
/** CSS that can fetch or hide something: escapes can spell url( so that no pattern sees it. */
const UNSAFE_CSS = /@import|@font-face|\\|image-set\s*\(|(?:^|[^-\w])image\s*\(|src\s*\(|expression\s*\(|behavior\s*:|-moz-binding/i;

type Window = JSDOM['window'];
type Purifier = ReturnType<typeof import('dompurify').default>;
let tools: Promise<{ window: Window; purify: Purifier }> | undefined;

function loadTools() {
  tools ??= (async () => {
    const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
    const { window } = new JSDOM('');
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    return { window, purify };
  })();
  return tools;
}

/** Every `url(…)` target in a CSS text or attribute value points inside the image. */
function urlsAreInternal(text: string): boolean {
  for (const m of text.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) if (!m[2]!.trim().startsWith('#')) return false;
  // A url( that the pattern above could not read (unbalanced, odd quoting) is not trusted either.
  return (text.match(/url\s*\(/gi) ?? []).length === [...text.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi)].length;
}

function safeCss(css: string): boolean {
  return !UNSAFE_CSS.test(css) && urlsAreInternal(css);
}

/**
 * What the officer is told about. Drawing programs leave their own elements and attributes
 * (inkscape:…, sodipodi:…, rdf metadata, comments, data-name); DOMPurify removes those too, but
 * they were never a danger, and a warning for every exported logo would teach people to ignore it.
 */
const MARKUP_NS = new Set([SVG_NS, 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML', '']);
const risky = (a: Attr) => !/^xmlns(:|$)/.test(a.name) && (/^on/i.test(a.localName) || /href|src|action|style/i.test(a.localName) || /(script|data|https?|ftp|file):|\/\//i.test(a.value));

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Cleans an SVG file's text. `removed` names what was taken out, for the officer's warning. */
export async function sanitiseSvg(text: string): Promise<SvgResult> {
  const { window, purify } = await loadTools();
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (!root || root.getElementsByTagName('parsererror').length || root.localName === 'parsererror') return { ok: false, reason: 'not-xml' };
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') return { ok: false, reason: 'not-svg' };

  const removed: string[] = [];
  // Entities are expanded as text here, but a browser's XML parser expands them as markup: an
  // entity can carry a whole <script>. The cleaned file has no DOCTYPE; say so if there was one.
  if (/<!ENTITY/i.test(text)) removed.push('<!ENTITY>');
  // Processing instructions before the root (<?xml-stylesheet href="https://…"?>) are not serialised below.
  for (const node of [...doc.childNodes]) if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE) removed.push(`<?${(node as ProcessingInstruction).target}?>`);

  // <use> is how drawings repeat a shape; DOMPurify leaves it out because it can load other files,
  // which the pass below forbids. Its `href` must be `#id`.
  purify.sanitize(root, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'] });
  for (const r of purify.removed as { element?: Element; attribute?: Attr | null; from?: Element }[]) {
    if (r.element?.nodeType === 1 && MARKUP_NS.has(r.element.namespaceURI ?? '')) removed.push(`<${r.element.nodeName}>`);
    else if (r.attribute && risky(r.attribute)) removed.push(`${r.attribute.name}="${short(r.attribute.value)}"`);
  }

  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.localName === 'style' && !safeCss(el.textContent ?? '')) {
      removed.push(`<style>${short((el.textContent ?? '').trim())}</style>`);
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const value = attr.value.trim();
      const external =
        (attr.localName === 'href' && !value.startsWith('#') && !(el.localName === 'image' && EMBEDDED_IMAGE.test(value))) ||
        attr.name === 'xml:base' ||
        (attr.localName === 'style' ? !safeCss(value) : /url\s*\(/i.test(value) && !urlsAreInternal(value));
      if (external) {
        removed.push(`${attr.name}="${short(value)}"`);
        el.removeAttributeNode(attr);
      }
    }
  }
  // Comments and processing instructions inside the drawing say nothing to a reader.
  const walker = doc.createTreeWalker(root, window.NodeFilter.SHOW_COMMENT | window.NodeFilter.SHOW_PROCESSING_INSTRUCTION);
  const drop: Node[] = [];
  while (walker.nextNode()) drop.push(walker.currentNode);
  for (const node of drop) node.parentNode?.removeChild(node);

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(root)}\n`;
  return { ok: true, svg, removed: [...new Set(removed)] };
}
