// What every writing tool needs to know before it writes: the content folder, the site (languages,
// time zone), the service ids, and a "now" that tests can fix with --now.
import path from 'node:path';
import { loadContent, type Content } from '../content/load-content.ts';
import { dateProblem, parseContentDate } from '../model/dates.ts';
import { setOwn } from '../model/own.ts';
import { nonAsciiIdProblem } from '../content/text-safety.ts';
import type { Problem } from '../content/problems.ts';
import { STATUSES, type Site, type Status } from '../model/types.ts';
import { CliError, type CliMessage } from './output.ts';

export interface ToolContext {
  dir: string;
  content: Content;
  site: Site;
  now: Date;
}

export function contentDirFrom(flag: string | undefined): string {
  return path.resolve(flag ?? process.env.KRISINFO_CONTENT ?? 'content');
}

export function nowFrom(flag: string | undefined): Date {
  if (!flag) return new Date();
  const d = new Date(flag);
  if (Number.isNaN(d.getTime())) throw new CliError({ code: 'date.format', params: { value: flag } });
  return d;
}

export function loadToolContext(dirFlag: string | undefined, nowFlag: string | undefined): ToolContext {
  const dir = contentDirFrom(dirFlag);
  const content = loadContent(dir);
  if (!content.site) {
    const siteProblems = content.problems.filter((p) => p.file === 'site.yaml' || p.file === '.');
    throw new CliError([{ code: 'cli.no-site' }, ...siteProblems] as CliMessage[], 1);
  }
  return { dir, content, site: content.site, now: nowFrom(nowFlag) };
}

/** Parses `--service id=status` flags against services.yaml, with the messages check would give. */
export function parseServiceFlags(flags: string[], ctx: ToolContext): Record<string, Status> {
  const out: Record<string, Status> = {};
  const errors: CliMessage[] = [];
  const ids = ctx.content.services.map((s) => s.id);
  for (const flag of flags) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(flag);
    if (!m) {
      errors.push({ code: 'cli.service-format', params: { value: flag } });
      continue;
    }
    const [, id, status] = m as unknown as [string, string, string];
    if (!ids.includes(id)) errors.push(nonAsciiIdProblem(id) ?? { code: 'service.unknown', params: { value: id, allowed: ids.join(', ') } });
    else if (!(STATUSES as readonly string[]).includes(status)) errors.push({ code: 'value.unknown', params: { value: status, allowed: STATUSES.join(', ') } });
    else setOwn(out, id, status as Status);
  }
  if (errors.length) throw new CliError(errors);
  return out;
}

/** A date flag as content would read it (local time in the site's zone unless it has an offset). */
export function parseDateFlag(value: string, ctx: ToolContext): Date {
  const r = parseContentDate(value, ctx.site.timezone);
  if (r.ok) return r.date;
  throw new CliError(dateProblem(r, value));
}

/** Errors loadContent finds in one file, after a tool wrote it. */
export function errorsIn(dir: string, file: string): Problem[] {
  return loadContent(dir).problems.filter((p) => p.level === 'error' && p.file === file);
}
