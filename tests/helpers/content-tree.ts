// Copies of a fixture content folder, and fingerprints of folders to prove what a command changed.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from './build.ts';

export const OFFICER_FIXTURE = path.join(ROOT, 'tests/fixtures/officer');

/** A fresh copy of a fixture content folder, e.g. to break or edit it. */
export function copyFixture(fixture = OFFICER_FIXTURE): string {
  const dir = path.join(tempDir('krisinfo-officer-'), 'content');
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (relative path, forward slashes) → sha256 of its bytes. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string) => {
    for (const name of readdirSync(abs).sort()) {
      const p = path.join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
