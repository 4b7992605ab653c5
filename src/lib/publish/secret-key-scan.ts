// A minisign secret key must never be published: `package` refuses a site folder that holds one,
// whatever the file is called (a key copied into public/ by mistake, a backup next to a page).
// A secret key file's key line is base64 of "Ed" + kdf ("Sc" encrypted, 0x0000 not) + "B2" + …,
// 158 bytes, so it starts with one of two fixed prefixes.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../release/checksums.ts';

const KEY_LINE_RE = /RW(?:RTY0Iy|QAAEIy)[A-Za-z0-9+/]{100,}={0,2}/g;
/** Key files are a few hundred bytes; pages that quote one are small too. Images are not read. */
const MAX_BYTES = 2 * 1024 * 1024;

export function containsSecretKey(text: string): boolean {
  return [...text.matchAll(KEY_LINE_RE)].some((m) => Buffer.from(m[0], 'base64').length === 158);
}

/** The files of `dir` (relative paths) that contain a minisign secret key. */
export function findSecretKeys(dir: string): string[] {
  return listFiles(dir).filter((rel) => {
    const file = path.join(dir, rel);
    return statSync(file).size <= MAX_BYTES && containsSecretKey(readFileSync(file, 'latin1'));
  });
}
