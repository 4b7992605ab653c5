// The offline edition carries the current situation, not the whole archive: at 1,000 bulletins
// all of them made 4.5 MB per language, too much for a phone, an e-mail or a printer.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_NOW, generateContent } from '../src/lib/bench/generate.ts';
import { buildSiteModel, isPublic, type SiteModel } from '../src/lib/site/derive.ts';
import { loadContent, type ValidContent } from '../src/lib/content/load-content.ts';
import { buildOfflineEdition, OFFLINE_LATEST } from '../src/lib/offline/offline-edition.ts';

describe('offline edition of a long crisis (80 bulletins)', () => {
  let dir: string;
  let model: SiteModel;
  let html: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-offline-unit-'));
    await generateContent(dir, { bulletins: 80 });
    model = buildSiteModel(loadContent(dir) as ValidContent, new Date(BENCH_NOW));
    html = buildOfflineEdition({ model, lang: 'sv', images: new Map(), resolveBodyImage: () => undefined });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
