// Changes fields of a Markdown file's frontmatter by editing lines of text, the way append-update.ts
// adds an update: the YAML parser only finds where a field is; every line the officer did not change
// (comments, key order, quoting, alignment, CRLF, a byte-order mark) stays byte for byte. A value on
// the key's own line is replaced in place, so a comment after it stays too. Never re-serialises
// the whole frontmatter from an object.
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { yamlString } from '../cli/yaml-text.ts';

/** A new value: text, a flag, a flow list (`[a, b]`), a map of short values, or null to remove. */
export type FieldValue = string | boolean | string[] | Record<string, string> | null;

export class FrontmatterEditError extends Error {
  constructor(
    readonly reason: 'no-frontmatter' | 'yaml' | 'flow',
    readonly field: string,
  ) {
    super(`${reason}: ${field}`);
  }
}

interface Parsed {
  bom: string;
  eol: string;
  /** Lines with their own endings; lines[0] is the opening `---`. */
  lines: string[];
  /** Index of the closing `---`. */
  end: number;
  doc: ReturnType<typeof parseDocument>;
  counter: LineCounter;
}

const bare = (l: string) => l.replace(/\r?\n$/, '');

function parse(text: string): Parsed {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = text.slice(bom.length);
  const eol = /\r\n/.test(rest) ? '\r\n' : '\n';
  const lines = rest.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  if (bare(lines[0] ?? '').trim() !== '---') throw new FrontmatterEditError('no-frontmatter', '');
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(bare(l)));
  if (end < 0) throw new FrontmatterEditError('no-frontmatter', '');
  const counter = new LineCounter();
  const yamlText = lines.slice(1, end).map(bare).join('\n');
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter: counter });
  if (doc.errors.length) throw new FrontmatterEditError('yaml', '');
  if (doc.contents !== null && !(isMap(doc.contents) && !doc.contents.flow)) throw new FrontmatterEditError('flow', '');
  return { bom, eol, lines, end, doc, counter };
}

function join(p: Parsed, lines: string[]): string {
  // A last line without an ending would glue to anything inserted after it.
  const fixed = lines.map((l, i) => (i < lines.length - 1 && !l.endsWith('\n') ? l + p.eol : l));
  return p.bom + fixed.join('');
}

/** The YAML text for one value written after `key: ` (single-line values only). */
function inlineValue(value: Exclude<FieldValue, null>): string | undefined {
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'string') return value.includes('\n') ? undefined : yamlString(value);
  return undefined;
}

/** `key: value` as lines at `indent`, the value continuing below when it needs more than one line. */
export function pairLines(key: string, value: Exclude<FieldValue, null>, indent: string): string[] {
  const inline = inlineValue(value);
  if (inline !== undefined) return [`${indent}${key}: ${inline}`];
  if (typeof value === 'string') {
    const text = value.replace(/\r\n?/g, '\n');
    // A literal block keeps Markdown as written; leading spaces on the first line would need an
    // indentation indicator, so such a text goes in double quotes instead.
    if (/^\s/.test(text) || /[ \t]$/m.test(text)) return [`${indent}${key}: ${JSON.stringify(text)}`];
    return [`${indent}${key}: |-`, ...text.split('\n').map((l) => (l ? `${indent}  ${l}` : ''))];
  }
  return [`${indent}${key}:`, ...Object.entries(value as Record<string, string>).map(([k, v]) => `${indent}  ${k}: ${yamlString(v)}`)];
}

function pairIn(map: YAMLMap, key: string | number): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** First and last line index (in `lines`) a pair occupies, and its key's indentation. */
function pairSpan(p: Parsed, pair: Pair<Node, Node | null>): { first: number; last: number; indent: string; prefix: string } {
  const yamlText = p.lines.slice(1, p.end).map(bare).join('\n');
  const keyStart = pair.key.range![0];
  const first = p.counter.linePos(keyStart).line;
  let last = first;
  const value = pair.value;
  if (value?.range && value.range[1] > value.range[0]) {
    let endOffset = value.range[1];
    while (endOffset > value.range[0] && /\s/.test(yamlText[endOffset - 1]!)) endOffset--;
    last = Math.max(first, p.counter.linePos(Math.max(endOffset - 1, value.range[0])).line);
  }
  // The key's column: after `- ` when it is the first key of a list entry.
  const prefix = p.lines[first]!.slice(0, p.counter.linePos(keyStart).col - 1);
  return { first, last, indent: ' '.repeat(prefix.length), prefix };
}

/** The node at `path` (keys and list indexes), or undefined. */
function nodeAt(p: Parsed, path: readonly (string | number)[]): Node | undefined {
  if (path.length === 0) return (p.doc.contents as Node | null) ?? undefined;
  return p.doc.getIn(path, true) as Node | undefined;
}

/**
 * Sets (or, with null, removes) the field at `path`. The parent must be a block map that exists;
 * `insertAfter` lists keys after which a new top-level field reads best (the first that exists wins).
 */
export function setField(text: string, path: readonly (string | number)[], value: FieldValue, insertAfter: readonly string[] = []): string {
  const p = parse(text);
  const key = path.at(-1)!;
  const parent = nodeAt(p, path.slice(0, -1));
  const name = path.join('.');
  if (parent === undefined && path.length === 1) {
    // An empty frontmatter: the first field goes right after the opening line.
    if (value === null) return text;
    const lines = [...p.lines];
    lines.splice(1, 0, ...pairLines(String(key), value, '').map((l) => l + p.eol));
    return join(p, lines);
  }
  if (!parent || !isMap(parent) || parent.flow) throw new FrontmatterEditError('flow', name);
  const pair = pairIn(parent, key);
  const lines = [...p.lines];

  if (pair) {
    const span = pairSpan(p, pair);
    if (value === null) {
      lines.splice(span.first, span.last - span.first + 1);
      return join(p, lines);
    }
    const v = pair.value;
    const inline = inlineValue(value);
    // A single-line value on the key's line: replace only those characters.
    if (inline !== undefined && v && v.range && span.first === span.last && (isScalar(v) || (isSeq(v) && v.flow)) && v.range[1] > v.range[0]) {
      const start = p.counter.linePos(v.range[0]);
      const endPos = p.counter.linePos(v.range[1]);
      if (start.line === span.first && endPos.line === span.first) {
        const line = lines[span.first]!;
        lines[span.first] = line.slice(0, start.col - 1) + inline + line.slice(endPos.col - 1);
        return join(p, lines);
      }
    }
    const written = pairLines(String(key), value, span.indent);
    written[0] = span.prefix + written[0]!.slice(span.indent.length);
    lines.splice(span.first, span.last - span.first + 1, ...written.map((l) => l + p.eol));
    return join(p, lines);
  }

  if (value === null) return text;
  // A new field: after the last line of a sibling it reads best after, else at the end of its map.
  let at: number;
  let indent: string;
  const siblings = parent.items as Pair<Node, Node | null>[];
  const anchor = insertAfter.map((k) => pairIn(parent, k)).find(Boolean) ?? siblings.at(-1);
  if (anchor) {
    const span = pairSpan(p, anchor);
    at = span.last + 1;
    indent = span.indent;
  } else {
    at = p.end;
    indent = '';
  }
  lines.splice(at, 0, ...pairLines(String(key), value, indent).map((l) => l + p.eol));
  return join(p, lines);
}

/**
 * Sets a map of short values (a bulletin's `services`) entry by entry: an entry whose value did not
 * change keeps its line and its comment. A map written on one line (`{ a: b }`) is written again on
 * that line; a missing map is added after the field named in `insertAfter`.
 */
export function setMap(text: string, key: string, entries: Record<string, string>, insertAfter: readonly string[] = []): string {
  const p = parse(text);
  const node = nodeAt(p, [key]);
  const want = Object.entries(entries);
  if (!node || (isScalar(node) && node.value === null)) {
    return want.length ? setField(text, [key], entries, insertAfter) : node ? setField(text, [key], null) : text;
  }
  if (!isMap(node)) throw new FrontmatterEditError('flow', key);
  if (!want.length) return setField(text, [key], null);
  if (node.flow) {
    const same = node.items.length === want.length && want.every(([k, v]) => String((pairIn(node, k)?.value as { value?: unknown } | null)?.value) === v);
    if (same) return text;
    const [first, last] = [p.counter.linePos(node.range![0]).line, p.counter.linePos(node.range![1] - 1).line];
    if (first !== last) throw new FrontmatterEditError('flow', key);
    const start = p.counter.linePos(node.range![0]).col - 1;
    const end = p.counter.linePos(node.range![1] - 1).col;
    const lines = [...p.lines];
    const line = lines[first]!;
    lines[first] = line.slice(0, start) + `{ ${want.map(([k, v]) => `${k}: ${v}`).join(', ')} }` + line.slice(end);
    return join(p, lines);
  }
  let out = text;
  for (const pair of node.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (k !== undefined && !(k in entries)) out = setField(out, [key, k], null);
  }
  for (const [k, v] of want) {
    const current = (parse(out).doc.getIn([key, k], true) as { value?: unknown } | undefined)?.value;
    if (current !== v) out = setField(out, [key, k], v);
  }
  return out;
}

/** Replaces the text after the closing `---`, in the file's line endings. */
export function setBody(text: string, body: string): string {
  const p = parse(text);
  const normal = body.replace(/\r\n?/g, '\n');
  const withEnd = normal === '' || normal.endsWith('\n') ? normal : normal + '\n';
  const lines = p.lines.slice(0, p.end + 1);
  const closing = lines[p.end]!;
  if (!closing.endsWith('\n')) lines[p.end] = closing + p.eol;
  return p.bom + lines.join('') + withEnd.replace(/\n/g, p.eol);
}

/** The body as the officer wrote it (LF line endings), and the fields' values as written. */
export function readFrontmatter(text: string): { body: string; fields: Record<string, unknown>; doc: ReturnType<typeof parseDocument> } {
  const p = parse(text);
  const body = p.lines.slice(p.end + 1).join('').replace(/\r\n/g, '\n');
  const fields = (p.doc.toJS() as Record<string, unknown> | null) ?? {};
  return { body, fields, doc: p.doc };
}
