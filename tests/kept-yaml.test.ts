// Parsed YAML kept between builds (src/lib/content/yaml-source.ts keepYamlValues, stored by
// src/lib/build/kept-between-builds.ts): a build takes the value of a text the previous build
// parsed without a problem instead of parsing it again. What the officer must never notice: the
// value, the problems and the line numbers in messages are those of a fresh parse.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeptYaml, writeKeptYaml } from '../src/lib/build/kept-between-builds.ts';
import { keepYamlValues, parseYaml, splitFrontmatter } from '../src/lib/content/yaml-source.ts';
import { tempDir } from './helpers/build.ts';

const GOOD = 'title: Vattnet är tjänligt igen\npublished: 2022-01-10 08:00\nservices:\n  vatten: operational\n__proto__: kept as a field\n';
// A duplicate key: an error the officer must see on every build, with its line.
const BAD = 'title: Ett\ntitle: Två\n';

/** What a fresh parse says, with the memory off for this one call's module state. */
function fresh(text: string, file: string, lineOffset = 0) {
  const memory = keepYamlValues(new Map());
  const parsed = parseYaml(text, file, lineOffset);
  return { parsed, memory };
}

describe('YAML kept between builds', () => {
  it('gives the same value, no problems and the same lines as a fresh parse', () => {
    const { parsed: first, memory } = fresh(GOOD, 'bulletins/a.md', 1);
    expect(memory.parsed).toBe(1);
    expect(memory.used.size).toBe(1);

    const next = keepYamlValues(memory.used);
    const again = parseYaml(GOOD, 'bulletins/a.md', 1);
    expect(next.carried).toBe(1);
    expect(next.parsed).toBe(0);
    expect(again.value).toEqual(first.value);
    expect(Object.keys(again.value as object)).toContain('__proto__');
    expect(again.problems).toEqual([]);
    // Lines come from parsing the text after all, when a later check asks for one.
    for (const path of [['title'], ['services', 'vatten'], ['published'], ['missing']]) expect(again.lineOf(path)).toBe(first.lineOf(path));
    expect(again.lineOf(['services', 'vatten'])).toBe(5);
    // What the next build keeps: the values this one used.
    expect([...next.used.keys()]).toEqual([...memory.used.keys()]);
  });

  it('keeps the value as parsed, whatever a reader does to it afterwards', () => {
    const { parsed, memory } = fresh(GOOD, 'bulletins/a.md');
    (parsed.value as Record<string, unknown>).title = 'ändrad efteråt';
    keepYamlValues(memory.used);
    expect((parseYaml(GOOD, 'bulletins/a.md').value as Record<string, unknown>).title).toBe('Vattnet är tjänligt igen');
  });

  it('never keeps a text with a problem: it is parsed again, with the same message and line', () => {
    const { parsed, memory } = fresh(BAD, 'site.yaml');
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(memory.used.size).toBe(0);
    const next = keepYamlValues(memory.used);
    expect(parseYaml(BAD, 'site.yaml').problems).toEqual(parsed.problems);
    expect(next.carried).toBe(0);
  });

  it('another text, even one character, is parsed anew', () => {
    const { memory } = fresh(GOOD, 'bulletins/a.md');
    const next = keepYamlValues(memory.used);
    const changed = parseYaml(GOOD.replace('operational', 'down'), 'bulletins/a.md');
    expect(next.carried).toBe(0);
    expect((changed.value as { services: Record<string, string> }).services.vatten).toBe('down');
  });

  it('frontmatter goes through the same memory', () => {
    const file = `---\n${GOOD}---\nBrödtext.\n`;
    const memory = keepYamlValues(new Map());
    const first = splitFrontmatter(file, 'bulletins/a.md');
    const next = keepYamlValues(memory.used);
    const again = splitFrontmatter(file, 'bulletins/a.md');
    if (!('yaml' in first) || !('yaml' in again)) throw new Error('no frontmatter');
    expect(next.carried).toBe(1);
    expect(again.yaml.value).toEqual(first.yaml.value);
    // Counted from the file's first line, past the opening `---`.
    expect(again.yaml.lineOf(['title'])).toBe(2);
    expect(again.body).toBe(first.body);
  });

  it('is stored per inputs digest, and a damaged or missing store is an empty memory', () => {
    process.env.KRISINFO_CACHE = tempDir('krisinfo-yaml-');
    try {
      const { memory } = fresh(GOOD, 'bulletins/a.md');
      writeKeptYaml('digest-a', memory);
      expect([...readKeptYaml('digest-a').keys()]).toEqual([...memory.used.keys()]);
      expect(readKeptYaml('digest-b').size).toBe(0);
      // One byte changed on disk: the file's own SHA-256 no longer matches.
      const file = path.join(process.env.KRISINFO_CACHE!, 'yaml', 'digest-a.v8');
      const bytes = readFileSync(file);
      bytes[bytes.length - 3]! ^= 1;
      writeFileSync(file, bytes);
      expect(readKeptYaml('digest-a').size).toBe(0);
    } finally {
      delete process.env.KRISINFO_CACHE;
    }
  });
});
