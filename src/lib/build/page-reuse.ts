// Incremental builds. A rebuild after one bulletin changed should not render the thousands of
// other bulletin pages again. Every bulletin page gets a key: a hash of all that the page shows
// (its bulletin in every language as the model sees it at this build's "now", the current status
// of the services it names, whether its next update is still ahead) and of a digest of everything
// else it could depend on (the code, site.yaml, services.yaml, standing pages, images). A page whose
// key is in the page cache (page-cache.ts) is taken from there, not rendered.
// Lists, feeds and data files change with any bulletin and are always rendered.
import { createHash } from 'node:crypto';
import { standingPages } from '../content/default-pages.ts';
import type { SiteModel } from '../site/derive.ts';
import type { BulletinGroup } from '../content/load-content.ts';
import { basePath, paths } from '../model/urls.ts';

export interface BulletinPage {
  lang: string;
  slug: string;
  /** The page's file relative to the output folder, e.g. `en/bulletiner/<slug>/index.html`. */
  file: string;
  key: string;
  /** Whether search indexes it: a page in a language the bulletin is written in (see the route). */
  indexed: boolean;
}

/** The file of a bulletin page inside the output folder. */
export function bulletinPageFile(model: Pick<SiteModel, 'site'>, lang: string, slug: string): string {
  return `${paths.bulletin(model.site, lang, slug).slice(basePath(model.site).length)}index.html`;
}

// Maps and Dates are what the model holds besides plain data; both must reach the hash.
function stable(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  return value;
}

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('base64url');
}

/** The ids of the services a bulletin page lists (its own and its updates', in any language). */
function servicesNamed(group: BulletinGroup): Set<string> {
  const ids = new Set<string>();
  for (const b of [group.original, ...group.versions.values()]) {
    for (const id of Object.keys(b.services)) ids.add(id);
    for (const u of b.updates) for (const id of Object.keys(u.services)) ids.add(id);
  }
  return ids;
}

/**
 * Every bulletin page of the site with its key. `inputsDigest` covers what is not in the model's
 * bulletins: the code and every content file that is not a bulletin's Markdown.
 */
export function bulletinPages(model: SiteModel, inputsDigest: string): BulletinPage[] {
  const statusById = new Map(model.services.map((s) => [s.service.id, s]));
  // Every page's navigation names the standing pages, some of which appear only from a date on.
  const nav = standingPages(model.site, model.pages, model.now).map((g) => [g.slug, [...g.versions].map(([l, p]) => [l, p.title])]);
  const siteKey = hash(inputsDigest, JSON.stringify(nav));
  const pages: BulletinPage[] = [];
  for (const group of model.bulletins) {
    const named = [...servicesNamed(group)].sort().map((id) => {
      const s = statusById.get(id);
      return s ? [id, s.status, s.since?.toISOString() ?? ''] : [id];
    });
    const nextAhead = group.original.nextUpdate !== undefined && group.original.nextUpdate > model.now;
    const groupKey = hash(siteKey, JSON.stringify(group, stable), JSON.stringify(named), String(nextAhead));
    for (const lang of model.site.languages) {
      pages.push({
        lang,
        slug: group.slug,
        file: bulletinPageFile(model, lang, group.slug),
        key: hash(groupKey, lang),
        indexed: group.versions.has(lang),
      });
    }
  }
  return pages;
}
