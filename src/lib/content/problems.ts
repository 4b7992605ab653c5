// A problem found in content/: which file, which field, which line, and a message code that
// messages.ts turns into plain words (Swedish or English) with what to do about it.
import { messageFor, type MessageCode, type MessageLang } from './messages.ts';

export type ProblemLevel = 'error' | 'warning';

export interface Problem {
  level: ProblemLevel;
  /** Path relative to the content directory, with forward slashes, e.g. `bulletins/x.md`. */
  file: string;
  /** Dotted path of the field, e.g. `updates[2].at`; absent for problems with the whole file. */
  field?: string;
  /** 1-based line in the file, where the YAML tells us. */
  line?: number;
  code: MessageCode;
  params?: Record<string, string | number>;
}

/** A field's path as `field` names it, `contacts[0].name.sv`; undefined for the file as a whole. */
export function fieldName(path: readonly (string | number)[]): string | undefined {
  if (!path.length) return undefined;
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/** Sorted by file, then line, errors before warnings: the order the officer reads them in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1),
  );
}

/** One problem as one line of text plus the advice, e.g. for the terminal. */
export function formatProblem(p: Problem, lang: MessageLang = 'sv', contentLabel = 'content'): string {
  const msg = messageFor(p, lang);
  const where = `${contentLabel}/${p.file}${p.line ? `:${p.line}` : ''}`;
  const level = lang === 'sv' ? (p.level === 'error' ? 'FEL' : 'VARNING') : p.level === 'error' ? 'ERROR' : 'WARNING';
  const field = p.field ? (lang === 'sv' ? ` fältet "${p.field}":` : ` field "${p.field}":`) : '';
  return `${level} ${where}${field} ${msg.text}${msg.fix ? `\n    → ${msg.fix}` : ''}`;
}

/** A problem under its file's heading: the file is not repeated, the line and field lead. */
function formatUnderFile(p: Problem, lang: MessageLang): string {
  const msg = messageFor(p, lang);
  const sv = lang === 'sv';
  const level = sv ? (p.level === 'error' ? 'FEL' : 'VARNING') : p.level === 'error' ? 'ERROR' : 'WARNING';
  const where = [p.line ? `${sv ? 'rad' : 'line'} ${p.line}` : '', p.field ? `${sv ? 'fältet' : 'field'} "${p.field}"` : ''].filter(Boolean).join(', ');
  return `  ${level}${where ? ` ${where}:` : ''} ${msg.text}${msg.fix ? `\n      → ${msg.fix}` : ''}`;
}

/** Every problem, grouped under its file, with a count at the end. */
export function formatReport(problems: readonly Problem[], lang: MessageLang = 'sv', contentLabel = 'content'): string {
  const sorted = sortProblems(problems);
  const lines: string[] = [];
  let current = '';
  for (const p of sorted) {
    if (p.file !== current) {
      current = p.file;
      lines.push('', `${contentLabel}/${p.file}`);
    }
    lines.push(formatUnderFile(p, lang));
  }
  const errors = sorted.filter((p) => p.level === 'error').length;
  const warnings = sorted.length - errors;
  lines.push(
    '',
    lang === 'sv'
      ? `${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}.`
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  return lines.join('\n').trimStart();
}
