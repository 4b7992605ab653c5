// The officer's workflow as a user drives it: new, update and translate with flags (no terminal to
// ask on) on a copy of a fixture, then check and a real build. Nothing may be overwritten or
// deleted, and `update` may only insert lines: everything else stays byte for byte.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendUpdate } from '../src/lib/cli/append-update.ts';
import { slugify, uniqueBulletinFile } from '../src/lib/cli/file-name.ts';
import { buildSite, runScript, type BuildResult } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const IT = 'bulletins/2021-12-16-it-angrepp.md';
const HEMTJANST = 'bulletins/2021-12-17-hemtjanst.md';
const NEW = 'bulletins/2022-06-01-vattnet-ar-tjanligt-igen.md';
const NEW2 = 'bulletins/2022-06-01-vattnet-ar-tjanligt-igen-2.md';
const LIB_EN = 'bulletins/2021-12-18-bibliotek.en.md';
// 10:00 UTC is 12:00 in Stockholm in June.
const NOW = '2022-06-01T10:00:00Z';

/** `after` is `before` with one block of lines inserted (and nothing else changed). */
function insertedBlock(before: string, after: string): string[] {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  expect(endA, 'lines of the original were changed or removed').toBe(start);
  return b.slice(start, endB);
}

describe('file names', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Vattnet är tjänligt igen: koka inte längre!')).toBe('vattnet-ar-tjanligt-igen-koka-inte-langre');
    expect(slugify('Café Åkerö – Öppet')).toBe('cafe-akero-oppet');
    expect(slugify('Mitä äänestää?')).toBe('mita-aanestaa');
  });
  it('never picks a name in use, in any language', () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'bulletins/2022-01-01-x.en.md'), '');
    expect(path.basename(uniqueBulletinFile(path.join(dir, 'bulletins'), '2022-01-01-x'))).toBe('2022-01-01-x-2.md');
    expect(path.basename(uniqueBulletinFile(path.join(dir, 'bulletins'), '2021-12-18-bibliotek'))).toBe('2021-12-18-bibliotek-2.md');
  });
});

describe('appendUpdate keeps everything but the inserted lines byte for byte', () => {
  const entry = { at: '2022-01-08T10:00', text: 'Alla fakturor: betalda.', services: { ekonomi: 'operational' as const } };
  it('in a block list with comments, folded text and odd indentation', () => {
    const before = '---\n# c\ntitle: \'a\'  # c\nupdates:\n    # c\n    -   at: 2021-12-17T10:00\n        text: >-\n          x\n          y\n\n# after\nsummary: "s"\n---\nbody\n';
    const block = insertedBlock(before, appendUpdate(before, entry));
    expect(block).toEqual(['    - at: 2022-01-08T10:00\n', '      text: "Alla fakturor: betalda."\n', '      services: { ekonomi: operational }\n']);
  });
  it('in a CRLF file with a byte-order mark and no updates yet', () => {
    const before = '\uFEFF---\r\ntitle: a\r\npublished: 2021-12-16\r\n---\r\nbody';
    const after = appendUpdate(before, { ...entry, text: 'rad ett\nrad två', services: {} });
    expect(after.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(insertedBlock(before, after)).toEqual(['updates:\r\n', '  - at: 2022-01-08T10:00\r\n', '    text: |-\r\n', '      rad ett\r\n', '      rad två\r\n']);
  });
  it('refuses a one-line list rather than rewrite it', () => {
    expect(() => appendUpdate('---\nupdates: [{at: 2021-12-17, text: x}]\n---\n', entry)).toThrow('cli.updates-flow');
  });
});

describe('new, update, translate, check and build, as the officer runs them', () => {
  let dir: string;
  let before: Record<string, string>;
  const results: Record<string, { code: number; stdout: string; stderr: string }> = {};
  let itBefore: string;
  let hemBefore: Buffer;
  let build: BuildResult;
  let newAsCreated = '';
  const run = (script: string, args: string[]) => runScript(script, [...args, '--content', dir, '--now', NOW]);

  beforeAll(async () => {
    dir = copyFixture();
    before = hashTree(dir);
    itBefore = readFileSync(path.join(dir, IT), 'utf8');
    hemBefore = readFileSync(path.join(dir, HEMTJANST));
    const newArgs = ['--title', 'Vattnet är tjänligt igen', '--summary', 'Kranvattnet går att dricka: du behöver inte koka det.', '--severity', 'warning', '--service', 'ekonomi=degraded', '--next-update', '2022-06-03T12:00'];
    results.new1 = await run('new.ts', newArgs);
    results.new2 = await run('new.ts', newArgs);
    results.newMissing = await run('new.ts', ['--title', 'Utan sammanfattning']);
    results.newBadService = await run('new.ts', ['--title', 'X', '--summary', 'Y', '--service', 'vatten=down']);
    results.update = await run('update.ts', ['2021-12-16-it-angrepp', '--text', 'Fakturor kan betalas igen.', '--service', 'ekonomi=operational', '--at', '2022-01-08T10:00']);
    results.updateCrlf = await run('update.ts', [path.join(dir, HEMTJANST), '--text', 'Journalerna är digitala igen.', '--service', 'hemtjanst=operational', '--at', '2022-01-10T09:00', '--touch-updated']);
    results.updateBad = await run('update.ts', ['2021-12-16-it-angrepp', '--text', 'x', '--service', 'ekonomi=broken', '--service', 'vatten=down']);
    results.updateTranslation = await run('update.ts', ['2021-12-16-it-angrepp.en.md', '--text', 'x']);
    results.translate = await run('translate.ts', ['2021-12-18-bibliotek', '--to', 'en']);
    results.translateAgain = await run('translate.ts', ['2021-12-18-bibliotek', '--to', 'en']);
    results.translateUnknown = await run('translate.ts', ['2021-12-18-bibliotek', '--to', 'de']);
    results.translateExisting = await run('translate.ts', ['2021-12-16-it-angrepp', '--to', 'en']);
    // The officer translates the pre-filled texts.
    const stub = path.join(dir, LIB_EN);
    if (existsSync(stub)) {
      writeFileSync(
        stub,
        readFileSync(stub, 'utf8')
          .replace(/^title: .*$/m, 'title: The library is open')
          .replace(/^summary: .*$/m, 'summary: The library is open as usual, but loans are registered by hand.')
          .replace('Ta med lånekortet.', 'Bring your library card.'),
      );
    }
    // ... answers the template's questions in the new bulletin and removes draft: true.
    const created = path.join(dir, NEW);
    if (existsSync(created)) {
      newAsCreated = readFileSync(created, 'utf8');
      writeFileSync(created, readFileSync(created, 'utf8').replace('draft: true\n', '').replace(/^_.*_$/gm, 'Svar på frågan.'));
    }
    results.check = await runScript('check.ts', ['--content', dir, '--now', '2022-06-01T12:00:00Z']);
    build = await buildSite({ content: dir, now: '2022-06-01T12:00:00Z' });
  });

  it('new creates the bulletin with local time, template and what to do next', () => {
    expect(results.new1!.code).toBe(0);
    expect(results.new1!.stdout).toContain('2022-06-01-vattnet-ar-tjanligt-igen.md');
    expect(results.new1!.stdout).toContain('npm run check');
    const text = newAsCreated;
    expect(text).toContain('published: 2022-06-01T12:00\n');
    expect(text).toContain('summary: "Kranvattnet går att dricka: du behöver inte koka det."\n');
    expect(text).toContain('services:\n  ekonomi: degraded\n');
    expect(text).toContain('nextUpdate: 2022-06-03T12:00\n');
    // A draft until the officer has answered the questions: the output says how to publish it.
    expect(text).toContain('draft: true\n');
    expect(results.new1!.stdout).toContain('Ta bort raden draft: true');
    for (const q of ['Vad har hänt?', 'Vad betyder det för mig?', 'Vad gör kommunen?', 'Vad ska jag göra?', 'Vart vänder jag mig?']) expect(text).toContain(`## ${q}\n`);
  });

  it('new with the same title makes a second file instead of overwriting the first', () => {
    expect(results.new2!.code).toBe(0);
    expect(existsSync(path.join(dir, NEW2))).toBe(true);
  });

  it('new without an answer and no terminal exits 2 and writes nothing', () => {
    expect(results.newMissing!.code).toBe(2);
    expect(results.newMissing!.stderr).toContain('--summary');
    expect(results.newBadService!.code).toBe(2);
    expect(results.newBadService!.stderr).toContain('Tjänsten "vatten" finns inte i services.yaml');
  });

  it('update inserts the entry and leaves every other byte of the file as it was', () => {
    expect(results.update!.code).toBe(0);
    const block = insertedBlock(itBefore, readFileSync(path.join(dir, IT), 'utf8'));
    expect(block).toEqual(['  - at: 2022-01-08T10:00\n', '    text: Fakturor kan betalas igen.\n', '    services: { ekonomi: operational }\n']);
  });

  it('update keeps CRLF and the byte-order mark, and sets updated only when asked', () => {
    expect(results.updateCrlf!.code).toBe(0);
    const after = readFileSync(path.join(dir, HEMTJANST));
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = after.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const removed = text.replace('updated: 2022-01-10T09:00\r\n', '').replace('updates:\r\n  - at: 2022-01-10T09:00\r\n    text: Journalerna är digitala igen.\r\n    services: { hemtjanst: operational }\r\n', '');
    expect(Buffer.from(removed)).toEqual(hemBefore);
    expect(readFileSync(path.join(dir, IT), 'utf8')).not.toContain('updated:');
  });

  it('update refuses unknown services and statuses, and translations, with the normal messages', () => {
    expect(results.updateBad!.code).toBe(2);
    expect(results.updateBad!.stderr).toContain('"broken" är inget tillåtet värde');
    expect(results.updateBad!.stderr).toContain('Tjänsten "vatten" finns inte i services.yaml');
    expect(results.updateTranslation!.code).toBe(2);
    expect(results.updateTranslation!.stderr).toContain('bulletins/2021-12-16-it-angrepp.md');
  });

  it('translate starts the translation with the texts and a comment, and refuses what it must', () => {
    expect(results.translate!.code).toBe(0);
    expect(results.translateAgain!.code).toBe(2);
    expect(results.translateAgain!.stderr).toContain('finns redan');
    expect(results.translateUnknown!.code).toBe(2);
    expect(results.translateUnknown!.stderr).toContain('".de"');
    expect(results.translateExisting!.code).toBe(2);
  });

  it('no command overwrote or deleted a file it should not have', () => {
    const after = hashTree(dir);
    const changed = Object.keys(before).filter((f) => after[f] !== before[f]);
    expect(changed.sort()).toEqual([IT, HEMTJANST].sort());
    expect(Object.keys(after).filter((f) => !(f in before)).sort()).toEqual([LIB_EN, NEW, NEW2].sort());
  });

  it('check passes afterwards', () => {
    expect(results.check!.code, results.check!.stdout).toBe(0);
  });

  it('the build publishes the new bulletin, the update and the translation', () => {
    expect(build.code, build.stderr).toBe(0);
    const page = (p: string) => readFileSync(path.join(build.out, p), 'utf8');
    expect(page('bulletiner/2022-06-01-vattnet-ar-tjanligt-igen/index.html')).toContain('Vattnet är tjänligt igen');
    expect(page('bulletiner/2021-12-16-it-angrepp/index.html')).toContain('Fakturor kan betalas igen.');
    const en = page('en/bulletiner/2021-12-18-bibliotek/index.html');
    expect(en).toContain('The library is open');
    expect(en).toContain('Bring your library card.');
    expect(en).not.toContain('Översätt title');
  });
});
