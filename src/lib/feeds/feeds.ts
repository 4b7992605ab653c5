// Which feeds the site has and what each holds, format aside: per language a main feed (public
// bulletins), a staff feed (bulletins for staff) and one feed per service (every bulletin and
// update that set the service's status: the same events the status board is derived from).
import { isForStaff, isPublic } from '../site/derive.ts';
import { localize } from '../model/i18n.ts';
import type { BulletinGroup } from '../content/load-content.ts';
import { absoluteUrl, paths } from '../model/urls.ts';
import { itemsOf, newestFirst, type FeedItem, type ItemContext } from './items.ts';
import { FEED_MAX_ITEMS } from './settings.ts';
import { feedStrings, statusLabel } from './strings.ts';

export type FeedKind = 'main' | 'staff' | 'service';

export interface Feed {
  kind: FeedKind;
  lang: string;
  serviceId?: string;
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  homeUrl: string;
  /** Absolute URL of the feed itself (RSS). */
  feedUrl: string;
  /** Newest first, capped at FEED_MAX_ITEMS. */
  items: FeedItem[];
  /** When the feed's content last changed (latest item or `updated`), the build's time if empty. */
  lastChange: Date;
}

// A bulletin's items are the same in the main feed, the staff feed and every service feed it is
// in: made once per bulletin and language (a group belongs to one build's model, so to one ctx).
const itemsByGroup = new WeakMap<BulletinGroup, Map<string, FeedItem[]>>();

function itemsFor(ctx: ItemContext, groups: BulletinGroup[], lang: string): FeedItem[] {
  return groups.flatMap((g) => {
    let byLang = itemsByGroup.get(g);
    if (!byLang) itemsByGroup.set(g, (byLang = new Map()));
    let items = byLang.get(lang);
    if (!items) byLang.set(lang, (items = itemsOf(ctx, g, lang)));
    return items;
  });
}

function feed(ctx: ItemContext, base: Omit<Feed, 'items' | 'lastChange'>, all: FeedItem[]): Feed {
  const items = newestFirst(all, FEED_MAX_ITEMS);
  let lastChange: Date | undefined;
  for (const i of items) {
    const t = i.modified && i.modified > i.date ? i.modified : i.date;
    if (!lastChange || t > lastChange) lastChange = t;
  }
  return { ...base, items, lastChange: lastChange ?? ctx.model.now };
}

function siteTitle(ctx: ItemContext, lang: string): string {
  return localize(ctx.site.title, lang, ctx.site);
}

export function mainFeed(ctx: ItemContext, lang: string): Feed {
  const { site } = ctx;
  return feed(
    ctx,
    {
      kind: 'main',
      lang,
      title: siteTitle(ctx, lang),
      description: localize(site.description, lang, site) || `${site.sender}: ${siteTitle(ctx, lang)}`,
      homeUrl: absoluteUrl(site, paths.home(site, lang)),
      feedUrl: absoluteUrl(site, paths.rss(site, lang)),
    },
    itemsFor(ctx, ctx.model.bulletins.filter((g) => isPublic(g.original)), lang),
  );
}

export function staffFeed(ctx: ItemContext, lang: string): Feed {
  const { site } = ctx;
  const title = `${siteTitle(ctx, lang)} – ${feedStrings(lang).staffFeed}`;
  return feed(
    ctx,
    {
      kind: 'staff',
      lang,
      title,
      description: `${site.sender}: ${title}`,
      homeUrl: absoluteUrl(site, paths.staff(site, lang)),
      feedUrl: absoluteUrl(site, paths.staffRss(site, lang)),
    },
    itemsFor(ctx, ctx.model.bulletins.filter((g) => isForStaff(g.original)), lang),
  );
}

/** The item with another title; its html stays made on first read (items.ts withLazyHtml). */
function retitled(item: FeedItem, title: string): FeedItem {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(item), title: { value: title, enumerable: true } }) as FeedItem;
}

export function serviceFeed(ctx: ItemContext, lang: string, serviceId: string): Feed {
  const { site, model } = ctx;
  const state = model.services.find((s) => s.service.id === serviceId);
  if (!state) throw new Error(`No service with id ${serviceId}`);
  const name = localize(state.service.name, lang, site);
  // The events that named the service, as items: a bulletin (no updateId) or one of its updates.
  const statusBy = new Map(state.history.map((h) => [`${h.slug}\u0000${h.updateId ?? ''}`, h.status]));
  const named = new Set(state.history.map((h) => h.slug));
  const groups = model.bulletins.filter((g) => named.has(g.slug));
  // A reader of this feed wants the new status first: "Växel och telefoner: reservrutiner – <bulletin>".
  const items = itemsFor(ctx, groups, lang).flatMap((i) => {
    const status = statusBy.get(`${i.slug}\u0000${i.updateId ?? ''}`);
    return status ? [retitled(i, `${name}: ${statusLabel(status, lang).toLowerCase()} – ${i.title}`)] : [];
  });
  return feed(
    ctx,
    {
      kind: 'service',
      lang,
      serviceId,
      title: `${name} – ${siteTitle(ctx, lang)}`,
      description: localize(state.service.description, lang, site) || `${site.sender}: ${feedStrings(lang).serviceFeed} ${name}`,
      homeUrl: absoluteUrl(site, paths.service(site, lang, serviceId)),
      feedUrl: absoluteUrl(site, paths.serviceRss(site, lang, serviceId)),
    },
    items,
  );
}
