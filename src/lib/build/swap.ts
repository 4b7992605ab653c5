// Putting a finished site in place of the output folder without ever publishing half of it.
// The site is first moved beside the output (one file system, so the swap is two renames), then
// `out` → `<out>.previous-<pid>` and staging → `out`. If the second rename fails, the previous site
// goes back at once; if the process is killed between the two, the next build puts it back
// (leftovers.ts). Failures are messages naming the folder (fs-errors.ts), never a stack.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { errnoOf, fsFailure, onFolder } from './fs-errors.ts';
import { pauseForTest } from './test-pause.ts';

/** Moves the site built in `workDir` to `staging` (beside the output); copies across disks. */
export function moveBeside(workDir: string, staging: string): void {
  try {
    renameSync(workDir, staging);
  } catch (e) {
    if (errnoOf(e) !== 'EXDEV') throw fsFailure(e, staging);
    onFolder(staging, () => cpSync(workDir, staging, { recursive: true }));
    rmSync(workDir, { recursive: true, force: true });
  }
  pauseForTest('staged');
}

/** Swaps `staging` in for `out`. Returns whether there was a previous site (now at `previous`). */
export function swapIn(staging: string, out: string, previous: string): boolean {
  const hadPrevious = existsSync(out);
  try {
    if (hadPrevious) onFolder(out, () => renameSync(out, previous));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  pauseForTest('swap');
  try {
    renameSync(staging, out);
  } catch (e) {
    if (hadPrevious) {
      try {
        renameSync(previous, out);
      } catch {
        // Still at `previous`: the next build puts it back (leftovers.ts).
      }
    }
    rmSync(staging, { recursive: true, force: true });
    throw fsFailure(e, out);
  }
  pauseForTest('swapped');
  return hadPrevious;
}
