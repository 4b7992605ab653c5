// Every bad input of the core issue stops the build with a message naming the file and the field,
// and leaves the earlier output exactly as it was.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBuildRecord } from '../src/lib/build/build-record.ts';
import { buildSite, tempDir } from './helpers/build.ts';
import { hashTree } from './helpers/content-tree.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');

interface Case {
  name: string;
  /** Changes the copied content folder. */
  mutate: (dir: string) => void;
  file: string;
  /** The field the message must name (absent for problems with the whole file). */
  field?: string;
  /** Line the message must give, where the YAML has one. */
  line?: number;
}

const edit = (dir: string, file: string, fn: (text: string) => string) => {
  const p = path.join(dir, file);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
};
const SOMMAR = 'bulletins/2022-05-20-sommar.md';
const VINTER = 'bulletins/2022-01-10-vinter.md';

const cases: Case[] = [
  { name: 'missing required field', mutate: (d) => edit(d, SOMMAR, (t) => t.replace(/^title:.*\n/m, '')), file: SOMMAR, field: 'title' },
  { name: 'unparsable date', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('published: 2022-05-20T14:30', 'published: igår kväll')), file: SOMMAR, field: 'published', line: 4 },
  { name: 'impossible date', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('published: 2022-05-20T14:30', 'published: 2021-12-32T10:00')), file: SOMMAR, field: 'published', line: 4 },
  { name: 'unknown severity', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('severity: warning', 'severity: extrem')), file: SOMMAR, field: 'severity', line: 7 },
  { name: 'unknown status', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('lon: degraded', 'lon: trasig')), file: SOMMAR, field: 'services.lon', line: 9 },
  { name: 'unknown service id', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('lon: degraded', 'lonen: degraded')), file: SOMMAR, field: 'services.lonen' },
  { name: 'image without alt text', mutate: (d) => edit(d, VINTER, (t) => t.replace(/^imageAlt:.*\n/m, '')), file: VINTER, field: 'imageAlt' },
  { name: 'body image without alt text', mutate: (d) => edit(d, VINTER, (t) => t.replace('![Skylt vid kommunhuset]', '![]')), file: VINTER, field: 'body' },
  { name: 'image in an update without alt text', mutate: (d) => edit(d, VINTER, (t) => t.replace('text: E-posten fungerar delvis igen.', 'text: "E-posten fungerar delvis igen. ![](images/karta.png)"')), file: VINTER, field: 'updates[0].text', line: 18 },
  { name: 'missing image file', mutate: (d) => edit(d, VINTER, (t) => t.replace('image: images/karta.png', 'image: images/finns-inte.png')), file: VINTER, field: 'image', line: 10 },
  { name: 'invalid YAML', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('severity: warning', 'severity: [warning')), file: SOMMAR },
  { name: 'a file that is not UTF-8', mutate: (d) => writeFileSync(path.join(d, SOMMAR), Buffer.from('---\ntitle: L\xf6ner\n---\n', 'latin1')), file: SOMMAR },
  { name: 'summary over 300 characters', mutate: (d) => edit(d, SOMMAR, (t) => t.replace(/^summary:.*$/m, `summary: ${'å'.repeat(301)}`)), file: SOMMAR, field: 'summary', line: 6 },
  { name: 'sms over 160 characters', mutate: (d) => edit(d, VINTER, (t) => t.replace(/^sms:.*$/m, `sms: ${'x'.repeat(161)}`)), file: VINTER, field: 'sms' },
  { name: 'language suffix not in site.yaml', mutate: (d) => writeFileSync(path.join(d, 'bulletins/2022-05-20-sommar.de.md'), '---\ntitle: Gehälter\n---\n'), file: 'bulletins/2022-05-20-sommar.de.md' },
  { name: 'updated before published', mutate: (d) => edit(d, SOMMAR, (t) => t.replace('updated: 2022-05-21T09:15', 'updated: 2022-05-19T09:15')), file: SOMMAR, field: 'updated', line: 5 },
  { name: 'two files with the same slug and language', mutate: (d) => cpSync(path.join(d, SOMMAR), path.join(d, 'bulletins/2022-05-20-sommar.sv.md')), file: 'bulletins/2022-05-20-sommar.sv.md' },
  { name: 'an empty file', mutate: (d) => writeFileSync(path.join(d, 'bulletins/2022-06-01-tom.md'), ''), file: 'bulletins/2022-06-01-tom.md' },
  { name: 'an update without a time', mutate: (d) => edit(d, VINTER, (t) => t.replace('  - at: 2022-01-11T12:00\n', '  - \n')), file: VINTER, field: 'updates[0].at' },
  { name: 'a site.yaml without url', mutate: (d) => edit(d, 'site.yaml', (t) => t.replace(/^url:.*\n/m, '')), file: 'site.yaml', field: 'url' },
  { name: 'a site.yaml with a relative url', mutate: (d) => edit(d, 'site.yaml', (t) => t.replace(/^url:.*$/m, 'url: /kalix/')), file: 'site.yaml', field: 'url', line: 9 },
];

/** The error lines the report gives for `file`: under its heading, or on a line naming it. */
function errorsFor(report: string, file: string): string[] {
  const found: string[] = [];
  let inBlock = false;
  for (const line of report.split('\n')) {
    if (!line.startsWith(' ') && line.trim()) inBlock = line.trim().endsWith(file);
    if (/\bFEL\b/.test(line) && (inBlock || line.includes(file))) found.push(line);
  }
  return found;
}

describe('bad input stops the build and keeps the earlier output', () => {
  it.each(cases)('$name', async (c) => {
    const work = tempDir();
    const content = path.join(work, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    c.mutate(content);
    const out = path.join(work, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '<p>the earlier, good site</p>');
    // An earlier build's output carries the build's record; a folder without it is not replaced.
    writeBuildRecord(out, { now: '2022-06-01T12:00:00.000Z', clock: '--now' });
    const before = hashTree(out);

    const result = await buildSite({ content, out, now: '2022-06-01T12:00:00Z' });

    expect(result.code).not.toBe(0);
    const messages = errorsFor(result.stderr, c.file);
    expect(messages.length, result.stderr).toBeGreaterThan(0);
    const message = c.field ? messages.find((m) => m.includes(`fältet "${c.field}"`)) : messages[0];
    expect(message, result.stderr).toBeDefined();
    if (c.line) expect(message).toMatch(new RegExp(`(rad |:)${c.line}\\b`));
    expect(hashTree(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['content', 'dist']);
    rmSync(work, { recursive: true, force: true });
  });

  it('reports every problem at once, not only the first', async () => {
    const work = tempDir();
    const content = path.join(work, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    const byName = (name: string) => cases.find((c) => c.name === name)!;
    for (const name of ['missing required field', 'unknown severity', 'sms over 160 characters', 'a site.yaml without url']) byName(name).mutate(content);
    const result = await buildSite({ content, out: path.join(work, 'dist'), now: '2022-06-01T12:00:00Z' });
    expect(result.code).not.toBe(0);
    for (const field of ['title', 'severity', 'sms', 'url']) expect(result.stderr).toContain(`fältet "${field}"`);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });
});
