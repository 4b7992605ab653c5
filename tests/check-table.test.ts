// `npm run check` over malformed content: every case must give a message that names the file, the
// field and (where the YAML has one) the line, and checking must never change anything in content/.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/load-content.ts';
import { formatReport, type Problem } from '../src/lib/content/problems.ts';
import { findWarnings } from '../src/lib/site/warnings.ts';
import { fileLocator } from '../src/lib/cli/locate.ts';
import { runScript } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const NOW = new Date('2022-06-01T12:00:00Z');
const IT = 'bulletins/2021-12-16-it-angrepp.md';
const IT_EN = 'bulletins/2021-12-16-it-angrepp.en.md';
const LIB = 'bulletins/2021-12-18-bibliotek.md';

function edit(dir: string, file: string, f: (s: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, f(readFileSync(p, 'utf8')));
}
const replaceLine = (file: string, re: RegExp, line: string) => (dir: string) => edit(dir, file, (s) => s.replace(re, line));
const insertAfterTitle = (file: string, line: string) => (dir: string) => edit(dir, file, (s) => s.replace(/^(title: .*)$/m, `$1\n${line}`));

interface Case {
  name: string;
  break: (dir: string) => void;
  expect: { code: string; file: string; field?: string; line?: number; level?: 'error' | 'warning' };
}

const cases: Case[] = [
  { name: 'missing required field', break: replaceLine(LIB, /^summary: .*\n/m, ''), expect: { code: 'field.required', file: LIB, field: 'summary', line: 2 } },
  { name: 'empty required field (an emptied form field)', break: replaceLine(LIB, /^summary: .*$/m, 'summary: ""'), expect: { code: 'field.required-empty', file: LIB, field: 'summary', line: 4 } },
  { name: 'blank title', break: replaceLine(LIB, /^title: .*$/m, 'title: "  "'), expect: { code: 'field.required-empty', file: LIB, field: 'title', line: 2 } },
  { name: 'unparsable date', break: replaceLine(LIB, /^published: .*$/m, 'published: igår klockan tio'), expect: { code: 'date.format', file: LIB, field: 'published', line: 3 } },
  { name: '32 december', break: replaceLine(LIB, /^published: .*$/m, 'published: 2021-12-32'), expect: { code: 'date.range', file: LIB, field: 'published', line: 3 } },
  { name: 'hour 25', break: replaceLine(LIB, /^published: .*$/m, 'published: 2021-12-18T25:00'), expect: { code: 'date.range', file: LIB, field: 'published', line: 3 } },
  { name: 'unknown severity', break: insertAfterTitle(LIB, 'severity: huge'), expect: { code: 'value.unknown', file: LIB, field: 'severity', line: 3 } },
  { name: 'unknown status', break: replaceLine(IT, /ekonomi: down/, 'ekonomi: broken'), expect: { code: 'value.unknown', file: IT, field: 'services.ekonomi', line: 9 } },
  { name: 'unknown service id', break: replaceLine(IT, /ekonomi: down/, 'ekonmi: down'), expect: { code: 'service.unknown', file: IT, field: 'services.ekonmi', line: 9 } },
  { name: 'lead image without alt', break: insertAfterTitle(LIB, 'image: images/karta.png'), expect: { code: 'image.alt-missing', file: LIB, field: 'imageAlt' } },
  { name: 'body image without alt', break: (d) => appendFileSync(path.join(d, LIB), '\n![](images/karta.png)\n'), expect: { code: 'image.alt-missing', file: LIB, field: 'body', line: 8 } },
  { name: 'missing image file', break: insertAfterTitle(LIB, 'image: images/finns-inte.jpg\nimageAlt: En karta'), expect: { code: 'image.missing-file', file: LIB, field: 'image', line: 3 } },
  { name: 'invalid YAML (a quote never closed)', break: replaceLine(LIB, /^title: .*$/m, 'title: "Biblioteket har öppet'), expect: { code: 'yaml.quote-unclosed', file: LIB, field: 'title', line: 2 } },
  { name: 'tab in YAML', break: replaceLine(IT, /^ {2}ekonomi: down/m, '\tekonomi: down'), expect: { code: 'yaml.tab', file: IT, line: 9 } },
  {
    name: 'Windows-1252 file',
    break: (d) => writeFileSync(path.join(d, LIB), Buffer.from('---\ntitle: Biblioteket\npublished: 2021-12-18\nsummary: L\xe5n registreras f\xf6r hand.\n---\nText\n', 'latin1')),
    expect: { code: 'file.not-utf8', file: LIB, line: 4 },
  },
  { name: 'UTF-16 file (not UTF-8)', break: (d) => writeFileSync(path.join(d, LIB), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: x\n---\n', 'utf16le')])), expect: { code: 'file.not-utf8', file: LIB } },
  { name: '5 MB file', break: (d) => writeFileSync(path.join(d, LIB), readFileSync(path.join(d, LIB), 'utf8') + 'x'.repeat(5 * 1024 * 1024)), expect: { code: 'file.too-large', file: LIB } },
  { name: 'field of the wrong type', break: insertAfterTitle(LIB, 'pinned: "ja"'), expect: { code: 'field.type', file: LIB, field: 'pinned', line: 3 } },
  { name: 'title is a list', break: replaceLine(LIB, /^title: .*$/m, 'title: [Biblioteket, öppet]'), expect: { code: 'field.type', file: LIB, field: 'title', line: 2 } },
  { name: 'summary over 300 characters', break: replaceLine(LIB, /^summary: .*$/m, `summary: ${'Lång text. '.repeat(30)}`), expect: { code: 'text.too-long', file: LIB, field: 'summary', line: 4 } },
  { name: 'sms over 160 characters', break: insertAfterTitle(LIB, `sms: ${'a'.repeat(161)}`), expect: { code: 'text.too-long', file: LIB, field: 'sms', line: 3 } },
  { name: 'language suffix not in site.yaml', break: (d) => writeFileSync(path.join(d, 'bulletins/2021-12-18-bibliotek.de.md'), '---\ntitle: Bibliothek\nsummary: Offen.\n---\n'), expect: { code: 'lang.unknown-suffix', file: 'bulletins/2021-12-18-bibliotek.de.md' } },
  { name: 'updated before published', break: insertAfterTitle(LIB, 'updated: 2021-12-01T10:00'), expect: { code: 'date.updated-before-published', file: LIB, field: 'updated', line: 3 } },
  {
    name: 'same slug and language twice (x.md and x.sv.md)',
    break: (d) => writeFileSync(path.join(d, 'bulletins/2021-12-18-bibliotek.sv.md'), readFileSync(path.join(d, LIB))),
    expect: { code: 'slug.duplicate', file: 'bulletins/2021-12-18-bibliotek.sv.md' },
  },
  { name: 'empty file', break: (d) => writeFileSync(path.join(d, LIB), ''), expect: { code: 'file.empty', file: LIB } },
  { name: 'update without at', break: replaceLine(IT, /- at: 2021-12-17T10:00\n {4}text:/, '- text:'), expect: { code: 'field.required', file: IT, field: 'updates[0].at', line: 12 } },
  { name: 'site.yaml without url', break: replaceLine('site.yaml', /^url: .*\n/m, ''), expect: { code: 'field.required', file: 'site.yaml', field: 'url' } },
  { name: 'translation changes published', break: insertAfterTitle(IT_EN, 'published: 2021-12-16T10:00'), expect: { code: 'translation.published', file: IT_EN, field: 'published', line: 3 } },
  { name: 'no frontmatter', break: (d) => writeFileSync(path.join(d, LIB), 'title: Biblioteket\n'), expect: { code: 'frontmatter.missing', file: LIB, line: 1 } },
  { name: 'unclosed frontmatter', break: replaceLine(LIB, /^---\nTa med/m, 'Ta med'), expect: { code: 'frontmatter.unclosed', file: LIB, line: 1 } },
  { name: 'phone number without quotes', break: replaceLine('site.yaml', /phone: "\+46 923 650 00"/, 'phone: 092365000'), expect: { code: 'field.phone-number', file: 'site.yaml', field: 'contacts[0].phone', line: 11 } },
  { name: 'misspelt field', break: insertAfterTitle(LIB, 'sumary: x'), expect: { code: 'field.unknown-near', file: LIB, field: 'sumary', line: 3, level: 'warning' } },
  { name: 'unknown time zone', break: replaceLine('site.yaml', /^timezone: .*$/m, 'timezone: Europe/Kalix'), expect: { code: 'timezone.invalid', file: 'site.yaml', field: 'timezone', line: 7 } },
  { name: 'services.yaml is not a list', break: (d) => writeFileSync(path.join(d, 'services.yaml'), 'ekonomi: down\n'), expect: { code: 'yaml.not-list', file: 'services.yaml', line: 1 } },
  { name: 'missing site.yaml', break: (d) => rmSync(path.join(d, 'site.yaml')), expect: { code: 'file.missing', file: 'site.yaml' } },
  { name: 'two updates at the same time', break: replaceLine(IT, /^nextUpdate:/m, '  - at: 2021-12-17T10:00\n    text: Igen.\nnextUpdate:'), expect: { code: 'update.duplicate-at', file: IT, field: 'updates[1].at', line: 16 } },
];

function problemsOf(dir: string): Problem[] {
  const content = loadContent(dir);
  return [...content.problems, ...findWarnings(content, NOW, fileLocator(dir))];
}

describe('check names the file, the field and the line of every malformed input', () => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it('the unbroken fixture has no errors', () => {
    expect(problemsOf(copyFixture()).filter((p) => p.level === 'error')).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, () => {
      const dir = copyFixture();
      c.break(dir);
      const before = hashTree(dir);
      const problems = problemsOf(dir);
      expect(hashTree(dir), 'check changed content/').toEqual(before);

      const match = problems.find((p) => p.code === c.expect.code && p.file === c.expect.file);
      expect(match, `no ${c.expect.code} for ${c.expect.file} in ${JSON.stringify(problems)}`).toBeDefined();
      expect(match!.level).toBe(c.expect.level ?? 'error');
      if (c.expect.field) expect(match!.field).toBe(c.expect.field);
      if (c.expect.line) expect(match!.line).toBe(c.expect.line);
      // The officer reads the report: it names the file, the field and the line, in plain words.
      const report = formatReport([match!], 'sv', 'content');
      expect(report).toContain(`content/${c.expect.file}`);
      if (c.expect.field) expect(report).toContain(`fältet "${c.expect.field}"`);
      if (c.expect.line) expect(report).toContain(`rad ${c.expect.line}`);
      expect(report).not.toMatch(/\{\w+\}/);
      for (const p of problems) expect(p.file.length).toBeGreaterThan(0);
    });
  }
});

describe('one mistake, one error', () => {
  it('a field missing from an original is reported on the original only, not again on each translation that takes it from there', () => {
    const dir = copyFixture();
    edit(dir, IT, (s) => s.replace(/^published: .*\n/m, ''));
    const missing = problemsOf(dir).filter((p) => p.code === 'field.required' && p.field === 'published');
    expect(missing.map((p) => p.file)).toEqual([IT]);
  });
});

describe('warnings', () => {
  const warningsFor = (dir: string) => problemsOf(dir).filter((p) => p.level === 'warning');

  it('the fixture warns about the pinned bulletin whose next update has passed, and the missing Finnish translation', () => {
    const w = warningsFor(copyFixture());
    expect(w.find((p) => p.code === 'warn.pinned-stale')).toMatchObject({ file: IT, field: 'nextUpdate', line: 16 });
    expect(w.find((p) => p.code === 'warn.critical-untranslated')).toMatchObject({ file: IT, params: { value: 'fi' } });
    expect(w.some((p) => p.code === 'warn.critical-no-action')).toBe(false);
  });

  it('a critical bulletin without "Vad ska jag göra?" is warned about, in each language version', () => {
    const dir = copyFixture();
    edit(dir, IT, (s) => s.replace('## Vad ska jag göra?', '## Mer information'));
    edit(dir, IT_EN, (s) => s.replace('## What should I do?', '## More'));
    const w = warningsFor(dir).filter((p) => p.code === 'warn.critical-no-action');
    expect(w.map((p) => p.file).sort()).toEqual([IT_EN, IT]);
  });

  it('a Finnish "Mitä minun pitää tehdä?" heading counts', () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'bulletins/2021-12-16-it-angrepp.fi.md'), '---\ntitle: Kyberhyökkäys\nsummary: Järjestelmät on suljettu.\n---\n## Mitä minun pitää tehdä?\n\nSoita vaihteeseen.\n');
    const w = warningsFor(dir);
    expect(w.filter((p) => p.code === 'warn.critical-no-action')).toEqual([]);
    expect(w.filter((p) => p.code === 'warn.critical-untranslated')).toEqual([]);
  });

  it('a nextUpdate in the past (not pinned) is warned about with its line', () => {
    const dir = copyFixture();
    edit(dir, LIB, (s) => s.replace(/^summary: .*$/m, '$&\nnextUpdate: 2022-01-01T12:00'));
    expect(warningsFor(dir).find((p) => p.code === 'warn.next-update-past')).toMatchObject({ file: LIB, field: 'nextUpdate', line: 5 });
  });

  it('a staff bulletin with a login link or a request for a password is warned about, a public one is not', () => {
    const dir = copyFixture();
    writeFileSync(
      path.join(dir, 'bulletins/2021-12-19-personal.md'),
      '---\ntitle: Nytt system\npublished: 2021-12-19T08:00\nsummary: Till alla anställda.\naudience: [staff]\n---\nGå till\nhttps://kalix.example.org/adfs/login?x=1 och byt.\n',
    );
    writeFileSync(path.join(dir, 'bulletins/2021-12-19-allman.md'), '---\ntitle: Logga in\npublished: 2021-12-19T08:00\nsummary: Logga in med ditt lösenord.\n---\nText\n');
    const w = warningsFor(dir).filter((p) => p.code === 'warn.staff-phishing');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: 'bulletins/2021-12-19-personal.md', field: 'body', line: 8, params: { value: 'https://kalix.example.org/adfs/login?x=1' } });
  });

  it('drafts and scheduled bulletins get no "next update passed" warning', () => {
    const dir = copyFixture();
    edit(dir, IT, (s) => s.replace('pinned: true', 'pinned: true\ndraft: true'));
    expect(warningsFor(dir).some((p) => p.code === 'warn.pinned-stale' || p.code === 'warn.critical-untranslated')).toBe(false);
  });
});

describe('npm run check (the command)', () => {
  it('exits 1 on errors, prints every problem grouped by file in Swedish, and changes nothing', async () => {
    const dir = copyFixture();
    replaceLine(LIB, /^published: .*$/m, 'published: 2021-12-32')(dir);
    replaceLine(IT, /ekonomi: down/, 'ekonmi: down')(dir);
    const before = hashTree(dir);
    const r = await runScript('check.ts', ['--content', dir, '--now', NOW.toISOString()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bulletins\/2021-12-16-it-angrepp\.md\n {2}.*\n/);
    expect(r.stdout).toContain('FEL rad 3, fältet "published": "2021-12-32" är inget riktigt datum');
    expect(r.stdout).toContain('FEL rad 9, fältet "services.ekonmi": Tjänsten "ekonmi" finns inte i services.yaml.');
    expect(r.stdout).toMatch(/2 fel, \d+ varningar?\./);
    expect(hashTree(dir)).toEqual(before);
  });

  it('exits 0 on warnings alone, 1 with --strict; --json and --lang en', async () => {
    const dir = copyFixture();
    const plain = await runScript('check.ts', ['--content', dir, '--now', NOW.toISOString()]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('VARNING rad 16, fältet "nextUpdate"');
    const strict = await runScript('check.ts', ['--content', dir, '--now', NOW.toISOString(), '--strict', '--json', '--lang', 'en']);
    expect(strict.code).toBe(1);
    const json = JSON.parse(strict.stdout) as { ok: boolean; errors: number; warnings: number; problems: { code: string; text: string }[] };
    expect(json).toMatchObject({ ok: false, errors: 0, warnings: 2 });
    expect(json.problems.find((p) => p.code === 'warn.pinned-stale')!.text).toMatch(/^The bulletin is pinned/);
  });

  it('speaks English when the site is not Swedish, and refuses unknown options with exit 2', async () => {
    const dir = copyFixture();
    replaceLine('site.yaml', /^languages: .*$/m, 'languages: [en, sv]')(dir);
    mkdirSync(path.join(dir, 'pages'), { recursive: true });
    const r = await runScript('check.ts', ['--content', dir, '--now', NOW.toISOString()]);
    expect(r.stdout).toMatch(/WARNING|ERROR/);
    expect(r.stdout).not.toContain('VARNING');
    const bad = await runScript('check.ts', ['--content', dir, '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--bogus');
  });
});
