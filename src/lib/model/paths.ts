// Paths on disk, for the checks that keep the build, the keys and the preview inside their folders.

import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `inner` is `outer` or lies inside it (by name; a child called `..x` is inside). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of `p`, also when `p` (or more of its tail) does not exist yet: a link cannot sneak it in. */
export function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const abs = path.resolve(p);
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPath(parent), path.basename(abs));
  }
}
