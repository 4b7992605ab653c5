// Languages as a reader and a screen reader meet them: a language added with one line in site.yaml
// and no strings file (Northern Sami, `se`) gets the Swedish interface, marked as Swedish, never
// blanks or string keys; the standing pages exist in Finnish; every borrowed passage carries `lang`;
// the accessibility statement has what DIGG asks for, dated by the build, not by a frozen date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildSite, ROOT, type BuildResult } from './helpers/build.ts';
import { copyFixture } from './helpers/content-tree.ts';

const SV_STRINGS = JSON.parse(readFileSync(path.join(ROOT, 'src/i18n/sv.json'), 'utf8')) as Record<string, string>;
let build: BuildResult;

beforeAll(async () => {
  const content = copyFixture(path.join(ROOT, 'tests/fixtures/site'));
  const siteFile = path.join(content, 'site.yaml');
  const doc = parseDocument(readFileSync(siteFile, 'utf8'));
  doc.set('languages', ['sv', 'en', 'fi', 'se']);
  writeFileSync(siteFile, doc.toString());
  build = await buildSite({ content, now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
}, 300_000);

const read = (rel: string) => readFileSync(path.join(build.out, rel), 'utf8');
const text = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The opening tag of the first element matching a regex on its tag, e.g. /<h1\b[^>]*>/. */
const tag = (html: string, re: RegExp) => re.exec(html)?.[0] ?? '';

describe('a language with a line in site.yaml and no strings file (se)', () => {
  it('builds its pages with the Swedish interface, never blank and never string keys', () => {
    for (const rel of ['se/index.html', 'se/bulletiner/index.html', 'se/bulletiner/2022-01-10-vinter/index.html', 'se/kontakt/index.html']) {
      const html = read(rel);
      const words = text(html);
      expect(words, rel).toContain(SV_STRINGS['skip']!);
      expect(words, rel).toContain(SV_STRINGS['national.heading']!);
      expect(words, rel).toContain(SV_STRINGS['footer.contact']!);
      const keysShown = Object.keys(SV_STRINGS).filter((k) => !k.startsWith('_') && new RegExp(`[\\s>]${k.replace(/\./g, '\\.')}[\\s<]`).test(html));
      expect(keysShown, rel).toEqual([]);
      expect(html).not.toMatch(/<(h[1-6]|a|dt|p|li)\b[^>]*>\s*<\/\1>/);
    }
    expect(text(read('se/index.html'))).toContain(SV_STRINGS['front.board']!);
  });

  it('says the page is in se, and that its Swedish header and footer are Swedish', () => {
    const html = read('se/index.html');
    expect(tag(html, /<html\b[^>]*>/)).toContain('lang="se"');
    expect(tag(html, /<header\b[^>]*>/)).toContain('lang="sv"');
    expect(tag(html, /<footer\b[^>]*>/)).toContain('lang="sv"');
  });

  it('is offered in the language switch of the other languages, named in its own language', () => {
    const html = read('index.html');
    expect(html).toMatch(/<a href="\/se\/" lang="se" hreflang="se">[^<]+<\/a>/);
  });
});

describe('passages in another language carry lang', () => {
  it('the Finnish pages mark the Swedish site title in the header (the fixture has no Finnish one)', () => {
    expect(tag(read('fi/index.html'), /<span class="site-title"[^>]*>/)).toContain('lang="sv"');
    // The front page's h1 is the situation, in Finnish.
    expect(tag(read('fi/index.html'), /<h1\b[^>]*>/)).toBe('<h1>');
  });

  it('a Swedish bulletin shown on a Finnish page is marked Swedish, title and text', () => {
    const html = read('fi/bulletiner/2022-05-20-sommar/index.html');
    expect(tag(html, /<h1\b[^>]*>/)).toContain('lang="sv"');
    expect(tag(html, /<p class="summary"[^>]*>/)).toContain('lang="sv"');
  });
});

describe('standing pages in Finnish', () => {
  for (const slug of ['tillganglighet', 'lattlast', 'akta']) {
    it(`/fi/${slug}/ is written in Finnish, not shown as an untranslated Swedish page`, () => {
      const html = read(`fi/${slug}/index.html`);
      expect(tag(html, /<h1\b[^>]*>/)).not.toContain('lang=');
      expect(html).not.toContain('class="notice"');
    });
  }
});

describe('the accessibility statement', () => {
  const statement = () => text(read('tillganglighet/index.html'));

  it('has what DIGG requires: status, known gaps, feedback that works now, enforcement link', () => {
    const s = statement();
    expect(s).toContain('delvis förenlig');
    expect(s).toContain('Kända brister');
    expect(s).toContain('Rapportera brister');
    expect(read('tillganglighet/index.html')).toContain('href="https://www.digg.se/tdosanmalan"');
    // The feedback channel is the contacts that work during the crisis, listed on the page itself.
    expect(read('tillganglighet/index.html')).toContain('href="tel:+4692365000"');
  });

  it('says what was tested and how, and claims no screen-reader review that did not happen', () => {
    for (const [rel, tools, noReview] of [
      ['tillganglighet/index.html', ['axe-core', 'Chromium', 'Nu HTML Checker', 'lynx', 'tangentbordet'], 'Ingen har granskat webbplatsen med skärmläsare'],
      ['en/tillganglighet/index.html', ['axe-core', 'Chromium', 'Nu HTML Checker', 'lynx', 'keyboard'], 'No one has reviewed the site with a screen reader'],
      ['fi/tillganglighet/index.html', ['axe-core', 'Chromium', 'Nu HTML Checker', 'lynx', 'Näppäimistöllä'], 'Kukaan ei ole arvioinut sivustoa ruudunlukijalla'],
    ] as const) {
      const s = text(read(rel));
      for (const tool of tools) expect(s, rel).toContain(tool);
      expect(s, rel).toContain(noReview);
      expect(s, rel).not.toMatch(/granskats internt|reviewed internally|arvioitu sisäisesti/);
    }
  });

  it('is dated by the build, not by a date frozen into the template', () => {
    const s = statement();
    expect(s).toContain('1 juni 2022');
    expect(s).not.toMatch(/20(2[3-9]|[3-9]\d)/);
    expect(text(read('en/tillganglighet/index.html'))).toContain('1 June 2022');
    expect(text(read('fi/tillganglighet/index.html'))).toContain('2022');
  });
});
