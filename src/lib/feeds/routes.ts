// What the feed endpoints share: the item context of this build. Their static paths are
// languagePaths() of ../routes.ts, so /rss.xml and /en/rss.xml come from one route file.
import { getSiteData } from '../site/site-data.ts';
import { itemContext, type ItemContext } from './items.ts';

export function feedContext(): ItemContext {
  const { model, content } = getSiteData();
  return itemContext(model, content.dir);
}

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
