// /offline.html (and /<lang>/offline.html): the offline edition, one self-contained file.
import type { APIRoute } from 'astro';
import { buildOfflineEdition } from '../../lib/offline/offline-edition.ts';
import { collectOfflineImages, offlineImageResolver } from '../../lib/offline/offline-images.ts';
import { languagePaths } from '../../lib/site/routes.ts';
import { getSiteData } from '../../lib/site/site-data.ts';

export function getStaticPaths() {
  return languagePaths();
}

export const GET: APIRoute = async ({ props }) => {
  const { model, content } = getSiteData();
  const images = await collectOfflineImages(model, content.dir);
  const html = buildOfflineEdition({ model, lang: (props as { lang: string }).lang, images, resolveBodyImage: offlineImageResolver(content.dir) });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
