// Processed image variants kept between builds, so a rebuild with unchanged images does no image
// work. An entry is a folder named by a hash of the source bytes and every setting that shapes the
// output (images.ts makes the key); a changed image or setting simply gets a new folder.
// Where: $KRISINFO_CACHE/images/, default .cache/images/ (gitignored). Deleting it is always safe.
// stats.json counts what this build process did there, so a test (or a curious person) can see
// that a warm build processed nothing.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function imageCacheDir(): string {
  return path.resolve(process.env.KRISINFO_CACHE ?? '.cache', 'images');
}

export interface ImageCacheStats {
  /** Process that wrote the figures: each build starts from zero. */
  pid: number;
  /** Source images decoded and encoded in this build. */
  processed: number;
  /** Variants served from the cache without any image work. */
  reused: number;
  /** Content paths of the processed sources, for the curious. */
  processedSources: string[];
}

const stats: ImageCacheStats = { pid: process.pid, processed: 0, reused: 0, processedSources: [] };

function entryDir(key: string): string {
  return path.join(imageCacheDir(), key);
}

export function readCached(key: string, name: string): Buffer | undefined {
  const file = path.join(entryDir(key), name);
  return existsSync(file) ? readFileSync(file) : undefined;
}

export function hasCached(key: string, names: string[]): boolean {
  return names.every((n) => existsSync(path.join(entryDir(key), n)));
}

/** Written to a temporary name and renamed: a build stopped half-way never leaves a broken file. */
export function writeCached(key: string, name: string, bytes: Buffer): void {
  const dir = entryDir(key);
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, path.join(dir, name));
}

export function recordProcessed(source: string): void {
  stats.processed++;
  stats.processedSources.push(source);
  saveStats();
}

export function recordReused(): void {
  stats.reused++;
  saveStats();
}

function saveStats(): void {
  mkdirSync(imageCacheDir(), { recursive: true });
  const tmp = path.join(imageCacheDir(), `.stats.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(stats, null, 2) + '\n');
  renameSync(tmp, path.join(imageCacheDir(), 'stats.json'));
}
