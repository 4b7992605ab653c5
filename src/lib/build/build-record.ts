// The build's record of what it wrote: one small file at the root of every output folder, written
// by build-site.ts into the finished site just before the swap. It is
// - the mark that lets the next build replace the folder (output-folder.ts): a folder without it
//   is not ours to delete;
// - the time the clock guard compares the next build's "now" with (clock-guard.ts);
// - the checksum list of every file: `npm run package` compares the site with it before it signs,
//   and pages carried over from the page cache must match it (page-cache.ts verifyCarriedOver).
// It is a dot file with nothing secret in it (the same times status.json shows, the hashes anyone
// could compute); it is published with the site like any other file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, sha256 } from '../release/checksums.ts';
import type { CliMessage } from '../cli/output.ts';

export const BUILD_RECORD = '.krisinfo-build.json';
const FORMAT = 1;

/** Where the build's "now" came from. */
export type ClockSource = 'clock' | '--now' | 'KRISINFO_NOW';

export interface BuildRecord {
  format: number;
  tool: 'krisinfo';
  /** The build's "now" (ISO 8601, UTC). */
  now: string;
  clock: ClockSource;
  /** The newest publication or update the site showed, if any. */
  newest?: { at: string; slug: string };
  /** Every file of the site but this one, by forward-slash path: its SHA-256. */
  files: Record<string, string>;
}

export type BuildFacts = Omit<BuildRecord, 'format' | 'tool' | 'files'>;

/** SHA-256 of every file of the site in `dir`, except the record itself. */
function hashSite(dir: string): Record<string, string> {
  // fromEntries makes own properties, so even a file called __proto__ is listed like any other.
  return Object.fromEntries(listFiles(dir).filter((f) => f !== BUILD_RECORD).map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));
}

/** Writes the record into the finished site in `dir` and returns it. */
export function writeBuildRecord(dir: string, facts: BuildFacts): BuildRecord {
  const record: BuildRecord = { format: FORMAT, tool: 'krisinfo', ...facts, files: hashSite(dir) };
  writeFileSync(path.join(dir, BUILD_RECORD), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}

/** The record of the site in `dir`; undefined when there is none, or none this tool can read. */
export function readBuildRecord(dir: string): BuildRecord | undefined {
  const file = path.join(dir, BUILD_RECORD);
  if (!existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildRecord>;
    const ok = r.tool === 'krisinfo' && r.format === FORMAT && typeof r.now === 'string' && !Number.isNaN(Date.parse(r.now)) && typeof r.files === 'object' && r.files !== null;
    return ok ? (r as BuildRecord) : undefined;
  } catch {
    return undefined;
  }
}

export interface SiteDifference {
  /** Files whose bytes differ from what the build wrote. */
  changed: string[];
  /** Files the build wrote that are gone. */
  missing: string[];
  /** Files the build did not write. */
  added: string[];
}

/** How the site in `dir` differs from what its build wrote (all empty: it is exactly that). */
export function compareWithRecord(dir: string, record: BuildRecord): SiteDifference {
  const now = hashSite(dir);
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [f, hash] of Object.entries(record.files)) {
    if (!Object.hasOwn(now, f)) missing.push(f);
    else if (now[f] !== hash) changed.push(f);
  }
  const added = Object.keys(now).filter((f) => !Object.hasOwn(record.files, f));
  return { changed, missing, added };
}

/**
 * Why `npm run package` must not sign the site in `dir`, if it must not: it has no build record,
 * or its files differ from what the build wrote (edited, added or removed since).
 */
export function unbuiltSiteProblem(dir: string, shown: string): CliMessage | undefined {
  const record = readBuildRecord(dir);
  if (!record) return { code: 'package.not-built', params: { folder: shown, record: BUILD_RECORD } };
  const { changed, missing, added } = compareWithRecord(dir, record);
  const all = [...changed, ...missing.map((f) => `${f} (borta/missing)`), ...added.map((f) => `${f} (ny/new)`)];
  if (all.length === 0) return undefined;
  const files = all.length > 5 ? `${all.slice(0, 5).join(', ')} … (+${all.length - 5})` : all.join(', ');
  return { code: 'package.changed', params: { folder: shown, count: all.length, files } };
}
