// The content model over the fixture: what is published, what each reader sees in each language,
// and the status board derived from bulletins and their updates.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteModel, bulletinIn, frontPageOrder, type SiteModel } from '../src/lib/site/derive.ts';
import { loadContent, splitFileName, updateId, type ValidContent } from '../src/lib/content/load-content.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
const NOW = new Date('2022-06-01T12:00:00Z');
let content: ValidContent;
let model: SiteModel;

beforeAll(() => {
  content = loadContent(FIXTURE) as ValidContent;
  model = buildSiteModel(content, NOW);
});

const slugs = (groups: { slug: string }[]) => groups.map((g) => g.slug);

describe('loading the fixture', () => {
  it('has no problems', () => {
    expect(content.problems).toEqual([]);
    expect(content.site.languages).toEqual(['sv', 'en', 'fi']);
  });

  it('splits file names into slug and language', () => {
    expect(splitFileName('2021-12-16-it-angrepp.en.md')).toEqual({ slug: '2021-12-16-it-angrepp', langSuffix: 'en' });
    expect(splitFileName('2021-12-16-it-angrepp.md')).toEqual({ slug: '2021-12-16-it-angrepp' });
    expect(splitFileName('x.fit.md')).toEqual({ slug: 'x', langSuffix: 'fit' });
  });

  it('reads a Windows file with BOM and CRLF as ordinary text', () => {
    const b = content.bulletins.find((g) => g.slug === '2022-02-15-windows')!.original;
    expect(b.title).toBe('Sparad i Windows med CRLF');
    expect(b.body).toBe('Första stycket med åäö.\n\nAndra stycket.\n');
  });
});

describe('publication', () => {
  it('publishes what is due, newest first, and holds back drafts and future bulletins', () => {
    expect(slugs(model.bulletins)).toEqual([
      '2022-05-20-sommar',
      '2022-05-05-vain-suomeksi',
      '2022-04-01-personal',
      '2022-02-15-windows',
      '2022-02-01-farlig-kod',
      '2022-01-10-vinter',
    ]);
    expect(slugs(model.drafts)).toEqual(['2022-03-01-utkast']);
    expect(slugs(model.scheduled)).toEqual(['2099-01-01-framtid']);
  });

  it('publishes a scheduled bulletin in a build after its time', () => {
    const later = buildSiteModel(content, new Date('2099-01-01T09:00:01Z'));
    expect(slugs(later.bulletins)).toContain('2099-01-01-framtid');
  });

  it('hides updates whose time has not come, newest update first', () => {
    const b = model.bulletins.find((g) => g.slug === '2022-01-10-vinter')!.original;
    expect(b.updates.map((u) => u.at.toISOString())).toEqual(['2022-05-01T06:00:00.000Z', '2022-01-11T11:00:00.000Z']);
    expect(b.updates[0]!.id).toBe(updateId(new Date('2022-05-01T06:00:00Z')));
  });

  it('puts pinned bulletins first on the front page', () => {
    expect(frontPageOrder(model.bulletins)[0]!.slug).toBe('2022-01-10-vinter');
  });

  it('takes the earliest next update still ahead', () => {
    expect(model.nextUpdate).toEqual({ at: new Date('2022-06-02T08:00:00Z'), slug: '2022-01-10-vinter' });
  });
});

describe('translations', () => {
  const group = () => model.bulletins.find((g) => g.slug === '2022-01-10-vinter')!;

  it('inherits what the translation leaves out', () => {
    const en = bulletinIn(group(), 'en');
    expect(en.untranslated).toBe(false);
    expect(en.title).toBe("The municipality's IT systems are shut down");
    expect(en.published).toEqual(group().original.published);
    expect(en.severity).toBe('critical');
    expect(en.pinned).toBe(true);
    expect(en.image?.alt).toBe('Karta över kommunhuset');
    expect(en.services).toEqual({ hemtjanst: 'manual', epost: 'down' });
  });

  it('uses translated update texts and marks the ones still in the original language', () => {
    const en = bulletinIn(group(), 'en');
    expect(en.updates.map((u) => [u.text, u.textLang])).toEqual([
      ['E-posten fungerar **helt** igen.', 'sv'],
      ['E-mail works partly again.', 'en'],
    ]);
  });

  it('gives a language without a translation the original, marked untranslated', () => {
    const fi = bulletinIn(group(), 'fi');
    expect(fi.untranslated).toBe(true);
    expect(fi.lang).toBe('sv');
    expect(fi.title).toBe('Kommunens it-system är avstängda');
  });

  it('treats a file with no default-language twin as a bulletin of its own', () => {
    const g = model.bulletins.find((x) => x.slug === '2022-05-05-vain-suomeksi')!;
    expect(g.original.lang).toBe('fi');
    expect(bulletinIn(g, 'sv').untranslated).toBe(true);
  });
});

describe('status board', () => {
  const status = (id: string) => model.services.find((s) => s.service.id === id)!;

  it('takes each service’s status from the latest published event naming it', () => {
    expect(model.services.map((s) => [s.service.id, s.status])).toEqual([
      ['vatten', 'operational'],
      ['hemtjanst', 'manual'],
      ['epost', 'operational'],
      ['lon', 'degraded'],
    ]);
  });

  it('says since when and what set it', () => {
    expect(status('epost').since).toEqual(new Date('2022-05-01T06:00:00Z'));
    expect(status('epost').setBy).toEqual({ slug: '2022-01-10-vinter', updateId: 'u20220501T060000Z' });
    expect(status('lon').setBy).toEqual({ slug: '2022-05-20-sommar', updateId: undefined });
    expect(status('vatten').since).toBeUndefined();
  });

  it('keeps every service’s history, newest first, ignoring drafts and future events', () => {
    expect(status('epost').history.map((h) => h.status)).toEqual(['operational', 'degraded', 'down']);
    expect(status('vatten').history).toEqual([]);
  });
});

describe('dates written without a time', () => {
  it('are known to be date-only, in the original and in a translation that inherits them', async () => {
    const { mkdtempSync, cpSync, writeFileSync, readFileSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-dateonly-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const file = path.join(dir, 'bulletins/2022-01-10-vinter.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^published: .*$/m, 'published: 2022-01-10'));
    const loaded = loadContent(dir) as ValidContent;
    const group = loaded.bulletins.find((g) => g.slug === '2022-01-10-vinter')!;
    expect(group.original.dateOnly).toEqual({ published: true });
    expect(group.versions.get('en')!.dateOnly).toEqual({ published: true });
    // Times written with a clock time are not.
    expect(content.bulletins.find((g) => g.slug === '2022-01-10-vinter')!.original.dateOnly).toBeUndefined();
  });
});
