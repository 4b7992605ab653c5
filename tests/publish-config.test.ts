// content/publish.yaml: read and checked like every other content file (npm run check names the
// file, the field and the line, in Swedish or English), its JSON Schema agrees, and the mirror
// list the authenticity page shows comes from it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mirrorList } from '../src/lib/site/authenticity.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import { messageFor } from '../src/lib/content/messages.ts';
import { readPublish } from '../src/lib/content/read-publish.ts';
import type { Site } from '../src/lib/model/types.ts';
import { ROOT, runScript, tempDir } from './helpers/build.ts';

const LANGS = ['sv', 'en'];
const SITE_URL = 'https://kalix-info.example.org/';

describe('readPublish', () => {
  it('reads every kind of target, with addresses made canonical', () => {
    const { targets, problems } = readPublish(
      `- name: huvud
  url: https://kalix-info.example.org
  title: { sv: Huvudadressen, en: The main address }
  rclone: huvud:/var/www/krisinfo
- name: github
  url: https://kalix-info.github.io/#x
  git: git@github.com:kalix/kalix-info.github.io.git gh-pages
- name: usb
  folder: /media/usb/krisinfo
`,
      LANGS,
      SITE_URL,
    );
    expect(problems).toEqual([]);
    expect(targets).toEqual([
      { name: 'huvud', url: 'https://kalix-info.example.org/', title: { sv: 'Huvudadressen', en: 'The main address' }, destination: { kind: 'rclone', remote: 'huvud:/var/www/krisinfo' } },
      { name: 'github', url: 'https://kalix-info.github.io/', title: undefined, destination: { kind: 'git', repo: 'git@github.com:kalix/kalix-info.github.io.git', branch: 'gh-pages' } },
      { name: 'usb', url: undefined, title: undefined, destination: { kind: 'folder', path: '/media/usb/krisinfo' } },
    ]);
  });

  it('an empty file has no targets and no problems', () => {
    expect(readPublish('# inga mål än\n', LANGS, SITE_URL)).toEqual({ targets: [], problems: [] });
  });

  const cases: { what: string; yaml: string; code: string; field?: string; line: number; level?: string }[] = [
    { what: 'no kind of target', yaml: '- name: a\n  url: https://a.example/\n', code: 'publish.kind', line: 1 },
    { what: 'two kinds', yaml: '- name: a\n  url: https://a.example/\n  folder: /x\n  rclone: r:/x\n', code: 'publish.kind', field: '[0].rclone', line: 4 },
    { what: 'rclone without an address', yaml: '- name: a\n  rclone: r:/x\n', code: 'field.required', field: '[0].url', line: 1 },
    { what: 'an address that is not one', yaml: '- name: a\n  url: kalix.example\n  folder: /x\n', code: 'url.invalid', field: '[0].url', line: 2 },
    { what: 'a token in the address readers are shown', yaml: '- name: a\n  url: https://deploy:token@a.example/\n  folder: /x\n', code: 'url.credentials', field: '[0].url', line: 2 },
    { what: 'another path than site.yaml url', yaml: '- name: a\n  url: https://a.github.io/kalix/\n  folder: /x\n', code: 'publish.url-path', field: '[0].url', line: 2 },
    { what: 'an rclone target that is not REMOTE:PATH', yaml: '- name: a\n  url: https://a.example/\n  rclone: /var/www\n', code: 'publish.rclone-format', field: '[0].rclone', line: 3 },
    { what: 'a password in an on-the-fly rclone remote', yaml: '- name: a\n  url: https://a.example/\n  rclone: ":sftp,host=h,pass=hemligt:/x"\n', code: 'publish.credentials', field: '[0].rclone', line: 3 },
    { what: 'options in a named rclone remote', yaml: '- name: a\n  url: https://a.example/\n  rclone: "r,pass=hemligt:/x"\n', code: 'publish.credentials', field: '[0].rclone', line: 3 },
    { what: 'a token in a git address', yaml: '- name: a\n  url: https://a.example/\n  git: https://ghp_abc@github.com/k/s.git main\n', code: 'publish.credentials', field: '[0].git', line: 3 },
    { what: 'git without a branch', yaml: '- name: a\n  url: https://a.example/\n  git: git@github.com:k/s.git\n', code: 'publish.git-format', field: '[0].git', line: 3 },
    { what: 'two targets with one name', yaml: '- name: a\n  folder: /x\n- name: a\n  folder: /y\n', code: 'publish.duplicate', field: '[1].name', line: 3 },
    { what: 'a misspelt field', yaml: '- name: a\n  folder: /x\n  tilte: X\n', code: 'field.unknown-near', field: '[0].tilte', line: 3, level: 'warning' },
    { what: 'not a list', yaml: 'name: a\nfolder: /x\n', code: 'yaml.not-list', line: 1 },
  ];

  it.each(cases)('$what: $code at line $line', (c) => {
    const { targets, problems } = readPublish(c.yaml, LANGS, SITE_URL);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: c.level ?? 'error', file: 'publish.yaml', code: c.code, line: c.line, ...(c.field && { field: c.field }) });
    // A target with an error is left out (the first of two with one name stays); a warning leaves it in.
    expect(targets).toHaveLength(c.level === 'warning' || c.code === 'publish.duplicate' ? 1 : 0);
  });

  it('never repeats a password back in its message', () => {
    const { problems } = readPublish('- name: a\n  url: https://a.example/\n  rclone: ":sftp,pass=hemligt:/x"\n', LANGS, SITE_URL);
    for (const lang of ['sv', 'en'] as const) {
      const m = messageFor(problems[0]!, lang);
      expect(`${m.text} ${m.fix}`).not.toContain('hemligt');
    }
  });
});

describe('npm run check reads publish.yaml', () => {
  it('reports its problems with the file, field and line, in Swedish and in English', async () => {
    const content = path.join(tempDir(), 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
    writeFileSync(path.join(content, 'publish.yaml'), '- name: reserv\n  url: https://reserv.example.net/kalix/\n  rclone: reserv:/var/www\n');
    const sv = await runScript('check.ts', ['--content', content]);
    expect(sv.code).toBe(1);
    expect(sv.stdout).toContain('content/publish.yaml');
    expect(sv.stdout).toContain('FEL rad 2, fältet "[0].url": Adressen https://reserv.example.net/kalix/ visar webbplatsen under /kalix/, men den byggs för / (url i site.yaml).');
    const en = await runScript('check.ts', ['--content', content, '--lang', 'en']);
    expect(en.stdout).toContain('ERROR line 2, field "[0].url": The address https://reserv.example.net/kalix/ serves the site under /kalix/');
    // The build refuses it too: nothing is built for addresses that would break every link.
    expect(loadContent(content).problems.some((p) => p.file === 'publish.yaml' && p.level === 'error')).toBe(true);
  });
});

describe('schemas/publish.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const schema = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/publish.schema.json'), 'utf8')));

  it('accepts the sample content/publish.yaml', () => {
    expect(schema(parse(readFileSync(path.join(ROOT, 'content/publish.yaml'), 'utf8'))), JSON.stringify(schema.errors)).toBe(true);
  });

  it('rejects what check rejects', () => {
    for (const bad of [
      [{ name: 'a', url: 'https://a.example/' }],
      [{ name: 'a', folder: '/x', rclone: 'r:/x', url: 'https://a.example/' }],
      [{ name: 'a', rclone: 'r:/x' }],
      [{ name: 'a', url: 'https://a.example/', rclone: '/var/www' }],
      [{ name: 'a', url: 'https://a.example/', git: 'git@github.com:k/s.git' }],
      [{ name: 'a', folder: '/x', tilte: 'X' }],
    ]) expect(schema(bad), JSON.stringify(bad)).toBe(false);
  });

  it('describes every property in English and Swedish', () => {
    const text = readFileSync(path.join(ROOT, 'schemas/publish.schema.json'), 'utf8');
    const descriptions = [...text.matchAll(/"description": "([^"]*)"/g)].map((m) => m[1]!);
    expect(descriptions.length).toBeGreaterThan(3);
    for (const d of descriptions) expect(d).toMatch(/ \/ /);
  });
});

describe('mirrorList', () => {
  const site = { url: SITE_URL } as Site;
  const target = (name: string, url?: string, title?: string) => ({ name, url, title, destination: { kind: 'folder' as const, path: '/x' } });

  it("the site's own address first, then every other address once", () => {
    const list = mirrorList(site, [target('b', 'https://b.example/', 'B'), target('main', SITE_URL, 'Huvud'), target('usb'), target('c', 'https://b.example/')]);
    expect(list).toEqual([
      { url: SITE_URL, title: 'Huvud' },
      { url: 'https://b.example/', title: 'B' },
    ]);
  });

  it('nothing when there is no other address', () => {
    expect(mirrorList(site, [target('main', SITE_URL), target('usb')])).toEqual([]);
  });
});
