// Random bytes and random YAML thrown at loadContent: it must never throw, and every problem must
// name a file and read as a whole sentence. Seeded, so a failure can be replayed (see SEED below).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/load-content.ts';
import { MESSAGE_CODES, messageFor } from '../src/lib/content/messages.ts';
import { findWarnings } from '../src/lib/site/warnings.ts';
import { fileLocator } from '../src/lib/cli/locate.ts';
import { appendUpdate } from '../src/lib/cli/append-update.ts';
import { CliError } from '../src/lib/cli/output.ts';
import { readBulletin } from '../src/lib/content/read-bulletin.ts';
import { readdirSync } from 'node:fs';
import { ROOT } from './helpers/build.ts';
import { OFFICER_FIXTURE, copyFixture } from './helpers/content-tree.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20211216);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 60);

/** mulberry32: small, fast, good enough to pick test inputs. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof random>;

const KEYS = ['title', 'published', 'updated', 'summary', 'severity', 'audience', 'services', 'pinned', 'nextUpdate', 'draft', 'image', 'imageAlt', 'imageCredit', 'sms', 'updates', 'at', 'text', 'ekonomi', 'hemtjanst', '__proto__', 'constructor', '<<', 'titel', ''];
const SCALARS = [
  '2021-12-16T09:00', '2021-12-32', '2021-02-29', '2024-02-29T24:00', '2021-12-16T09:00:00+99:00', '9999-99-99', '0000-01-01', '2021-13-01T00:00Z',
  'critical', 'down', 'staff', 'public', 'true', 'no', '~', 'null', '.nan', '-.inf', '0x1F', '1e999', '0923', '""', "''", '"\\u0000"', '"\\ud800"',
  'images/karta.png', '../../../etc/passwd', 'https://x/login', 'javascript:alert(1)', '![](images/nope.png)', '&a x', '*a', '*nope', '!!binary aGVq', '!!js/function x',
  '|', '>-', '[', ']', '{', '}', '{a: [b, {c: d}]}', '[1, [2, [3]]]', '- x', '? x', '%YAML 1.1', 'ö'.repeat(400), '\u202e\u200b', '😀', '\t', '#', 'a: b: c',
];

function randomValue(rng: Rng, depth: number): string {
  const r = rng.next();
  if (depth > 3 || r < 0.6) return rng.pick(SCALARS);
  if (r < 0.8) return `[${Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1)).join(', ')}]`;
  return `{ ${Array.from({ length: rng.int(4) }, () => `${rng.pick(KEYS)}: ${randomValue(rng, depth + 1)}`).join(', ')} }`;
}

function randomYaml(rng: Rng, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const indent = ' '.repeat(rng.pick([0, 0, 0, 2, 4, 1, 3]));
    const r = rng.next();
    if (r < 0.6) out.push(`${indent}${rng.pick(KEYS)}: ${randomValue(rng, 0)}`);
    else if (r < 0.8) out.push(`${indent}- ${rng.pick(KEYS)}: ${randomValue(rng, 0)}`);
    else if (r < 0.9) out.push(`${indent}${rng.pick(KEYS)}:`);
    else out.push(`${indent}${rng.pick(SCALARS)}`);
  }
  return out.join('\n');
}

function randomBytes(rng: Rng, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => rng.int(256)));
}

function mutate(rng: Rng, text: Buffer): Buffer {
  const bytes = Buffer.from(text);
  for (let i = 0, n = 1 + rng.int(6); i < n && bytes.length; i++) {
    const at = rng.int(bytes.length);
    const op = rng.int(4);
    if (op === 0) bytes[at] = rng.int(256);
    else if (op === 1) bytes[at] = rng.pick([0x0a, 0x09, 0x20, 0x3a, 0x2d, 0x23, 0x22, 0x27, 0x5b, 0x7b, 0x26, 0x2a]);
    else if (op === 2) return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + rng.int(40))]);
    else return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at - Math.min(at, rng.int(40)))]);
  }
  return bytes;
}

const FILES = ['site.yaml', 'services.yaml', 'bulletins/2021-12-16-it-angrepp.md', 'bulletins/2021-12-16-it-angrepp.en.md', 'bulletins/2021-12-18-bibliotek.md', 'bulletins/2021-12-17-hemtjanst.md'];

function checkNeverThrows(dir: string, what: string): void {
  let problems;
  try {
    const content = loadContent(dir);
    problems = [...content.problems, ...findWarnings(content, new Date('2022-06-01T12:00:00Z'), fileLocator(dir))];
  } catch (e) {
    throw new Error(`loadContent threw on ${what} (FUZZ_SEED=${SEED}): ${(e as Error).stack}`);
  }
  for (const p of problems) {
    expect(typeof p.file === 'string' && p.file.length > 0, `${what}: problem without file ${JSON.stringify(p)}`).toBe(true);
    expect(MESSAGE_CODES, what).toContain(p.code);
    if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1, `${what}: line ${p.line}`).toBe(true);
    for (const lang of ['sv', 'en'] as const) {
      const m = messageFor(p, lang);
      expect(`${m.text} ${m.fix ?? ''}`, `${what}: unfilled placeholder in ${p.code}`).not.toMatch(/\{\w+\}/);
    }
  }
}

describe(`fuzz (FUZZ_SEED=${SEED}, ${ROUNDS} rounds per kind)`, () => {
  const dir = copyFixture();
  const reset = () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(OFFICER_FIXTURE, dir, { recursive: true });
  };

  it('random bytes in any content file', () => {
    const rng = random(SEED);
    for (let i = 0; i < ROUNDS; i++) {
      reset();
      const file = rng.pick(FILES);
      const bytes = rng.next() < 0.5 ? randomBytes(rng, rng.int(300)) : Buffer.concat([Buffer.from('---\n'), randomBytes(rng, rng.int(200)), Buffer.from('\n---\n')]);
      writeFileSync(path.join(dir, file), bytes);
      checkNeverThrows(dir, `bytes round ${i} in ${file}`);
    }
  });

  it('random YAML as frontmatter, site.yaml and services.yaml', () => {
    const rng = random(SEED + 1);
    for (let i = 0; i < ROUNDS; i++) {
      reset();
      const file = rng.pick(FILES);
      const yaml = randomYaml(rng, 1 + rng.int(12));
      writeFileSync(path.join(dir, file), file.endsWith('.md') ? `---\n${yaml}\n---\n${rng.pick(['', '## Vad ska jag göra?', '![x](images/karta.png)', '<script>x</script>'])}\n` : yaml);
      checkNeverThrows(dir, `yaml round ${i} in ${file}:\n${yaml}`);
    }
  });

  it('small random edits of valid files', () => {
    const rng = random(SEED + 2);
    for (let i = 0; i < ROUNDS * 2; i++) {
      reset();
      const file = rng.pick(FILES);
      const abs = path.join(dir, file);
      writeFileSync(abs, mutate(rng, readFileSync(abs)));
      checkNeverThrows(dir, `edit round ${i} in ${file}`);
    }
  });
});

describe(`update on randomly formatted bulletins (FUZZ_SEED=${SEED})`, () => {
  // Every bulletin we have, in every folder, as the starting point.
  const sources = ['content/bulletins', 'tests/fixtures/officer/bulletins', 'tests/fixtures/site/bulletins'].flatMap((d) => {
    const abs = path.join(ROOT, d);
    try {
      return readdirSync(abs).filter((n) => n.endsWith('.md')).map((n) => readFileSync(path.join(abs, n), 'utf8'));
    } catch {
      return [];
    }
  });
  const decorate = (rng: Rng, text: string): string => {
    // Comments and blank lines between frontmatter lines, CRLF or not: the officer's own style.
    const [head, ...rest] = text.split(/(?<=\n---\r?\n)/);
    const lines = head!.split('\n');
    const out = lines.map((l, i) => (i > 0 && i < lines.length - 2 && rng.next() < 0.2 && !/^\s*[|>-]|: [|>]/.test(lines[i - 1]!) && /^\S/.test(l) ? `# kommentar ${i}\n${l}` : l));
    let result = out.join('\n') + rest.join('');
    if (rng.next() < 0.3) result = result.replace(/\r?\n/g, '\r\n');
    if (rng.next() < 0.3) result = '\uFEFF' + result;
    return result;
  };

  it('inserts only its own lines, and the result reads back with one more update', () => {
    expect(sources.length).toBeGreaterThan(3);
    const rng = random(SEED + 3);
    let tried = 0;
    for (let i = 0; i < ROUNDS * 2; i++) {
      const original = decorate(rng, rng.pick(sources));
      const normalized = original.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
      const before = readBulletin(normalized, 'x.md', 'x', 'sv', 'Europe/Stockholm');
      if (before.problems.some((p) => p.level === 'error')) continue;
      const text = rng.pick(['Ny text.', 'Obs: kolon', 'rad 1\nrad 2', '"citat"', '# inte en kommentar', '- inte en lista']);
      let after: string;
      try {
        after = appendUpdate(original, { at: '2030-01-01T10:00', text, services: {} });
      } catch (e) {
        if (e instanceof CliError && e.message === 'cli.updates-flow') continue;
        throw e;
      }
      // Removing the inserted lines gives the original back, byte for byte.
      const a = original.split(/(?<=\n)/);
      const b = after.split(/(?<=\n)/);
      let start = 0;
      while (start < a.length && a[start] === b[start]) start++;
      const inserted = b.length - a.length;
      expect(b.slice(start + inserted).join(''), `round ${i}`).toBe(a.slice(start).join(''));
      const read = readBulletin(after.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), 'x.md', 'x', 'sv', 'Europe/Stockholm');
      expect(read.problems.filter((p) => p.level === 'error'), `round ${i}:\n${after}`).toEqual([]);
      expect(read.fields.updates?.length, `round ${i}`).toBe((before.fields.updates?.length ?? 0) + 1);
      expect(read.fields.updates?.at(-1)?.text, `round ${i}`).toBe(text);
      expect(read.body).toBe(before.body);
      tried++;
    }
    expect(tried, 'too few bulletins were usable').toBeGreaterThan(ROUNDS / 2);
  });
});
