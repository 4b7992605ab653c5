// Feed readers tell new items from old ones by guid alone: if an edit or a rebuild changed a guid,
// every subscriber would see the bulletin again as a duplicate; if an item vanished, they would
// miss it. Here the officer edits text in a copy of the fixture and adds one update, the site is
// rebuilt, and every feed must keep every item under the same guid, with the one new item added.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tempDir, type BuildResult } from './helpers/build.ts';
import { checkRssFeed, findRssFeeds, parseWithFeedparser } from './helpers/feed-checker.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
const SITE = 'https://fixture.example.org/';
const NOW = '2022-06-01T12:00:00Z';

let before: BuildResult;
let after: BuildResult;

function edit(file: string, pairs: [string, string][]): void {
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`fixture changed: "${from}" not in ${file}`);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
}

beforeAll(async () => {
  before = await buildSite({ content: FIXTURE, now: NOW });
  if (before.code !== 0) throw new Error(`build failed:\n${before.stderr}`);
  const copy = path.join(tempDir('krisinfo-feeds-edit-'), 'content');
  cpSync(FIXTURE, copy, { recursive: true });
  const vinter = path.join(copy, 'bulletins/2022-01-10-vinter.md');
  edit(vinter, [
    ['title: Kommunens it-system är avstängda', 'title: Kommunens it-system är fortfarande avstängda'],
    ['Kommunen har drabbats av ett it-angrepp.', 'Kommunen har drabbats av ett allvarligt it-angrepp.'],
    ['text: E-posten fungerar delvis igen.', 'text: E-posten fungerar delvis igen, utan bilagor.'],
    // A material change arrives as a new update: the one new item readers should get.
    ['  - at: 2099-01-01T00:00', '  - at: 2022-05-31T10:00\n    text: Ny uppdatering om e-posten.\n  - at: 2099-01-01T00:00'],
  ]);
  edit(path.join(copy, 'bulletins/2022-01-10-vinter.en.md'), [['text: E-mail works partly again.', 'text: E-mail partly works again.']]);
  edit(path.join(copy, 'bulletins/2022-05-20-sommar.md'), [['den 25 maj.', 'den 25 maj, som vanligt.']]);
  after = await buildSite({ content: copy, now: NOW });
  if (after.code !== 0) throw new Error(`edited build failed:\n${after.stderr}`);
});

const guidsIn = (b: BuildResult, rel: string) => checkRssFeed(readFileSync(path.join(b.out, rel), 'utf8'), SITE + rel).guids;
const NEW_UPDATE = (lang: string) => `krisinfo:${lang}:2022-01-10-vinter:u20220531T080000Z`;

describe('feeds after the text of bulletins is edited and the site rebuilt', () => {
  it('has the same feeds', () => {
    expect(findRssFeeds(after.out)).toEqual(findRssFeeds(before.out));
  });

  it('keeps every guid of every feed, and adds only the new update', () => {
    for (const rel of findRssFeeds(before.out)) {
      const old = guidsIn(before, rel);
      const now = guidsIn(after, rel);
      for (const guid of old) expect(now, `${rel} lost ${guid}`).toContain(guid);
      const added = now.filter((g) => !old.includes(g));
      const lang = /^(en|fi)\//.exec(rel)?.[1] ?? 'sv';
      // The new update names no service and the bulletin is public: only the main feeds gain it.
      expect(added, rel).toEqual(/^(?:(?:en|fi)\/)?rss\.xml$/.test(rel) ? [NEW_UPDATE(lang)] : []);
    }
  });

  it('shows the edited text under the old guid, and feedparser reads the same ids', () => {
    const rel = 'rss.xml';
    const [oldFeed, newFeed] = parseWithFeedparser([path.join(before.out, rel), path.join(after.out, rel)]);
    const item = (f: typeof oldFeed, id: string) => f!.entries.find((e) => e.id === id)!;
    const id = 'krisinfo:sv:2022-01-10-vinter';
    expect(item(oldFeed, id).title).toBe('Kommunens it-system är avstängda');
    expect(item(newFeed, id).title).toBe('Kommunens it-system är fortfarande avstängda');
    expect(item(newFeed, id).content).toContain('allvarligt it-angrepp');
    expect(item(newFeed, 'krisinfo:sv:2022-01-10-vinter:u20220111T110000Z').content).toContain('utan bilagor');
    expect(newFeed!.entries.map((e) => e.id).filter((i) => i !== NEW_UPDATE('sv'))).toEqual(oldFeed!.entries.map((e) => e.id));
    expect(newFeed!.bozo).toBe(0);
  });

  it('keeps the JSON Feed ids too', () => {
    for (const l of ['', 'en/', 'fi/']) {
      const ids = (b: BuildResult) => (JSON.parse(readFileSync(path.join(b.out, `${l}feed.json`), 'utf8')) as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids(after).filter((i) => !i.endsWith(':u20220531T080000Z'))).toEqual(ids(before));
    }
  });

  it('still passes the feed checks after the edit', () => {
    for (const rel of findRssFeeds(after.out)) expect(checkRssFeed(readFileSync(path.join(after.out, rel), 'utf8'), SITE + rel).problems, rel).toEqual([]);
  });
});
