// What a killed build leaves behind, put right by the next build before it does anything else.
// A build works in `.build/site-<pid>/`, moves the finished site beside the output as
// `<out>.staging-<pid>`, then swaps: `<out>` → `<out>.previous-<pid>`, staging → `<out>`, and deletes
// the previous site in the background. Killed between the two renames, it leaves no `<out>` at all
// (Node has no atomic exchange of two folders): the previous site is then put back. Every other
// leftover of a build whose process is gone is deleted (one can be 70 MB).
// Called under the output's lock (build-lock.ts), so no other build of this output is running.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './build-lock.ts';
import type { CliMessage } from '../cli/output.ts';
import { onFolder, shownPath } from './fs-errors.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Leftover {
  dir: string;
  kind: string;
  pid: number;
}

/** The entries of `dir` named `<prefix><kind>-<pid>` whose process is gone. */
function deadBuilds(dir: string, prefix: string, kinds: string[]): Leftover[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${escape(prefix)}(${kinds.join('|')})-(\\d+)$`);
  const found: Leftover[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && !isAlive(pid)) found.push({ dir: path.join(dir, name), kind: m[1]!, pid });
  }
  return found;
}

function newestFirst(a: Leftover, b: Leftover): number {
  const mtime = (l: Leftover) => {
    try {
      return statSync(l.dir).mtimeMs;
    } catch {
      return 0;
    }
  };
  return mtime(b) - mtime(a);
}

/**
 * Restores `out` from a killed build's `<out>.previous-<pid>` when `out` is missing, and deletes the
 * leftovers of builds that are gone: beside `out` and in `workRoot` (`.build/`). Returns what the
 * officer should be told.
 */
export function recoverInterrupted(out: string, workRoot: string): CliMessage[] {
  const notes: CliMessage[] = [];
  const beside = deadBuilds(path.dirname(out), `${path.basename(out)}.`, ['staging', 'previous']);
  const previous = beside.filter((l) => l.kind === 'previous').sort(newestFirst);
  if (!existsSync(out) && previous.length > 0) {
    const from = previous.shift()!;
    onFolder(out, () => renameSync(from.dir, out));
    notes.push({ code: 'build.restored', params: { folder: shownPath(out), from: shownPath(from.dir) } });
  }
  const gone = [...beside.filter((l) => l.kind !== 'previous'), ...previous, ...deadBuilds(workRoot, '', ['site'])];
  // Deleting is tidying up: a folder that will not go stays until a later build, and this one goes on.
  for (const l of gone) {
    try {
      rmSync(l.dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Left for a later build.
    }
  }
  return notes;
}
