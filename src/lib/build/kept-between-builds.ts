// Work kept between builds, beside the page cache: $KRISINFO_CACHE/<kind>/, default .cache/<kind>/.
// A rebuild after one bulletin changed reads every content file again and renders every list and
// feed again; most of that is the same work on the same text. Two kinds are kept: the render
// threads' Markdown renders ('markdown': src/lib/model/markdown.ts, at 1,000 bulletins a second of
// the threads' time) and the parsed YAML of every content file ('yaml': content/yaml-source.ts,
// 0.5-0.8 s of checking content/). Each is one file named by the build's inputs digest
// (input-digest.ts: the code, the site's settings, its images), so a build with other code or
// settings never sees it; inside, an entry is found by a key that holds its text.
//
// The file starts with the SHA-256 of the rest: a file damaged on disk is ignored (and the work
// done again), never published. Deleting the folder is always safe.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { sha256 } from '../release/checksums.ts';
import type { KeptYaml } from '../content/yaml-source.ts';
import { removeUnused } from './unused-files.ts';

const HASH_BYTES = 64;

export type KeptKind = 'markdown' | 'yaml';

export function keptDir(kind: KeptKind): string {
  return path.resolve(process.env.KRISINFO_CACHE ?? '.cache', kind);
}

function fileFor(dir: string, digest: string): string {
  return path.join(dir, `${digest}.v8`);
}

/**
 * What a previous build with the same inputs kept: v8-serialized parts (for Markdown, one map per
 * render thread it had). Empty when there is nothing or the file is damaged.
 */
export function readKept(digest: string, dir: string): Uint8Array[] {
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
 * Keeps this build's parts for the next build with the same digest, and removes other digests'
 * files that have not been written for an hour. Written under a temporary name first, so that a
 * parallel build never reads half. Never throws: a full disk or a read-only cache folder costs
 * the next build time, not this one.
 */
export function writeKept(digest: string, parts: Uint8Array[], dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const payload = serialize(parts);
    const target = fileFor(dir, digest);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(sha256(payload), 'latin1'), payload]));
    renameSync(tmp, target);
    removeUnused(dir, (name) => name === path.basename(target));
  } catch {
    // The next build does the work again.
  }
}

/** The YAML values a previous build with the same inputs kept (content/yaml-source.ts). */
export function readKeptYaml(digest: string): Map<string, Uint8Array> {
  try {
    const [part] = readKept(digest, keptDir('yaml'));
    const values = part ? (deserialize(part) as unknown) : undefined;
    return values instanceof Map ? (values as Map<string, Uint8Array>) : new Map();
  } catch {
    return new Map();
  }
}

/** Keeps the YAML values this build used, for the next build. */
export function writeKeptYaml(digest: string, yaml: KeptYaml): void {
  writeKept(digest, [serialize(yaml.used)], keptDir('yaml'));
}
