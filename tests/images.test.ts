// Images on a real build of tests/fixtures/images (with a phone photo made here): nothing private
// leaves the building, photos stay upright, every <img> has its size and alt text, every file fits
// the budget, and a rebuild with the same cache does no image work and publishes the same bytes.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tempDir, type BuildResult } from './helpers/build.ts';
import { drawing, phonePhoto, rationalPatterns, SECRETS } from './helpers/image-samples.ts';
import { feedImageUrl, MAX_BYTES } from '../src/lib/images/images.ts';
import type { ImageCacheStats } from '../src/lib/images/image-cache.ts';
import { loadValidContent } from '../src/lib/site/site-data.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/images');
const NOW = '2022-06-01T12:00:00Z';
let content: string;
let cache: string;
let photo: Buffer;
let first: BuildResult;
let second: BuildResult;
let firstStats: ImageCacheStats;
let secondStats: ImageCacheStats;

function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(root, path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}
const media = (out: string) => walk(out).filter((f) => f.startsWith('media/'));
const read = (rel: string) => readFileSync(path.join(first.out, rel));
const html = (rel: string) => read(rel).toString('utf8');
const stats = () => JSON.parse(readFileSync(path.join(cache, 'images/stats.json'), 'utf8')) as ImageCacheStats;

/** Attributes of every tag `name` in the HTML; a bare attribute (`alt`) has the value ''. */
function tags(source: string, name: string): Record<string, string>[] {
  return [...source.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, (a[2] ?? '').replace(/&amp;/g, '&')])),
  );
}
/** `/info/media/x.jpg 480w, ...` → file paths in the output. */
const urlsIn = (srcset: string) => srcset.split(',').map((s) => s.trim().split(/\s+/)[0]!);
const fileOf = (url: string) => decodeURI(new URL(url, 'https://bilder.example.org/').pathname).replace(/^\/info\//, '');

function hashes(out: string): Record<string, string> {
  return Object.fromEntries(media(out).map((f) => [f, createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex')]));
}

beforeAll(async () => {
  content = path.join(tempDir('krisinfo-images-'), 'content');
  cpSync(FIXTURE, content, { recursive: true });
  const images = path.join(content, 'bulletins/images');
  mkdirSync(images, { recursive: true });
  photo = await phonePhoto();
  writeFileSync(path.join(images, 'telefonfoto.jpg'), photo);
  writeFileSync(path.join(images, 'karta.png'), await drawing(1000, 700, 'png', true));
  writeFileSync(path.join(images, 'skylt.gif'), await drawing(900, 500, 'gif'));
  writeFileSync(path.join(images, 'dekor.jpg'), await drawing(1600, 900, 'jpeg'));
  writeFileSync(path.join(images, 'utkast.jpg'), await drawing(1000, 600, 'jpeg'));
  cache = tempDir('krisinfo-image-cache-');
  first = await buildSite({ content, now: NOW, env: { KRISINFO_CACHE: cache } });
  if (first.code !== 0) throw new Error(`first build failed:\n${first.stderr}`);
  firstStats = stats();
  second = await buildSite({ content, now: NOW, env: { KRISINFO_CACHE: cache } });
  if (second.code !== 0) throw new Error(`second build failed:\n${second.stderr}`);
  secondStats = stats();
}, 600_000);

describe('privacy', () => {
  it('the phone photo really carries a position, camera, artist, XMP and IPTC (else the test proves nothing)', () => {
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    for (const s of [SECRETS.make, SECRETS.model, SECRETS.artist, SECRETS.xmpCreator, SECRETS.iptcByline]) expect(photo.includes(s)).toBe(true);
    expect(rationalPatterns(SECRETS.latitude).some((p) => photo.includes(p))).toBe(true);
  });

  it('no file of the built site contains any of it, nor any EXIF, XMP or IPTC block', async () => {
    const patterns = [
      ...[SECRETS.make, SECRETS.model, SECRETS.artist, SECRETS.xmpCreator, SECRETS.iptcByline, 'Exif\0\0', 'http://ns.adobe.com/xap/1.0/', 'Photoshop 3.0'].map((s) => Buffer.from(s, 'latin1')),
      ...rationalPatterns(SECRETS.latitude),
      ...rationalPatterns(SECRETS.longitude),
    ];
    const files = walk(first.out);
    expect(files.filter((f) => f.includes('telefonfoto')).length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = read(f);
      // Images embedded as data: URIs (the offline edition) are searched decoded.
      const embedded = [...bytes.toString('latin1').matchAll(/data:image\/[\w+.-]+;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1]!, 'base64'));
      for (const [i, b] of [bytes, ...embedded].entries()) {
        for (const p of patterns) expect(b.includes(p), `${f}${i ? ` (embedded image ${i})` : ''} contains ${JSON.stringify(p.toString('latin1'))}`).toBe(false);
      }
    }
    for (const f of media(first.out).filter((x) => !x.endsWith('.svg'))) {
      const meta = await sharp(read(f)).metadata();
      expect([meta.exif, meta.xmp, meta.iptc, meta.orientation], f).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it('a draft’s image is not published', () => {
    expect(media(first.out).filter((f) => f.includes('utkast'))).toEqual([]);
  });
});

describe('published variants', () => {
  it('the sideways phone photo comes out upright (portrait), in the layout widths, never upscaled', async () => {
    const variants = media(first.out).filter((f) => f.includes('telefonfoto'));
    const sizes = await Promise.all(variants.map(async (f) => ({ f, ...(await sharp(read(f)).metadata()) })));
    expect(new Set(sizes.map((s) => s.width))).toEqual(new Set([480, 800, 1200]));
    expect(new Set(sizes.map((s) => s.format))).toEqual(new Set(['jpeg', 'webp']));
    for (const s of sizes) expect(s.height!, s.f).toBeGreaterThan(s.width!);
    const drawing = await Promise.all(media(first.out).filter((f) => f.includes('karta')).map(async (f) => (await sharp(read(f)).metadata()).width));
    expect(Math.max(...drawing)).toBe(1000); // the source is 1000 wide: not blown up to 1200
  });

  it('every published image file is at most 200 kB and at most 1200 px wide', async () => {
    for (const f of media(first.out)) {
      expect(read(f).length, f).toBeLessThanOrEqual(MAX_BYTES);
      if (!f.endsWith('.svg')) expect((await sharp(read(f)).metadata()).width!, f).toBeLessThanOrEqual(1200);
    }
  });

  it('the SVG logo is published cleaned (svg-sanitise.ts) and draws the same; the GIF is converted', async () => {
    const logo = media(first.out).filter((f) => f.endsWith('.svg'));
    expect(logo).toHaveLength(1);
    const pixels = (svg: Buffer) => sharp(svg).raw().toBuffer();
    expect((await pixels(read(logo[0]!))).equals(await pixels(readFileSync(path.join(FIXTURE, 'logo.svg'))))).toBe(true);
    expect(media(first.out).filter((f) => f.endsWith('.gif'))).toEqual([]);
    expect(media(first.out).filter((f) => f.includes('skylt')).length).toBeGreaterThan(0);
  });
});

describe('the HTML', () => {
  const pages = () => walk(first.out).filter((f) => f.endsWith('.html'));

  it('every <img> has width, height and alt, matching the file it loads, and every URL exists', async () => {
    const files = new Set(walk(first.out));
    let checked = 0;
    for (const page of pages()) {
      const source = html(page);
      for (const img of tags(source, 'img')) {
        expect(img, `${page}: ${JSON.stringify(img).slice(0, 200)}`).toHaveProperty('alt');
        // The offline edition (another concern) embeds its own copies as data: URIs.
        if (img.src!.startsWith('data:')) continue;
        expect(Number(img.width), page).toBeGreaterThan(0);
        expect(Number(img.height), page).toBeGreaterThan(0);
        expect(img.decoding, page).toBe('async');
        const file = fileOf(img.src!);
        expect(files.has(file), `${page}: ${img.src}`).toBe(true);
        if (!file.endsWith('.svg')) {
          const meta = await sharp(read(file)).metadata();
          expect([meta.width, meta.height], file).toEqual([Number(img.width), Number(img.height)]);
        }
        for (const url of urlsIn(img.srcset ?? '')) if (url) expect(files.has(fileOf(url)), url).toBe(true);
        checked++;
      }
      for (const s of tags(source, 'source')) for (const url of urlsIn(s.srcset!)) expect(files.has(fileOf(url)), url).toBe(true);
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('body images come as <picture>: WebP first, then an <img> with a JPEG or (transparent) PNG', () => {
    const page = html('bulletiner/2022-05-01-vattenlacka/index.html');
    const pictures = [...page.matchAll(/<picture>(.*?)<\/picture>/g)].map((m) => m[1]!);
    const map = pictures.find((p) => p.includes('karta'))!;
    expect(tags(map, 'source')[0]).toMatchObject({ type: 'image/webp' });
    expect(tags(map, 'source')[0]!.srcset).toMatch(/karta\.[0-9a-f]{8}-480\.webp 480w, .*karta\.[0-9a-f]{8}-1000\.webp 1000w/);
    expect(tags(map, 'img')[0]!.src).toMatch(/^\/info\/media\/bulletins\/images\/karta\.[0-9a-f]{8}-800\.png$/);
    const sign = pictures.find((p) => p.includes('skylt'))!;
    expect(tags(sign, 'img')[0]!.alt).toBe('Skylt med texten Vattnet är avstängt.');
  });

  it('the lead image loads at once (above the fold); body images load lazily', () => {
    const page = html('bulletiner/2022-05-01-vattenlacka/index.html');
    const lead = tags(page, 'img').find((i) => i.src!.includes('telefonfoto'))!;
    expect(lead.alt).toBe('Grävmaskin vid en vattenfylld grop på Storgatan.');
    expect(lead.loading).toBeUndefined();
    expect(Number(lead.height)).toBeGreaterThan(Number(lead.width));
    for (const body of tags(page, 'img').filter((i) => /karta|skylt/.test(i.src!))) expect(body.loading).toBe('lazy');
  });

  it('a lead image marked imageDecorative gets an empty alt', () => {
    const lead = tags(html('bulletiner/2022-05-02-dekor/index.html'), 'img').find((i) => i.src!.includes('dekor'))!;
    expect(lead.alt).toBe('');
  });
});

describe('cache', () => {
  it('the first build processed each published image once; the second processed none', () => {
    expect(firstStats.processed).toBe(5); // photo, map, sign, decorative photo, logo
    expect(secondStats.processed).toBe(0);
    expect(secondStats.reused).toBeGreaterThan(0);
  });

  it('and published exactly the same files', () => {
    const a = hashes(first.out);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(hashes(second.out)).toEqual(a);
  });
});

describe('feeds', () => {
  it('get an absolute URL of the 800 px JPEG of the lead image, which the site publishes', async () => {
    const site = loadValidContent(content).site;
    const url = feedImageUrl(site, 'bulletins/images/telefonfoto.jpg', content);
    expect(url).toMatch(/^https:\/\/bilder\.example\.org\/info\/media\/bulletins\/images\/telefonfoto\.[0-9a-f]{8}-800\.jpg$/);
    const meta = await sharp(read(fileOf(url))).metadata();
    expect([meta.format, meta.width]).toEqual(['jpeg', 800]);
  });
});
