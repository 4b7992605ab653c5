// /media/<content path>.<hash>-<width>.<ext>: every published image variant, made by src/lib/images/images.ts
// (from its cache when the image is unchanged). Only images the published site shows get a route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { mediaRoutes, variantBytes } from '../../lib/images/images.ts';
import { getSiteData } from '../../lib/site/site-data.ts';

export const getStaticPaths = (() => {
  const { model, content } = getSiteData();
  return mediaRoutes(model, content.dir).map(({ file, src, type }) => ({ params: { file }, props: { src, type } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const { content } = getSiteData();
  const bytes = await variantBytes(content.dir, props.src as string, params.file!);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': props.type as string } });
};
