// SHA256SUMS for a built site, in the format of GNU `sha256sum`, so that `sha256sum -c SHA256SUMS`
// (or `shasum -a 256 -c` on a Mac) checks a downloaded copy without any tool of ours.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'SHA256SUMS.minisig';

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  // Byte order, not locale order: the same list on every machine.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One line as sha256sum writes it: names with a backslash or newline are escaped, line marked with '\'. */
export function sumLine(hash: string, name: string): string {
  if (/[\\\n\r]/.test(name)) {
    const escaped = name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    return `\\${hash}  ${escaped}\n`;
  }
  return `${hash}  ${name}\n`;
}

/** SHA256SUMS text for the given files of `dir` (default: all, except the sums and their signature). */
export function sha256sums(dir: string, files = listFiles(dir).filter((f) => f !== SUMS_FILE && f !== SIGNATURE_FILE)): string {
  return files.map((f) => sumLine(sha256(readFileSync(path.join(dir, f))), f)).join('');
}

export interface SumEntry {
  hash: string;
  name: string;
}

export function parseSums(text: string): SumEntry[] {
  const entries: SumEntry[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const escaped = raw.startsWith('\\');
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(escaped ? raw.slice(1) : raw);
    if (!m) throw new Error(`not a sha256sum line: ${raw}`);
    const name = escaped ? m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : m[2]!;
    entries.push({ hash: m[1]!, name });
  }
  return entries;
}

export interface CheckResult {
  ok: boolean;
  /** Listed files whose content differs. */
  changed: string[];
  /** Listed files that are not there. */
  missing: string[];
  /** Files present but not listed (something was added to the site). */
  extra: string[];
}

/** `sha256sum -c`, plus the files nobody signed: an added page is as suspicious as a changed one. */
export function checkSums(dir: string, text: string): CheckResult {
  const entries = parseSums(text);
  const listed = new Set(entries.map((e) => e.name));
  const present = new Set(listFiles(dir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const e of entries) {
    if (!present.has(e.name)) missing.push(e.name);
    else if (sha256(readFileSync(path.join(dir, e.name))) !== e.hash) changed.push(e.name);
  }
  const extra = [...present].filter((f) => !listed.has(f) && f !== SUMS_FILE && f !== SIGNATURE_FILE);
  return { ok: !changed.length && !missing.length && !extra.length, changed, missing, extra };
}
