// Which bulletins go where: the front page (public only, pinned first), the staff page.
import { bulletinIn, frontPageOrder, isForStaff, isPublic, type SiteModel } from './derive.ts';
import type { BulletinGroup } from './load-content.ts';

export function frontPage(model: SiteModel): { pinned: BulletinGroup[]; latest: BulletinGroup[] } {
  const ordered = frontPageOrder(model.bulletins.filter((g) => isPublic(g.original)));
  return { pinned: ordered.filter((g) => g.original.pinned), latest: ordered.filter((g) => !g.original.pinned) };
}

export function staffBulletins(model: SiteModel): BulletinGroup[] {
  return model.bulletins.filter((g) => isForStaff(g.original));
}

/** The bulletin a status event belongs to, in the reader's language, for links and titles. */
export function bulletinBySlug(model: SiteModel, slug: string, lang: string) {
  const g = model.bulletins.find((x) => x.slug === slug);
  return g ? bulletinIn(g, lang) : undefined;
}
