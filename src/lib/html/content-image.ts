// The one place a page turns an image from content/ into an <img> (lead images and the logo; body
// images go through prose.ts): its variants, sizes and formats come from images.ts.
import { resolveContentImage } from '../images/images.ts';
import type { Site } from '../model/types.ts';
import { attr, html, type Html } from './markup.ts';

export interface ContentImageOptions {
  alt: string;
  class?: string | undefined;
  /** The first image a reader sees loads at once; others lazily. */
  lazy?: boolean;
}

/** `src`: the image's path relative to content/. */
export async function contentImageHtml(site: Site, contentDir: string, src: string, { alt, class: className, lazy = false }: ContentImageOptions): Promise<Html> {
  const img = await resolveContentImage(site, contentDir, src);
  const image = html`<img${attr('src', img.src)}${attr('srcset', img.srcset)}${attr('sizes', img.srcset ? img.sizes : undefined)}${attr('width', img.width)}${attr('height', img.height)}${attr('alt', alt)}${attr('class', className)}${attr('loading', lazy ? 'lazy' : undefined)} decoding="async">`;
  if (!img.sources?.length) return image;
  const sources = img.sources.map((s) => html`<source${attr('type', s.type)}${attr('srcset', s.srcset)}${attr('sizes', img.sizes)}>`);
  return html`<picture>${sources}${image}</picture>`;
}
