// The keys that decide whether a rebuild may take a bulletin page from the page cache: a page's key
// must change whenever anything the page shows changes, and only then (or the rebuild renders
// everything and gains nothing).
import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../src/lib/site/derive.ts';
import { inputsDigest } from '../src/lib/build/input-digest.ts';
import { loadContent, type ValidContent } from '../src/lib/content/load-content.ts';
import { bulletinPageFile, bulletinPages, type BulletinPage } from '../src/lib/build/page-reuse.ts';
import { ROOT } from './helpers/build.ts';
import { copyFixture } from './helpers/content-tree.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const NOW = new Date('2022-06-01T12:00:00Z');
const DIGEST = 'same-code-same-settings';

function keysOf(dir: string, now = NOW, digest = DIGEST): Map<string, BulletinPage> {
  const content = loadContent(dir);
  expect(content.problems.filter((p) => p.level === 'error')).toEqual([]);
  const pages = bulletinPages(buildSiteModel(content as ValidContent, now), digest);
  return new Map(pages.map((p) => [`${p.lang} ${p.slug}`, p]));
}

/** The pages whose key differs between two builds. */
function changed(a: Map<string, BulletinPage>, b: Map<string, BulletinPage>): string[] {
  return [...a.keys()].filter((k) => a.get(k)!.key !== b.get(k)?.key).sort();
}

const inAllLanguages = (slug: string) => ['en', 'fi', 'sv'].map((l) => `${l} ${slug}`);

describe('bulletin page keys', () => {
  it('are the same for the same content, and there is one page per bulletin and language', () => {
    const a = keysOf(FIXTURE);
    const b = keysOf(FIXTURE);
    expect(changed(a, b)).toEqual([]);
    // 6 published bulletins (not the draft, not the future one) × sv, en, fi.
    expect(a.size).toBe(18);
    expect(new Set([...a.values()].map((p) => p.key)).size).toBe(18);
  });

  it('change for every language of an edited bulletin and for no other page', () => {
    const dir = copyFixture(FIXTURE);
    const before = keysOf(dir);
    appendFileSync(path.join(dir, 'bulletins/2022-05-20-sommar.md'), '\nLönebeskeden kommer i juni.\n');
    expect(changed(before, keysOf(dir))).toEqual(inAllLanguages('2022-05-20-sommar'));
  });

  it('change where a translation changed: the bulletin in every language (each page links the others)', () => {
    const dir = copyFixture(FIXTURE);
    const before = keysOf(dir);
    const en = path.join(dir, 'bulletins/2022-01-10-vinter.en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/^title: .*$/m, 'title: A new English title'));
    expect(changed(before, keysOf(dir))).toEqual(inAllLanguages('2022-01-10-vinter'));
  });

  it('change for another bulletin that lists a service whose status an edit changed', () => {
    const dir = copyFixture(FIXTURE);
    const before = keysOf(dir);
    // The summer bulletin now also says e-mail is down. The winter bulletin lists e-mail, so its
    // pages show the new status; the other bulletins name no e-mail and keep their keys.
    const file = path.join(dir, 'bulletins/2022-05-20-sommar.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lon: degraded', 'lon: degraded\n  epost: down'));
    expect(changed(before, keysOf(dir))).toEqual([...inAllLanguages('2022-01-10-vinter'), ...inAllLanguages('2022-05-20-sommar')].sort());
  });

  it('change when the build moves past the time of a planned update or next update', () => {
    const before = keysOf(FIXTURE);
    // 2022-06-02 10:00 is the winter bulletin's nextUpdate: after it, the page no longer announces it.
    const later = keysOf(FIXTURE, new Date('2022-06-03T12:00:00Z'));
    expect(changed(before, later)).toContain('sv 2022-01-10-vinter');
    expect(changed(before, later)).not.toContain('sv 2022-05-20-sommar');
  });

  it('all change when the code, a setting or a non-bulletin file changes (the digest)', () => {
    const a = keysOf(FIXTURE);
    const b = keysOf(FIXTURE, NOW, 'other-code');
    expect(changed(a, b)).toHaveLength(a.size);
  });

  it('name the page file, the default language at the root, and mark pages search indexes', () => {
    const pages = keysOf(FIXTURE);
    expect(pages.get('sv 2022-01-10-vinter')!.file).toBe('bulletiner/2022-01-10-vinter/index.html');
    expect(pages.get('en 2022-01-10-vinter')!.file).toBe('en/bulletiner/2022-01-10-vinter/index.html');
    // Translated into English, not Finnish: the Finnish page shows the Swedish text and is not indexed.
    expect(pages.get('en 2022-01-10-vinter')!.indexed).toBe(true);
    expect(pages.get('fi 2022-01-10-vinter')!.indexed).toBe(false);
    const subPath = { site: { ...loadContent(FIXTURE).site!, url: 'https://example.github.io/kalix/' } };
    expect(bulletinPageFile(subPath, 'fi', 'x')).toBe('fi/bulletiner/x/index.html');
  });
});

describe('the inputs digest', () => {
  it('ignores bulletin text and notices site settings, services, images and NOINDEX', () => {
    const dir = copyFixture(FIXTURE);
    const digest = () => inputsDigest(ROOT, dir);
    const first = digest();
    expect(digest()).toBe(first);
    appendFileSync(path.join(dir, 'bulletins/2022-05-20-sommar.md'), '\nMer text.\n');
    expect(digest()).toBe(first);

    appendFileSync(path.join(dir, 'site.yaml'), '\n# en kommentar\n');
    const afterSite = digest();
    expect(afterSite).not.toBe(first);
    appendFileSync(path.join(dir, 'services.yaml'), '\n# en kommentar\n');
    const afterServices = digest();
    expect(afterServices).not.toBe(afterSite);
    // An image replaced by another of the same size: its time still changes.
    const image = path.join(dir, 'bulletins/images/karta.png');
    utimesSync(image, new Date('2030-01-01'), new Date('2030-01-01'));
    const afterImage = digest();
    expect(afterImage).not.toBe(afterServices);

    process.env.KRISINFO_NOINDEX = '1';
    try {
      expect(digest()).not.toBe(afterImage);
    } finally {
      delete process.env.KRISINFO_NOINDEX;
    }
  });
});
