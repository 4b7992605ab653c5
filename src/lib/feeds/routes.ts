// Static paths for the feed endpoints: one per language, the default language at the root
// (`[...lang]` is undefined there), so /rss.xml and /en/rss.xml come from one route file.
import { getSiteData } from '../site-data.ts';
import { itemContext, type ItemContext } from './items.ts';

export function feedContext(): ItemContext {
  const { model, content } = getSiteData();
  return itemContext(model, content.dir);
}

export function languagePaths(): { params: { lang: string | undefined }; props: { lang: string } }[] {
  const { site } = getSiteData().model;
  return site.languages.map((lang) => ({ params: { lang: lang === site.languages[0] ? undefined : lang }, props: { lang } }));
}

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
