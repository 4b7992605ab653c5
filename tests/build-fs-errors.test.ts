// Issue 12 item 11 (the build's half): a folder the build cannot move or write stops it with one
// plain line that names the folder, in Swedish (English with --lang en), never with a stack.
// Before the fix an EPERM or EBUSY in the swap printed "Error: EPERM: operation not permitted,
// rename …" and the Node stack. The file-system errors as a table, then two real ones: an output
// folder that cannot be renamed (immutable: chattr +i) and one that is a mount point (EBUSY).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, formatCliMessage } from '../src/lib/cli/output.ts';
import { fsFailure } from '../src/lib/build/fs-errors.ts';
import { buildSite, runScript, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const NOW = '2022-06-01T12:00:00Z';

describe('file-system errors become messages that name the folder', () => {
  const folder = path.join(tempDir(), 'dist');
  it.each([
    ['EBUSY', 'används av ett annat program', 'is in use by another program'],
    ['EPERM', 'inte behörighet', 'not allowed'],
    ['EACCES', 'inte behörighet', 'not allowed'],
    ['EROFS', 'inte behörighet', 'not allowed'],
    ['ENOSPC', 'Disken är full', 'The disk is full'],
    ['EXDEV', 'en annan disk', 'on another disk'],
    ['EIO', 'kunde inte flyttas eller ändras', 'could not be moved or changed'],
  ])('%s', (code, sv, en) => {
    const error = Object.assign(new Error(`${code}: something, rename '${folder}'`), { code });
    const failure = fsFailure(error, folder);
    expect(failure).toBeInstanceOf(CliError);
    const [message] = (failure as CliError).messages;
    const [svLine] = formatCliMessage(message!, 'sv').split('\n');
    const [enLine] = formatCliMessage(message!, 'en').split('\n');
    for (const [line, text] of [[svLine!, sv], [enLine!, en]]) {
      expect(line).toContain(text);
      expect(line).toContain(folder);
      expect(line).toContain(`(${code})`);
    }
  });

  it('an error that is not the file system’s passes through (a bug keeps its stack)', () => {
    const bug = new TypeError('x is undefined');
    expect(fsFailure(bug, folder)).toBe(bug);
  });
});

function canRun(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args).status === 0;
}

describe('real failures in the swap', () => {
  const content = copyFixture();
  const dir = tempDir('krisinfo-fs-');
  const immutable = path.join(dir, 'immutable');
  const mounted = path.join(dir, 'mounted');
  let first: BuildResult;
  let published: Record<string, string>;
  let eperm: BuildResult | undefined;
  let ebusy: BuildResult | undefined;
  let isMounted = false;
  let isImmutable = false;

  beforeAll(async () => {
    first = await buildSite({ content, out: immutable, now: NOW });
    published = hashTree(immutable);
    // chattr +i needs root (CAP_LINUX_IMMUTABLE) and ext4, XFS or Btrfs; skipped elsewhere.
    isImmutable = canRun('chattr', ['+i', immutable]);
    if (isImmutable) eperm = await buildSite({ content, out: immutable, now: NOW });
    mkdirSync(mounted);
    isMounted = canRun('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mounted]);
    if (isMounted) {
      const r = await runScript('build.ts', ['--out', mounted, '--quiet', '--lang', 'en'], { KRISINFO_CONTENT: content, KRISINFO_NOW: NOW });
      ebusy = { ...r, out: mounted };
    }
  }, 600_000);

  afterAll(() => {
    if (isImmutable) execFileSync('chattr', ['-i', immutable]);
    if (isMounted) execFileSync('umount', [mounted]);
  });

  it('the first build succeeds', () => {
    expect(first.code, first.stderr).toBe(0);
  });

  it('an output folder that cannot be renamed (EPERM): one line naming it, no stack, the site as it was', (ctx) => {
    if (!isImmutable) ctx.skip();
    expect(eperm!.code).not.toBe(0);
    expect(eperm!.stderr).toContain(`FEL Du har inte behörighet att flytta eller ändra ${immutable} (EPERM).`);
    expect(eperm!.stderr).toContain('är oförändrad');
    expect(eperm!.stderr).not.toMatch(/\n\s+at |Error: EPERM/);
    expect(hashTree(immutable)).toEqual(published);
    expect(readdirSync(dir).sort()).toEqual(['immutable', 'mounted']);
  });

  it('an output folder that is a mount point (EBUSY), with --lang en: one line naming it, no stack, nothing left behind', (ctx) => {
    if (!isMounted) ctx.skip();
    expect(ebusy!.code).not.toBe(0);
    expect(ebusy!.stderr).toContain(`ERROR The folder ${mounted} is in use by another program and could not be moved or changed (EBUSY).`);
    expect(ebusy!.stderr).not.toMatch(/\n\s+at |Error: EBUSY/);
    expect(readdirSync(mounted)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['immutable', 'mounted']);
  });
});
