// YAML with line numbers, for site.yaml, services.yaml and the frontmatter of Markdown files.
// The YAML 1.2 core schema keeps dates as strings (dates.ts interprets them in the site's zone)
// and does not turn `no` into false or `0923` into a number with a lost zero silently... mostly:
// bare digits are still numbers, which read-site.ts catches for phone numbers.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Problem } from './problems.ts';
import { adviseParsedDocument, adviseScalarDocument, adviseYamlErrors } from './yaml-advice.ts';

export interface YamlSource {
  /** The parsed value, or undefined when the YAML could not be read. */
  value: unknown;
  /** 1-based line of the node at `path` (keys and list indexes), if the YAML has it. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  problems: Problem[];
}

/** Parsed YAML kept from the previous build (see keepYamlValues), and what this build used. */
export interface KeptYaml {
  /** v8-serialized values by the SHA-256 of their text, from the previous build. */
  known: Map<string, Uint8Array>;
  /** Every value this build parsed or took without a problem: what the next build gets. */
  used: Map<string, Uint8Array>;
  /** Texts taken from `known`, and texts parsed. */
  carried: number;
  parsed: number;
}

let kept: KeptYaml | undefined;

/**
 * From now on, a text whose value the previous build kept is not parsed again (src/lib/build/build-site.ts;
 * at 1,000 bulletins parsing 1,400 frontmatters took 0.5-0.8 s of every build). Only a text that
 * parsed without a problem is kept, so its problems are none; its lines (which only a problem
 * needs) come from parsing it after all, when first asked for. The previous build had the same
 * inputs digest, so the same code read the same text (src/lib/build/kept-between-builds.ts).
 */
export function keepYamlValues(known: Map<string, Uint8Array>): KeptYaml {
  kept = { known, used: new Map(), carried: 0, parsed: 0 };
  return kept;
}

/**
 * @param lineOffset lines before `text` in the file (the `---` line of frontmatter), so that
 *   the numbers in messages match what the officer sees in the editor.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): YamlSource {
  const memory = kept;
  if (!memory) return parseFresh(text, file, lineOffset);
  const id = createHash('sha256').update(text).digest('base64url');
  const bytes = memory.known.get(id);
  if (bytes) {
    memory.used.set(id, bytes);
    memory.carried++;
    let parsed: YamlSource | undefined;
    return { value: deserialize(bytes), problems: [], lineOf: (path) => (parsed ??= parseFresh(text, file, lineOffset)).lineOf(path) };
  }
  const parsed = parseFresh(text, file, lineOffset);
  memory.parsed++;
  // Serialized now: whoever reads the value may change it.
  if (!parsed.problems.length) memory.used.set(id, serialize(parsed.value));
  return parsed;
}

function parseFresh(text: string, file: string, lineOffset: number): YamlSource {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const src = { text, file, lineOffset, lineCounter };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    problems.push({ level: 'error', file, line: lineOffset + 1, code: 'yaml.invalid' });
    return { value: undefined, lineOf: () => undefined, problems };
  }
  // The parser's own words are English jargon: yaml-advice.ts says what to do instead.
  problems.push(...adviseYamlErrors(doc.errors, src));
  if (!problems.length) {
    const scalar = adviseScalarDocument(doc, src);
    if (scalar) problems.push(scalar);
  }
  if (problems.length) return { value: undefined, lineOf: () => undefined, problems };
  // Mistakes the parser accepts (a comma inside { }): reported, and mended so nothing follows from them.
  problems.push(...adviseParsedDocument(doc, src));
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    // Aliases are reported by adviseParsedDocument; anything else still gets a line-less message.
    if (!problems.length) problems.push({ level: 'error', file, line: lineOffset + 1, code: 'yaml.invalid' });
    return { value: undefined, lineOf: () => undefined, problems };
  }
  const lineOf = (path: readonly (string | number)[]) => {
    // Try the full path, then its parents, so a missing field points at the map that lacks it.
    for (let n = path.length; n >= 0; n--) {
      const node = path.length === 0 ? doc.contents : (doc.getIn(path.slice(0, n), true) as Node | undefined);
      const target = n === 0 ? doc.contents : node;
      if (target && (isScalar(target) || isMap(target) || isSeq(target)) && target.range) {
        return lineAt(target.range[0]);
      }
      if (n === 0) break;
    }
    return undefined;
  };
  return { value, lineOf, problems };
}

export interface Frontmatter {
  yaml: YamlSource;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`. Text must already be LF-normalised (text-file.ts does that). */
export function splitFrontmatter(text: string, file: string): Frontmatter | { problem: Problem } {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { problem: { level: 'error', file, line: 1, code: 'frontmatter.missing' } };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { problem: { level: 'error', file, line: 1, code: 'frontmatter.unclosed' } };
  const yaml = parseYaml(lines.slice(1, end).join('\n'), file, 1);
  return { yaml, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
