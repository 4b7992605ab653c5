// The staff feed (bulletins whose audience includes staff): /personal/rss.xml, /<lang>/personal/rss.xml.
import type { APIRoute } from 'astro';
import { staffFeed } from '../../../lib/feeds/feeds.ts';
import { renderRss } from '../../../lib/feeds/rss.ts';
import { feedContext, RSS_TYPE } from '../../../lib/feeds/routes.ts';
import { languagePaths } from '../../../lib/site/routes.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = ({ props }) => {
  const ctx = feedContext();
  return new Response(renderRss(staffFeed(ctx, props.lang as string), ctx.site.sender), { headers: { 'Content-Type': RSS_TYPE } });
};
