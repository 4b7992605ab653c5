// What the front page lists stays small however long the crisis lasts; the archive has everything.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublic, type SiteModel } from '../src/lib/site/derive.ts';
import { FRONT_PAGE_LATEST, frontPage } from '../src/lib/site/listings.ts';
import { generatedModel } from './helpers/generated-model.ts';

describe('front page listing on a long crisis (40 bulletins)', () => {
  let dir: string;
  let model: SiteModel;
  beforeAll(async () => {
    ({ dir, model } = await generatedModel(40));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows every pinned bulletin and only the newest unpinned ones', () => {
    const { pinned, latest } = frontPage(model);
    const publicOnes = model.bulletins.filter((g) => isPublic(g.original));
    expect(publicOnes.length).toBeGreaterThan(FRONT_PAGE_LATEST + pinned.length);
    const slugs = (list: typeof pinned) => list.map((g) => g.slug).sort();
    expect(slugs(pinned)).toEqual(slugs(publicOnes.filter((g) => g.original.pinned)));
    expect(latest).toHaveLength(FRONT_PAGE_LATEST);
    expect(latest.every((g) => !g.original.pinned && isPublic(g.original))).toBe(true);
  });
});
