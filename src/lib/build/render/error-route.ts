// /500 of the server bundle only (adapter.ts injects it; the published site has no such page).
// Astro's App catches an error thrown while rendering a page and renders this route with the error
// as a prop: it answers with the error itself, so the renderer can tell the officer what failed
// instead of a bare status 500.
import type { APIRoute } from 'astro';
import { RENDER_ERROR_HEADER, type RenderErrorBody } from './render-protocol.ts';

export const prerender = false;

export const GET: APIRoute = ({ props }) => {
  const e = props.error as (Error & { loc?: { file?: string }; id?: string }) | undefined;
  const body: RenderErrorBody = e instanceof Error
    ? { name: e.name, message: e.message, stack: e.stack, file: e.loc?.file ?? e.id }
    : { name: 'Error', message: String(e) };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'Content-Type': 'application/json', [RENDER_ERROR_HEADER]: '1' } });
};
