// Images from content/: the lead image of a bulletin, images in Markdown bodies, the logo.
// Every published image goes through sharp, which applies the EXIF orientation and writes a new
// file without EXIF, GPS, XMP or IPTC metadata: where a phone photo was taken is never published.
// Served by src/pages/media/[...file].ts at /media/<content-relative path>.
import path from 'node:path';
import sharp from 'sharp';
import { resolveImagePath } from './load-content.ts';
import type { ResolvedImage } from './markdown.ts';
import { paths } from './urls.ts';
import type { Site } from './types.ts';

/** Widest image the layout shows (the text column at 2x density). */
export const MAX_WIDTH = 1200;

const dimensionCache = new Map<string, { width: number; height: number }>();

/** Width and height of the published image (after orientation and resizing). */
export async function publishedSize(contentDir: string, src: string): Promise<{ width: number; height: number } | undefined> {
  const key = path.join(contentDir, src);
  if (dimensionCache.has(key)) return dimensionCache.get(key);
  if (src.toLowerCase().endsWith('.svg')) return undefined;
  const meta = await sharp(key).metadata();
  let width = meta.autoOrient?.width ?? meta.width ?? 0;
  let height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width > MAX_WIDTH) {
    height = Math.round((height * MAX_WIDTH) / width);
    width = MAX_WIDTH;
  }
  const size = { width, height };
  dimensionCache.set(key, size);
  return size;
}

/** The bytes published for an image: upright, resized, metadata stripped. SVG passes unchanged. */
export async function processImage(contentDir: string, src: string): Promise<Buffer> {
  const abs = path.join(contentDir, src);
  if (src.toLowerCase().endsWith('.svg')) return (await import('node:fs')).readFileSync(abs);
  const pipeline = sharp(abs).rotate().resize({ width: MAX_WIDTH, withoutEnlargement: true });
  if (/\.png$/i.test(src)) return pipeline.png({ compressionLevel: 9 }).toBuffer();
  if (/\.webp$/i.test(src)) return pipeline.webp({ quality: 78 }).toBuffer();
  return pipeline.jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}

/** Output file name for a content image: its path, with the format it is published in. */
export function mediaFile(src: string): string {
  return src.replace(/\.(gif|avif)$/i, '.jpg');
}

export async function resolveContentImage(site: Site, contentDir: string, src: string): Promise<ResolvedImage> {
  const size = await publishedSize(contentDir, src);
  return { src: paths.media(site, mediaFile(src)), width: size?.width, height: size?.height };
}

/**
 * A resolver for Markdown images written in `fromFile`. Markdown renders synchronously, so the
 * sizes are looked up first (`prepareBodyImages`) and read from the cache here.
 */
export function bodyImageResolver(site: Site, contentDir: string, fromFile: string): (src: string) => ResolvedImage | undefined {
  return (written) => {
    const src = resolveImagePath(written, fromFile, { dir: contentDir, rel: (abs) => path.relative(contentDir, abs).split(path.sep).join('/') });
    if (!src) return undefined;
    const size = dimensionCache.get(path.join(contentDir, src));
    return { src: paths.media(site, mediaFile(src)), width: size?.width, height: size?.height };
  };
}
