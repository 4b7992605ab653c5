// /_headers: HTTP headers for Netlify and Cloudflare Pages (other hosts: deploy/). Astro skips
// files whose name starts with '_', so the name comes in as a route parameter.
import type { APIRoute } from 'astro';
import { headersFile } from '../lib/model/host-files.ts';
import { getSiteModel } from '../lib/site/site-data.ts';

export function getStaticPaths() {
  return [{ params: { headers: '_headers' } }];
}

export const GET: APIRoute = () => new Response(headersFile(getSiteModel().site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
