// /robots.txt: the sitemap for crawlers, or a closed door for preview builds (KRISINFO_NOINDEX=1).
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/model/host-files.ts';
import { getSiteModel } from '../lib/site/site-data.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(getSiteModel().site, process.env.KRISINFO_NOINDEX === '1'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
