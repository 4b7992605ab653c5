// The image pipeline without a site build: sizes read from file headers agree with sharp for every
// format and orientation, the widths chosen, the size budget on the worst image there is, the
// warnings `check` gets, and the imageDecorative field.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/build.ts';
import { drawing, noiseImage } from './helpers/image-samples.ts';
import { readImageHeader } from '../src/lib/images/image-header.ts';
import { imagePlan, imageWarnings, MAX_BYTES, variantBytes, variantWidths } from '../src/lib/images/images.ts';
import { loadContent } from '../src/lib/content/load-content.ts';

describe('readImageHeader agrees with sharp (upright size, as published)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('JPEG with EXIF orientation %i', async (orientation) => {
    const jpeg = await sharp(await drawing(300, 200, 'jpeg')).withMetadata({ orientation }).jpeg().toBuffer();
    const meta = await sharp(jpeg).metadata();
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: meta.autoOrient.width, height: meta.autoOrient.height, hasAlpha: false });
    expect(readImageHeader(jpeg)!.width).toBe(orientation >= 5 ? 200 : 300);
  });

  it.each([
    ['png', false],
    ['png', true],
    ['gif', false],
    ['webp', false],
    ['webp', true],
    ['avif', false],
  ] as const)('%s (transparent: %s)', async (format, transparent) => {
    const bytes = await drawing(321, 123, format, transparent);
    const header = readImageHeader(bytes)!;
    const meta = await sharp(bytes).metadata();
    expect([header.format, header.width, header.height]).toEqual([format === 'avif' ? 'avif' : meta.format, meta.width, meta.height]);
    if (format === 'png' || format === 'webp') expect(header.hasAlpha).toBe(meta.hasAlpha);
  });

  it('lossless WebP', async () => {
    const bytes = await sharp(await drawing(257, 99, 'png', true)).webp({ lossless: true }).toBuffer();
    expect(readImageHeader(bytes)).toMatchObject({ format: 'webp', width: 257, height: 99, hasAlpha: true });
  });

  it.each([
    ['<svg xmlns="http://www.w3.org/2000/svg" width="48" height="40">', 48, 40],
    ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 30">', 120, 30],
    ['<?xml version="1.0"?>\n<svg width="200px" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg">', 200, 100],
  ])('SVG %s', (tag, width, height) => {
    expect(readImageHeader(Buffer.from(`${tag}<rect width="1" height="1"/></svg>`))).toMatchObject({ format: 'svg', width, height });
  });

  it('returns undefined for what is not an image', () => {
    expect(readImageHeader(Buffer.from('Hej, det här är text och ingen bild alls.'))).toBeUndefined();
  });
});

describe('variantWidths: the layout widths, never wider than the source, no near-duplicates', () => {
  it.each([
    [4000, [480, 800, 1200]],
    [1250, [480, 800, 1200]],
    [1200, [480, 800, 1200]],
    [1000, [480, 800, 1000]],
    [850, [480, 850]],
    [800, [480, 800]],
    [500, [500]],
    [300, [300]],
  ])('%i px wide → %j', (width, expected) => {
    expect(variantWidths(width)).toEqual(expected);
  });
});

describe('processing', () => {
  let content: string;
  const previousCache = process.env.KRISINFO_CACHE;
  beforeAll(async () => {
    process.env.KRISINFO_CACHE = tempDir('krisinfo-image-cache-');
    content = tempDir('krisinfo-image-unit-');
    writeFileSync(path.join(content, 'brus.png'), await noiseImage(1600, 1200));
  }, 120_000);
  afterAll(() => {
    if (previousCache === undefined) delete process.env.KRISINFO_CACHE;
    else process.env.KRISINFO_CACHE = previousCache;
  });

  it('keeps even pure noise (the least compressible image there is) within 200 kB per file', async () => {
    const plan = imagePlan(content, 'brus.png');
    expect(plan.fallback).toHaveLength(3); // 480, 800 and 1200 px from a 1600 px source
    expect(plan.fallback.map((v) => v.file)).toEqual(plan.fallback.map(() => expect.stringMatching(/\.jpg$/)));
    for (const v of [...plan.modern, ...plan.fallback]) {
      const bytes = await variantBytes(content, 'brus.png', v.file);
      expect(bytes.length, v.file).toBeLessThanOrEqual(MAX_BYTES);
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height], v.file).toEqual([v.width, v.height]);
    }
  }, 120_000);
});

describe('warnings for check, and imageDecorative', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tempDir('krisinfo-image-check-'), 'content');
    cpSync(path.resolve(import.meta.dirname, 'fixtures/images'), dir, { recursive: true });
    const images = path.join(dir, 'bulletins/images');
    mkdirSync(images, { recursive: true });
    // A camera file over 20 MB (padding after the image data, which a JPEG reader ignores).
    const big = await drawing(2000, 1500, 'jpeg');
    writeFileSync(path.join(images, 'telefonfoto.jpg'), Buffer.concat([big, Buffer.alloc(21 * 1024 * 1024)]));
    writeFileSync(path.join(images, 'karta.png'), await drawing(600, 400, 'png', true)); // narrower than 800
    writeFileSync(path.join(images, 'skylt.gif'), await drawing(900, 500, 'gif'));
    writeFileSync(path.join(images, 'dekor.jpg'), await drawing(1600, 900, 'jpeg'));
    writeFileSync(path.join(images, 'utkast.jpg'), await drawing(1000, 600, 'jpeg'));
  }, 60_000);

  it('warns once about an image over 20 MB and once about one narrower than 800 px, naming the file that uses it', () => {
    const content = loadContent(dir);
    expect(content.problems.filter((p) => p.level === 'error')).toEqual([]);
    const warnings = imageWarnings(content);
    expect(warnings).toEqual([
      expect.objectContaining({ level: 'warning', code: 'warn.image-large', file: 'bulletins/2022-05-01-vattenlacka.md', field: 'image', params: expect.objectContaining({ value: 'bulletins/images/telefonfoto.jpg', max: 20 }) }),
      expect.objectContaining({ level: 'warning', code: 'warn.image-small', file: 'bulletins/2022-05-01-vattenlacka.md', field: 'body', params: { value: 'bulletins/images/karta.png', width: 600, max: 800 } }),
    ]);
  });

  it('imageDecorative: true allows a lead image without imageAlt, shown with empty alt', () => {
    const group = loadContent(dir).bulletins.find((g) => g.slug === '2022-05-02-dekor')!;
    expect(group.original.image).toMatchObject({ src: 'bulletins/images/dekor.jpg', alt: '', decorative: true });
  });

  it('without it, a lead image without imageAlt is still an error', () => {
    const file = path.join(dir, 'bulletins/2022-05-02-dekor.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('imageDecorative: true\n', ''));
    const problems = loadContent(dir).problems.filter((p) => p.level === 'error');
    writeFileSync(file, original);
    expect(problems).toEqual([expect.objectContaining({ code: 'image.alt-missing', file: 'bulletins/2022-05-02-dekor.md', field: 'imageAlt' })]);
  });
});
