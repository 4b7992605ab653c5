// The feed builders as plain functions, on the fixture's content model (no build): the item cap,
// guids, line wrapping, words per language, and that the feed checker itself catches bad feeds.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteModel } from '../src/lib/site/derive.ts';
import { mainFeed, serviceFeed } from '../src/lib/feeds/feeds.ts';
import { itemGuid } from '../src/lib/feeds/guid.ts';
import { itemContext } from '../src/lib/feeds/items.ts';
import { buildPlainText } from '../src/lib/feeds/plain-text.ts';
import { renderRss } from '../src/lib/feeds/rss.ts';
import { FEED_MAX_ITEMS } from '../src/lib/feeds/settings.ts';
import { feedStrings, statusLabel } from '../src/lib/feeds/strings.ts';
import { wrapText } from '../src/lib/feeds/wrap.ts';
import { loadValidContent } from '../src/lib/site/site-data.ts';
import { checkRfc822, checkRssFeed } from './helpers/feed-checker.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
const content = loadValidContent(FIXTURE);
const model = (): SiteModel => buildSiteModel(content, new Date('2022-06-01T12:00:00Z'));

describe('feed contents', () => {
  it(`caps a feed at ${FEED_MAX_ITEMS} items, keeping the newest`, () => {
    const m = model();
    const template = m.bulletins.find((g) => g.slug === '2022-02-15-windows')!;
    for (let i = 0; i < 60; i++) {
      const slug = `2022-03-${String(i).padStart(2, '0')}-many`;
      const original = { ...template.original, slug, published: new Date(Date.UTC(2022, 2, 1, i)), updates: [] };
      m.bulletins.push({ slug, original, versions: new Map([['sv', original]]) });
    }
    const feed = mainFeed(itemContext(m, content.dir), 'sv');
    expect(feed.items).toHaveLength(FEED_MAX_ITEMS);
    expect(feed.items[0]!.slug).toBe('2022-05-20-sommar');
    const dates = feed.items.map((i) => i.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The oldest items fall off first: the January bulletin is no longer in the feed.
    expect(feed.items.some((i) => i.slug === '2022-01-10-vinter' && !i.updateId)).toBe(false);
  });

  it('gives guids from slug, feed language and update id only', () => {
    expect(itemGuid('2022-01-10-vinter', 'sv')).toBe('krisinfo:sv:2022-01-10-vinter');
    expect(itemGuid('2022-01-10-vinter', 'en', 'u20220111T110000Z')).toBe('krisinfo:en:2022-01-10-vinter:u20220111T110000Z');
    const a = mainFeed(itemContext(model(), content.dir), 'fi').items.map((i) => i.guid);
    const b = mainFeed(itemContext(model(), content.dir), 'fi').items.map((i) => i.guid);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('gives the same RSS bytes for the same content (lastBuildDate is the last change, not the clock)', () => {
    const ctx = itemContext(model(), content.dir);
    const first = renderRss(serviceFeed(ctx, 'sv', 'epost'), 'Testby kommun');
    const second = renderRss(serviceFeed(itemContext(buildSiteModel(content, new Date('2023-01-01T00:00:00Z')), content.dir), 'sv', 'epost'), 'Testby kommun');
    expect(second).toBe(first);
    expect(first).toContain('<lastBuildDate>Sun, 01 May 2022 06:00:00 GMT</lastBuildDate>');
  });

  it('plain text starts with the sender and has the status of every service', () => {
    const txt = buildPlainText(model(), 'sv');
    expect(txt.split('\n')[0]).toBe('Testby kommun');
    for (const name of ['Vatten och avlopp', 'Hemtjänst', 'E-post', 'Löner']) expect(txt).toMatch(new RegExp(`^- ${name}: `, 'm'));
  });
});

describe('wrapText', () => {
  it.each([
    ['short line', 'short line'],
    ['a '.repeat(50).trim(), `${'a '.repeat(36).trim()}\n${'a '.repeat(14).trim()}`],
    [`- ${'word '.repeat(20).trim()}`, `- ${'word '.repeat(14).trim()}\n  ${'word '.repeat(6).trim()}`],
    [`see https://example.org/${'x'.repeat(80)}`, `see\nhttps://example.org/${'x'.repeat(80)}`],
    ['one\n\ntwo', 'one\n\ntwo'],
  ])('wraps %j', (input, expected) => {
    expect(wrapText(input)).toBe(expected);
    for (const line of wrapText(input).split('\n')) if (line.length > 72) expect(line).not.toContain(' ');
  });

  it('counts characters as a reader does: an emoji beyond the basic plane is one, like ä', () => {
    // 🚰 is two UTF-16 units; counted as two, the lines would break after 24 of them.
    expect(wrapText('🚰 '.repeat(50).trim())).toBe(`${'🚰 '.repeat(36).trim()}\n${'🚰 '.repeat(14).trim()}`);
    expect(wrapText('ä '.repeat(50).trim())).toBe(`${'ä '.repeat(36).trim()}\n${'ä '.repeat(14).trim()}`);
  });
});

describe('words per language', () => {
  it('uses the status board’s words for statuses', () => {
    expect(statusLabel('manual', 'sv')).toBe('Reservrutiner');
    expect(statusLabel('operational', 'en')).not.toBe('status.operational');
  });

  it('has words in every site language and falls back to Swedish, never to a key', () => {
    for (const lang of ['sv', 'en', 'fi', 'fit', 'xx']) {
      for (const [key, value] of Object.entries(feedStrings(lang))) {
        if (typeof value === 'string') expect(value, `${lang} ${key}`).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$/);
      }
    }
    expect(feedStrings('xx').readMore).toBe(feedStrings('sv').readMore);
    expect(feedStrings('en').update).toBe('Update');
  });
});

describe('the feed checker catches what the W3C validator would', () => {
  const good = (items: string, channelExtra = '') =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://e.org/</link><description>D</description><atom:link href="https://e.org/rss.xml" rel="self" type="application/rss+xml"/>${channelExtra}${items}</channel></rss>`;
  const item = (guid: string, extra = '') => `<item><title>A</title><guid isPermaLink="false">${guid}</guid><pubDate>Thu, 20 Jan 2022 14:00:00 GMT</pubDate>${extra}</item>`;

  it('accepts a minimal valid feed', () => {
    expect(checkRssFeed(good(item('a') + item('b')), 'https://e.org/rss.xml').problems).toEqual([]);
  });

  it.each([
    ['a wrong self link', good(item('a')), 'https://e.org/en/rss.xml', /atom:link rel="self"/],
    ['a duplicate guid', good(item('a') + item('a')), 'https://e.org/rss.xml', /not unique/],
    ['a non-RFC 822 date', good(item('a').replace('Thu, 20 Jan 2022 14:00:00 GMT', '2022-01-20T14:00:00Z')), 'https://e.org/rss.xml', /RFC 822/],
    ['a wrong weekday', good(item('a').replace('Thu,', 'Mon,')), 'https://e.org/rss.xml', /weekday/],
    ['a relative link in HTML', good(item('a', '<content:encoded><![CDATA[<a href="/x">x</a>]]></content:encoded>')), 'https://e.org/rss.xml', /relative/],
    ['a relative image in HTML', good(item('a', '<description>&lt;img src="media/x.jpg"&gt;</description>')), 'https://e.org/rss.xml', /relative/],
    ['a channel author', good(item('a'), '<author>x</author>'), 'https://e.org/rss.xml', /undefined element <author>/],
    ['broken XML', good(item('a')).replace('</channel>', ''), 'https://e.org/rss.xml', /well-formed/],
    ['a missing description', good(item('a')).replace('<description>D</description>', ''), 'https://e.org/rss.xml', /<description>/],
  ])('rejects %s', (_name, xml, self, problem) => {
    expect(checkRssFeed(xml, self).problems.join('\n')).toMatch(problem);
  });

  it.each([
    ['Thu, 20 Jan 2022 14:00:00 GMT', true],
    ['20 Jan 2022 14:00 +0100', true],
    ['Thu, 20 Jan 2022 14:00:00 +0000', true],
    ['Thursday, 20 Jan 2022 14:00:00 GMT', false],
    ['Thu, 20 jan 2022 14:00:00 GMT', false],
    ['2022-01-20T14:00:00Z', false],
  ])('RFC 822: %s → %s', (date, ok) => {
    expect(checkRfc822(date) === undefined).toBe(ok);
  });
});
