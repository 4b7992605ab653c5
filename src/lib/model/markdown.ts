// The one Markdown renderer, used by every output: pages, feeds, status data and plain text.
// Raw HTML is off (a bulletin is never trusted to carry markup: `<script>` comes out as text),
// and markdown-it's validateLink drops `javascript:`, `vbscript:`, `file:` and `data:` links.
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import type { RenderRule } from 'markdown-it/lib/renderer.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { findPhoneNumbers, telHref } from './phone.ts';

export interface ResolvedImage {
  /** URL of the default variant, as the page should reference it. */
  src: string;
  width?: number;
  height?: number;
  /** Optional responsive variants, e.g. `a.webp 480w, b.webp 960w`. */
  srcset?: string;
  sizes?: string;
  /** Modern formats offered first, e.g. `{ type: 'image/webp', srcset }`: rendered as <picture><source>. */
  sources?: { type: string; srcset: string }[];
}

export interface RenderOptions {
  /** Turns an image path written in the Markdown into what the page should load. */
  resolveImage?: (src: string) => ResolvedImage | undefined;
  /** Base for relative links and images, making every URL absolute (feeds need this). */
  absoluteBase?: string;
  /** Images after the first screenful load lazily; lead images are not in the body. */
  lazyImages?: boolean;
  /** The level the text's top headings get (default 2: under the page's h1). */
  headingBase?: number;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const BAD_PROTOCOL = /^\s*(javascript|vbscript|file|data):/i;

function absolutize(url: string, base: string | undefined): string {
  if (!base || url.startsWith('#')) return url;
  try {
    return new URL(url, base).toString();
  } catch {
    return url;
  }
}

// Headings in a bulletin start at h2 (the page title is the one h1) and keep their steps: officers
// write `## Vad har hänt?` as often as `# Vad har hänt?`, and a page must not jump from h1 to h3.
// Where the text sits under a heading of its own (the offline edition's h3 per bulletin), it starts lower.
// Shifted as the tokens are rendered, not parsed, so that one parse serves every render of a text.
const topHeading = new WeakMap<Token[], number>();

const shiftedHeading: RenderRule = (tokens, idx, options, env: RenderEnv, self) => {
  let top = topHeading.get(tokens);
  if (top === undefined) {
    top = 6;
    for (const t of tokens) if (t.type === 'heading_open') top = Math.min(top, Number(t.tag.slice(1)));
    topHeading.set(tokens, top);
  }
  const token = tokens[idx]!;
  const written = token.tag;
  token.tag = `h${Math.min(6, Number(written.slice(1)) + (env.options?.headingBase ?? 2) - top)}`;
  try {
    return self.renderToken(tokens, idx, options);
  } finally {
    token.tag = written;
  }
};
md.renderer.rules.heading_open = shiftedHeading;
md.renderer.rules.heading_close = shiftedHeading;

// Phone numbers in the text become tel: links, as in the contact list, so a reader on a phone can
// tap "0923-650 00" in a bulletin. What counts as a number is phone.ts's findPhoneNumbers; text that
// is already a link is left alone.
md.core.ruler.after('linkify', 'phone_links', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let insideLink = 0;
    let before = '';
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink++;
      else if (token.type === 'link_close') insideLink--;
      const found = token.type === 'text' && insideLink === 0 ? findPhoneNumbers(token.content, before) : [];
      if (token.type === 'text' || token.type === 'code_inline') before += token.content;
      else if (token.type === 'softbreak' || token.type === 'hardbreak') before += ' ';
      if (found.length === 0) {
        out.push(token);
        continue;
      }
      let at = 0;
      for (const phone of found) {
        if (phone.start > at) out.push(textToken(state, token.content.slice(at, phone.start), token.level));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', telHref(phone.text)]];
        open.level = token.level;
        out.push(open, textToken(state, phone.text, token.level + 1));
        const close = new state.Token('link_close', 'a', -1);
        close.level = token.level;
        out.push(close);
        at = phone.end;
      }
      if (at < token.content.length) out.push(textToken(state, token.content.slice(at), token.level));
    }
    block.children = out;
  }
});

function textToken(state: StateCore, content: string, level: number): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = level;
  return token;
}

md.renderer.rules.link_open = (tokens, idx, options, env: RenderEnv, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  // On a copy of the attributes: the next render of the same tokens may have another base.
  const written = token.attrs;
  try {
    token.attrs = written && written.map(([name, value]) => [name, value]);
    token.attrSet('href', BAD_PROTOCOL.test(href) ? '#' : absolutize(href, env.options?.absoluteBase));
    return self.renderToken(tokens, idx, options);
  } finally {
    token.attrs = written;
  }
};

md.renderer.rules.image = (tokens, idx, _options, env: RenderEnv, self) => {
  const token = tokens[idx]!;
  const src = token.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token.children ?? [], _options, env);
  const opts = env.options ?? {};
  const resolved = opts.resolveImage?.(src);
  const attrs: [string, string | number | undefined][] = [
    ['src', absolutize(resolved?.src ?? src, opts.absoluteBase)],
    ['srcset', resolved?.srcset && absolutizeSrcset(resolved.srcset, opts.absoluteBase)],
    ['sizes', resolved?.srcset ? resolved.sizes : undefined],
    ['alt', alt],
    ['width', resolved?.width],
    ['height', resolved?.height],
    ['loading', opts.lazyImages === false ? undefined : 'lazy'],
    ['decoding', 'async'],
  ];
  const img = `<img ${attrs
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}="${md.utils.escapeHtml(String(v))}"`)
    .join(' ')}${alt === '' ? ' alt=""' : ''}>`;
  // A browser that does not know a <source> type (old phones and WebP) uses the <img>.
  const sources = (resolved?.sources ?? []).map(
    (s) =>
      `<source type="${md.utils.escapeHtml(s.type)}" srcset="${md.utils.escapeHtml(absolutizeSrcset(s.srcset, opts.absoluteBase))}"${resolved?.sizes ? ` sizes="${md.utils.escapeHtml(resolved.sizes)}"` : ''}>`,
  );
  return sources.length ? `<picture>${sources.join('')}${img}</picture>` : img;
};

function absolutizeSrcset(srcset: string, base: string | undefined): string {
  return srcset
    .split(',')
    .map((part) => {
      const [url, descriptor] = part.trim().split(/\s+/);
      return `${absolutize(url ?? '', base)}${descriptor ? ` ${descriptor}` : ''}`;
    })
    .join(', ');
}

interface RenderEnv {
  options?: RenderOptions;
}

/**
 * A resolveImage whose answers cannot change while `scope` lives (images.ts's bodyImageResolver:
 * scope is the build's Site object, which `astro dev` makes anew on every request). Renders with
 * such a resolver are cached, so a body shown on four language pages is rendered once.
 */
export type CacheableResolver = NonNullable<RenderOptions['resolveImage']> & { renderCache?: { scope: object; key: string } };

const renderCache = new WeakMap<object, Map<string, string>>();

/**
 * Renders kept from the previous build (src/lib/build/kept-between-builds.ts), by the SHA-256 of the
 * same key as above: a rebuild renders every list and feed again, and most of their cost was the
 * same Markdown rendered again. The build that carries them over has the same inputs digest as
 * the one that kept them (code, site settings, images), so a render can differ only by its key.
 * On globalThis, because the server bundle has its own copy of this module. Never set by
 * `astro dev` or `astro build`.
 */
const CARRIED = Symbol.for('krisinfo.carriedRenders');

export interface CarriedRenders {
  /** From the previous build. */
  known: Map<string, string>;
  /** Every render this build asked for (carried or new): what the next build gets. */
  used: Map<string, string>;
  /** How many of `used` came from `known`. */
  carried: number;
  /**
   * Set while a page that the page cache keeps is rendered (a bulletin page): its renders would
   * only be kept twice, and at 5,000 bulletins they were 20,000 of 23,000 (+300 MB in memory).
   */
  paused: boolean;
}

/** For the render worker: the renders this thread may take instead of rendering. */
export function carryRenders(known: Map<string, string>): CarriedRenders {
  const renders: CarriedRenders = { known, used: new Map(), carried: 0, paused: false };
  (globalThis as Record<symbol, unknown>)[CARRIED] = renders;
  return renders;
}

/**
 * `render()`, or what it gave the previous build for the same key (see CarriedRenders). For text
 * made from content alone: the key must name everything the text depends on besides the build's
 * inputs digest (code, site settings, images).
 */
export function carried(key: string, render: () => string): string {
  const renders = (globalThis as Record<symbol, unknown>)[CARRIED] as CarriedRenders | undefined;
  if (!renders || renders.paused) return render();
  const id = createHash('sha256').update(key).digest('base64url');
  let html = renders.known.get(id);
  if (html === undefined) html = render();
  else renders.carried++;
  renders.used.set(id, html);
  return html;
}

/**
 * How much text (in characters) keeps its parsed tokens for the rest of the build. A text is
 * parsed once and rendered three or four ways (page, feed, offline edition; its plain text and
 * images), and parsing was most of a render. Tokens take some 40 MB per million characters (in
 * each render thread), and a larger heap costs garbage collection: with 4 million characters a
 * build of 5,000 bulletins was slower and 1,000 no faster than with this (some 300 bulletins'
 * worth). Past it a text is parsed each time it is asked for; in a long `astro dev` session, once
 * the budget is spent on texts since edited.
 */
const PARSED_TEXT_BUDGET = 1_000_000;
const parsedTexts = new Map<string, Token[]>();
let parsedChars = 0;

/** The tokens of `source`, parsed once while the budget lasts. Read only: rendering must not change them. */
function parsed(source: string): Token[] {
  let tokens = parsedTexts.get(source);
  if (tokens === undefined) {
    tokens = md.parse(source, {});
    if (parsedChars + source.length <= PARSED_TEXT_BUDGET) {
      parsedTexts.set(source, tokens);
      parsedChars += source.length;
    }
  }
  return tokens;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const env: RenderEnv = { options };
  const cacheable = (options.resolveImage as CacheableResolver | undefined)?.renderCache;
  if (!cacheable) return md.renderer.render(parsed(source), md.options, env);
  let rendered = renderCache.get(cacheable.scope);
  if (!rendered) renderCache.set(cacheable.scope, (rendered = new Map()));
  const key = `${cacheable.key}\u0000${options.absoluteBase ?? ''}\u0000${options.lazyImages ?? ''}\u0000${options.headingBase ?? ''}\u0000${source}`;
  let html = rendered.get(key);
  if (html === undefined) rendered.set(key, (html = carried(key, () => flat(md.renderer.render(parsed(source), md.options, env)))));
  return html;
}

/**
 * The same text as one flat string, for a render kept for the rest of the build. The renderer
 * builds its HTML by appending hundreds of pieces, and V8 keeps such a string as a tree of them,
 * each piece holding on to the whole text it was cut from (the Markdown source): at 5,000
 * bulletins the kept renders of a render thread held 45 MB that way.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * Results that depend on the Markdown source alone (image list, plain text, the plain-text
 * edition's wrapped text), kept for the build: pages, feeds and the plain-text edition ask for the
 * same bodies again and again. Cleared when large so a long `astro dev` session does not grow
 * without bound.
 */
export function memo<T>(fn: (source: string) => T): (source: string) => T {
  const cache = new Map<string, T>();
  return (source) => {
    let value = cache.get(source);
    if (value === undefined) {
      if (cache.size >= 20_000) cache.clear();
      cache.set(source, (value = fn(source)));
    }
    return value;
  };
}

export interface MarkdownImage {
  src: string;
  alt: string;
  /** 0-based line within the Markdown source. */
  line: number;
}

const findImagesOnce = memo(findImagesUncached);

/** Every image written in the Markdown, with its alt text and where it is. */
export function findImages(source: string): MarkdownImage[] {
  return findImagesOnce(source).map((img) => ({ ...img }));
}

function findImagesUncached(source: string): MarkdownImage[] {
  // Every image in Markdown starts with "![" (raw HTML is off), and most bulletins have none:
  // those are not parsed at all (at 1,000 bulletins a parse of every body cost 0.7 s per thread).
  if (!source.includes('![')) return [];
  // Each render thread lists the images of every text for the image routes: carried over too.
  return JSON.parse(carried(`images\u0000${source}`, () => JSON.stringify(parseImages(source)))) as MarkdownImage[];
}

function parseImages(source: string): MarkdownImage[] {
  const found: MarkdownImage[] = [];
  const walk = (tokens: Token[], line: number) => {
    for (const t of tokens) {
      const here = t.map ? t.map[0] : line;
      if (t.type === 'image') {
        found.push({ src: t.attrGet('src') ?? '', alt: t.children?.map((c) => c.content).join('') ?? t.content, line: here });
      }
      if (t.children) walk(t.children, here);
    }
  };
  walk(parsed(source), 0);
  return found;
}

/** The Markdown as plain text (no markup), for SMS-like outputs and the plain-text edition; not carried over. */
export const plainTextNow: (source: string) => string = memo(plainTextUncached);

/**
 * The same, carried over from the previous build. For text that is itself carried whole (the
 * plain-text edition's wrapped form), plainTextNow: that a carried render was made of another
 * must not decide what the next build gets (the memo would hide later requests for this one).
 */
export const markdownToPlainText: (source: string) => string = memo((source) => carried(`plain text\u0000${source}`, () => plainTextNow(source)));

function plainTextUncached(source: string): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) lines.push(current.trim());
    current = '';
  };
  for (const t of parsed(source)) {
    if (t.type === 'inline') {
      for (const c of t.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') current += c.content;
        else if (c.type === 'softbreak' || c.type === 'hardbreak') current += ' ';
        else if (c.type === 'image') current += c.children?.map((x) => x.content).join('') ?? '';
      }
    } else if (t.type === 'list_item_open') {
      flush();
      current = '- ';
    } else if (t.type === 'td_open' || t.type === 'th_open') {
      // A table row becomes one line, cells separated, instead of the cells run together.
      if (current.trim()) current += ' | ';
    } else if (t.type === 'tr_close') {
      flush();
    } else if (t.type === 'fence' || t.type === 'code_block') {
      current += t.content;
      flush();
    } else if (t.type.endsWith('_close') && (t.type.startsWith('paragraph') || t.type.startsWith('heading'))) {
      flush();
    }
  }
  flush();
  return lines.join('\n');
}

/** Does the Markdown have a heading that matches? Used by `check` for "what should I do". */
export function headings(source: string): string[] {
  const tokens = parsed(source);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') out.push(tokens[i + 1]?.content ?? '');
  });
  return out;
}
