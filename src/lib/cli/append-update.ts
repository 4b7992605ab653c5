// Adds an entry to a bulletin's `updates` by inserting lines of text, so that everything else in
// the file (comments, key order, quoting, blank lines, CRLF, a byte-order mark) stays byte for
// byte as the officer wrote it. The YAML parser is used only to find where the lines go.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node, type Pair } from 'yaml';
import type { Status } from '../model/types.ts';
import { CliError } from './output.ts';
import { yamlString } from './yaml-text.ts';

export interface NewUpdate {
  /** The time exactly as it is to be written. */
  at: string;
  text: string;
  services: Record<string, Status>;
}

interface Lines {
  bom: string;
  eol: string;
  /** Each line with its own ending, so joining them gives the file back. */
  lines: string[];
  /** Index of the closing `---` line. */
  end: number;
}

function splitLines(original: string): Lines {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = original.slice(bom.length);
  const eol = /\r\n/.test(rest) ? '\r\n' : '\n';
  const lines = rest.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const content = (l: string) => l.replace(/\r?\n$/, '');
  if (content(lines[0] ?? '').trim() !== '---') throw new CliError({ code: 'frontmatter.missing' }, 1);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(content(l)));
  if (end < 0) throw new CliError({ code: 'frontmatter.unclosed' }, 1);
  return { bom, eol, lines, end };
}

function entryLines(u: NewUpdate, dash: string, cont: string): string[] {
  const out = [`${dash}- at: ${u.at}`];
  if (u.text.includes('\n') && !/^\s/.test(u.text)) {
    // Several lines: a literal block keeps the Markdown as written.
    out.push(`${cont}text: |-`, ...u.text.replace(/\r\n?/g, '\n').split('\n').map((l) => (l ? `${cont}  ${l}` : '')));
  } else out.push(`${cont}text: ${yamlString(u.text)}`);
  const services = Object.entries(u.services);
  if (services.length) out.push(`${cont}services: { ${services.map(([id, s]) => `${id}: ${s}`).join(', ')} }`);
  return out;
}

/** Returns the file with the update added (and `updated` set, if `touchUpdated` is given). */
export function appendUpdate(original: string, update: NewUpdate, touchUpdated?: string): string {
  const f = splitLines(original);
  const { lines } = f;
  const yamlText = lines.slice(1, f.end).map((l) => l.replace(/\r?\n$/, '')).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter: counter });
  if (doc.errors.length || !isMap(doc.contents)) throw new CliError({ code: 'yaml.invalid', params: { detail: doc.errors[0]?.message.split('\n')[0] ?? '' } }, 1);
  const map = doc.contents;
  // Index in `lines` of the file line holding `offset` of the YAML text (line 1 of the YAML is lines[1]).
  const lineIndexOf = (offset: number) => counter.linePos(offset).line;
  const pairOf = (key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
  const inserts: { at: number; text: string[] }[] = [];

  const pair = pairOf('updates');
  if (!pair) {
    inserts.push({ at: f.end, text: ['updates:', ...entryLines(update, '  ', '    ')] });
  } else if (pair.value === null || (isScalar(pair.value) && pair.value.value === null && pair.value.range![0] === pair.value.range![1])) {
    // `updates:` with nothing after it.
    const keyLine = lineIndexOf((pair.key as Node).range![0]);
    inserts.push({ at: keyLine + 1, text: entryLines(update, '  ', '    ') });
  } else if (isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0) {
    const seq = pair.value;
    const first = seq.items[0] as Node;
    const firstLine = lines[lineIndexOf(first.range![0])]!;
    const dash = /^( *)-/.exec(firstLine)?.[1] ?? '  ';
    // Our entry is written as `- at:`, so its other keys line up two columns after the dash.
    const cont = dash + '  ';
    const last = seq.items.at(-1) as Node;
    let endOffset = last.range![1];
    while (endOffset > last.range![0] && /\s/.test(yamlText[endOffset - 1]!)) endOffset--;
    inserts.push({ at: lineIndexOf(Math.max(endOffset - 1, last.range![0])) + 1, text: entryLines(update, dash, cont) });
  } else {
    throw new CliError({ code: 'cli.updates-flow' }, 1);
  }

  let result = [...lines];
  if (touchUpdated !== undefined) {
    const updated = pairOf('updated');
    if (updated && isScalar(updated.value) && updated.value.range) {
      // Replace only the value on its line: the key, spacing and any comment after it stay.
      const [start, end] = updated.value.range;
      const idx = lineIndexOf(start);
      const startCol = counter.linePos(start).col - 1;
      const endCol = startCol + (end - start);
      const line = result[idx]!;
      result[idx] = line.slice(0, startCol) + touchUpdated + line.slice(endCol);
    } else if (!updated) {
      const published = pairOf('published');
      const after = published?.value?.range ? lineIndexOf(published.value.range[0]) + 1 : f.end;
      inserts.push({ at: after, text: [`updated: ${touchUpdated}`] });
    } else {
      throw new CliError({ code: 'field.type', params: { expected: 'ett datum', example: 'updated: 2022-01-08T18:34' } }, 1);
    }
  }
  // Insert from the bottom so earlier indexes stay right.
  for (const ins of inserts.sort((a, b) => b.at - a.at)) {
    result.splice(ins.at, 0, ...ins.text.map((l) => l + f.eol));
  }
  // A file whose last line had no line ending: an insert at the end would glue to it.
  result = result.map((l, i) => (i < result.length - 1 && !l.endsWith('\n') ? l + f.eol : l));
  return f.bom + result.join('');
}
