// The plain-text edition: /bulletiner.txt, /<lang>/bulletiner.txt.
import type { APIRoute } from 'astro';
import { buildPlainText } from '../../lib/feeds/plain-text.ts';
import { feedContext } from '../../lib/feeds/routes.ts';
import { languagePaths } from '../../lib/site/routes.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = ({ props }) =>
  new Response(buildPlainText(feedContext().model, props.lang as string), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
