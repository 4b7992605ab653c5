// What the YAML parser says, in the officer's words. The parser reports "Nested mappings are not
// allowed in compact mappings" where the officer wrote `title: Varning: falska sms`; this module
// recognises the handful of mistakes people make when they write YAML by hand (a colon or a comma
// inside a text, a quote that is never closed, a missing space, wrong indentation, ...) and turns
// each into a message code of messages.ts with the line and an example of the line written right.
// No text of the parser itself ever reaches the officer.
import { isMap, isPair, isScalar, isSeq, isAlias, type Scalar, type Document, type LineCounter, type Node, type YAMLError, type YAMLMap } from 'yaml';
import type { MessageCode } from './messages.ts';
import { fieldName, type Problem } from './problems.ts';

interface Source {
  text: string;
  file: string;
  /** Lines before `text` in the file (the `---` of frontmatter). */
  lineOffset: number;
  lineCounter: LineCounter;
}

/** `  - title: text  # comment` → its indentation, the dash (if any), the key and the value. */
const FIELD_LINE = /^(\s*(?:-\s+)?)([^\s:#"'{[][^:#]*?):(?:\s+(.*?))?\s*$/;
/** `title:Varning` or `- at:2022`: a key directly followed by its value. */
const MISSING_SPACE = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*):(\S.*)$/;

interface FieldLine {
  indent: string;
  key: string;
  value: string;
}

function fieldLine(line: string): FieldLine | undefined {
  const m = FIELD_LINE.exec(line);
  if (!m) return undefined;
  // A comment after the value is the officer's own note, not part of the text to quote.
  const value = (m[3] ?? '').replace(/\s+#\s.*$/, '');
  return { indent: m[1]!, key: m[2]!.trim(), value };
}

/** The text in quotes that YAML reads back as the same text: double quotes unless it holds some. */
export function quoted(text: string): string {
  if (text.includes('"') && !text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** Turns the parser's errors into problems, one per line, the most telling first. */
export function adviseYamlErrors(errors: readonly YAMLError[], src: Source): Problem[] {
  if (!errors.length) return [];
  const lines = src.text.split('\n');
  const out: Problem[] = [];
  for (const err of errors) {
    const index = Math.min(src.lineCounter.linePos(err.pos[0]).line - 1, lines.length - 1);
    const advice = adviceFor(err, index, lines);
    const problem: Problem = {
      level: 'error',
      file: src.file,
      line: advice.index + 1 + src.lineOffset,
      code: advice.code,
      ...(advice.field && { field: advice.field }),
      ...(advice.params && { params: advice.params }),
    };
    if (out.some((p) => p.line === problem.line)) continue;
    out.push(problem);
    // An unclosed quote or bracket swallows the rest of the file: what follows is noise.
    if (problem.code === 'yaml.quote-unclosed' || problem.code === 'yaml.bracket-unclosed') break;
  }
  return out;
}

interface Advice {
  code: MessageCode;
  /** 0-based line in the YAML text. */
  index: number;
  field?: string;
  params?: Record<string, string>;
}

function adviceFor(err: YAMLError, index: number, lines: string[]): Advice {
  const line = lines[index] ?? '';
  const message = err.message;
  if (err.code === 'TAB_AS_INDENT' || /^\s*\t/.test(line)) return { code: 'yaml.tab', index };

  if (err.code === 'MISSING_CHAR' && /closing ("|')quote/.test(message)) {
    const quote = /closing ("|')quote/.exec(message)![1]!;
    return unclosedQuote(lines, index, quote);
  }
  if (err.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) {
    return unclosedBracket(lines, index, message.startsWith('Flow map') ? '{' : '[');
  }
  const missingSpace = missingSpaceAdvice(line, index);
  if (missingSpace && /IMPLICIT_KEY|MISSING_CHAR/.test(err.code)) return missingSpace;

  const missingColon = missingColonAdvice(line, index);
  if (missingColon && /IMPLICIT_KEY|MISSING_CHAR/.test(err.code)) return missingColon;

  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY') {
    const f = fieldLine(line);
    // `title: Varning: falska sms`: the text holds a colon and a space.
    if (f && /:(\s|$)/.test(f.value) && !/^["'[{]/.test(f.value)) {
      return { code: 'yaml.colon-in-value', index, field: f.key, params: { example: `${f.key}: ${quoted(f.value)}` } };
    }
    if (f && f.value.startsWith('?')) return special(f, index, '?');
    // The value is fine, so the next line is the one out of place.
    const next = lines.findIndex((l, i) => i > index && l.trim() !== '' && !l.trim().startsWith('#'));
    if (next > index && indentOf(lines[next]!) > indentOf(line)) return { code: 'yaml.indent', index: next };
    return { code: 'yaml.indent', index };
  }
  if (err.code === 'BAD_INDENT' || (err.code === 'MISSING_CHAR' && /Sequence item without/.test(message))) {
    return { code: 'yaml.indent', index };
  }
  const f = fieldLine(line);
  if (f && (err.code === 'UNEXPECTED_TOKEN' || err.code === 'BAD_SCALAR_START')) {
    const first = f.value[0] ?? '';
    if (first === '"' || first === "'") {
      // `title: "Varning" falska sms`, `title: 'Kommunens it's dead'`: text after the closing quote.
      const inner = f.value.startsWith(first) && f.value.endsWith(first) && f.value.length > 1 ? f.value.slice(1, -1) : f.value;
      return { code: 'yaml.text-after-quote', index, field: f.key, params: { example: `${f.key}: ${quoted(inner)}` } };
    }
    if (first) return special(f, index, first);
  }
  if (err.code === 'DUPLICATE_KEY' && f) return { code: 'yaml.duplicate-key', index, field: f.key, params: { value: f.key } };
  if (err.code === 'MULTIPLE_DOCS') return { code: 'yaml.document-separator', index };
  return { code: 'yaml.invalid', index };
}

function special(f: FieldLine, index: number, char: string): Advice {
  return { code: 'yaml.special-start', index, field: f.key, params: { value: char, example: `${f.key}: ${quoted(f.value)}` } };
}

function missingSpaceAdvice(line: string, index: number): Advice | undefined {
  const m = MISSING_SPACE.exec(line);
  if (!m || /^\/\//.test(m[3]!)) return undefined;
  return { code: 'yaml.missing-space', index, field: m[2], params: { example: `${m[2]}: ${m[3]}` } };
}

/** `pinned true`: a field name and a value with no colon between (and none anywhere on the line). */
function missingColonAdvice(line: string, index: number): Advice | undefined {
  const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s+([^:#]+)$/.exec(line);
  if (!m) return undefined;
  return { code: 'yaml.missing-colon', index, field: m[1], params: { example: `${m[1]}: ${m[2]!.trim()}` } };
}

/** The quote is opened on the first line whose value starts with it and does not close it. */
function unclosedQuote(lines: string[], errorIndex: number, quote: string): Advice {
  for (let i = 0; i <= errorIndex && i < lines.length; i++) {
    const f = fieldLine(lines[i]!);
    const value = f?.value ?? lines[i]!.trim().replace(/^-\s+/, '');
    if (!value.startsWith(quote)) continue;
    const rest = value.slice(1);
    const closes = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (closes) continue;
    const example = f ? `${f.key}: ${value}${quote}` : `${value}${quote}`;
    return { code: 'yaml.quote-unclosed', index: i, ...(f && { field: f.key }), params: { value: quote, example } };
  }
  return { code: 'yaml.quote-unclosed', index: errorIndex, params: { value: quote, example: `title: ${quote}…${quote}` } };
}

/** The `[` or `{` is opened on the last line before the error that has more openers than closers. */
function unclosedBracket(lines: string[], errorIndex: number, open: '[' | '{'): Advice {
  const close = open === '[' ? ']' : '}';
  for (let i = Math.min(errorIndex, lines.length - 1); i >= 0; i--) {
    const l = lines[i]!;
    if (l.split(open).length > l.split(close).length) {
      const f = fieldLine(l);
      return { code: 'yaml.bracket-unclosed', index: i, ...(f && { field: f.key }), params: { value: close, example: `${l.trim()}${close}` } };
    }
  }
  return { code: 'yaml.bracket-unclosed', index: errorIndex, params: { value: close, example: `audience: [public, staff]` } };
}

/**
 * Mistakes the parser accepts without a word, in a document that parsed: a comma inside `{ }`
 * (`hours: { sv: Vardagar 16–08, helger dygnet runt }` makes "helger dygnet runt" a key of its
 * own), and `*`, `&` or `!` at the start of a text (YAML's aliases, anchors and tags, which
 * silently drop or replace the text). The document is mended so that the rest of the file can
 * still be checked without follow-on errors; the problems say what to fix.
 */
export function adviseParsedDocument(doc: Document.Parsed, src: Source): Problem[] {
  const out: Problem[] = [];
  const lineOf = (offset: number) => src.lineCounter.linePos(offset).line + src.lineOffset;
  const push = (offset: number, path: (string | number)[], code: MessageCode, params: Record<string, string>) =>
    out.push({ level: 'error', file: src.file, line: lineOf(offset), field: fieldName(path), code, params });

  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isAlias(node)) {
      push(node.range?.[0] ?? 0, path, 'yaml.special-start', { value: '*', example: exampleAt(src.text, node.range?.[0] ?? 0) });
      return;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor || (node.tag && !node.tag.startsWith('tag:yaml.org,2002:'))) {
        const sign = node.anchor ? '&' : '!';
        push(node.range?.[0] ?? 0, path, 'yaml.special-start', { value: sign, example: exampleAt(src.text, node.range?.[0] ?? 0) });
      }
    }
    if (isMap(node)) {
      if (node.flow) mendFlowMap(node, path);
      for (const pair of node.items) if (isPair(pair)) walk(pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };

  const mendFlowMap = (map: YAMLMap, path: (string | number)[]) => {
    const items = map.items;
    const stray = items.filter((p) => p.value === null && isScalar(p.key));
    if (!stray.length) return;
    for (const pair of stray) {
      const key = pair.key as Scalar;
      const name = String(key.value);
      const at = items.indexOf(pair);
      const before = items[at - 1];
      const start = before && isScalar(before.value) && before.value.type === 'PLAIN' ? before.value.range![0] : undefined;
      // `{ sv: Vardagar 16–08, helger dygnet runt }` is a text cut at its comma; in a status map,
      // `services: { vatten: down, bibliotek }`, it is a service id that lacks its status.
      if (start !== undefined && path.at(-1) !== 'services') {
        const example = `${String((before!.key as Scalar).value)}: ${quoted(src.text.slice(start, key.range![1]).trim())}`;
        push(key.range![0], path, 'yaml.comma-in-braces', { value: name, example });
      } else {
        const example = `${name}: ${path.at(-1) === 'services' ? 'down' : '…'}`;
        push(key.range![0], path, 'yaml.flow-missing-value', { value: name, example });
      }
    }
    map.items = items.filter((p) => !stray.includes(p));
  };

  walk(doc.contents, []);
  return out;
}

/** `title: *viktigt*` at `offset` → `title: "*viktigt*"`. */
function exampleAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? undefined : end);
  const f = fieldLine(line);
  return f ? `${f.key}: ${quoted(f.value)}` : quoted(line.trim());
}

/** A whole document that is one text such as `severity:critical` (the space after the colon is missing). */
export function adviseScalarDocument(doc: Document.Parsed, src: Source): Problem | undefined {
  const node = doc.contents as Node | null;
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const lines = src.text.split('\n');
  const index = lines.findIndex((l) => MISSING_SPACE.test(l));
  if (index < 0) return undefined;
  const advice = missingSpaceAdvice(lines[index]!, index)!;
  return { level: 'error', file: src.file, line: index + 1 + src.lineOffset, code: advice.code, field: advice.field, params: advice.params };
}
