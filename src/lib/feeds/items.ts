// Feed items, independent of the feed format: a bulletin is an item, and each of its updates is
// an item of its own with its own time, so news reaches readers that never resurface edited items.
import { bulletinIn, type SiteModel } from '../site/derive.ts';
import { feedImageUrl } from '../images/images.ts';
import type { BulletinGroup } from '../content/load-content.ts';
import { markdownToPlainText } from '../model/markdown.ts';
import type { Bulletin, ImageRef } from '../model/types.ts';
import { absoluteUrl, paths } from '../model/urls.ts';
import { itemGuid } from './guid.ts';
import { bulletinHtml, updateHtml, type HtmlContext } from './item-html.ts';
import { feedStrings } from './strings.ts';

export interface FeedItem {
  guid: string;
  slug: string;
  /** Set when the item is an update of the bulletin. */
  updateId?: string;
  title: string;
  /** Absolute URL of the bulletin page (with the update's anchor for an update). */
  url: string;
  /** When the news came: `published` for a bulletin, `at` for an update. */
  date: Date;
  /** A bulletin's `updated`, when it is later than `published`. */
  modified?: Date;
  /** Language the text is written in (the original's while a translation is missing). */
  textLang: string;
  /** Plain-text summary, for RSS `description` and JSON Feed `summary`. */
  summary: string;
  /** Full content, every URL absolute. */
  html: string;
  image?: ImageRef & { url: string };
}

export interface ItemContext extends HtmlContext {
  model: SiteModel;
}

export function itemContext(model: SiteModel, contentDir: string): ItemContext {
  return { model, site: model.site, contentDir, services: model.services.map((s) => s.service) };
}

const SUMMARY_MAX = 300;

function shorten(text: string, max = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

export function leadImageUrl(ctx: ItemContext, b: Bulletin): string | undefined {
  // The ~800 px JPEG/PNG variant: every reader can show it, and it is light on a slow link.
  return b.image ? feedImageUrl(ctx.site, b.image.src, ctx.contentDir) : undefined;
}

/** The bulletin and every visible update of it, as the readers of `lang` get them. */
export function itemsOf(ctx: ItemContext, group: BulletinGroup, lang: string): FeedItem[] {
  const { site } = ctx;
  const b = bulletinIn(group, lang);
  const pageUrl = absoluteUrl(site, paths.bulletin(site, lang, group.slug));
  const serviceUrl = (id: string) => absoluteUrl(site, paths.service(site, lang, id));
  const imageUrl = leadImageUrl(ctx, b);
  const items: FeedItem[] = [
    withLazyHtml({
      guid: itemGuid(group.slug, lang),
      slug: group.slug,
      title: b.title,
      url: pageUrl,
      date: b.published,
      modified: b.updated && b.updated > b.published ? b.updated : undefined,
      textLang: b.lang,
      summary: b.summary,
      image: b.image && imageUrl ? { ...b.image, url: imageUrl } : undefined,
    }, () => bulletinHtml(ctx, { bulletin: b, feedLang: lang, pageUrl, imageUrl, serviceUrl })),
  ];
  for (const u of b.updates) {
    const updateUrl = absoluteUrl(site, paths.update(site, lang, group.slug, u.id));
    items.push(withLazyHtml({
      guid: itemGuid(group.slug, lang, u.id),
      slug: group.slug,
      updateId: u.id,
      title: `${feedStrings(lang).update}: ${b.title}`,
      url: updateUrl,
      date: u.at,
      textLang: u.textLang,
      summary: shorten(markdownToPlainText(u.text)),
    }, () => updateHtml(ctx, { bulletin: b, update: u, feedLang: lang, bulletinUrl: pageUrl, updateUrl, serviceUrl })));
  }
  return items;
}

/**
 * `html` made when first read: a feed picks its newest 50 items from every bulletin of the site,
 * and rendering the Markdown of all the others only to drop them was most of a feed's cost.
 */
function withLazyHtml(item: Omit<FeedItem, 'html'>, render: () => string): FeedItem {
  let html: string | undefined;
  return Object.defineProperty(item, 'html', { get: () => (html ??= render()), enumerable: true, configurable: true }) as FeedItem;
}

/** Newest first (equal times in a fixed order), at most `max`. */
export function newestFirst(items: FeedItem[], max: number): FeedItem[] {
  return [...items]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.guid.localeCompare(b.guid))
    .slice(0, max);
}
