// The benchmark's synthetic content must be content an officer could have written: if it had
// errors the build would stop and the benchmark would time an error message instead of a site.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_NOW, generateContent, editBulletin, type GeneratedContent } from '../src/lib/bench/generate.ts';
import { buildSiteModel, bulletinIn } from '../src/lib/site/derive.ts';
import { loadContent, type ValidContent } from '../src/lib/content/load-content.ts';
import { headings } from '../src/lib/model/markdown.ts';

describe('bench content generator, 20 bulletins', () => {
  let dir: string;
  let gen: GeneratedContent;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-bench-test-'));
    gen = await generateContent(dir, { bulletins: 20 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads with no errors', () => {
    const content = loadContent(dir);
    expect(content.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(content.bulletins).toHaveLength(20);
  });

  it('translates a fifth of the bulletins into en and fi, and nothing else', () => {
    const names = readdirSync(path.join(dir, 'bulletins'));
    expect(names.filter((n) => n.endsWith('.en.md'))).toHaveLength(4);
    expect(names.filter((n) => n.endsWith('.fi.md'))).toHaveLength(4);
    expect(gen.translations).toBe(8);
    const content = loadContent(dir) as ValidContent;
    const translated = content.bulletins.filter((g) => g.versions.has('en'));
    expect(translated.every((g) => bulletinIn(g, 'en').title !== g.original.title)).toBe(true);
  });

  it('gives every bulletin the five questions as sections', () => {
    const content = loadContent(dir);
    for (const g of content.bulletins) expect(headings(g.original.body)).toHaveLength(5);
  });

  it('makes a crisis with status changes, a scheduled bulletin and reused images', () => {
    const content = loadContent(dir) as ValidContent;
    const model = buildSiteModel(content, new Date(BENCH_NOW));
    expect(model.services).toHaveLength(10);
    expect(model.services.some((s) => s.history.length > 0)).toBe(true);
    expect(model.scheduled).toHaveLength(1);
    const images = content.bulletins.flatMap((g) => (g.original.image ? [g.original.image.src] : []));
    expect(new Set(images).size).toBeLessThan(images.length);
  });

  it('is the same every time for the same size', async () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-bench-test-'));
    try {
      await generateContent(again, { bulletins: 20 });
      expect(readdirSync(path.join(again, 'bulletins'))).toEqual(readdirSync(path.join(dir, 'bulletins')));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('edits the newest published bulletin without breaking it', () => {
    editBulletin(dir, gen.newestSlug, 'test');
    const content = loadContent(dir);
    expect(content.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(content.bulletins.find((g) => g.slug === gen.newestSlug)!.original.body).toContain('Tillägg test');
  });
});
