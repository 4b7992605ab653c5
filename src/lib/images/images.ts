// Images from content/: the lead image of a bulletin, images in Markdown bodies, the logo.
// One pipeline for all of them. Each raster image is published in the widths the layout needs
// (never wider than the source), as WebP plus a JPEG fallback (PNG when the source may be
// transparent), every file at most MAX_BYTES. Served by src/pages/media/[...file].ts at
// /media/<content path>.<hash>-<width>.<ext>; the hash changes when the image or the settings do.
//
// Privacy: every variant is decoded to bare pixels and encoded anew, so no EXIF, GPS, XMP or IPTC
// survives (where and with what a phone photo was taken is never published). .rotate() applies the
// EXIF orientation first so photos stay upright. The credit comes from `imageCredit`, never metadata.
// SVG is published cleaned (svg-sanitise.ts): no script, no event attributes, no external references.
//
// Every source is checked before the build starts (image-check.ts, which `npm run check` runs too),
// with the same decoder settings as here; should processing still fail, the message names the file.
//
// Why AVIF is not made: measured on this 2-core machine for a 1200 px photo, AVIF took 2.3 s at
// effort 4 (0.7 s at effort 2) against 0.14 s for WebP; see docs/images.md.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { hasCached, readCached, recordProcessed, recordReused, writeCached } from './image-cache.ts';
import { readImageHeader, type ImageHeader } from './image-header.ts';
import { resolveImagePath, type Content } from '../content/load-content.ts';
import { findImages, type CacheableResolver, type ResolvedImage } from '../model/markdown.ts';
import { formatReport, type Problem } from '../content/problems.ts';
import { contentDir as defaultContentDir } from '../site/content-dir.ts';
import { ContentError } from '../site/site-data.ts';
import { sanitiseSvg, SVG_SANITISER_VERSION } from './svg-sanitise.ts';
import type { SiteModel } from '../site/derive.ts';
import type { Site } from '../model/types.ts';
import { absoluteUrl, paths } from '../model/urls.ts';

/** Widths the layout uses: phones, the text column, the text column on a 2x screen. */
export const WIDTHS = [480, 800, 1200] as const;
/** Widest image the layout shows (the 40rem text column at 2x density). */
export const MAX_WIDTH = 1200;
/** The standard size: the <img src> for browsers without srcset, og:image and feeds. */
export const STANDARD_WIDTH = 800;
/** How wide the image is drawn, for the browser's choice among the widths. Matches the text column. */
export const IMAGE_SIZES = '(min-width: 42rem) 40rem, 100vw';
/** No published file is larger than this (old phones, slow links). */
export const MAX_BYTES = 200 * 1024;
/** `check` warns about sources larger than this (slow to process, likely straight off a camera). */
export const LARGE_SOURCE_BYTES = 20 * 1024 * 1024;
/** `check` warns about images narrower than the standard size: they look blurred on the page. */
export const SMALL_SOURCE_WIDTH = STANDARD_WIDTH;

type OutputFormat = 'webp' | 'jpeg' | 'png';
interface Step {
  quality?: number;
  blur?: number;
  colours?: number;
}
/**
 * Tried in order until the file fits MAX_BYTES. Ordinary photos fit at the first step; the blurred
 * steps exist for pathological (noise-like) images, which would otherwise break the budget.
 */
const LADDERS: Record<OutputFormat, Step[]> = {
  jpeg: [...[80, 72, 64, 56, 48, 40].map((quality): Step => ({ quality })), { quality: 40, blur: 0.8 }, { quality: 30, blur: 1.5 }],
  webp: [...[78, 70, 62, 54, 46, 38].map((quality): Step => ({ quality })), { quality: 38, blur: 0.8 }, { quality: 30, blur: 1.5 }],
  png: [{}, { colours: 256, quality: 90 }, { colours: 128, quality: 70 }, { colours: 64, quality: 50, blur: 1 }],
};

/**
 * How sources are decoded, here and in image-check.ts. `failOn: 'error'`: a slightly truncated
 * phone photo is still published; a broken file stops the build. The pixel limit is sharp's own
 * default (0x3FFF², 268 megapixels), written out so that `check` can name it.
 */
export const MAX_INPUT_PIXELS = 0x3fff * 0x3fff;
export const DECODE_OPTIONS = { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS } as const;

/** Everything that shapes the output bytes: part of every cache key and file name. */
export const IMAGE_SETTINGS = JSON.stringify({ pipeline: 1, WIDTHS, MAX_BYTES, LADDERS, sharp: sharp.versions, svg: SVG_SANITISER_VERSION });

const MIME: Record<OutputFormat | 'svg', string> = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png', svg: 'image/svg+xml' };
const EXT: Record<OutputFormat | 'svg', string> = { webp: 'webp', jpeg: 'jpg', png: 'png', svg: 'svg' };

export interface Variant {
  /** Path under /media/, e.g. `bulletins/images/a.1f2e3d4c-800.webp`. */
  file: string;
  width: number;
  height: number;
  format: OutputFormat | 'svg';
  type: string;
  /** Name inside the cache entry. */
  cacheName: string;
}

/** What will be published for one source image; computed from its header, without decoding it. */
export interface ImagePlan {
  /** Path relative to content/. */
  src: string;
  abs: string;
  /** Hash of the source bytes and IMAGE_SETTINGS. */
  key: string;
  source: ImageHeader;
  sourceBytes: number;
  /** WebP variants, narrowest first (empty for SVG). */
  modern: Variant[];
  /** JPEG or PNG variants, narrowest first (the SVG itself for SVG). */
  fallback: Variant[];
  /** The fallback variant nearest STANDARD_WIDTH: <img src>, og:image, feeds. */
  standard: Variant;
}

/** The widths to publish for a source this wide: the layout widths below it, plus its own if narrower than MAX_WIDTH. */
export function variantWidths(sourceWidth: number): number[] {
  const widths: number[] = WIDTHS.filter((w) => w < sourceWidth);
  const top = Math.min(sourceWidth, MAX_WIDTH);
  if (!widths.includes(top)) widths.push(top);
  // A layout width within 15% of the next one adds a download choice that saves nothing.
  return widths.filter((w, i) => i === widths.length - 1 || widths[i + 1]! >= w * 1.15);
}

const plans = new Map<string, { stamp: string; plan: ImagePlan }>();

/** The plan for `src` (relative to content/). Synchronous, so Markdown can render with it. */
export function imagePlan(contentDir: string, src: string): ImagePlan {
  const abs = path.join(contentDir, src);
  const stat = statSync(abs);
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const known = plans.get(abs);
  if (known?.stamp === stamp) return known.plan;
  const bytes = readFileSync(abs);
  const source = readImageHeader(bytes);
  if (!source || !source.width || !source.height) {
    throw imageError(src, source?.format === 'svg' ? 'image.svg-no-size' : 'image.not-image');
  }
  const key = createHash('sha256').update(IMAGE_SETTINGS).update(createHash('sha256').update(bytes).digest()).digest('hex').slice(0, 24);
  const stem = src.replace(/\.[^./]+$/, '') + '.' + key.slice(0, 8);
  const variant = (format: OutputFormat | 'svg', width: number, height: number): Variant => ({
    file: format === 'svg' ? `${stem}.svg` : `${stem}-${width}.${EXT[format]}`,
    width,
    height,
    format,
    type: MIME[format],
    cacheName: `${width}.${EXT[format]}`,
  });
  let plan: ImagePlan;
  if (source.format === 'svg') {
    const only = variant('svg', source.width, source.height);
    plan = { src, abs, key, source, sourceBytes: bytes.length, modern: [], fallback: [only], standard: only };
  } else {
    const sizes = variantWidths(source.width).map((w) => [w, Math.max(1, Math.round((source.height * w) / source.width))] as const);
    const fallbackFormat: OutputFormat = source.hasAlpha ? 'png' : 'jpeg';
    const fallback = sizes.map(([w, h]) => variant(fallbackFormat, w, h));
    const standard = [...fallback].reverse().find((v) => v.width <= STANDARD_WIDTH) ?? fallback[0]!;
    plan = { src, abs, key, source, sourceBytes: bytes.length, modern: sizes.map(([w, h]) => variant('webp', w, h)), fallback, standard };
  }
  plans.set(abs, { stamp, plan });
  return plan;
}

const srcsetOf = (site: Site, variants: Variant[]) => variants.map((v) => `${paths.media(site, v.file)} ${v.width}w`).join(', ');

function resolvedFrom(site: Site, plan: ImagePlan, sizes: string): ResolvedImage {
  const { standard } = plan;
  const image: ResolvedImage = { src: paths.media(site, standard.file), width: standard.width, height: standard.height };
  if (plan.modern.length === 0) return image;
  if (plan.fallback.length > 1) image.srcset = srcsetOf(site, plan.fallback);
  image.sizes = sizes;
  image.sources = [{ type: 'image/webp', srcset: srcsetOf(site, plan.modern) }];
  return image;
}

/**
 * The lead image or the logo, ready for <picture>: `sources` (WebP) and an <img> with a JPEG/PNG
 * `src`, `srcset`, `sizes`, `width` and `height`. `sizes` defaults to the text column; pass a
 * smaller one for an image drawn smaller (the logo).
 */
export async function resolveContentImage(site: Site, contentDir: string, src: string, sizes = IMAGE_SIZES): Promise<ResolvedImage> {
  return resolvedFrom(site, imagePlan(contentDir, src), sizes);
}

/** A resolver for Markdown images written in `fromFile` (relative to content/), for renderMarkdown. */
export function bodyImageResolver(site: Site, contentDir: string, fromFile: string): CacheableResolver {
  const resolve = (written: string) => {
    const src = resolveImagePath(written, fromFile, contentDir);
    if (!src || !existsSync(path.join(contentDir, src))) return undefined;
    return resolvedFrom(site, imagePlan(contentDir, src), IMAGE_SIZES);
  };
  // Image files do not change during a build (one Site object); renderMarkdown may cache with it.
  return Object.assign(resolve, { renderCache: { scope: site, key: `${contentDir}\u0000${fromFile}` } });
}

/** Path under /media/ of the standard (~800 px JPEG) variant; `contentDir` defaults to the build's. */
export function mediaFile(src: string, contentDir = defaultContentDir()): string {
  return imagePlan(contentDir, src).standard.file;
}

/** Absolute URL of the ~800 px JPEG (PNG if transparent, SVG as is) for feeds and og:image. */
export function feedImageUrl(site: Site, src: string, contentDir = defaultContentDir()): string {
  return absoluteUrl(site, paths.media(site, mediaFile(src, contentDir)));
}

// --- Processing ---------------------------------------------------------------------------

const inFlight = new Map<string, Promise<boolean>>();

/** Makes every variant of the plan exist in the cache. True if it did image work, false if all were cached. */
function ensureProcessed(plan: ImagePlan): Promise<boolean> {
  const names = [...plan.modern, ...plan.fallback].map((v) => v.cacheName);
  if (hasCached(plan.key, names)) return Promise.resolve(false);
  let job = inFlight.get(plan.key);
  if (!job) {
    job = encodeAll(plan).catch((e: unknown) => {
      throw e instanceof ContentError ? e : imageError(plan.src, 'image.processing-failed', technical(e));
    }).then(() => {
      recordProcessed(plan.src);
      return true;
    });
    job.finally(() => inFlight.delete(plan.key)).catch(() => undefined);
    inFlight.set(plan.key, job);
  }
  return job;
}

async function encodeAll(plan: ImagePlan): Promise<void> {
  const input = readFileSync(plan.abs);
  if (plan.source.format === 'svg') {
    const clean = await sanitiseSvg(input.toString('utf8'));
    if (!clean.ok) throw imageError(plan.src, 'image.svg-invalid');
    writeCached(plan.key, SVG_REMOVED, Buffer.from(JSON.stringify(clean.removed)));
    writeCached(plan.key, plan.fallback[0]!.cacheName, Buffer.from(clean.svg));
    return;
  }
  const mismatch = await sizeMismatch(input, plan.source);
  if (mismatch) throw imageError(plan.src, 'image.damaged', mismatch);
  // Decode once, upright, at the widest size; every variant is made from these bare pixels, so
  // none of the source's metadata can reach a published file.
  const widest = plan.fallback[plan.fallback.length - 1]!;
  const { data, info } = await sharp(input, DECODE_OPTIONS)
    .rotate()
    .resize(widest.width, widest.height, { fit: 'fill' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  for (const v of [...plan.modern, ...plan.fallback]) {
    writeCached(plan.key, v.cacheName, await encodeWithinBudget(data, raw, v, plan.src));
  }
}

/** Beside a cleaned SVG in the cache: what the cleaning removed, so `check` can warn without loading jsdom again. */
const SVG_REMOVED = 'removed.json';

/** What cleaning removed from the SVG `src`, if the image cache holds its cleaned copy; else undefined. */
export function cachedSvgRemovals(contentDir: string, src: string): string[] | undefined {
  const plan = imagePlan(contentDir, src);
  if (plan.source.format !== 'svg' || !hasCached(plan.key, [plan.fallback[0]!.cacheName])) return undefined;
  const list = readCached(plan.key, SVG_REMOVED);
  return list ? (JSON.parse(list.toString('utf8')) as string[]) : undefined;
}

/** Where sharp reads another size than the header (a damaged or disguised file), in words; else undefined. */
export async function sizeMismatch(input: Buffer, header: ImageHeader): Promise<string | undefined> {
  const meta = await sharp(input, DECODE_OPTIONS).metadata();
  const [w, h] = [meta.autoOrient?.width ?? meta.width, meta.autoOrient?.height ?? meta.height];
  return w === header.width && h === header.height ? undefined : `${header.width}×${header.height} / ${w}×${h}`;
}

/** The decoder's own words, one line, without its library prefix: for the "technically:" part of a message. */
export function technical(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.replace(/^Vips\w*:\s*/, '').trim();
}

/** A failure the officer can act on: a report naming the file, which the build prints without a stack. */
function imageError(src: string, code: 'image.not-image' | 'image.svg-no-size' | 'image.svg-invalid' | 'image.damaged' | 'image.processing-failed', detail = ''): ContentError {
  return new ContentError(formatReport([{ level: 'error', file: src, code, params: { value: src, detail } }]));
}

async function encodeWithinBudget(
  pixels: Buffer,
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 },
  v: Variant,
  src: string,
): Promise<Buffer> {
  const format = v.format as OutputFormat;
  let bytes: Buffer | undefined;
  for (const step of LADDERS[format]) {
    let p = sharp(pixels, { raw }).resize(v.width, v.height, { fit: 'fill' });
    if (step.blur) p = p.blur(step.blur);
    if (format === 'jpeg') p = p.flatten({ background: '#ffffff' }).jpeg({ quality: step.quality, mozjpeg: true });
    else if (format === 'webp') p = p.webp({ quality: step.quality, effort: 4 });
    else p = step.colours ? p.png({ palette: true, colours: step.colours, quality: step.quality, compressionLevel: 9 }) : p.png({ compressionLevel: 9, adaptiveFiltering: true });
    bytes = await p.toBuffer();
    if (bytes.length <= MAX_BYTES) return bytes;
  }
  console.warn(`content/${src}: ${v.file} is ${Math.round(bytes!.length / 1024)} kB even at the lowest quality (budget ${MAX_BYTES / 1024} kB).`);
  return bytes!;
}

/** The bytes of one published file (`file` as in Variant.file), from the cache or made now. */
export async function variantBytes(contentDir: string, src: string, file: string): Promise<Buffer> {
  const plan = imagePlan(contentDir, src);
  const v = [...plan.modern, ...plan.fallback].find((x) => x.file === file);
  if (!v) throw new Error(`No published variant ${file} of content/${src}`);
  const worked = await ensureProcessed(plan);
  const bytes = readCached(plan.key, v.cacheName);
  if (!bytes) throw new Error(`Image cache entry for ${file} disappeared during the build`);
  if (!worked) recordReused();
  return bytes;
}

// --- What is published ----------------------------------------------------------------------

/**
 * Every image the published site shows, as paths relative to content/: lead images and body images
 * (and images in update texts) of published bulletins, images in pages (unless `pages` is false),
 * the logo. Drafts and scheduled bulletins are not published, and neither are their images.
 */
export function publishedImages(model: SiteModel, contentDir: string, { pages = true } = {}): string[] {
  const found = new Set<string>();
  const fromMarkdown = (markdown: string, file: string) => {
    for (const img of findImages(markdown)) {
      const src = resolveImagePath(img.src, file, contentDir);
      if (src && existsSync(path.join(contentDir, src))) found.add(src);
    }
  };
  if (model.site.logo) found.add(model.site.logo);
  for (const group of model.bulletins) {
    for (const b of [group.original, ...group.versions.values()]) {
      if (b.image) found.add(b.image.src);
      fromMarkdown(b.body, b.file);
      for (const u of b.updates) fromMarkdown(u.text, b.file);
    }
  }
  if (pages) for (const group of model.pages) for (const p of group.versions.values()) fromMarkdown(p.body, p.file);
  return [...found].sort();
}

/** One route per published file under /media/, for the endpoint's getStaticPaths. */
export function mediaRoutes(model: SiteModel, contentDir: string): { file: string; src: string; type: string }[] {
  return publishedImages(model, contentDir).flatMap((src) => {
    const plan = imagePlan(contentDir, src);
    return [...plan.modern, ...plan.fallback].map((v) => ({ file: v.file, src, type: v.type }));
  });
}

// --- Warnings for `check` ---------------------------------------------------------------------

/**
 * warn.image-large for sources over LARGE_SOURCE_BYTES, warn.image-small for raster images
 * narrower than SMALL_SOURCE_WIDTH (not the logo, which is drawn small). One warning per image
 * file, on the first file that uses it. Pure apart from reading the image headers.
 */
export function imageWarnings(content: Content): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const look = (src: string, where: Pick<Problem, 'file' | 'field' | 'line'>, smallMatters: boolean) => {
    if (seen.has(src)) return;
    seen.add(src);
    const abs = path.join(content.dir, src);
    if (!existsSync(abs)) return; // load-content reports the missing file
    const size = statSync(abs).size;
    if (size > LARGE_SOURCE_BYTES) {
      problems.push({ level: 'warning', ...where, code: 'warn.image-large', params: { value: src, size: (size / 1024 / 1024).toFixed(1), max: LARGE_SOURCE_BYTES / 1024 / 1024 } });
    }
    const header = readImageHeader(readFileSync(abs));
    if (smallMatters && header && header.format !== 'svg' && header.width < SMALL_SOURCE_WIDTH) {
      problems.push({ level: 'warning', ...where, code: 'warn.image-small', params: { value: src, width: header.width, max: SMALL_SOURCE_WIDTH } });
    }
  };
  const body = (markdown: string, file: string, bodyLine = 0) => {
    for (const img of findImages(markdown)) {
      const src = resolveImagePath(img.src, file, content.dir);
      if (src) look(src, { file, field: 'body', line: bodyLine ? bodyLine + img.line : undefined }, true);
    }
  };
  if (content.site?.logo) look(content.site.logo, { file: 'site.yaml', field: 'logo' }, false);
  for (const group of content.bulletins) {
    for (const b of group.versions.values()) {
      if (b.image) look(b.image.src, { file: b.file, field: 'image' }, true);
      body(b.body, b.file);
    }
  }
  for (const group of content.pages) for (const p of group.versions.values()) body(p.body, p.file);
  return problems;
}
