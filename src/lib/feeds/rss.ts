// RSS 2.0 with the `rss` package (the XML writing and CDATA escaping are its job). Two things it
// does not do as this site needs, handled here:
// - it always writes `<lastBuildDate>` as the wall-clock time of the build; we replace it with
//   the time the feed's content last changed, so rebuilding unchanged content gives the same bytes
//   (and a build with a fixed KRISINFO_NOW is reproducible);
// - a channel-level `author` is not an RSS 2.0 element (the W3C validator rejects it), so the
//   sender goes on every item as `dc:creator` (RSS `<author>` must be an e-mail address).
import RSS from 'rss';
import { toRfc822 } from '../model/dates.ts';
import { escapeHtml } from './item-html.ts';
import type { Feed } from './feeds.ts';
import { FEED_TTL_MINUTES, GENERATOR } from './settings.ts';

const RSS_SPEC = 'https://www.rssboard.org/rss-specification';

/** XML 1.0 cannot carry most control characters at all, not even escaped. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function renderRss(feed: Feed, sender: string): string {
  const lastChange = toRfc822(feed.lastChange);
  const rss = new RSS({
    title: xmlSafe(feed.title),
    // The channel's description is plain text (the sender, the site title, a service's description)
    // that readers take as HTML, like an item's: escaped the same way, so `<` shows as written.
    description: xmlSafe(escapeHtml(feed.description)),
    site_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    generator: GENERATOR,
    language: feed.lang,
    ttl: FEED_TTL_MINUTES,
    docs: RSS_SPEC,
    pubDate: lastChange,
  });
  for (const item of feed.items) {
    rss.item({
      title: xmlSafe(item.title),
      // Readers take `description` as HTML: the plain-text summary is escaped so it shows as written.
      description: xmlSafe(escapeHtml(item.summary)),
      url: item.url,
      guid: item.guid,
      author: xmlSafe(sender),
      date: toRfc822(item.date),
      custom_elements: [{ 'content:encoded': { _cdata: xmlSafe(item.html) } }],
    });
  }
  return rss.xml({ indent: true }).replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, `<lastBuildDate>${lastChange}</lastBuildDate>`);
}
