// What the caches beside a build clean away (src/lib/build/unused-files.ts), through the server
// bundles' pruning: an entry goes only when no build has used it for an hour and it is not the
// one in use; .build/'s other contents (the compiled scripts) are never touched.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneBundles } from '../src/lib/build/render/server-bundle.ts';
import { removeUnused } from '../src/lib/build/unused-files.ts';
import { tempDir } from './helpers/build.ts';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

describe('removing what no build has used', () => {
  it('removes old bundles (folders with their files), keeps the one in use, recent ones and the compiled scripts', () => {
    const root = tempDir('krisinfo-prune-');
    const build = path.join(root, '.build');
    for (const name of ['server-old', 'server-current', 'server-recent', 'compiled']) {
      mkdirSync(path.join(build, name, 'server'), { recursive: true });
      writeFileSync(path.join(build, name, 'server', 'entry.mjs'), '');
    }
    for (const name of ['server-old', 'server-current', 'compiled']) utimesSync(path.join(build, name), hoursAgo(2), hoursAgo(2));
    utimesSync(path.join(build, 'server-recent'), hoursAgo(0.5), hoursAgo(0.5));
    pruneBundles(root, 'current');
    expect(readdirSync(build).sort()).toEqual(['compiled', 'server-current', 'server-recent']);
  });

  it('a folder that does not exist yet is nothing to clean', () => {
    const dir = path.join(tempDir('krisinfo-prune-'), 'missing');
    expect(() => removeUnused(dir, () => false)).not.toThrow();
    expect(existsSync(dir)).toBe(false);
  });
});
