// Every image content/ refers to, opened the way the build will open it, before the build starts:
// a text file named .jpg, a truncated JPEG or a 50000×50000 PNG is reported by `npm run check`,
// with the file that uses it, instead of stopping the build halfway with the decoder's stack.
// The build runs the same check (errors only) before it starts Astro, so the two always agree.
//
// Raster images are decoded for real, shrunk on load (a JPEG decodes at 1/8 size, which still
// reads every byte of it), with images.ts's decoder settings; an image the image cache already
// holds was processed before and is not decoded again. SVG files are cleaned (svg-sanitise.ts),
// or their cleaned copy is found in the cache, and `check` warns when the cleaning removed something.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { hasCached } from './image-cache.ts';
import { readImageHeader } from './image-header.ts';
import { cachedSvgRemovals, DECODE_OPTIONS, imagePlan, MAX_INPUT_PIXELS, sizeMismatch, technical } from './images.ts';
import { resolveImagePath, type Content } from '../content/load-content.ts';
import { findImages } from '../model/markdown.ts';
import type { Problem } from '../content/problems.ts';
import { sanitiseSvg } from './svg-sanitise.ts';

type Where = Pick<Problem, 'file' | 'field' | 'line'>;

/** Every image file the content refers to (relative to content/), with the first place that uses it. */
export function referencedImages(content: Content): Map<string, Where> {
  const found = new Map<string, Where>();
  const add = (src: string | null | undefined, where: Where) => {
    if (src && !found.has(src)) found.set(src, where);
  };
  const markdown = (text: string, file: string, field: string) => {
    for (const img of findImages(text)) add(resolveImagePath(img.src, file, content.dir), { file, field });
  };
  if (content.site?.logo) add(content.site.logo, { file: 'site.yaml', field: 'logo' });
  for (const group of content.bulletins) {
    for (const b of group.versions.values()) {
      if (b.image) add(b.image.src, { file: b.file, field: 'image' });
      markdown(b.body, b.file, 'body');
      for (const u of b.updates) markdown(u.text, b.file, 'updates');
    }
  }
  for (const group of content.pages) for (const p of group.versions.values()) markdown(p.body, p.file, 'body');
  return found;
}

/**
 * Problems with the image files themselves. `errorsOnly` (the build): skip what only makes a
 * warning, and trust the image cache for files it has already processed.
 */
export async function imageProblems(content: Content, { errorsOnly = false } = {}): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [src, where] of referencedImages(content)) {
    const problem = await checkImage(content.dir, src, errorsOnly);
    if (problem) problems.push({ ...where, ...problem });
  }
  return problems;
}

type Finding = Pick<Problem, 'level' | 'code' | 'params'>;

async function checkImage(dir: string, src: string, errorsOnly: boolean): Promise<Finding | undefined> {
  const error = (code: Problem['code'], params: Record<string, string | number> = {}): Finding => ({ level: 'error', code, params: { value: src, ...params } });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dir, src));
  } catch (e) {
    // load-content reports a missing file; this is a file that is there but cannot be read.
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : { level: 'error', code: 'file.unreadable', params: { detail: String(code ?? e) } };
  }
  const header = readImageHeader(bytes);
  if (!header) return error('image.not-image');
  if (header.format === 'svg') {
    if (!header.width || !header.height) return error('image.svg-no-size');
    if (errorsOnly && isCached(dir, src)) return undefined;
    // Cleaned before: the cache says what went (loading jsdom costs about a second of CPU).
    let removed = cachedSvgRemovals(dir, src);
    if (!removed) {
      const clean = await sanitiseSvg(bytes.toString('utf8'));
      if (!clean.ok) return error('image.svg-invalid');
      removed = clean.removed;
    }
    if (removed.length && !errorsOnly) {
      const list = removed.length > 8 ? [...removed.slice(0, 8), '…'] : removed;
      return { level: 'warning', code: 'warn.svg-sanitised', params: { value: src, removed: list.join(', ') } };
    }
    return undefined;
  }
  if (!header.width || !header.height) return error('image.not-image');
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    return error('image.too-many-pixels', { width: header.width, height: header.height, max: Math.floor(MAX_INPUT_PIXELS / 1e6) });
  }
  if (isCached(dir, src)) return undefined;
  try {
    const mismatch = await sizeMismatch(bytes, header);
    if (mismatch) return error('image.damaged', { detail: mismatch });
    await sharp(bytes, DECODE_OPTIONS).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (e) {
    return error('image.damaged', { detail: technical(e) });
  }
  return undefined;
}

/** The image cache has every published file of this source: it was decoded and processed before. */
function isCached(dir: string, src: string): boolean {
  try {
    const plan = imagePlan(dir, src);
    return hasCached(plan.key, [...plan.modern, ...plan.fallback].map((v) => v.cacheName));
  } catch {
    return false;
  }
}
