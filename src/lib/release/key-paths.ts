// Where the signing keys live. The public key is part of the content (committed, published);
// the secret key must never be: not in the project, not in content/, not in any output folder,
// because everything there ends up in git or on a web server.
import { existsSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PUBLIC_KEY_FILE = 'minisign.pub';

export function defaultSecretKeyPath(): string {
  return process.env.KRISINFO_SECRET_KEY ?? path.join(os.homedir(), '.krisinfo', 'minisign.key');
}

export function publicKeyPath(contentDir: string): string {
  return path.join(contentDir, PUBLIC_KEY_FILE);
}

/** The path with symlinks of its deepest existing ancestor resolved, so a link cannot sneak it in. */
function real(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    tail.unshift(path.basename(head));
    const up = path.dirname(head);
    if (up === head) break;
    head = up;
  }
  return path.join(realpathSync(head), ...tail);
}

export function isInside(child: string, dir: string): boolean {
  const rel = path.relative(real(dir), real(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The folder among `forbidden` that would contain the secret key, if any. */
export function forbiddenHome(secretKey: string, forbidden: string[]): string | undefined {
  return forbidden.find((dir) => isInside(secretKey, dir));
}
