// /status.json: the status board as data (docs/status.schema.json describes it).
import type { APIRoute } from 'astro';
import { buildStatusJson } from '../lib/feeds/status.ts';
import { getSiteModel } from '../lib/site/site-data.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(buildStatusJson(getSiteModel()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
