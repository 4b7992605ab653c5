// Folder containment (src/lib/model/paths.ts), which keeps the secret key out of the project and
// the output folder away from the project and content/.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, realPath } from '../src/lib/model/paths.ts';
import { tempDir } from './helpers/build.ts';

describe('isInside', () => {
  it.each([
    ['/p', '/p', true],
    ['/p/content/a.md', '/p', true],
    ['/p/..key', '/p', true],
    ['/p/../q', '/p', false],
    ['/q', '/p', false],
    ['/pq', '/p', false],
    ['/', '/p', false],
  ])('%s in %s: %s', (inner, outer, expected) => {
    expect(isInside(inner, outer)).toBe(expected);
  });
});

describe('realPath', () => {
  it('resolves a link in the part that exists, and keeps the part that does not', () => {
    const root = tempDir('krisinfo-paths-');
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    expect(realPath(path.join(root, 'link', 'not', 'yet'))).toBe(path.join(realPath(root), 'real', 'not', 'yet'));
  });
});
