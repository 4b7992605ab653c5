// Where the signing keys live. The public key is part of the content (committed, published);
// the secret key must never be: not in the project, not in content/, not in any output folder,
// because everything there ends up in git or on a web server.
import { isInside, realPath } from '../model/paths.ts';
import os from 'node:os';
import path from 'node:path';

export const PUBLIC_KEY_FILE = 'minisign.pub';

export function defaultSecretKeyPath(): string {
  return process.env.KRISINFO_SECRET_KEY ?? path.join(os.homedir(), '.krisinfo', 'minisign.key');
}

export function publicKeyPath(contentDir: string): string {
  return path.join(contentDir, PUBLIC_KEY_FILE);
}

/** The folder among `forbidden` that would contain the secret key, if any. */
export function forbiddenHome(secretKey: string, forbidden: string[]): string | undefined {
  return forbidden.find((dir) => isInside(realPath(secretKey), realPath(dir)));
}
