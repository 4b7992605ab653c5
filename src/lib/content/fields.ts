// Reads fields out of parsed YAML, one at a time, recording a problem (with file, field and line)
// for each one that is wrong instead of stopping at the first: the officer fixes everything at once.
import { closest, distance } from 'fastest-levenshtein';
import { dateProblem, parseContentDate } from '../model/dates.ts';
import type { MessageCode } from './messages.ts';
import { setOwn } from '../model/own.ts';
import { nonAsciiIdProblem } from './text-safety.ts';
import { fieldName, type Problem, type ProblemLevel } from './problems.ts';
import type { Localized } from '../model/types.ts';
import type { YamlSource } from './yaml-source.ts';

export type FieldPath = readonly (string | number)[];

export interface ReadContext {
  file: string;
  yaml: YamlSource;
  problems: Problem[];
  timeZone: string;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export class FieldReader {
  constructor(
    readonly obj: Record<string, unknown>,
    readonly ctx: ReadContext,
    readonly path: FieldPath = [],
  ) {}

  /** Records a problem with `key` (a field, or a path below this reader), or with this reader's own path. */
  problem(code: MessageCode, key: string | number | FieldPath | undefined, params: Record<string, string | number> = {}, level: ProblemLevel = 'error'): void {
    const path = key === undefined ? this.path : [...this.path, ...(Array.isArray(key) ? key : [key as string | number])];
    this.ctx.problems.push({
      level,
      file: this.ctx.file,
      field: fieldName(path),
      line: this.ctx.yaml.lineOf(path),
      code,
      params,
    });
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  private missing(key: string, required: boolean | undefined, example: string | undefined): undefined {
    if (required) this.problem('field.required', key, { example: example ?? `${key}: …` });
    return undefined;
  }

  private wrongType(key: string | number, expected: string, example: string): undefined {
    this.problem('field.type', key, { expected, example });
    return undefined;
  }

  string(key: string, opts: { required?: boolean; max?: number; example?: string } = {}): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return this.missing(key, opts.required, opts.example);
    if (typeof v === 'number' || typeof v === 'boolean') return this.checkLength(key, String(v), opts.max);
    if (typeof v !== 'string') return this.wrongType(key, 'text', opts.example ?? `${key}: text`);
    if (v.trim() === '') {
      if (opts.required) this.problem('field.empty', key);
      return undefined;
    }
    return this.checkLength(key, v.trim(), opts.max);
  }

  private checkLength(key: string | number, s: string, max?: number): string {
    const length = [...s].length;
    if (max !== undefined && length > max) this.problem('text.too-long', key, { length, max, over: length - max });
    return s;
  }

  /** A string, or a map from language code to string. */
  localized(key: string, opts: { required?: boolean; languages: readonly string[]; example?: string }): Localized | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return this.missing(key, opts.required, opts.example);
    if (typeof v === 'string' || typeof v === 'number') {
      if (String(v).trim() === '') return opts.required ? (this.problem('field.empty', key), undefined) : undefined;
      return String(v).trim();
    }
    if (!isPlainObject(v)) return this.wrongType(key, 'text', opts.example ?? `${key}: "…"`);
    const out: Record<string, string> = {};
    const inner = this.child(key, v);
    for (const lang of Object.keys(v)) {
      if (opts.languages.length && !opts.languages.includes(lang)) {
        const lookAlike = nonAsciiIdProblem(lang);
        if (lookAlike) inner.problem(lookAlike.code, lang, lookAlike.params);
        else inner.problem('lang.unknown-key', lang, { value: lang, allowed: opts.languages.join(', ') });
        continue;
      }
      const s = inner.string(lang, { required: true });
      if (s !== undefined) setOwn(out, lang, s);
    }
    if (Object.keys(out).length === 0) return opts.required ? (this.problem('field.empty', key), undefined) : undefined;
    return out;
  }

  date(key: string, opts: { required?: boolean } = {}): Date | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return this.missing(key, opts.required, `${key}: 2022-01-07T16:00`);
    return this.dateValue(key, v);
  }

  dateValue(key: string | number, v: unknown): Date | undefined {
    const r = parseContentDate(v, this.ctx.timeZone);
    if (r.ok) return r.date;
    const { code, params } = dateProblem(r, String(v));
    this.problem(code, key, params);
    return undefined;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v.trim())) return v.trim() as T;
    this.problem('value.unknown', key, { value: String(v), allowed: allowed.join(', ') });
    return fallback;
  }

  /** A list of allowed values; a single value is accepted as a list of one. */
  listOf<T extends string>(key: string, allowed: readonly T[], fallback: T[]): T[] {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    // `audience: public, staff` is one text to YAML: say how to write a list, and read it as one.
    const commaText = typeof v === 'string' && v.includes(',');
    const items = Array.isArray(v) ? v : commaText ? v.split(',').map((x) => x.trim()).filter(Boolean) : [v];
    if (commaText) this.problem('field.list-brackets', key, { example: `${key}: [${items.join(', ')}]` });
    const out: T[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string' && (allowed as readonly string[]).includes(item.trim())) out.push(item.trim() as T);
      else this.problem('value.unknown', Array.isArray(v) ? [key, i] : key, { value: String(item), allowed: allowed.join(', ') });
    });
    return out.length ? [...new Set(out)] : fallback;
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    this.wrongType(key, 'true/false', `${key}: true`);
    return fallback;
  }

  number(key: string): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    return this.wrongType(key, 'a number', `${key}: 1`);
  }

  list(key: string, opts: { required?: boolean; example?: string } = {}): unknown[] | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return this.missing(key, opts.required, opts.example);
    if (!Array.isArray(v)) {
      this.problem('yaml.not-list', key);
      return undefined;
    }
    return v;
  }

  map(key: string): Record<string, unknown> | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (!isPlainObject(v)) {
      this.problem('yaml.not-map', key);
      return undefined;
    }
    return v;
  }

  child(key: string | number, obj: Record<string, unknown>): FieldReader {
    return new FieldReader(obj, this.ctx, [...this.path, key]);
  }

  /** Each entry of a list of maps as a reader of its own. */
  entries(key: string, opts: { required?: boolean; example?: string } = {}): FieldReader[] {
    const items = this.list(key, opts) ?? [];
    const readers: FieldReader[] = [];
    items.forEach((item, i) => {
      const path = [...this.path, key, i];
      if (isPlainObject(item)) readers.push(new FieldReader(item, this.ctx, path));
      else new FieldReader({}, this.ctx, path).problem('yaml.not-map', undefined);
    });
    return readers;
  }

  /** Warns about keys we do not know, which are usually typos of ones we do: `pinnned` → pinned. */
  warnUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (known.includes(key)) continue;
      const suggestion = nearestKnown(key, known);
      if (suggestion) this.problem('field.unknown-near', key, { suggestion, known: known.join(', ') }, 'warning');
      else this.problem('field.unknown', key, { known: known.join(', ') }, 'warning');
    }
  }
}

/**
 * The known field an unknown one is probably a typo of: at most two letters added, dropped or
 * changed (one for short names), ignoring case. `pinnned` → pinned, `Title` → title, `sumary` → summary.
 */
export function nearestKnown(key: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const lower = key.toLowerCase();
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const best = closest(lower, [...byLower.keys()]);
  const limit = lower.length <= 4 ? 1 : 2;
  return distance(lower, best) <= limit ? byLower.get(best) : undefined;
}
