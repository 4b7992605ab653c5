// Which bulletins go where: the front page (public only, pinned first), the staff page.
import { bulletinIn, frontPageOrder, isForStaff, isPublic, type SiteModel } from './derive.ts';
import type { BulletinGroup } from '../content/load-content.ts';

/**
 * How many unpinned bulletins the front page lists; the rest are one link away in the archive.
 * The front page must stay within the first TCP round trip (14 kB gzipped) however long the crisis.
 */
export const FRONT_PAGE_LATEST = 10;

export function frontPage(model: SiteModel): { pinned: BulletinGroup[]; latest: BulletinGroup[] } {
  const ordered = frontPageOrder(model.bulletins.filter((g) => isPublic(g.original)));
  return {
    pinned: ordered.filter((g) => g.original.pinned),
    latest: ordered.filter((g) => !g.original.pinned).slice(0, FRONT_PAGE_LATEST),
  };
}

export function staffBulletins(model: SiteModel): BulletinGroup[] {
  return model.bulletins.filter((g) => isForStaff(g.original));
}

// A service page looks up the bulletin of every event in its history: an index, not a scan each time.
const bySlug = new WeakMap<SiteModel, Map<string, BulletinGroup>>();

/**
 * Whether the time of a status event was written as a bare date: a bulletin's `published` written
 * `2021-12-28` (updates always have a clock time). Such a time is shown as the date alone.
 */
export function eventDateOnly(model: SiteModel, slug: string, updateId?: string): boolean {
  return !updateId && bulletinBySlug(model, slug, model.defaultLang)?.dateOnly?.published === true;
}

/** The bulletin a status event belongs to, in the reader's language, for links and titles. */
export function bulletinBySlug(model: SiteModel, slug: string, lang: string) {
  let index = bySlug.get(model);
  if (!index) bySlug.set(model, (index = new Map(model.bulletins.map((g) => [g.slug, g]))));
  const g = index.get(slug);
  return g ? bulletinIn(g, lang) : undefined;
}
