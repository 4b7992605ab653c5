// The offline edition carries the current situation, not the whole archive: at 1,000 bulletins
// all of them made 4.5 MB per language, too much for a phone, an e-mail or a printer.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublic, type SiteModel } from '../src/lib/site/derive.ts';
import { buildOfflineEdition, OFFLINE_LATEST, type OfflineImages } from '../src/lib/offline/offline-edition.ts';
import { carryRenders } from '../src/lib/model/markdown.ts';
import { generatedModel } from './helpers/generated-model.ts';

// One generated crisis for every test here; none of them changes it.
let dir: string;
let model: SiteModel;
beforeAll(async () => {
  ({ dir, model } = await generatedModel(80));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('offline edition of a long crisis (80 bulletins)', () => {
  let html: string;
  beforeAll(() => {
    html = buildOfflineEdition({ model, lang: 'sv', images: new Map(), resolveBodyImage: () => undefined });
  });

  const articlesIn = (section: string) => {
    const part = new RegExp(`<section id="${section}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    return [...part.matchAll(/<article id="([^"]+)"/g)].map((m) => m[1]);
  };

  it('carries the pinned bulletins and the ones with the latest news, in front-page order', () => {
    // The order worked out here from the dates, not with the model's own ordering function.
    const latestNews = (g: SiteModel['bulletins'][number]) =>
      Math.max(g.original.published.getTime(), g.original.updated?.getTime() ?? 0, ...g.original.updates.map((u) => u.at.getTime()));
    const public_ = model.bulletins
      .filter((g) => g.original.audience.includes('public'))
      .sort((a, b) => latestNews(b) - latestNews(a) || a.slug.localeCompare(b.slug));
    const pinned = public_.filter((g) => g.original.pinned).map((g) => g.slug);
    const latest = public_.filter((g) => !g.original.pinned).slice(0, OFFLINE_LATEST).map((g) => g.slug);
    expect(public_.length).toBeGreaterThan(pinned.length + OFFLINE_LATEST);
    expect(articlesIn('bulletins')).toEqual([...pinned, ...latest]);
  });

  it('says how many there are in all, and where the rest are', () => {
    const total = model.bulletins.filter((g) => isPublic(g.original)).length;
    expect(html).toContain(`Alla ${total} meddelanden finns på <a href="https://`);
    expect(html).toMatch(/finns på <a href="[^"]+\/bulletiner\/">/);
  });
});

describe('offline edition: its Markdown carried between builds (model/markdown.ts)', () => {
  const CARRIED = Symbol.for('krisinfo.carriedRenders');
  afterAll(() => {
    delete (globalThis as Record<symbol, unknown>)[CARRIED];
  });

  // Every body image resolves to one embedded image, as offline-images.ts would give it.
  const IMAGE = { dataUri: 'data:image/webp;base64,UklGRg==', width: 480, height: 320 };
  const edition = (images: OfflineImages) => buildOfflineEdition({ model, lang: 'sv', images, resolveBodyImage: (written) => written });
  const imagesOf = (html: string) => [...html.matchAll(/<img src="([^"]+)" alt="[^"]*" width="(\d+)" height="(\d+)"/g)].map((m) => m.slice(1).join(' '));

  it('keeps no image data in what it carries, and a carried render shows the images of this build', () => {
    const written = new Set(model.bulletins.flatMap((g) => [...g.original.body.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!)));
    expect(written.size).toBeGreaterThan(0);
    const images: OfflineImages = new Map([...written].map((src) => [src, IMAGE]));
    const first = carryRenders(new Map());
    const fresh = edition(images);
    expect(imagesOf(fresh).length).toBeGreaterThan(0);
    expect(imagesOf(fresh).every((i) => i === `${IMAGE.dataUri} 480 320`)).toBe(true);
    expect([...first.used.values()].some((html) => html.includes('base64'))).toBe(false);
    // The next build: every render carried, the same page.
    const next = carryRenders(new Map(first.used));
    expect(edition(new Map(images))).toBe(fresh);
    expect(next.carried).toBeGreaterThan(0);
  });

  it('carries nothing of an edition that had to leave an image out', () => {
    const renders = carryRenders(new Map());
    const images: OfflineImages = Object.assign(new Map(), { incomplete: true });
    const html = edition(images);
    expect(html).not.toContain('<img src="data:,');
    expect([...renders.used.keys()]).toEqual([]);
  });
});
