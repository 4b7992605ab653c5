// The caches beside a build (server bundles, the page cache, the Markdown cache) are shared by
// builds that may run at once, from other checkouts or with other code: an entry is removed only
// when no build has used it for an hour (a use sets its mtime), never the moment it looks stale.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** How long an entry no build has used is kept (another build may be about to use it). */
export const KEEP_UNUSED_MS = 60 * 60 * 1000;

/** Removes the files and folders in `dir` that `keep` does not name and that no build has used for KEEP_UNUSED_MS. */
export function removeUnused(dir: string, keep: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - KEEP_UNUSED_MS;
  for (const name of names) {
    if (keep(name)) continue;
    const abs = path.join(dir, name);
    try {
      if (statSync(abs).mtimeMs < cutoff) rmSync(abs, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another build.
    }
  }
}
