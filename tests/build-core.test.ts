// The core promise, checked on a real build of the fixture: what is due is published in every
// language, drafts and future bulletins are nowhere in the output, and no bulletin becomes code.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from './helpers/build.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
let build: BuildResult;
let files: string[];
const read = (rel: string) => readFileSync(path.join(build.out, rel), 'utf8');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(build.out, path.join(dir, e.name))],
  );
}

beforeAll(async () => {
  build = await buildSite({ content: FIXTURE, now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  files = walk(build.out);
});

const PUBLISHED = ['2022-01-10-vinter', '2022-02-01-farlig-kod', '2022-02-15-windows', '2022-04-01-personal', '2022-05-05-vain-suomeksi', '2022-05-20-sommar'];
const textFiles = () => files.filter((f) => /\.(html|xml|json|txt)$/.test(f));

describe('publication in the built site', () => {
  it('has a page for every published bulletin in every language', () => {
    for (const slug of PUBLISHED) {
      for (const prefix of ['', 'en/', 'fi/']) expect(files).toContain(`${prefix}bulletiner/${slug}/index.html`);
    }
  });

  it('has no trace of the draft, the future bulletin or the future update in any file', () => {
    expect(files.some((f) => f.includes('utkast') || f.includes('framtid'))).toBe(false);
    // Astro's own intermediate files must not be published.
    expect(files.filter((f) => f.endsWith('.mjs'))).toEqual([]);
    for (const f of textFiles()) {
      const text = read(f);
      for (const secret of ['UTKAST som inte', 'Hemlig text i ett utkast', 'FRAMTIDA meddelande', 'Denna uppdatering ligger i framtiden']) {
        expect(text, `${f} contains "${secret}"`).not.toContain(secret);
      }
    }
  });

  it('shows local times without an offset in the site’s zone, winter and summer', () => {
    expect(read('bulletiner/2022-01-10-vinter/index.html')).toContain('<time datetime="2022-01-10T09:00:00+01:00"');
    expect(read('bulletiner/2022-05-20-sommar/index.html')).toContain('<time datetime="2022-05-20T14:30:00+02:00"');
    expect(read('bulletiner/2022-05-20-sommar/index.html')).toContain('<time datetime="2022-05-21T09:15:00+02:00"');
  });

  it('reads the Windows-saved bulletin (BOM, CRLF) like any other', () => {
    const html = read('bulletiner/2022-02-15-windows/index.html');
    expect(html).toContain('Sparad i Windows med CRLF');
    expect(html).toContain('Första stycket med åäö.');
    expect(html).not.toContain('\uFEFF');
    expect(html).not.toContain('\r');
  });
});

describe('nothing in a bulletin becomes code', () => {
  it('escapes the raw <script> and <img onerror> of the bulletin', () => {
    const html = read('bulletiner/2022-02-01-farlig-kod/index.html');
    expect(html).toContain('&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<img[^>]*onerror/i);
  });

  it('has no javascript: link and no script outside the search page, in any file', () => {
    for (const f of textFiles()) {
      const text = read(f);
      expect(text, f).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data:text\/html)/i);
      // The plain-text edition carries the officer's words as written; it is served as text/plain.
      if (f.endsWith('.txt')) continue;
      expect(text, f).not.toMatch(/<script[^>]*>[^<]*alert\(/i);
      if (f.endsWith('.html') && !/(^|\/)sok\//.test(f)) expect(text, f).not.toMatch(/<script/i);
    }
  });

  it('keeps the ordinary link of that bulletin', () => {
    expect(read('bulletiner/2022-02-01-farlig-kod/index.html')).toContain('href="https://www.krisinformation.se/"');
  });
});
