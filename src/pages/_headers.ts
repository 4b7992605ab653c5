// /_headers: HTTP headers for Netlify and Cloudflare Pages (other hosts: deploy/).
import type { APIRoute } from 'astro';
import { headersFile } from '../lib/host-files.ts';
import { getSiteModel } from '../lib/site-data.ts';

export const GET: APIRoute = () => new Response(headersFile(getSiteModel().site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
