// The editor changes a file the way the officer would by hand: only the lines of the fields that
// changed, everything else byte for byte (comments, key order, quoting, CRLF, a byte-order mark).
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../src/lib/editor/check-draft.ts';
import { bulletinFile, insideContent, OutsideContentError } from '../src/lib/editor/content-files.ts';
import { setBody, setField, setMap } from '../src/lib/editor/frontmatter-edit.ts';
import { editedFileText, valuesFromFile } from '../src/editor/bulletin-form.ts';
import { editedTranslationText, newTranslationText, originalTexts } from '../src/editor/translation-form.ts';
import { ROOT, tempDir } from './helpers/build.ts';
import { copyFixture } from './helpers/content-tree.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/officer/bulletins');
const commented = readFileSync(path.join(FIXTURE, '2021-12-16-it-angrepp.md'), 'utf8');
const windows = readFileSync(path.join(FIXTURE, '2021-12-17-hemtjanst.md'), 'utf8');

/** The lines of `after` that are not in `before` and the other way round. */
function diff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe('setField, setMap, setBody', () => {
  const cases: [string, (t: string) => string, { removed: string[]; added: string[] }][] = [
    [
      'a value is replaced in place; the comment after it stays',
      (t) => setField(t, ['title'], 'Nytt: rubrik'),
      { removed: ["title: 'Kommunen har drabbats av ett it-angrepp'   # enkla citattecken med flit"], added: ['title: "Nytt: rubrik"   # enkla citattecken med flit'] },
    ],
    [
      'one service changes: its comment stays; a new service is added under it',
      (t) => setMap(t, 'services', { ekonomi: 'manual', hemtjanst: 'down' }),
      { removed: ['  ekonomi: down      # betalningar stoppade'], added: ['  ekonomi: manual      # betalningar stoppade', '  hemtjanst: down'] },
    ],
    ['a new field goes after the field before it in the format', (t) => setField(t, ['sms'], 'Ring 0923-650 00.', ['summary']), { removed: [], added: ['sms: Ring 0923-650 00.'] }],
    ['a field set to nothing is removed with its line', (t) => setField(t, ['pinned'], null), { removed: ['pinned: true'], added: [] }],
    [
      'an update text in a block scalar is written anew, its comment line above kept',
      (t) => setField(t, ['updates', 0, 'text'], 'Fakturor kan inte betalas i dag.'),
      { removed: ['    text: >-', '      Fakturor kan inte', '      betalas i dag.'], added: ['    text: Fakturor kan inte betalas i dag.'] },
    ],
    ['text with several lines becomes a literal block', (t) => setField(t, ['summary'], 'Rad ett\nrad två'), { removed: ['summary: "Kommunens it-system är avstängda efter ett angrepp."'], added: ['summary: |-', '  Rad ett', '  rad två'] }],
    ['the same value changes nothing', (t) => setField(t, ['severity'], 'critical'), { removed: [], added: [] }],
  ];
  it.each(cases)('%s', (_, edit, want) => {
    const after = edit(commented);
    expect(diff(commented, after)).toEqual(want);
    // Everything else in the same order.
    const kept = commented.split('\n').filter((l) => !want.removed.includes(l));
    expect(after.split('\n').filter((l) => !want.added.includes(l))).toEqual(kept);
  });

  it('keeps a byte-order mark and CRLF line endings, and a one-line services map stays on one line', () => {
    const after = setMap(windows, 'services', { hemtjanst: 'down', ekonomi: 'operational' });
    expect(after).toBe(windows.replace('services: { hemtjanst: manual }', 'services: { hemtjanst: down, ekonomi: operational }'));
    expect(after.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(setBody(windows, 'Ny text.\nRad två.\n')).toBe(windows.replace('Besöken blir av som planerat.\r\n', 'Ny text.\r\nRad två.\r\n'));
  });
});

describe('the bulletin form', () => {
  it('saving the form unchanged leaves the file byte for byte', () => {
    for (const name of ['2021-12-16-it-angrepp.md', '2021-12-17-hemtjanst.md', '2021-12-18-bibliotek.md']) {
      const text = readFileSync(path.join(FIXTURE, name), 'utf8');
      expect(editedFileText(text, valuesFromFile(text)), name).toBe(text);
    }
  });

  it('unticking pinned writes false on its line; a local time stays as typed', () => {
    const v = { ...valuesFromFile(commented), pinned: false, nextUpdate: '2021-12-21T12:00' };
    const { removed, added } = diff(commented, editedFileText(commented, v));
    expect(removed).toEqual(['pinned: true', 'nextUpdate: 2021-12-20T12:00']);
    expect(added).toEqual(['pinned: false', 'nextUpdate: 2021-12-21T12:00']);
  });
});

describe('translations', () => {
  const original = originalTexts(commented);
  it('a new translation carries only what was translated, with the original update time as written', () => {
    const text = newTranslationText({ title: 'Cyber attack', summary: 'Systems are down.', imageAlt: '', sms: '', body: 'Text.\n', updates: ['Invoices cannot be paid today.'] }, original);
    expect(text).toBe('---\ntitle: Cyber attack\nsummary: Systems are down.\nupdates:\n  - at: 2021-12-17T10:00\n    text: Invoices cannot be paid today.\n---\nText.\n');
  });

  it('editing a translation changes its lines only, and adds an update text it lacked', () => {
    const existing = readFileSync(path.join(FIXTURE, '2021-12-16-it-angrepp.en.md'), 'utf8');
    const summary = "The municipality's IT systems are shut down after an attack.";
    const body = existing.slice(existing.indexOf('---\n## ') + 4);
    const edited = editedTranslationText(existing, { title: 'The municipality has been attacked', summary, imageAlt: '', sms: '', body, updates: ['Invoices cannot be paid today.'] }, original, 'Europe/Stockholm');
    expect(edited).toBe(
      existing
        .replace('title: The municipality has been hit by an IT attack', 'title: The municipality has been attacked')
        .replace('attack.\n---\n', 'attack.\nupdates:\n  - at: 2021-12-17T10:00\n    text: Invoices cannot be paid today.\n---\n'),
    );
  });
});

describe('content files', () => {
  it('names files from slugs and language codes only, and refuses anything outside content/', () => {
    expect(bulletinFile('2022-01-07-ekonomi', 'sv', 'sv')).toBe('bulletins/2022-01-07-ekonomi.md');
    expect(bulletinFile('2022-01-07-ekonomi', 'en', 'sv')).toBe('bulletins/2022-01-07-ekonomi.en.md');
    for (const [slug, lang] of [['../x', 'sv'], ['a/b', 'sv'], ['x', '../y'], ['X', 'sv'], ['', 'sv']]) {
      expect(() => bulletinFile(slug!, lang!, 'sv'), `${slug}.${lang}`).toThrow(OutsideContentError);
    }
    const content = copyFixture();
    const outside = path.join(tempDir(), 'elsewhere');
    mkdirSync(outside);
    symlinkSync(outside, path.join(content, 'bulletins/linked'));
    expect(() => insideContent(content, 'bulletins/linked/x.md')).toThrow(OutsideContentError);
    expect(() => insideContent(content, '../x.md')).toThrow(OutsideContentError);
    expect(insideContent(content, 'bulletins/x.md')).toBe(path.join(content, 'bulletins/x.md'));
  });

  it('checkDraft finds the problems check would, without touching content/', () => {
    const content = copyFixture();
    const file = 'bulletins/2021-12-17-hemtjanst.md';
    const before = readFileSync(path.join(content, file), 'utf8');
    const problems = checkDraft(content, file, before.replace('published: 2021-12-17T08:00', 'published: 17 december'), new Date('2022-01-01T00:00:00Z'));
    expect(problems.filter((p) => p.file === file && p.level === 'error').map((p) => [p.code, p.field])).toEqual([['date.format', 'published']]);
    expect(readFileSync(path.join(content, file), 'utf8')).toBe(before);
  });
});

describe('the editor in English', () => {
  it('--lang en (or an English main language) gives English forms, status words and messages', async () => {
    const { startEditor } = await import('../src/editor/server.ts');
    const editor = await startEditor({ root: ROOT, contentDir: copyFixture(), lang: 'en', port: 0 });
    try {
      const start = await fetch(editor.url, { redirect: 'manual' });
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      const list = await (await fetch(editor.url.replace(/\?token=.*$/, ''), { headers: { Cookie: cookie } })).text();
      expect(list).toContain('<html lang="en">');
      expect(list).toContain('<h1>Bulletins</h1>');
      expect(list).toContain('Backup routines');
      expect(list).toContain('Translate into English');
      const form = await (await fetch(editor.url.replace(/\?token=.*$/, 'new'), { headers: { Cookie: cookie } })).text();
      expect(form).toContain('Create the bulletin');
      expect(form).toContain('## Vad har hänt?'); // the body template is in the site's language
    } finally {
      await editor.close();
    }
  });
});
