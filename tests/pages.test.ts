// The human-facing site, built for real from the shared fixture at a fixed moment, read the way a
// reader (or their screen reader, search engine, feed reader) meets it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from './helpers/build.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const SITE = 'https://fixture.example.org/';
let build: BuildResult;

beforeAll(async () => {
  build = await buildSite({ content: FIXTURE, now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
}, 240_000);

const read = (rel: string) => readFileSync(path.join(build.out, rel), 'utf8');
const exists = (rel: string) => existsSync(path.join(build.out, rel));

function htmlFiles(dir = build.out, rel = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(abs).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(abs, r);
    // Pages are index.html in a folder, plus 404.html; other .html files are endpoints' editions.
    return name === 'index.html' || r === '404.html' ? [r] : [];
  });
}

/** Text a reader sees: tags dropped, entities decoded enough for the words we look for. */
const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

/** The status board entry (list item) that names a service. */
function boardEntry(html: string, serviceName: string): string {
  const items = html.match(/<li class="svc [^"]*">[\s\S]*?<\/li>/g) ?? [];
  const found = items.find((li) => text(li).includes(serviceName));
  if (!found) throw new Error(`no status entry for ${serviceName}`);
  return text(found);
}

const meta = (html: string, attr: 'name' | 'property', key: string) =>
  new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('what is published', () => {
  it('shows published bulletins, never drafts or bulletins dated in the future', () => {
    const archive = text(read('bulletiner/index.html'));
    expect(archive).toContain('Kommunens it-system är avstängda');
    expect(archive).toContain('Lönerna betalas ut manuellt');
    expect(archive).not.toContain('UTKAST');
    expect(archive).not.toContain('FRAMTIDA');
    expect(exists('bulletiner/2022-03-01-utkast/index.html')).toBe(false);
    expect(exists('bulletiner/2099-01-01-framtid/index.html')).toBe(false);
    expect(read('sitemap.xml')).not.toMatch(/utkast|framtid/);
  });

  it('lists public bulletins on the front page, pinned first, and staff-only ones only in the archive, labelled', () => {
    const front = text(read('index.html'));
    expect(front.indexOf('Kommunens it-system är avstängda')).toBeLessThan(front.indexOf('Lönerna betalas ut manuellt'));
    expect(front).not.toContain('Till personalen om lönebesked');
    const archive = read('bulletiner/index.html');
    const staffItem = /<article[^>]*>(?:(?!<\/article>)[\s\S])*Till personalen om lönebesked[\s\S]*?<\/article>/.exec(archive)?.[0] ?? '';
    expect(text(staffItem)).toContain('Till personal');
  });

  it('says on the front page when the next update comes, with date and clock time', () => {
    const front = read('index.html');
    expect(front).toMatch(/<time datetime="2022-06-02T10:00:00\+02:00">2 juni 2022 kl\. 10:00<\/time>/);
  });
});

describe('status board', () => {
  it('gives every service its status in words, set by the latest published event', () => {
    const front = read('index.html');
    expect(boardEntry(front, 'Hemtjänst')).toContain('Reservrutiner');
    // Services that work share one line on the front page; the service page says since when.
    expect(boardEntry(front, 'E-post')).toMatch(/Fungerar.*E-post/s);
    expect(text(read('tjanster/epost/index.html'))).toMatch(/Fungerar.*1 maj 2022 kl\. 08:00/);
    expect(boardEntry(front, 'Löner')).toContain('Fungerar delvis');
    // Only a draft and a future bulletin say the water is down.
    expect(boardEntry(front, 'Vatten och avlopp')).toContain('Fungerar');
    expect(boardEntry(front, 'Vatten och avlopp')).not.toContain('Fungerar inte');
  });

  it('uses the reader\'s language for status words and falls back to Swedish names marked with lang', () => {
    const fi = read('fi/index.html');
    expect(boardEntry(fi, 'Vesi ja viemäri')).toContain('Toimii');
    expect(fi).toMatch(/<a href="\/fi\/tjanster\/hemtjanst\/" lang="sv">Hemtjänst<\/a>/);
  });

  it('has a service page with its history linking to the update that set each status', () => {
    const page = read('tjanster/epost/index.html');
    expect(text(page)).toContain('Fungerar');
    expect(page).toContain('href="/bulletiner/2022-01-10-vinter/#u20220501T060000Z"');
    expect(read('bulletiner/2022-01-10-vinter/index.html')).toContain('id="u20220501T060000Z"');
  });
});

describe('bulletin page', () => {
  it('shows published, latest update and next update as <time> with the offset of winter and summer', () => {
    const winter = read('bulletiner/2022-01-10-vinter/index.html');
    expect(winter).toContain('<time datetime="2022-01-10T09:00:00+01:00">10 januari 2022 kl. 09:00</time>');
    const summer = read('bulletiner/2022-05-20-sommar/index.html');
    expect(summer).toContain('<time datetime="2022-05-20T14:30:00+02:00">20 maj 2022 kl. 14:30</time>');
    expect(summer).toContain('<time datetime="2022-05-21T09:15:00+02:00">');
  });

  it('shows severity and audience in words, the sender, and updates newest first', () => {
    const page = read('bulletiner/2022-01-10-vinter/index.html');
    const words = text(page);
    expect(words).toContain('Allvarligt');
    expect(words).toContain('Allmänheten');
    expect(words).toContain('Testby kommun');
    expect(words.indexOf('E-posten fungerar helt igen')).toBeLessThan(words.indexOf('E-posten fungerar delvis igen'));
    expect(words).not.toContain('ligger i framtiden');
    expect(page).toMatch(/<img[^>]*alt="Karta över kommunhuset"/);
    expect(words).toContain('Foto: Testby kommun');
  });

  it('marks an update still in the original language with lang inside a translated page', () => {
    const en = read('en/bulletiner/2022-01-10-vinter/index.html');
    expect(en).toMatch(/<html lang="en"/);
    expect(en).toMatch(/<div class="prose" lang="sv"><p>E-posten fungerar <strong>helt<\/strong> igen\.<\/p>/);
    expect(en).toMatch(/<div class="prose"><p>E-mail works partly again\.<\/p>/);
  });

  it('says in the reader\'s language that a text is not translated, links the original, and marks its language', () => {
    const fi = read('fi/bulletiner/2022-01-10-vinter/index.html');
    expect(text(fi)).toContain('Tätä ei ole vielä käännetty suomeksi');
    expect(fi).toMatch(/<h1 lang="sv">Kommunens it-system är avstängda<\/h1>/);
    expect(fi).toContain('href="/bulletiner/2022-01-10-vinter/" hreflang="sv"');
    // A bulletin written only in Finnish, read in Swedish.
    const sv = read('bulletiner/2022-05-05-vain-suomeksi/index.html');
    expect(text(sv)).toContain('Det här är inte översatt till svenska än');
    expect(sv).toMatch(/<h1 lang="fi">Vain suomeksi julkaistu tiedote<\/h1>/);
  });

  it('links every language version in <head> with hreflang, x-default and absolute URLs', () => {
    const page = read('en/bulletiner/2022-05-20-sommar/index.html');
    for (const [lang, prefix] of [['sv', ''], ['en', 'en/'], ['fi', 'fi/'], ['x-default', '']]) {
      expect(page).toContain(`<link rel="alternate" hreflang="${lang}" href="${SITE}${prefix}bulletiner/2022-05-20-sommar/">`);
    }
    expect(page).toContain(`<link rel="canonical" href="${SITE}en/bulletiner/2022-05-20-sommar/">`);
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" href="/en/rss.xml"');
  });

  it('gives Open Graph an absolute image URL when the bulletin has a lead image', () => {
    const page = read('bulletiner/2022-01-10-vinter/index.html');
    expect(meta(page, 'property', 'og:image')).toMatch(/^https:\/\/fixture\.example\.org\/media\//);
    expect(meta(page, 'property', 'og:type')).toBe('article');
  });
});

describe('every page', () => {
  it('has a description, Open Graph tags, a CSP, one h1, a skip link and a <main>', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const html = read(file);
      const where = `in ${file}`;
      expect(meta(html, 'name', 'description'), where).toBeTruthy();
      expect(meta(html, 'property', 'og:title'), where).toBeTruthy();
      expect(meta(html, 'property', 'og:description'), where).toBeTruthy();
      expect(meta(html, 'property', 'og:locale'), where).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
      expect(html, where).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'/);
      expect(html.match(/<h1[\s>]/g)?.length, where).toBe(1);
      expect(html, where).toMatch(/<a class="skip" href="#main">/);
      expect(html, where).toMatch(/<main id="main"/);
      if (file !== '404.html') expect(meta(html, 'property', 'og:url'), where).toMatch(/^https:\/\/fixture\.example\.org\//);
    }
  });

  it('has no JavaScript except on the search page, which loads only local script files', () => {
    for (const file of htmlFiles()) {
      const html = read(file);
      if (/(^|\/)sok\/index\.html$/.test(file)) {
        const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
        expect(scripts.length).toBe(2);
        for (const s of scripts) expect(s).toMatch(/^<script src="\/(pagefind\/pagefind-ui|search-ui)\.js"[^>]*><\/script>$/);
        expect(html).toContain('<noscript>');
        expect(html).toContain("'wasm-unsafe-eval'");
      } else {
        expect(html, file).not.toMatch(/<script/i);
        expect(html, file).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      }
    }
  });

  it('names the sender and gives tel: links to the national numbers in the footer, in every language', () => {
    for (const file of ['index.html', 'en/bulletiner/index.html', 'fi/tjanster/lon/index.html', '404.html']) {
      const html = read(file);
      const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
      expect(text(footer), file).toContain('Testby kommun');
      for (const tel of ['tel:112', 'tel:11313', 'tel:1177']) expect(footer, file).toContain(`href="${tel}"`);
      for (const slug of ['kontakt', 'tillganglighet', 'lattlast', 'akta']) expect(footer, file).toMatch(new RegExp(`href="[^"]*/${slug}/"`));
    }
  });

  it('offers the same page in the other languages from the language switch', () => {
    const html = read('tjanster/lon/index.html');
    expect(html).toContain('<a href="/en/tjanster/lon/" lang="en" hreflang="en">English</a>');
    expect(html).toContain('<a href="/fi/tjanster/lon/" lang="fi" hreflang="fi">Suomi</a>');
  });
});

describe('contacts and standing pages', () => {
  it('lists the contacts that work now with digits-only tel: links and mailto:', () => {
    const front = read('index.html');
    expect(front).toContain('<a href="tel:+4692365000">+46 923 650 00</a>');
    expect(front).toContain('<a href="tel:092365010">0923-650 10</a>');
    expect(front).toContain('href="mailto:info@testby-info.example.net"');
    expect(text(front)).toContain('Vardagar 8–16');
  });

  it('uses the officer\'s contact page and adds the contacts after it', () => {
    const page = read('kontakt/index.html');
    const words = text(page);
    expect(words).toContain('Kommunens vanliga telefonnummer fungerar inte');
    expect(words.indexOf('Kommunens vanliga telefonnummer')).toBeLessThan(words.indexOf('0923-650 10'));
  });

  it('fills missing standing pages with defaults: accessibility statement, easy-to-read, authenticity', () => {
    const a11y = read('tillganglighet/index.html');
    expect(a11y).toContain('href="https://www.digg.se/tdosanmalan"');
    expect(text(a11y)).toContain('delvis förenlig');
    expect(a11y).toContain('href="tel:+4692365000"');
    expect(text(read('lattlast/index.html'))).toContain('Kommunen frågar aldrig efter ditt lösenord');
    const akta = read('akta/index.html');
    expect(akta).toContain('<a href="https://www.facebook.com/testbykommun" rel="me">');
    expect(text(akta)).toContain('https://fixture.example.org/');
    // The defaults exist in Finnish (Kalix is an administrative area for Finnish).
    expect(text(read('fi/lattlast/index.html'))).toContain('Kunta ei koskaan kysy salasanaasi');
    expect(text(read('fi/lattlast/index.html'))).not.toContain('Tätä ei ole vielä käännetty suomeksi');
  });

  // Before the fix the page's first command was `minisign -Vm … && sha256sum -c SHA256SUMS`, which
  // passes when a file has been added. The fixture has a public key (tests/fixtures/site/minisign.pub).
  it('the authenticity page leads with verify.sh and npm run verify; minisign alone comes last, as the signature only', () => {
    for (const [prefix, caveat] of [['', 'Bara signaturen, med programmet minisign.'], ['en/', 'The signature alone, with the minisign program.'], ['fi/', 'Pelkkä allekirjoitus minisign-ohjelmalla.']] as const) {
      const html = read(`${prefix}akta/index.html`);
      const commands = [...html.matchAll(/<pre[^>]*><code[^>]*>([^<]*)<\/code><\/pre>/g)].map((m) => m[1]!);
      expect(commands, prefix).toHaveLength(3);
      expect(commands[0]).toMatch(/^sh verify\.sh -P RW\S+ https:\/\/fixture\.example\.org\/$/);
      expect(commands[1]).toMatch(/^npm run verify -- https:\/\/fixture\.example\.org\/ --key RW\S+$/);
      expect(commands[2]).toMatch(/^minisign -Vm SHA256SUMS -P RW\S+$/);
      expect(html).not.toContain('sha256sum -c');
      const words = text(html);
      expect(words, prefix).toContain(caveat);
      expect(words.indexOf(caveat)).toBeGreaterThan(words.indexOf(commands[1]!));
    }
  });

  it('tells staff the municipality never asks for passwords and links their feed', () => {
    const page = read('personal/index.html');
    const words = text(page);
    expect(words).toContain('Kommunen ber dig aldrig om ditt lösenord');
    expect(words).toContain('Till personalen om lönebesked');
    expect(words).not.toContain('Lönerna betalas ut manuellt');
    expect(page).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="\/personal\/rss\.xml"/);
    expect(page).toMatch(/<a href="\/personal\/rss\.xml">/);
    expect(page).not.toMatch(/<form|<input|type="password"/i);
  });
});

describe('sitemap', () => {
  it('lists every page of every language with an absolute URL, and nothing else', () => {
    const xml = read('sitemap.xml');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!).sort();
    const pages = htmlFiles()
      .filter((f) => f !== '404.html')
      .map((f) => SITE + f.replace(/index\.html$/, ''))
      .sort();
    expect(locs).toEqual(pages);
  });

  it('says when each page last changed: a bulletin at its latest news, the front page at the latest of all', () => {
    const xml = read('sitemap.xml');
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod>/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(urls.length).toBe([...xml.matchAll(/<url>/g)].length);
    for (const [, lastmod] of urls) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const lastmod = new Map(urls);
    expect(lastmod.get(`${SITE}bulletiner/2022-01-10-vinter/`)).toBe('2022-05-01T08:00:00+02:00');
    expect(lastmod.get(`${SITE}tjanster/epost/`)).toBe('2022-05-01T08:00:00+02:00');
    expect(lastmod.get(SITE)! >= lastmod.get(`${SITE}bulletiner/2022-01-10-vinter/`)!).toBe(true);
  });
});

describe('feeds linked from every page', () => {
  it('links the RSS feed and the JSON Feed of the page\'s language', () => {
    for (const [rel, prefix] of [['index.html', '/'], ['en/bulletiner/2022-01-10-vinter/index.html', '/en/']] as const) {
      const html = read(rel);
      expect(html).toContain(`<link rel="alternate" type="application/rss+xml" href="${prefix}rss.xml"`);
      expect(html).toContain(`<link rel="alternate" type="application/feed+json" href="${prefix}feed.json"`);
    }
  });
});
