// Any host, any path: the fixture built for https://example.github.io/kalix/, signed with
// `npm run package`, served by a plain static server at /kalix/ (no rewrites), and crawled from the
// front page as a reader's browser and a feed reader would follow it.
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, runScript, tempDir, type BuildResult } from './helpers/build.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const SITE_URL = 'https://example.github.io/kalix/';
const MOUNT = '/kalix/';

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x2F;/g, '/').replace(/&amp;/g, '&');

/** Every URL an HTML document loads or links to. */
function refsInHtml(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) out.push(decode(m[1]!));
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) for (const part of decode(m[1]!).split(',')) out.push(part.trim().split(/\s+/)[0]!);
  for (const m of html.matchAll(/<meta[^>]+property="og:(?:url|image)"[^>]+content="([^"]*)"/g)) out.push(decode(m[1]!));
  return out.filter(Boolean);
}

/** Every URL in a feed or sitemap, including those inside item HTML (escaped or in CDATA). */
function refsInXml(xml: string): string[] {
  const escape = (c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // Decoding once turns the XML text into the HTML it carries; CDATA is raw HTML already.
  const once = decode(xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => escape(c)));
  const out = [...once.matchAll(/<(?:link|guid|loc)>\s*([^<\s]+)\s*<\//g)].map((m) => m[1]!);
  for (const m of once.matchAll(/\s(?:href|src)="([^"]*)"/g)) out.push(decode(m[1]!));
  return out.filter((u) => !/^https?:\/\/(www\.w3\.org|purl\.org|www\.sitemaps\.org)/.test(u));
}

/** Every URL in a JSON file: string values that are URLs, and links inside HTML values. */
function refsInJson(json: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/^https?:\/\//.test(v)) out.push(v);
      else if (v.includes('<')) out.push(...refsInHtml(v));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(json));
  return out.filter((u) => !/^https:\/\/jsonfeed\.org\/version/.test(u) && !/^https?:\/\/json-schema\.org/.test(u));
}

/** URLs written by the officer (content/, site.yaml) or carried on purpose by the default pages. */
function allowedExternal(dirs: string[]): Set<string> {
  const urls = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|ya?ml)$/.test(name)) for (const m of readFileSync(p, 'utf8').matchAll(/https?:\/\/[^\s)<>"'\]]+/g)) urls.add(m[0].replace(/[.,;:]+$/, ''));
    }
  };
  dirs.forEach(walk);
  return urls;
}

describe('the site on a sub-path (https://example.github.io/kalix/)', () => {
  let build: BuildResult;
  let release: string;
  let server: StaticServer;
  let content: string;
  const visited = new Map<string, number>();
  const external = new Set<string>();
  const outsideMount: string[] = [];

  beforeAll(async () => {
    const tmp = tempDir('krisinfo-subpath-');
    content = path.join(tmp, 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
    // The fixture has a public key of its own (for the authenticity page); this test signs with a new pair.
    rmSync(path.join(content, 'minisign.pub'));
    const siteYaml = path.join(content, 'site.yaml');
    writeFileSync(siteYaml, readFileSync(siteYaml, 'utf8').replace(/^url:.*$/m, `url: ${SITE_URL}`));
    const env = { HOME: path.join(tmp, 'home'), KRISINFO_CONTENT: content };
    const keygen = await runScript('keygen.ts', ['--without-password'], env);
    if (keygen.code !== 0) throw new Error(keygen.stderr);
    build = await buildSite({ content, now: '2022-06-01T12:00:00Z' });
    if (build.code !== 0) throw new Error(build.stderr);
    release = path.join(tmp, 'release');
    const pack = await runScript('package.ts', ['--site', build.out, '--out', release], env);
    if (pack.code !== 0) throw new Error(pack.stderr);
    server = await serveStatic(path.join(release, 'site'), MOUNT);

    // Crawl: pages, feeds, the sitemap, everything they load or link to on this site.
    const queue: string[] = [MOUNT, `${MOUNT}sitemap.xml`];
    while (queue.length) {
      const p = queue.shift()!;
      if (visited.has(p)) continue;
      const res = await fetch(server.origin + p);
      visited.set(p, res.status);
      if (res.status !== 200) continue;
      const type = res.headers.get('content-type') ?? '';
      if (!/html|xml|json|text\/plain/.test(type)) continue;
      const text = await res.text();
      const refs = type.includes('html') ? refsInHtml(text) : type.includes('json') ? refsInJson(text) : type.includes('xml') ? refsInXml(text) : [];
      for (const ref of refs) {
        if (/^(mailto|tel):/i.test(ref) || ref.startsWith('#')) continue;
        const abs = new URL(ref, server.origin + p);
        // The site's own absolute URLs (canonical, feeds) are served here.
        const local = abs.href.startsWith(SITE_URL) ? new URL(abs.href.slice(SITE_URL.length), server.url) : abs;
        if (local.origin !== server.origin) {
          external.add(abs.href);
          continue;
        }
        if (!local.pathname.startsWith(MOUNT)) outsideMount.push(`${p} → ${ref}`);
        if (!visited.has(local.pathname)) queue.push(local.pathname);
      }
    }
  }, 600_000);

  afterAll(async () => server?.close());

  it('reaches every page of every language from the front page', () => {
    const pages = [...visited.keys()].filter((p) => p.endsWith('/'));
    for (const lang of ['', 'en/', 'fi/']) {
      for (const rest of ['', 'bulletiner/', 'sok/', 'personal/', 'kontakt/', 'akta/', 'tillganglighet/']) {
        expect(pages, `${MOUNT}${lang}${rest}`).toContain(`${MOUNT}${lang}${rest}`);
      }
    }
    expect(visited.size).toBeGreaterThan(40);
  });

  it('every internal link, feed, image, script and stylesheet answers 200', () => {
    const broken = [...visited].filter(([, status]) => status !== 200);
    expect(broken).toEqual([]);
    // Images, scripts and stylesheets were among them, not just pages.
    const kinds = [...visited.keys()];
    expect(kinds.some((p) => p.endsWith('rss.xml'))).toBe(true);
    expect(kinds.some((p) => p.startsWith(`${MOUNT}pagefind/`))).toBe(true);
    expect(kinds.some((p) => p.endsWith('.js'))).toBe(true);
  });

  it('nothing points at the host root outside /kalix/', () => {
    expect(outsideMount).toEqual([]);
  });

  it('links outside the site are only those written in the content (and the DIGG link)', () => {
    const allowed = allowedExternal([content, path.join(ROOT, 'src/default-pages')]);
    const unexpected = [...external].filter((u) => !allowed.has(u) && !allowed.has(u.replace(/\/$/, '')));
    expect(unexpected).toEqual([]);
  });

  it('the authenticity page shows the key id and public key, links the signed checksums, and they are served', () => {
    const pub = readFileSync(path.join(content, 'minisign.pub'), 'utf8');
    const keyId = /public key ([0-9A-F]+)/.exec(pub)![1]!;
    const akta = readFileSync(path.join(build.out, 'akta/index.html'), 'utf8');
    expect(akta).toContain(keyId);
    expect(akta).toContain(pub.split('\n')[1]!);
    expect(akta).toContain(`href="${MOUNT}SHA256SUMS.minisig"`);
    expect(visited.get(`${MOUNT}SHA256SUMS`)).toBe(200);
    expect(visited.get(`${MOUNT}SHA256SUMS.minisig`)).toBe(200);
  });

  it('the offline edition and security.txt are there', async () => {
    // No page links the offline edition (it is passed around as a file), so the crawl does not reach it.
    expect((await fetch(`${server.origin}${MOUNT}offline.html`)).status).toBe(200);
    const security = readFileSync(path.join(build.out, '.well-known/security.txt'), 'utf8');
    expect(security).toContain(`Canonical: ${SITE_URL}.well-known/security.txt`);
  });

  it('the 404 page works at any depth: its stylesheet, links and images resolve from a deep URL', async () => {
    for (const deep of [`${MOUNT}finns/inte/alls/`, `${MOUNT}en/bulletiner/finns-inte`, '/helt/utanfor/']) {
      const res = await fetch(server.origin + deep);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toMatch(/<h1[^>]*>/);
      for (const ref of refsInHtml(html)) {
        if (/^(mailto|tel):/i.test(ref) || ref.startsWith('#')) continue;
        const abs = new URL(ref, server.origin + deep);
        if (abs.origin !== server.origin) continue;
        expect((await fetch(abs)).status, `${deep}: ${ref}`).toBe(200);
      }
    }
  });
});
