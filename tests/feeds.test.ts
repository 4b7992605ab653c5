// Every feed and data file of a real build of the shared fixture, read the way their users read
// them: RSS by the W3C validator's rules and by Debian's feedparser, JSON Feed and status.json as
// JSON (status.json against its schema), bulletiner.txt as text.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { toRfc822 } from '../src/lib/model/dates.ts';
import { FEED_TTL_MINUTES } from '../src/lib/feeds/settings.ts';
import { statusLabel } from '../src/lib/feeds/strings.ts';
import type { JsonFeed } from '../src/lib/feeds/json-feed.ts';
import type { StatusJson } from '../src/lib/feeds/status.ts';
import { ROOT, buildSite, type BuildResult } from './helpers/build.ts';
import { checkRssFeed, findRssFeeds, htmlUrls, parseWithFeedparser, walkFiles, type ParsedByFeedparser } from './helpers/feed-checker.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
const SITE = 'https://fixture.example.org/';
const LANGS = ['', 'en/', 'fi/'];
const SERVICES = ['vatten', 'hemtjanst', 'epost', 'lon'];

let build: BuildResult;
let feeds: string[];
let parsed: Map<string, ParsedByFeedparser>;
const read = (rel: string) => readFileSync(path.join(build.out, rel), 'utf8');
const rssOf = (rel: string) => checkRssFeed(read(rel), SITE + rel);

beforeAll(async () => {
  build = await buildSite({ content: FIXTURE, now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  feeds = findRssFeeds(build.out);
  parsed = new Map(parseWithFeedparser(feeds.map((f) => path.join(build.out, f))).map((p) => [path.relative(build.out, p.file), p]));
});

const g = (slug: string, lang = 'sv', update?: string) => (update ? `krisinfo:${lang}:${slug}:${update}` : `krisinfo:${lang}:${slug}`);
// The sv main feed, newest first: public bulletins and their visible updates; no staff bulletin,
// draft, future bulletin or future update. Times: 2022-05-20T14:30 local is 12:30Z (summer).
const MAIN_SV = [
  [g('2022-05-20-sommar'), '2022-05-20T12:30:00Z'],
  [g('2022-05-05-vain-suomeksi'), '2022-05-05T10:00:00Z'],
  [g('2022-01-10-vinter', 'sv', 'u20220501T060000Z'), '2022-05-01T06:00:00Z'],
  [g('2022-02-15-windows'), '2022-02-15T09:00:00Z'],
  [g('2022-02-01-farlig-kod'), '2022-02-01T09:00:00Z'],
  [g('2022-01-10-vinter', 'sv', 'u20220111T110000Z'), '2022-01-11T11:00:00Z'],
  [g('2022-01-10-vinter'), '2022-01-10T08:00:00Z'],
] as const;

describe('the RSS feeds a build emits', () => {
  it('are exactly a main, a staff and one per-service feed in every language', () => {
    const expected = LANGS.flatMap((l) => [`${l}rss.xml`, `${l}personal/rss.xml`, ...SERVICES.map((s) => `${l}tjanster/${s}/rss.xml`)]);
    expect(feeds).toEqual(expected.sort());
  });

  it('pass the W3C validator’s RSS 2.0 checks, each with atom:link self = its own URL', () => {
    for (const f of feeds) expect(rssOf(f).problems, f).toEqual([]);
  });

  it('parse in feedparser without errors, with the same ids, titles and dates', () => {
    for (const f of feeds) {
      const ours = rssOf(f);
      const theirs = parsed.get(f)!;
      expect(theirs.bozo, `${f}: ${theirs.bozoException}`).toBe(0);
      expect(theirs.version).toBe('rss20');
      expect(theirs.entries.map((e) => e.id)).toEqual(ours.guids);
      expect(theirs.entries.map((e) => e.title)).toEqual(ours.titles);
      expect(theirs.entries.map((e) => e.published)).toEqual(ours.pubDates.map((d) => new Date(d).toISOString()));
      for (const e of theirs.entries) expect(e.author).toBe('Testby kommun');
    }
  });

  it('main feed: public bulletins and each update as its own item, newest first, RFC 822 dates', () => {
    const feed = rssOf('rss.xml');
    expect(feed.guids).toEqual(MAIN_SV.map(([id]) => id));
    expect(feed.pubDates).toEqual(MAIN_SV.map(([, at]) => toRfc822(new Date(at))));
    expect(feed.titles).toContain('Uppdatering: Kommunens it-system är avstängda');
    const xml = read('rss.xml');
    expect(xml).not.toContain('Till personalen om lönebesked');
    expect(xml).toContain('<language><![CDATA[sv]]></language>');
    expect(xml).toContain(`<ttl>${FEED_TTL_MINUTES}</ttl>`);
    // The latest change is the summer bulletin's `updated`, 2022-05-21T09:15+02:00.
    expect(xml).toContain('<lastBuildDate>Sat, 21 May 2022 07:15:00 GMT</lastBuildDate>');
  });

  it('a language’s feed has the same items, untranslated ones in their own language and marked so', () => {
    const en = rssOf('en/rss.xml');
    expect(en.guids).toEqual(MAIN_SV.map(([id]) => id.replace('krisinfo:sv:', 'krisinfo:en:')));
    expect(en.titles).toContain('The municipality\'s IT systems are shut down');
    expect(en.titles).toContain('Vain suomeksi julkaistu tiedote');
    const entries = parsed.get('en/rss.xml')!.entries;
    const finnish = entries.find((e) => e.id === g('2022-05-05-vain-suomeksi', 'en'))!;
    expect(finnish.content).toMatch(/<div lang="fi">[\s\S]*Tiedotteen teksti suomeksi/);
    // The translation has the January update but not the May one: that comes in Swedish, marked.
    expect(entries.find((e) => e.id === g('2022-01-10-vinter', 'en', 'u20220111T110000Z'))!.content).toContain('E-mail works partly again.');
    expect(entries.find((e) => e.id === g('2022-01-10-vinter', 'en', 'u20220501T060000Z'))!.content).toMatch(/<div lang="sv">[\s\S]*E-posten fungerar <strong>helt<\/strong> igen/);
  });

  it('staff feed: only bulletins for staff', () => {
    for (const l of LANGS) expect(rssOf(`${l}personal/rss.xml`).guids.map((id) => id.split(':')[2])).toEqual(['2022-04-01-personal']);
  });

  it('per-service feeds: the bulletins and updates that set the service’s status', () => {
    expect(rssOf('tjanster/epost/rss.xml').guids).toEqual([
      g('2022-01-10-vinter', 'sv', 'u20220501T060000Z'),
      g('2022-01-10-vinter', 'sv', 'u20220111T110000Z'),
      g('2022-01-10-vinter'),
    ]);
    expect(rssOf('tjanster/hemtjanst/rss.xml').guids).toEqual([g('2022-01-10-vinter')]);
    expect(rssOf('tjanster/lon/rss.xml').guids).toEqual([g('2022-05-20-sommar')]);
    // Only the draft and the future bulletin name vatten: nothing published has touched it.
    expect(rssOf('tjanster/vatten/rss.xml').guids).toEqual([]);
    expect(read('tjanster/epost/rss.xml')).toContain('Fungerar');
  });

  it('per-service feed items say the new status first, in the reader\'s language', () => {
    expect(rssOf('tjanster/epost/rss.xml').titles).toEqual([
      'E-post: fungerar – Uppdatering: Kommunens it-system är avstängda',
      'E-post: fungerar delvis – Uppdatering: Kommunens it-system är avstängda',
      'E-post: fungerar inte – Kommunens it-system är avstängda',
    ]);
    expect(rssOf('en/tjanster/epost/rss.xml').titles[0]).toMatch(/^E-mail: working – /);
    // The main feed keeps the bulletin's own title.
    expect(rssOf('rss.xml').titles).toContain('Kommunens it-system är avstängda');
  });

  it('items carry the lead image (absolute URL of a file the site has) with its credit, and body images', () => {
    const vinter = parsed.get('rss.xml')!.entries.find((e) => e.id === g('2022-01-10-vinter'))!;
    const figure = /<figure>(<img [^>]*>)<figcaption>([^<]*)<\/figcaption><\/figure>/.exec(vinter.content);
    expect(figure?.[1]).toMatch(/ src="https:\/\/fixture\.example\.org\/media\/[^"]+"/);
    expect(figure?.[1]).toContain('alt="Karta över kommunhuset"');
    expect(figure?.[2]).toBe('Foto: Testby kommun');
    expect(vinter.content).toContain('alt="Skylt vid kommunhuset"');
    const files = new Set(walkFiles(build.out));
    const media = htmlUrls(vinter.content).filter((u) => u.startsWith(`${SITE}media/`));
    expect(media.length).toBeGreaterThanOrEqual(2);
    for (const u of media) expect(files, u).toContain(decodeURI(u.slice(SITE.length)));
  });

  it('item HTML has no script and no javascript: link from the bulletin', () => {
    const item = parsed.get('rss.xml')!.entries.find((e) => e.id === g('2022-02-01-farlig-kod'))!;
    expect(item.content).toContain('https://www.krisinformation.se/');
    // The javascript: links stay visible as text (as on the page) but are never links.
    expect(htmlUrls(item.content).filter((u) => /^\s*javascript:/i.test(u))).toEqual([]);
    expect(htmlUrls(item.content)).not.toContain('#');
    // The raw HTML the officer wrote is text in the item (`&lt;script&gt;`), never markup.
    const xml = read('rss.xml');
    expect(xml).toContain('&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;');
    expect(xml).not.toMatch(/<script|<img[^>]*onerror/i);
  });
});

describe('JSON Feed', () => {
  it('is JSON Feed 1.1 with the same items and ids as the RSS feed of its language', () => {
    for (const l of LANGS) {
      const json = JSON.parse(read(`${l}feed.json`)) as JsonFeed;
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.feed_url).toBe(`${SITE}${l}feed.json`);
      expect(json.home_page_url).toBe(`${SITE}${l}`);
      expect(json.items.map((i) => i.id)).toEqual(rssOf(`${l}rss.xml`).guids);
      for (const i of json.items) {
        expect(i.url).toMatch(/^https:\/\//);
        expect(i.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        expect(i.content_html.length).toBeGreaterThan(0);
      }
    }
    const sv = JSON.parse(read('feed.json')) as JsonFeed;
    expect(sv.items[0]!.date_published).toBe('2022-05-20T14:30:00+02:00');
    expect(sv.items.find((i) => i.id === g('2022-01-10-vinter'))!.image).toMatch(/^https:\/\/fixture\.example\.org\/media\//);
  });
});

describe('status.json', () => {
  let status: StatusJson;
  beforeAll(() => {
    status = JSON.parse(read('status.json')) as StatusJson;
  });

  it('is only at the root', () => {
    expect(walkFiles(build.out).filter((f) => f.endsWith('status.json'))).toEqual(['status.json']);
  });

  it('validates against docs/status.schema.json', () => {
    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    const ajv = new Ajv({ allErrors: true, strict: true });
    formats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'docs/status.schema.json'), 'utf8')));
    expect(validate(status), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('says who, when, each service’s status since when and what set it, pinned and next update', () => {
    expect(status.sender).toBe('Testby kommun');
    expect(status.generated).toBe('2022-06-01T14:00:00+02:00');
    const byId = Object.fromEntries(status.services.map((s) => [s.id, s]));
    expect(status.services.map((s) => s.id)).toEqual(SERVICES);
    expect(byId.vatten).toMatchObject({ status: 'operational', since: null, setBy: null });
    expect(byId.hemtjanst).toMatchObject({
      status: 'manual',
      since: '2022-01-10T09:00:00+01:00',
      setBy: { slug: '2022-01-10-vinter', updateId: null, url: `${SITE}bulletiner/2022-01-10-vinter/` },
    });
    expect(byId.epost).toMatchObject({
      status: 'operational',
      since: '2022-05-01T08:00:00+02:00',
      setBy: { slug: '2022-01-10-vinter', updateId: 'u20220501T060000Z', url: `${SITE}bulletiner/2022-01-10-vinter/#u20220501T060000Z` },
    });
    expect(byId.lon).toMatchObject({ status: 'degraded', since: '2022-05-20T14:30:00+02:00' });
    expect(status.pinned.map((p) => p.slug)).toEqual(['2022-01-10-vinter']);
    expect(status.nextUpdate).toEqual({
      at: '2022-06-02T10:00:00+02:00',
      bulletin: { slug: '2022-01-10-vinter', title: 'Kommunens it-system är avstängda', url: `${SITE}bulletiner/2022-01-10-vinter/` },
    });
  });

  it('has the statuses the front page status board shows', () => {
    const html = read('index.html');
    const ul = /<ul class="board">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    // A row per service that does not work normally, and one row for every service that works.
    const board = [...ul.matchAll(/<li class="svc svc-(\w+)[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].flatMap((m) =>
      [...m[2]!.matchAll(/href="[^"]*tjanster\/([^/]+)\/"/g)].map((a) => ({ id: a[1], status: m[1] })),
    );
    expect(board.length, 'status board markup (li.svc) not found on the front page').toBe(SERVICES.length);
    const byId = (a: { id?: string }, b: { id?: string }) => a.id!.localeCompare(b.id!);
    expect(status.services.map((s) => ({ id: s.id, status: s.status })).sort(byId)).toEqual(board.sort(byId));
  });
});

describe('bulletiner.txt', () => {
  it('exists per language and has no HTML, lines wrapped at 72 characters', () => {
    for (const l of LANGS) {
      const txt = read(`${l}bulletiner.txt`);
      expect(txt).not.toMatch(/<\/?[a-z][^>]*>/i);
      for (const line of txt.split('\n')) if (line.length > 72) expect(line.trim(), `${l}: ${line}`).not.toContain(' ');
    }
  });

  it('gives every service’s status in the board’s words, then public bulletins newest first with times', () => {
    const txt = read('bulletiner.txt');
    expect(txt).toContain(`- Vatten och avlopp: ${statusLabel('operational', 'sv')}\n`);
    expect(txt).toContain(`- Hemtjänst: ${statusLabel('manual', 'sv')} (sedan 10 januari 2022`);
    expect(txt).toContain(`- E-post: ${statusLabel('operational', 'sv')} (sedan 1 maj 2022`);
    const order = ['Lönerna betalas ut manuellt', 'Vain suomeksi julkaistu tiedote', 'Kommunens it-system är avstängda', 'Sparad i Windows med CRLF', 'Meddelande med farlig kod'];
    const at = order.map((title) => txt.indexOf(`\n${title}\n`));
    for (const i of at) expect(i).toBeGreaterThan(txt.indexOf(statusLabel('manual', 'sv')));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(txt).toContain('Publicerad 20 maj 2022');
    expect(txt).toContain('E-posten fungerar helt igen.');
    expect(txt).not.toContain('Till personalen om lönebesked');
  });

  it('the English edition is in English where translated', () => {
    const txt = read('en/bulletiner.txt');
    expect(txt).toContain('The municipality\'s IT systems are shut down');
    expect(txt).toContain(`- Home care: ${statusLabel('manual', 'en')}`);
  });

  it('is small enough for the slowest link', () => {
    expect(existsSync(path.join(build.out, 'bulletiner.txt'))).toBe(true);
    expect(Buffer.byteLength(read('bulletiner.txt'))).toBeLessThan(14 * 1024);
  });
});
