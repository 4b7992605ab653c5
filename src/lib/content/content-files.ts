// Whether a file named in content/ really is in content/. A symbolic link inside the folder can
// point anywhere (`bulletins/images/karta.png -> /home/anna/.ssh/id_ed25519`), and following it
// would publish the target. Every file the site reads is resolved to its real path first and used
// only if that lies inside the content folder's own real path; a link inside pointing inside is fine.
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type ContentFileStatus =
  | { kind: 'file'; real: string }
  | { kind: 'directory' }
  | { kind: 'missing' }
  /** A link (or a link among the folders on the way) to somewhere outside content/. */
  | { kind: 'outside'; target: string }
  /** A link to nothing. */
  | { kind: 'broken'; target: string };

/** The content folder's real path, once per load: everything is compared with it. */
export function realContentDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * What `relPath` (relative to content/) is, following links only as far as content/ reaches.
 * `realDirs`: the content folder's real path, and that of the folder it mirrors, if any.
 */
export function contentFileStatus(dir: string, realDirs: readonly string[], relPath: string): ContentFileStatus {
  const abs = path.resolve(dir, relPath);
  if (abs !== dir && !abs.startsWith(dir + path.sep)) return { kind: 'outside', target: abs };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    const link = linkTarget(abs);
    return link === undefined ? { kind: 'missing' } : { kind: 'broken', target: link };
  }
  if (!realDirs.some((d) => real === d || real.startsWith(d + path.sep))) return { kind: 'outside', target: real };
  try {
    const stat = statSync(real);
    if (stat.isDirectory()) return { kind: 'directory' };
    return stat.isFile() ? { kind: 'file', real } : { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
}

/** Where a dangling link points, as written in the link; undefined if `abs` is not a link. */
function linkTarget(abs: string): string | undefined {
  try {
    return lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : undefined;
  } catch {
    return undefined;
  }
}
