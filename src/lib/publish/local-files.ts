// The files of a release's site/ folder with their sizes and hashes, computed once and compared
// with what every target reports (plan.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../release/checksums.ts';
import { HASH_TYPES, type LocalFile } from './plan.ts';

export function describeFiles(dir: string): LocalFile[] {
  return listFiles(dir).map((rel) => {
    const bytes = readFileSync(path.join(dir, rel));
    const hashes = Object.fromEntries(HASH_TYPES.map((t) => [t, createHash(t).update(bytes).digest('hex')])) as LocalFile['hashes'];
    return { path: rel, size: bytes.length, hashes };
  });
}
