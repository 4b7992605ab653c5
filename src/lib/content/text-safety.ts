// Characters the officer cannot see but that change what a reader sees or what a file means:
// - control characters (a line break, a tab, ESC...) in fields that must be one line: a newline in
//   site.yaml `sender` became a line of its own in _headers and security.txt;
// - bidi controls, which reorder text on screen ("0923‮00 056" shows a number backwards), and
//   zero-width characters, which make two texts that look the same differ;
// - letters that look like a–z but are not (a Cyrillic "а" in a service id), shown by code point.
// The checks walk the parsed YAML of a file, so every problem names its field and line.
import { fieldName, type Problem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const CONTROL_RE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;

/** Embeddings, overrides and isolates: they reorder the characters that follow. */
const BIDI_CONTROLS = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Direction marks: needed in right-to-left text, a trick anywhere else. */
const BIDI_MARKS = new Set([0x200e, 0x200f, 0x061c]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x09: 'TAB',
  0x1b: 'ESCAPE',
  0x00: 'NULL',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};

// A letter: the ARABIC LETTER MARK (U+061C) is in the Arabic script too, and alone in a Latin text
// it made that text count as right-to-left, so the mark itself was never reported.
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** Scripts that write ZWJ/ZWNJ inside words (Persian, Arabic, the Indic scripts...): not Latin, Cyrillic or Greek. */
const JOINING_LETTER = /^(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}\p{M}]$/u;

/** `U+202E`, with the character's name where it is one of ours. */
export function codePoint(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[cp] ? `${hex} ${NAMES[cp]}` : hex;
}

/** Each distinct character once, as `U+…` (invisible ones) or `"а" (U+0430)` (visible ones). */
function describe(chars: string[], visible: boolean): string {
  return [...new Set(chars)].map((c) => (visible ? `"${c}" (${codePoint(c)})` : codePoint(c))).join(', ');
}

/** The characters of an id outside ASCII, described so that a look-alike shows: `"а" (U+0430)`. */
export function nonAsciiChars(id: string): string | undefined {
  const found = [...id].filter((c) => c.codePointAt(0)! > 0x7e);
  return found.length ? describe(found, true) : undefined;
}

/** Control characters in a text that must be one line, described; undefined if there are none. */
export function controlChars(text: string): string | undefined {
  const found = text.match(CONTROL_RE);
  return found ? describe(found, false) : undefined;
}

/** Any character invisibleChars looks at: almost every text has none, and is then let go at once. */
const MAYBE_INVISIBLE = new RegExp(`[${[...BIDI_CONTROLS, ...BIDI_MARKS, ...ZERO_WIDTH].map((cp) => String.fromCodePoint(cp)).join('')}]`, 'u');

/** Bidi controls and zero-width characters that have no business in `text`, described. */
export function invisibleChars(text: string): string | undefined {
  // Every text field and body line of every file passes here on every build: at 1,000 bulletins
  // taking each apart into characters cost 0.4 s.
  if (!MAYBE_INVISIBLE.test(text)) return undefined;
  const chars = [...text];
  const rtl = RTL_LETTER.test(text);
  const found: string[] = [];
  chars.forEach((c, i) => {
    const cp = c.codePointAt(0)!;
    if (BIDI_CONTROLS.has(cp)) found.push(c);
    else if (BIDI_MARKS.has(cp) && !rtl) found.push(c);
    else if (ZERO_WIDTH.has(cp) && !joinsWithin(chars, i)) found.push(c);
  });
  return found.length ? describe(found, false) : undefined;
}

/**
 * A zero-width joiner or non-joiner doing its job: inside an emoji sequence (👨‍👩‍👧) or between
 * letters of a script that uses it (Persian می‌خواهم).
 */
function joinsWithin(chars: string[], i: number): boolean {
  const cp = chars[i]!.codePointAt(0)!;
  if (cp !== 0x200d && cp !== 0x200c) return false;
  let before = i - 1;
  while (before >= 0 && /[\uFE0F\u{1F3FB}-\u{1F3FF}]/u.test(chars[before]!)) before--;
  const [prev, next] = [chars[before], chars[i + 1]];
  if (!prev || !next) return false;
  if (cp === 0x200d && PICTOGRAPH.test(prev) && PICTOGRAPH.test(next)) return true;
  return JOINING_LETTER.test(prev) && JOINING_LETTER.test(next);
}

/**
 * For an id or code that failed its a–z check: the message that shows which characters are not
 * what they look like, when that is why. Undefined when the id is plain ASCII (the usual message fits).
 */
export function nonAsciiIdProblem(id: string): { code: 'id.non-ascii'; params: { value: string; chars: string } } | undefined {
  const chars = nonAsciiChars(id);
  return chars ? { code: 'id.non-ascii', params: { value: id, chars } } : undefined;
}

type Path = (string | number)[];

/** Every string in a parsed YAML value, with its path (map keys and list indexes). */
function* strings(value: unknown, path: Path = []): Generator<[Path, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/**
 * Problems with the characters of every text in a YAML file: invisible characters (a warning), and,
 * in files whose texts are all one line (site.yaml, services.yaml), control characters (an error).
 * A value is read as the field readers read it: surrounding white space (a folded `>` block's final
 * newline) does not count.
 */
export function yamlTextProblems(yaml: YamlSource, file: string, opts: { singleLine: boolean }): Problem[] {
  const problems: Problem[] = [];
  for (const [path, raw] of strings(yaml.value)) {
    const text = raw.trim();
    // The line only for a problem: finding it can mean parsing the YAML again (yaml-source.ts).
    const where = () => ({ file, field: fieldName(path), line: yaml.lineOf(path) });
    const control = opts.singleLine ? controlChars(text) : undefined;
    if (control) problems.push({ level: 'error', ...where(), code: 'text.control-character', params: { chars: control } });
    const invisible = invisibleChars(text);
    if (invisible) problems.push({ level: 'warning', ...where(), code: 'warn.invisible-characters', params: { chars: invisible } });
  }
  return problems;
}

/** Invisible characters in a Markdown body, one warning per line that has them. */
export function bodyTextProblems(body: string, file: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  if (!MAYBE_INVISIBLE.test(body)) return problems;
  body.split('\n').forEach((line, i) => {
    const invisible = invisibleChars(line);
    if (invisible) problems.push({ level: 'warning', file, field: 'body', line: bodyLine + i, code: 'warn.invisible-characters', params: { chars: invisible } });
  });
  return problems;
}
