// /status.json: the status board as data, for other sites, dashboards and scripts (e.g. a radio
// newsroom or the municipality's own site once it is back). Described by docs/status.schema.json;
// change both together. Texts are in the default language; URLs are absolute.
import { toIsoWithOffset } from '../model/dates.ts';
import { frontPageOrder, isPublic, type SiteModel } from '../site/derive.ts';
import { localize } from '../model/i18n.ts';
import type { Localized, Site, Status } from '../model/types.ts';
import { absoluteUrl, paths } from '../model/urls.ts';

export const STATUS_FORMAT_VERSION = 1;

export interface StatusBulletinRef {
  slug: string;
  title: string;
  url: string;
}

export interface StatusJson {
  version: number;
  sender: string;
  title: string;
  url: string;
  language: string;
  timezone: string;
  generated: string;
  services: {
    id: string;
    name: string;
    names: Record<string, string>;
    status: Status;
    since: string | null;
    setBy: (StatusBulletinRef & { updateId: string | null }) | null;
    url: string;
    feed: string;
  }[];
  pinned: (StatusBulletinRef & { summary: string; severity: string; published: string; updated: string | null })[];
  nextUpdate: { at: string; bulletin: StatusBulletinRef } | null;
}

function names(value: Localized, site: Site): Record<string, string> {
  return Object.fromEntries(site.languages.map((l) => [l, localize(value, l, site)]));
}

export function buildStatusJson(model: SiteModel): StatusJson {
  const { site, defaultLang: lang } = model;
  const iso = (d: Date) => toIsoWithOffset(d, site.timezone);
  const abs = (p: string) => absoluteUrl(site, p);
  const ref = (slug: string): StatusBulletinRef => {
    const g = model.bulletins.find((x) => x.slug === slug);
    return { slug, title: g?.original.title ?? slug, url: abs(paths.bulletin(site, lang, slug)) };
  };
  return {
    version: STATUS_FORMAT_VERSION,
    sender: site.sender,
    title: localize(site.title, lang, site),
    url: site.url,
    language: lang,
    timezone: site.timezone,
    generated: iso(model.now),
    services: model.services.map((s) => ({
      id: s.service.id,
      name: localize(s.service.name, lang, site),
      names: names(s.service.name, site),
      status: s.status,
      since: s.since ? iso(s.since) : null,
      setBy: s.setBy
        ? {
            ...ref(s.setBy.slug),
            updateId: s.setBy.updateId ?? null,
            ...(s.setBy.updateId ? { url: abs(paths.update(site, lang, s.setBy.slug, s.setBy.updateId)) } : {}),
          }
        : null,
      url: abs(paths.service(site, lang, s.service.id)),
      feed: abs(paths.serviceRss(site, lang, s.service.id)),
    })),
    pinned: frontPageOrder(model.bulletins.filter((g) => g.original.pinned && isPublic(g.original))).map((g) => ({
      ...ref(g.slug),
      summary: g.original.summary,
      severity: g.original.severity,
      published: iso(g.original.published),
      updated: g.original.updated ? iso(g.original.updated) : null,
    })),
    nextUpdate: model.nextUpdate ? { at: iso(model.nextUpdate.at), bulletin: ref(model.nextUpdate.slug) } : null,
  };
}
