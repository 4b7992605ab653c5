// The W3C Feed Validator's RSS 2.0 checks that matter to real readers, for any feed XML, plus the
// parse of a real client library (Python feedparser, as Debian ships it). Each check returns a list
// of problems in words, so a failing test says which feed and which item is wrong.
// Validator docs: https://validator.w3.org/feed/docs/ (rss2.html, error/*.html).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** RFC 822 as the validator accepts it (validators.py `rfc822_re`), with English names. */
const RFC822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|Z|[+-]\d{4}|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Elements RSS 2.0 defines for a channel and an item; anything else must be namespaced. */
const CHANNEL_ELEMENTS = new Set([
  'title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate',
  'category', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays', 'item',
]);
const ITEM_ELEMENTS = new Set(['title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source']);
const DECLARED_NAMESPACES: Record<string, string> = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

export function checkRfc822(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is missing or not text`;
  const m = RFC822.exec(value);
  if (!m) return `"${value}" is not an RFC 822 date`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return `"${value}" does not parse`;
  // The validator's IncorrectDOW: a weekday that does not match the date.
  if (m[1] && m[8] === 'GMT' && DAYS[date.getUTCDay()] !== m[1]) return `"${value}" has the wrong weekday`;
  return undefined;
}

const isAbsolute = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(javascript|vbscript|data):/i.test(url);

/** Every URL in an HTML fragment's href, src and srcset attributes. */
export function htmlUrls(html: string): string[] {
  const urls: string[] = [];
  // Only inside tags: escaped text such as `&lt;img src=&quot;x&quot;&gt;` is not markup.
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*\s[^<>]*>/gi)) {
    for (const m of tag[0].matchAll(/\s(href|src|srcset)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const value = (m[3] ?? m[4] ?? m[5] ?? '').replace(/&amp;/g, '&');
      if (m[1]!.toLowerCase() === 'srcset') urls.push(...value.split(',').map((p) => p.trim().split(/\s+/)[0]!).filter(Boolean));
      else urls.push(value);
    }
  }
  return urls;
}

/** The validator's ContainsRelRef and SecurityRisk checks on HTML inside an item. */
function checkItemHtml(html: string, where: string): string[] {
  const problems: string[] = [];
  for (const url of htmlUrls(html)) {
    if (!isAbsolute(url)) problems.push(`${where}: relative or unsafe URL "${url}" in HTML`);
  }
  if (/<(script|iframe|object|embed|form|meta|link|style)\b/i.test(html)) problems.push(`${where}: HTML has a dangerous element`);
  if (/<[^>]+\son\w+\s*=/i.test(html)) problems.push(`${where}: HTML has an event-handler attribute`);
  return problems;
}

type Node = Record<string, unknown>;
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as Node)['#text']) : undefined;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'atom:link', 'category'].includes(name),
});

export interface CheckedFeed {
  problems: string[];
  guids: string[];
  titles: string[];
  pubDates: string[];
}

/** Checks one RSS 2.0 document; `selfUrl` is the absolute URL the feed is served from. */
export function checkRssFeed(xml: string, selfUrl: string): CheckedFeed {
  const out: CheckedFeed = { problems: [], guids: [], titles: [], pubDates: [] };
  const p = out.problems;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    p.push(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    return out;
  }
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) p.push('contains characters XML 1.0 forbids');
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  if (!rss) return { ...out, problems: ['root element is not <rss>'] };
  if (rss['@_version'] !== '2.0') p.push(`rss version is ${String(rss['@_version'])}, not 2.0`);
  for (const [prefix, uri] of Object.entries(DECLARED_NAMESPACES)) {
    if (xml.includes(`<${prefix}:`) && rss[`@_xmlns:${prefix}`] !== uri) p.push(`namespace ${prefix} is not declared as ${uri}`);
  }
  const channel = rss.channel as Node | undefined;
  if (!channel || Array.isArray(channel)) return { ...out, problems: [...p, 'needs exactly one <channel>'] };

  for (const name of ['title', 'link', 'description']) {
    if (!text(channel[name])?.trim()) p.push(`channel: missing required <${name}>`);
  }
  const link = text(channel.link);
  if (link && !/^https?:\/\//.test(link)) p.push(`channel: <link> "${link}" is not an absolute http(s) URL`);
  for (const name of Object.keys(channel)) {
    if (!name.startsWith('@_') && !name.includes(':') && !CHANNEL_ELEMENTS.has(name)) p.push(`channel: undefined element <${name}>`);
  }
  for (const name of ['pubDate', 'lastBuildDate']) {
    if (channel[name] !== undefined) {
      const bad = checkRfc822(text(channel[name]));
      if (bad) p.push(`channel <${name}>: ${bad}`);
    }
  }
  if (channel.ttl !== undefined && !/^\d+$/.test(text(channel.ttl) ?? '')) p.push('channel: <ttl> is not a whole number of minutes');
  const self = ((channel['atom:link'] as Node[] | undefined) ?? []).filter((l) => l['@_rel'] === 'self');
  if (self.length !== 1) p.push(`channel: needs one atom:link rel="self", has ${self.length}`);
  else {
    if (self[0]!['@_href'] !== selfUrl) p.push(`channel: atom:link rel="self" is "${String(self[0]!['@_href'])}", the feed is at "${selfUrl}"`);
    if (self[0]!['@_type'] !== 'application/rss+xml') p.push('channel: atom:link rel="self" needs type="application/rss+xml"');
  }

  const items = (channel.item as Node[] | undefined) ?? [];
  items.forEach((item, i) => {
    const where = `item ${i + 1}`;
    const title = text(item.title);
    const description = text(item.description);
    if (!title && !description) p.push(`${where}: needs a <title> or a <description>`);
    for (const name of Object.keys(item)) {
      if (!name.startsWith('@_') && !name.includes(':') && !ITEM_ELEMENTS.has(name)) p.push(`${where}: undefined element <${name}>`);
    }
    const itemLink = text(item.link);
    if (itemLink !== undefined && !/^https?:\/\//.test(itemLink)) p.push(`${where}: <link> "${itemLink}" is not absolute`);
    const guid = item.guid as Node | string | undefined;
    const guidText = text(guid);
    if (!guidText) p.push(`${where}: has no <guid>`);
    else {
      const permalink = typeof guid === 'object' ? guid['@_isPermaLink'] : undefined;
      if (permalink !== 'false' && !/^https?:\/\//.test(guidText)) p.push(`${where}: guid "${guidText}" is a permalink but not a URL`);
      if (out.guids.includes(guidText)) p.push(`${where}: guid "${guidText}" is not unique`);
      out.guids.push(guidText);
    }
    const pubDate = text(item.pubDate);
    if (pubDate === undefined) p.push(`${where}: has no <pubDate>`);
    else {
      const bad = checkRfc822(pubDate);
      if (bad) p.push(`${where} <pubDate>: ${bad}`);
    }
    if (item.author !== undefined && !/\S+@\S+/.test(text(item.author) ?? '')) p.push(`${where}: <author> must be an e-mail address`);
    const enclosure = item.enclosure as Node | undefined;
    if (enclosure && (!isAbsolute(String(enclosure['@_url'])) || !/^\d+$/.test(String(enclosure['@_length'])) || !enclosure['@_type'])) {
      p.push(`${where}: <enclosure> needs an absolute url, a length in bytes and a type`);
    }
    p.push(...checkItemHtml(description ?? '', `${where} <description>`));
    p.push(...checkItemHtml(text(item['content:encoded']) ?? '', `${where} <content:encoded>`));
    out.titles.push(title ?? '');
    out.pubDates.push(pubDate ?? '');
  });
  return out;
}

/** Every file under `dir` (relative paths, '/' separators). */
export function walkFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}

/** Every RSS feed in a built site, found by content (an `<rss` root), not by name. */
export function findRssFeeds(siteDir: string): string[] {
  return walkFiles(siteDir)
    .filter((f) => f.endsWith('.xml') || f.endsWith('.rss'))
    .filter((f) => /^(?:\uFEFF)?<\?xml[^>]*\?>\s*<rss[\s>]/.test(readFileSync(path.join(siteDir, f), 'utf8').slice(0, 500)))
    .sort();
}

export interface ParsedByFeedparser {
  file: string;
  bozo: number;
  bozoException: string | null;
  version: string;
  title: string;
  entries: { id: string; title: string; link: string; published: string | null; author: string | null; content: string }[];
}

const FEEDPARSER_SCRIPT = `
import calendar, feedparser, json, sys
out = []
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out.append({
        "file": path,
        "bozo": int(d.bozo),
        "bozoException": str(d.get("bozo_exception")) if d.bozo else None,
        "version": d.version,
        "title": d.feed.get("title", ""),
        "entries": [{
            "id": e.get("id", ""),
            "title": e.get("title", ""),
            "link": e.get("link", ""),
            "published": calendar.timegm(e.published_parsed) if e.get("published_parsed") else None,
            "author": e.get("author"),
            "content": e.content[0].value if e.get("content") else "",
        } for e in d.entries],
    })
json.dump(out, sys.stdout)
`;

/** Parses feeds with Debian's python3-feedparser; `published` comes back as an ISO UTC string. */
export function parseWithFeedparser(files: string[]): ParsedByFeedparser[] {
  const stdout = execFileSync('/usr/bin/python3', ['-c', FEEDPARSER_SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const parsed = JSON.parse(stdout) as (Omit<ParsedByFeedparser, 'entries'> & { entries: (Omit<ParsedByFeedparser['entries'][0], 'published'> & { published: number | null })[] })[];
  return parsed.map((f) => ({
    ...f,
    entries: f.entries.map((e) => ({ ...e, published: e.published === null ? null : new Date(e.published * 1000).toISOString() })),
  }));
}
