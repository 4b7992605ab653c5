// JSON Feed 1.1 of the main feed: /feed.json, /<lang>/feed.json.
import type { APIRoute } from 'astro';
import { mainFeed } from '../../lib/feeds/feeds.ts';
import { buildJsonFeed } from '../../lib/feeds/json-feed.ts';
import { feedContext } from '../../lib/feeds/routes.ts';
import { languagePaths } from '../../lib/site/routes.ts';
import { absoluteUrl, paths } from '../../lib/model/urls.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = ({ props }) => {
  const ctx = feedContext();
  const lang = props.lang as string;
  const json = buildJsonFeed(mainFeed(ctx, lang), {
    sender: ctx.site.sender,
    timeZone: ctx.site.timezone,
    feedUrl: absoluteUrl(ctx.site, paths.jsonFeed(ctx.site, lang)),
  });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
