// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of a feed: the same items, with the same
// ids, as the RSS feed of the same language.
import { toIsoWithOffset } from '../model/dates.ts';
import type { Feed } from './feeds.ts';
import { JSON_FEED_VERSION } from './settings.ts';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string }[];
  language: string;
}

export interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string }[];
  items: JsonFeedItem[];
}

export function buildJsonFeed(feed: Feed, opts: { sender: string; timeZone: string; feedUrl: string }): JsonFeed {
  const authors = [{ name: opts.sender }];
  return {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: opts.feedUrl,
    description: feed.description,
    language: feed.lang,
    authors,
    items: feed.items.map((i) => ({
      id: i.guid,
      url: i.url,
      title: i.title,
      content_html: i.html,
      summary: i.summary,
      ...(i.image ? { image: i.image.url } : {}),
      date_published: toIsoWithOffset(i.date, opts.timeZone),
      ...(i.modified ? { date_modified: toIsoWithOffset(i.modified, opts.timeZone) } : {}),
      authors,
      language: i.textLang,
    })),
  };
}
