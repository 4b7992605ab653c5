// The images the offline edition embeds, as data: URIs: every lead image, every image in a
// published bulletin's text (all language versions) and the logo. Smaller than on the site
// (the file travels by e-mail), and like the site's, re-encoded without EXIF or GPS data.
import type { SiteModel } from '../site/derive.ts';
import { imagePlan, publishedImages, variantBytes } from '../images/images.ts';
import { resolveImagePath } from '../content/load-content.ts';
import type { EmbeddedImage, OfflineImages } from './offline-edition.ts';

export function offlineImageResolver(contentDir: string): (written: string, fromFile: string) => string | undefined {
  return (written, fromFile) => resolveImagePath(written, fromFile, contentDir) ?? undefined;
}

/**
 * The narrowest variant the site publishes (480 px, or the SVG as is): the same pipeline and cache
 * as the site's images, so an unchanged image costs no work and carries no metadata here either.
 */
export async function embedImage(contentDir: string, src: string): Promise<EmbeddedImage> {
  const variant = imagePlan(contentDir, src).fallback[0]!;
  const bytes = await variantBytes(contentDir, src, variant.file);
  return { dataUri: `data:${variant.type};base64,${bytes.toString('base64')}`, width: variant.width, height: variant.height };
}

// One collection per model: every language's edition embeds the same images.
const collected = new WeakMap<SiteModel, Promise<OfflineImages>>();

/** Every image the offline edition of `model` shows, by content-relative path. */
export function collectOfflineImages(model: SiteModel, contentDir: string): Promise<OfflineImages> {
  let found = collected.get(model);
  if (!found) {
    found = collect(model, contentDir);
    collected.set(model, found);
  }
  return found;
}

async function collect(model: SiteModel, contentDir: string): Promise<OfflineImages> {
  const images: OfflineImages = new Map();
  // The edition has no standing pages: the bulletins' images and the logo.
  for (const src of publishedImages(model, contentDir, { pages: false })) {
    // A broken image must not cost the whole edition; it is simply left out.
    const embedded = await embedImage(contentDir, src).catch(() => undefined);
    if (embedded) images.set(src, embedded);
    else images.incomplete = true;
  }
  return images;
}
