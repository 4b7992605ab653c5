// Markdown renders kept between builds, beside the page cache: $KRISINFO_CACHE/markdown/, default
// .cache/markdown/. A rebuild after one bulletin changed still renders every list and feed, and
// those render the Markdown of every bulletin again (at 1,000 bulletins a second of the render
// threads' time). Each render thread hands back the renders it used (src/lib/model/markdown.ts);
// they are kept in one file named by the build's inputs digest (input-digest.ts: the code, the
// site's settings, its images), so a build with other code or settings never sees them. Inside,
// renders are found by their key, which holds the Markdown itself and the render options.
//
// The file starts with the SHA-256 of the rest: a file damaged on disk is ignored (and every
// text rendered again), never published. Deleting the folder is always safe.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { sha256 } from '../release/checksums.ts';
import { removeUnused } from './unused-files.ts';

const HASH_BYTES = 64;

export function markdownCacheDir(): string {
  return path.resolve(process.env.KRISINFO_CACHE ?? '.cache', 'markdown');
}

function fileFor(dir: string, digest: string): string {
  return path.join(dir, `${digest}.v8`);
}

/**
 * The renders a previous build with the same inputs kept: one v8-serialized map per render
 * thread it had, for the threads to take in. Empty when there are none or the file is damaged.
 */
export function readMarkdownCache(digest: string, dir = markdownCacheDir()): Uint8Array[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileFor(dir, digest));
  } catch {
    return [];
  }
  const payload = bytes.subarray(HASH_BYTES);
  if (bytes.subarray(0, HASH_BYTES).toString('latin1') !== sha256(payload)) return [];
  try {
    const parts = deserialize(payload) as unknown;
    return Array.isArray(parts) && parts.every((p) => p instanceof Uint8Array) ? parts : [];
  } catch {
    return [];
  }
}

/**
 * Keeps this build's renders (one map per render thread, as the threads serialized them) for the
 * next build with the same digest, and removes other digests' files that have not been written
 * for an hour. Written under a temporary name first, so that a parallel build never reads half.
 */
export function writeMarkdownCache(digest: string, parts: Uint8Array[], dir = markdownCacheDir()): void {
  mkdirSync(dir, { recursive: true });
  const payload = serialize(parts);
  const target = fileFor(dir, digest);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(sha256(payload), 'latin1'), payload]));
  renameSync(tmp, target);
  removeUnused(dir, (name) => name === path.basename(target));
}
