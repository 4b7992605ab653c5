// A second real feed reader: the terminal client newsboat fetches every feed of the built fixture
// over HTTP, headless, and stores what it understood. Every item must arrive with the guid, title
// and time the feed meant, the way a member of staff would see it.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tempDir, type BuildResult } from './helpers/build.ts';
import { checkRssFeed, findRssFeeds } from './helpers/feed-checker.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
const SITE_URL = 'https://fixture.example.org/';
let build: BuildResult;
let server: StaticServer;

interface StoredItem {
  guid: string;
  title: string;
  pubDate: number;
}

/**
 * Runs newsboat on one feed URL with a cache of its own and reads back the items it stored.
 * Asynchronously: the static server runs in this process and must answer while newsboat waits.
 */
async function fetchWithNewsboat(feedUrl: string): Promise<StoredItem[]> {
  const home = tempDir('krisinfo-newsboat-');
  const urls = path.join(home, 'urls');
  const cache = path.join(home, 'cache.db');
  writeFileSync(urls, `${feedUrl}\n`);
  await promisify(execFile)('newsboat', ['-u', urls, '-c', cache, '-C', '/dev/null', '-x', 'reload'], {
    env: { ...process.env, HOME: home },
    timeout: 60_000,
  });
  const dump = `import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select guid, title, pubDate from rss_item order by pubDate desc").fetchall()
json.dump([{"guid": g, "title": t, "pubDate": p} for g, t, p in rows], sys.stdout)`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', dump, cache], { encoding: 'utf8' })) as StoredItem[];
}

beforeAll(async () => {
  build = await buildSite({ content: FIXTURE, now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(build.stderr);
  server = await serveStatic(build.out, '/');
});
afterAll(async () => server?.close());

describe('newsboat reads every feed', () => {
  it('stores every item of every feed with its guid, title and time', async () => {
    const feeds = findRssFeeds(build.out);
    expect(feeds.length).toBeGreaterThan(10);
    for (const file of feeds) {
      const xml = readFileSync(path.join(build.out, file), 'utf8');
      const expected = checkRssFeed(xml, new URL(file, SITE_URL).toString());
      const stored = await fetchWithNewsboat(new URL(file, server.url).toString());
      expect(stored.map((i) => i.guid).sort(), file).toEqual([...expected.guids].sort());
      const byGuid = new Map(stored.map((i) => [i.guid, i]));
      expected.guids.forEach((guid, n) => {
        const item = byGuid.get(guid)!;
        expect(item.title, `${file} ${guid}`).toBe(expected.titles[n]);
        expect(item.pubDate * 1000, `${file} ${guid}`).toBe(Date.parse(expected.pubDates[n]!));
      });
    }
  });
});
