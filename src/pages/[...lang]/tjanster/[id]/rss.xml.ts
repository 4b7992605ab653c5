// One feed per service: every bulletin and update that set its status. /tjanster/<id>/rss.xml per language.
import type { APIRoute } from 'astro';
import { serviceFeed } from '../../../../lib/feeds/feeds.ts';
import { renderRss } from '../../../../lib/feeds/rss.ts';
import { feedContext, RSS_TYPE } from '../../../../lib/feeds/routes.ts';
import { languagePaths } from '../../../../lib/site/routes.ts';

export function getStaticPaths() {
  const ids = feedContext().model.services.map((s) => s.service.id);
  return languagePaths().flatMap(({ params, props }) => ids.map((id) => ({ params: { ...params, id }, props })));
}

export const GET: APIRoute = ({ props, params }) => {
  const ctx = feedContext();
  const feed = serviceFeed(ctx, props.lang as string, params.id as string);
  return new Response(renderRss(feed, ctx.site.sender), { headers: { 'Content-Type': RSS_TYPE } });
};
