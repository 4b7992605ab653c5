// Issue 12, the content half, without a site build: each attack is set up in content as an officer
// (or someone with access to the laptop) could write it, and the test asserts what check reports
// and what the content model, the status data and the feeds make of it.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseContentDate } from '../src/lib/model/dates.ts';
import { buildSiteModel } from '../src/lib/site/derive.ts';
import { buildStatusJson } from '../src/lib/feeds/status.ts';
import { renderRss } from '../src/lib/feeds/rss.ts';
import type { Feed } from '../src/lib/feeds/feeds.ts';
import { t } from '../src/lib/model/i18n.ts';
import { imageProblems } from '../src/lib/images/image-check.ts';
import { IMAGE_SETTINGS, imagePlan, variantBytes } from '../src/lib/images/images.ts';
import { loadContent, type ValidContent } from '../src/lib/content/load-content.ts';
import { messageFor } from '../src/lib/content/messages.ts';
import { formatProblem, type Problem } from '../src/lib/content/problems.ts';
import { readSite } from '../src/lib/content/read-site.ts';
import { installedVersion, sanitiseSvg, SVG_SANITISER_VERSION } from '../src/lib/images/svg-sanitise.ts';
import { bodyTextProblems, invisibleChars } from '../src/lib/content/text-safety.ts';
import { ROOT, tempDir } from './helpers/build.ts';
import { copyFixture } from './helpers/content-tree.ts';
import { hugePng, truncatedJpeg } from './helpers/hostile-images.ts';
import { dangerousParts } from './helpers/svg-danger.ts';

const NOW = new Date('2022-06-01T12:00:00Z');
const LIB = 'bulletins/2021-12-18-bibliotek.md';
const HOSTILE = path.join(ROOT, 'tests/fixtures/hostile-svg');

function edit(dir: string, file: string, f: (s: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, f(readFileSync(p, 'utf8')));
}
const withField = (line: string) => (s: string) => s.replace(/^(title: .*)$/m, `$1\n${line}`);
const problemsOf = (dir: string) => loadContent(dir).problems;
const find = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
const inSwedish = (p: Problem) => formatProblem(p, 'sv');

describe('item 7: a service id "constructor" and a "__proto__" key', () => {
  it('a service called constructor is "operational" on the board, labelled in words, and status.json meets its schema', () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'services.yaml'), `${readFileSync(path.join(dir, 'services.yaml'), 'utf8')}- id: constructor\n  name: Byggnadsnämnden\n`);
    const content = loadContent(dir);
    expect(content.problems.filter((p) => p.level === 'error')).toEqual([]);
    const model = buildSiteModel(content as ValidContent, NOW);
    const state = model.services.find((s) => s.service.id === 'constructor')!;
    // No bulletin names it: before the fix every event "named" it with Object's constructor function.
    expect(state.status).toBe('operational');
    expect(state.history).toEqual([]);
    expect(t('sv', `status.${state.status}`)).toBe('Fungerar');

    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    const ajv = new Ajv({ allErrors: true, strict: true });
    formats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'docs/status.schema.json'), 'utf8')));
    const json = JSON.parse(JSON.stringify(buildStatusJson(model)));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.services.find((s: { id: string }) => s.id === 'constructor')).toMatchObject({ status: 'operational', since: null, setBy: null });
  });

  it('services: { __proto__: down } in a bulletin or an update is an error naming the key, not silently dropped', () => {
    const dir = copyFixture();
    edit(dir, LIB, withField('services:\n  __proto__: down\nupdates:\n  - at: 2021-12-19T10:00\n    text: Mer.\n    services: { __proto__: down }'));
    const unknown = find(problemsOf(dir), 'service.unknown');
    expect(unknown.map((p) => [p.file, p.field, p.level])).toEqual([
      [LIB, 'services.__proto__', 'error'],
      [LIB, 'updates[0].services.__proto__', 'error'],
    ]);
    expect(unknown[0]!.line).toBe(4);
  });
});

describe('item 8: years before 1900 and after 2999', () => {
  it.each([
    ['0000-01-01', false],
    ['0001-01-01', false],
    ['0099-12-31T10:00', false],
    ['1899-12-31T23:59:59Z', false],
    ['1900-01-01', true],
    ['2999-12-31T23:59', true],
    ['3000-01-01', false],
    ['9999-01-01T00:00:00+01:00', false],
  ])('%s is accepted: %s', (value, ok) => {
    const r = parseContentDate(value, 'Europe/Stockholm');
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.reason).toBe('year');
    // The bug: Date.UTC read 0001 as 1901. An accepted date keeps its year.
    if (r.ok) expect(r.date.toISOString().slice(0, 4)).toBe(value.startsWith('1900') ? '1899' : value.slice(0, 4));
  });

  it('check names the file, the field, the line and the year, in words', () => {
    const dir = copyFixture();
    edit(dir, LIB, (s) => s.replace(/^published: .*$/m, 'published: 0001-01-01'));
    const [p] = find(problemsOf(dir), 'date.year');
    expect(p).toMatchObject({ level: 'error', file: LIB, field: 'published', line: 3 });
    expect(inSwedish(p!)).toContain('året 0001 går inte att använda');
    expect(messageFor(p!, 'en').text).toContain('the year 0001 cannot be used (only 1900–2999)');
  });
});

describe('item 9: links in content/ that lead outside it', () => {
  it('an image, a bulletin and a logo linked from outside are refused by name; a link inside content/ is fine; a dangling link is reported, not a crash', async () => {
    const dir = copyFixture();
    const outside = tempDir('krisinfo-outside-');
    const secretImage = path.join(outside, 'id-kort.png');
    writeFileSync(secretImage, await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a00' } }).png().toBuffer());
    writeFileSync(path.join(outside, 'hemlig.md'), '---\ntitle: Hemligt\npublished: 2021-12-18\nsummary: Det här ligger utanför content/.\n---\nLönelista.\n');
    symlinkSync(secretImage, path.join(dir, 'bulletins/images/karta-kopia.png'));
    symlinkSync(path.join(outside, 'hemlig.md'), path.join(dir, 'bulletins/2021-12-19-hemlig.md'));
    symlinkSync('karta.png', path.join(dir, 'bulletins/images/alias.png'));
    symlinkSync(path.join(outside, 'finns-inte.md'), path.join(dir, 'bulletins/2021-12-20-borta.md'));
    symlinkSync(secretImage, path.join(dir, 'logo.png'));
    edit(dir, 'site.yaml', (s) => `${s}logo: logo.png\n`);
    edit(dir, LIB, withField('image: images/karta-kopia.png\nimageAlt: En karta'));
    edit(dir, LIB, (s) => `${s}\n![Karta](images/alias.png)\n`);

    const content = loadContent(dir);
    const outsideProblems = find(content.problems, 'file.symlink-outside');
    expect(outsideProblems.map((p) => [p.file, p.field])).toEqual(
      expect.arrayContaining([
        [LIB, 'image'],
        ['bulletins/2021-12-19-hemlig.md', undefined],
        ['site.yaml', 'logo'],
      ]),
    );
    expect(outsideProblems).toHaveLength(3);
    for (const p of outsideProblems) expect(inSwedish(p)).toContain(`är en länk till ${outside}`);
    expect(find(content.problems, 'file.symlink-broken').map((p) => p.file)).toEqual(['bulletins/2021-12-20-borta.md']);
    // The outside bulletin is not part of the content at all, and the link inside content/ is no problem.
    expect(content.bulletins.map((g) => g.slug)).not.toContain('2021-12-19-hemlig');
    expect(content.problems.filter((p) => p.level === 'error' && p.file === LIB).map((p) => p.code)).toEqual(['file.symlink-outside']);
  });
});

describe('item 9: a mirror of content/ made of links (how a draft is checked before saving)', () => {
  it('counts files linked from the mirrored folder as inside, and still refuses a link that leads outside both', () => {
    const real = copyFixture();
    const outside = tempDir('krisinfo-outside-');
    writeFileSync(path.join(outside, 'hemlig.md'), '---\ntitle: Hemligt\npublished: 2021-12-18\nsummary: Utanför.\n---\n');
    symlinkSync(path.join(outside, 'hemlig.md'), path.join(real, 'bulletins/2021-12-19-hemlig.md'));
    const mirror = path.join(tempDir('krisinfo-mirror-'), 'content');
    mkdirSync(path.join(mirror, 'bulletins'), { recursive: true });
    for (const name of readdirSync(real)) if (name !== 'bulletins') symlinkSync(path.join(real, name), path.join(mirror, name));
    for (const name of readdirSync(path.join(real, 'bulletins'))) symlinkSync(path.join(real, 'bulletins', name), path.join(mirror, 'bulletins', name));

    const errors = (dir: string, opts = {}) => loadContent(dir, opts).problems.filter((p) => p.level === 'error').map((p) => [p.code, p.file]);
    expect(errors(mirror, { mirrorOf: real })).toEqual([['file.symlink-outside', 'bulletins/2021-12-19-hemlig.md']]);
    expect(errors(real)).toEqual([['file.symlink-outside', 'bulletins/2021-12-19-hemlig.md']]);
    // Without saying what it mirrors, every link of the mirror leads outside it.
    expect(errors(mirror).length).toBeGreaterThan(5);
  });
});

describe('item 10: site.yaml fields that reach _headers and security.txt', () => {
  const SITE = `sender: Kalix kommun\ntitle: Information\nurl: https://kalix-info.example.org/\ntimezone: Europe/Stockholm\nlanguages: [sv, en]\ncontacts:\n  - name: Växel\n    phone: "0923-650 00"\n`;
  const read = (yaml: string) => readSite(yaml, 'site.yaml');

  it('a newline in sender (a second Contact: line, a new header) is an error on that field and line; the site is not usable', () => {
    const r = read(SITE.replace('sender: Kalix kommun', 'sender: "Kalix kommun\\nContact: mailto:attacker@example.net"'));
    const [p] = find(r.problems, 'text.control-character');
    expect(p).toMatchObject({ level: 'error', file: 'site.yaml', field: 'sender', line: 1 });
    expect(inSwedish(p!)).toContain('U+000A LINE FEED');
    expect(r.site).toBeDefined(); // the reader still returns what it read, but the error stops the build
  });

  it.each([
    ['a literal block', 'title:\n  sv: |\n    Rad ett\n    Cache-Control: no-store\n', 'title.sv'],
    ['a carriage return', 'description: "Text\\rX-Evil: 1"\n', 'description'],
    ['an escape sequence', 'description: "\\e[31mröd"\n', 'description'],
    ['a line separator', 'description: "a\\u2028b"\n', 'description'],
    ['a contact name', 'channels:\n  - name: "Facebook\\nX: y"\n    url: https://www.facebook.com/kalixkommun\n', 'channels[0].name'],
  ])('%s is an error too', (_, yaml, field) => {
    const r = read(SITE.replace(/^title: .*\n/m, yaml.startsWith('title') ? yaml : `title: Information\n${yaml}`));
    expect(find(r.problems, 'text.control-character').map((p) => p.field)).toEqual([field]);
  });

  it('a folded (>) text whose only newline is at the end is fine', () => {
    expect(read(SITE.replace('sender: Kalix kommun', 'sender: >\n  Kalix\n  kommun')).problems).toEqual([]);
  });

  it.each([
    ['sakerhet@kalix-info.example.org', undefined],
    ['mailto:sakerhet@kalix-info.example.org', undefined],
    ['https://kalix-info.example.org/sakerhet', undefined],
    ['http://kalix-info.example.org/sakerhet', 'security-contact.invalid'],
    ['tel:+4692365000', 'security-contact.invalid'],
    ['javascript:alert(1)', 'security-contact.invalid'],
    ['https://anna:hemligt@kalix-info.example.org/', 'security-contact.invalid'],
    ['ring växeln', 'security-contact.invalid'],
  ])('securityContact %s → %s', (value, code) => {
    const r = read(`${SITE}securityContact: "${value}"\n`);
    expect(r.problems.map((p) => p.code)).toEqual(code ? [code] : []);
  });

  it.each([
    ['https://kalix-info.example.org/', [], 'https://kalix-info.example.org/'],
    ['http://kalix-info.example.org/', ['warn.url-http'], 'http://kalix-info.example.org/'],
    ['https://anna:hemligt@kalix-info.example.org/', ['url.credentials'], undefined],
    ['https://anna@kalix-info.example.org/', ['url.credentials'], undefined],
    ['ftp://kalix-info.example.org/', ['url.invalid'], undefined],
  ])('url %s', (url, codes, kept) => {
    const r = read(SITE.replace(/^url: .*$/m, `url: ${url}`));
    expect(r.problems.map((p) => p.code)).toEqual(codes);
    expect(r.site?.url).toBe(kept);
  });
});

describe('item 11: image files that are not what their name says', () => {
  it('check reports a text file named .jpg, a truncated JPEG, a 50000×50000 PNG and an SVG without a size, each with the file that uses it', async () => {
    const dir = copyFixture();
    const images = path.join(dir, 'bulletins/images');
    writeFileSync(path.join(images, 'text.jpg'), 'Det här är ingen bild, bara text.\n');
    writeFileSync(path.join(images, 'trasig.jpg'), await truncatedJpeg());
    writeFileSync(path.join(images, 'jatte.png'), hugePng(50_000, 50_000));
    writeFileSync(path.join(images, 'utan-storlek.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100%"><rect width="10" height="10"/></svg>');
    writeFileSync(path.join(images, 'inte-xml.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect></svg>');
    edit(dir, LIB, withField('image: images/text.jpg\nimageAlt: Text'));
    edit(dir, LIB, (s) => `${s}\n![Foto](images/trasig.jpg)\n\n![Karta](images/jatte.png)\n\n![Logga](images/utan-storlek.svg)\n\n![Logga](images/inte-xml.svg)\n`);
    const content = loadContent(dir);
    expect(content.problems.filter((p) => p.level === 'error')).toEqual([]); // the names are fine: only opening the files shows it
    const found = await imageProblems(content);
    expect(found.map((p) => [p.code, p.params?.value, p.file, p.field, p.level])).toEqual([
      ['image.not-image', 'bulletins/images/text.jpg', LIB, 'image', 'error'],
      ['image.damaged', 'bulletins/images/trasig.jpg', LIB, 'body', 'error'],
      ['image.too-many-pixels', 'bulletins/images/jatte.png', LIB, 'body', 'error'],
      ['image.svg-no-size', 'bulletins/images/utan-storlek.svg', LIB, 'body', 'error'],
      ['image.svg-invalid', 'bulletins/images/inte-xml.svg', LIB, 'body', 'error'],
    ]);
    expect(inSwedish(found[1]!)).toMatch(/Bilden "bulletins\/images\/trasig.jpg" är skadad eller ofullständig och går inte att visa \(tekniskt: premature end of JPEG image\)/);
    expect(inSwedish(found[2]!)).toContain('50000 × 50000 bildpunkter');
  });

  it('should processing still fail, the build step names the file in a Swedish message, not a stack', async () => {
    const dir = tempDir('krisinfo-img-');
    writeFileSync(path.join(dir, 'trasig.jpg'), await truncatedJpeg());
    const plan = imagePlan(dir, 'trasig.jpg');
    const error = (await variantBytes(dir, 'trasig.jpg', plan.standard.file).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('ContentError');
    expect(error.message).toContain('content/trasig.jpg');
    expect(error.message).toContain('kunde inte bearbetas när webbplatsen byggdes');
    expect(error.message).not.toMatch(/\n\s+at /);
  });
});

describe('item 13: invisible characters and look-alike letters', () => {
  it.each([
    ['Ring 0923\u202E00 056\u202C', 'U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING'],
    ['Vat\u2066ten\u2069', 'U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE'],
    ['0923\u200F-650 00', 'U+200F RIGHT-TO-LEFT MARK'],
    ['Hem\u200Btjänst', 'U+200B ZERO WIDTH SPACE'],
    ['Hem\u200Dtjänst', 'U+200D ZERO WIDTH JOINER'],
    ['e\u2060post', 'U+2060 WORD JOINER'],
    ['ord\uFEFFord', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['Vatten och avlopp', undefined],
    ['Familjen 👨\u200D👩\u200D👧 är hemma', undefined],
    ['می\u200Cخواهم', undefined],
    ['مرحبا\u200F 112', undefined],
  ])('%j → %s', (text, described) => {
    expect(invisibleChars(text)).toBe(described);
  });

  it.each(['202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069', '200E', '200F', '061C', '200B', '200C', '200D', '2060', 'FEFF'])(
    'U+%s between Latin letters is found, by itself and on one line of a body',
    (hex) => {
      const text = `Vatten${String.fromCodePoint(parseInt(hex, 16))}och avlopp`;
      expect(invisibleChars(text)).toMatch(new RegExp(`^U\\+${hex}`));
      expect(bodyTextProblems(`Första raden.\n${text}\n`, LIB, 12).map((p) => p.line)).toEqual([13]);
    },
  );

  it('check warns about a bidi override in a title, a zero-width space in a service name and in a body line, with field, line and code point', () => {
    const dir = copyFixture();
    edit(dir, LIB, (s) => s.replace('title: Biblioteket har öppet', 'title: "Biblioteket har \u202Enepö\u202C"').replace('Ta med lånekortet.', 'Ring 0923\u202E00 056\u202C.'));
    edit(dir, 'services.yaml', (s) => s.replace('Fakturor och betalningar', 'Fakturor\u200B och betalningar'));
    const warned = find(problemsOf(dir), 'warn.invisible-characters');
    expect(warned.map((p) => [p.file, p.field, p.line, p.level])).toEqual([
      ['services.yaml', '[0].name.sv', 2, 'warning'],
      [LIB, 'title', 2, 'warning'],
      [LIB, 'body', 6, 'warning'],
    ]);
    expect(inSwedish(warned[1]!)).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
  });

  it('a Cyrillic "а" in a service id, in a bulletin that names the service, and in a file name is shown by its code point', () => {
    const dir = copyFixture();
    edit(dir, 'services.yaml', (s) => `${s}- id: v\u0430tten\n  name: Vatten\n`);
    edit(dir, LIB, withField('services:\n  ekonomi: down\n  hemtj\u0430nst: down'));
    writeFileSync(path.join(dir, 'bulletins/2021-12-19-v\u0430tten.md'), '---\ntitle: Vatten\npublished: 2021-12-19\nsummary: Vattnet.\n---\n');
    const problems = find(problemsOf(dir), 'id.non-ascii');
    expect(problems.map((p) => [p.file, p.field]).sort()).toEqual([
      [LIB, 'services.hemtjаnst'],
      ['bulletins/2021-12-19-vаtten.md', undefined],
      ['services.yaml', '[2].id'],
    ]);
    for (const p of problems) {
      expect(inSwedish(p)).toContain('"а" (U+0430)');
      expect(messageFor(p, 'en').text).toContain('"а" (U+0430)');
    }
  });
});

describe('item 14: the RSS channel description', () => {
  it('is escaped like an item description: HTML in the sender, site title or a service description shows as text', () => {
    const hostile = 'Kalix <img src=x onerror=alert(1)> & <b>kommun</b>';
    const feed: Feed = { kind: 'main', lang: 'sv', title: 'T', description: hostile, homeUrl: 'https://e.org/', feedUrl: 'https://e.org/rss.xml', items: [], lastChange: NOW };
    const xml = renderRss(feed, hostile);
    const doc = new XMLParser({ parseTagValue: false, trimValues: true, processEntities: true }).parse(xml) as { rss: { channel: { description: string } } };
    // After XML parsing a reader holds HTML; escaped, that HTML is the text itself and no element.
    expect(doc.rss.channel.description).toBe('Kalix &lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;kommun&lt;/b&gt;');
  });
});

describe('item 3: SVG files are cleaned before they are published', () => {
  const files = readdirSync(HOSTILE).filter((f) => f.endsWith('.svg')).sort();

  it('an update of DOMPurify or jsdom changes the image cache key, so no SVG cleaned by the old version is reused', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    const dompurify = lock.packages['node_modules/dompurify']!.version;
    const jsdom = lock.packages['node_modules/jsdom']!.version;
    expect(installedVersion('dompurify')).toBe(dompurify);
    expect(installedVersion('no-such-package-here')).toBe('unknown');
    expect(SVG_SANITISER_VERSION).toContain(`dompurify@${dompurify}`);
    expect(SVG_SANITISER_VERSION).toContain(`jsdom@${jsdom}`);
    expect((JSON.parse(IMAGE_SETTINGS) as { svg: string }).svg).toBe(SVG_SANITISER_VERSION);
  });

  it('the hostile collection is hostile (else the tests below prove nothing)', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const f of files) expect(dangerousParts(readFileSync(path.join(HOSTILE, f), 'utf8')), f).not.toEqual([]);
  });

  it.each(files)('%s: nothing that runs or fetches survives, the cleaned file still draws at its size, and what was removed is named', async (f) => {
    const original = readFileSync(path.join(HOSTILE, f), 'utf8');
    const clean = await sanitiseSvg(original);
    if (!clean.ok) throw new Error(`${f}: ${clean.reason}`);
    expect(dangerousParts(clean.svg)).toEqual([]);
    expect(clean.removed.length, f).toBeGreaterThan(0);
    const meta = await sharp(Buffer.from(clean.svg)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['svg', 40, 40]);
  });

  it('a drawing program’s file (metadata, comments, gradients, <use href="#…">) keeps its drawing and gets no warning', async () => {
    const inkscape = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="64" height="64" viewBox="0 0 64 64" inkscape:version="1.2" sodipodi:docname="logo.svg">
  <sodipodi:namedview id="nv" pagecolor="#ffffff"/>
  <metadata><rdf:RDF><rdf:Description/></rdf:RDF></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#14477d"/><stop offset="1" stop-color="#0b2a4a"/></linearGradient><path id="p" d="M0 0h10v10z"/></defs>
  <style>.a{fill:url(#g)}</style>
  <g inkscape:label="Lager 1" inkscape:groupmode="layer"><rect class="a" width="64" height="64" data-name="bakgrund"/><use href="#p" x="5"/><use xlink:href="#p" x="20"/></g>
</svg>`;
    const clean = await sanitiseSvg(inkscape);
    if (!clean.ok) throw new Error(clean.reason);
    expect(clean.removed).toEqual([]);
    expect(dangerousParts(clean.svg)).toEqual([]);
    expect(clean.svg).toContain('fill:url(#g)');
    expect((clean.svg.match(/<use /g) ?? []).length).toBe(2);
    const pixels = async (svg: string) => sharp(Buffer.from(svg)).raw().toBuffer();
    expect((await pixels(clean.svg)).equals(await pixels(inkscape))).toBe(true);
  });

  it('check warns about a hostile logo and body image, naming the file and what is removed; a file that is not SVG at all is an error', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'logo.svg'), readFileSync(path.join(HOSTILE, 'onload.svg')));
    writeFileSync(path.join(dir, 'bulletins/images/karta.svg'), readFileSync(path.join(HOSTILE, 'script.svg')));
    writeFileSync(path.join(dir, 'bulletins/images/html.svg'), '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/></html>');
    edit(dir, 'site.yaml', (s) => `${s}logo: logo.svg\n`);
    edit(dir, LIB, (s) => `${s}\n![Karta](images/karta.svg)\n\n![Sida](images/html.svg)\n`);
    const found = await imageProblems(loadContent(dir));
    expect(found.map((p) => [p.level, p.code, p.file, p.field, p.params?.value])).toEqual([
      ['warning', 'warn.svg-sanitised', 'site.yaml', 'logo', 'logo.svg'],
      ['warning', 'warn.svg-sanitised', LIB, 'body', 'bulletins/images/karta.svg'],
      ['error', 'image.svg-invalid', LIB, 'body', 'bulletins/images/html.svg'],
    ]);
    expect(found[0]!.params?.removed).toBe(`onload="fetch('/pwned/onload')"`);
    expect(found[1]!.params?.removed).toBe('<script>');
    expect(inSwedish(found[1]!)).toContain('De tas bort, och den rensade bilden publiceras');
  });
});
