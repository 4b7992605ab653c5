// Issue 12 item 5: a build killed at any moment never costs the published site, and the next build
// cleans up after it. Each step kills a real build process (SIGKILL, as a power cut would) at a
// named moment (KRISINFO_TEST_PAUSE_AT, src/lib/build/test-pause.ts), then looks at what is left.
// Before the fix, a kill between the two renames of the swap left no dist/ at all, and the
// dist.previous-PID, dist.staging-PID and .build/site-PID folders stayed forever; a second build
// into the same folder stopped with an ENOTEMPTY stack.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithRecord, readBuildRecord } from '../src/lib/build/build-record.ts';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';
import { buildPausedAt, type PausedBuild } from './helpers/paused-build.ts';

const NOW = '2022-06-01T12:00:00Z';
const LIB = 'bulletins/2021-12-18-bibliotek.md';

function edit(dir: string, file: string, f: (s: string) => string): void {
  writeFileSync(path.join(dir, file), f(readFileSync(path.join(dir, file), 'utf8')));
}

/** Whether `dir` holds a whole site exactly as its build wrote it. */
function isCompleteSite(dir: string): boolean {
  const record = readBuildRecord(dir);
  if (!record) return false;
  const diff = compareWithRecord(dir, record);
  return diff.changed.length + diff.missing.length + diff.added.length === 0 && Object.keys(record.files).length > 20;
}

describe('a build killed at any moment', () => {
  const parent = tempDir('krisinfo-kill-');
  const out = path.join(parent, 'dist');
  const content = copyFixture();
  const env = { KRISINFO_CONTENT: content, KRISINFO_NOW: NOW, KRISINFO_CACHE: path.join(parent, 'cache') };
  const siblings = () => readdirSync(parent).filter((n) => n !== 'cache').sort();
  const workDir = (pid: number) => path.join(ROOT, '.build', `site-${pid}`);
  let oldSite: Record<string, string>;

  beforeAll(async () => {
    const first = await buildSite({ content, out, now: NOW, env });
    if (first.code !== 0) throw new Error(first.stderr);
    oldSite = hashTree(out);
    // The next builds publish news, so the old and the new site can be told apart.
    edit(content, LIB, (s) => s.replace('title: Biblioteket har öppet', 'title: Biblioteket har stängt i dag'));
  }, 300_000);

  let swapKilled: PausedBuild;
  it('between the two renames: the old site is whole beside the output, and the next build puts it back', async () => {
    swapKilled = await buildPausedAt('swap', out, env);
    await swapKilled.kill();
    // The moment the fix cannot remove (Node has no atomic exchange of two folders): no dist/.
    expect(existsSync(out)).toBe(false);
    expect(hashTree(path.join(parent, `dist.previous-${swapKilled.pid}`))).toEqual(oldSite);
    expect(isCompleteSite(path.join(parent, `dist.staging-${swapKilled.pid}`))).toBe(true);

    // The next build, even one whose content has an error, first puts the old site back.
    edit(content, LIB, (s) => s.replace(/^published: .*$/m, 'published: 2021-12-32'));
    const next = await buildSite({ content, out, now: NOW, env });
    edit(content, LIB, (s) => s.replace('published: 2021-12-32', 'published: 2021-12-18T10:00'));
    expect(next.code).not.toBe(0);
    expect(next.stdout).toContain('den förra webbplatsen är tillbaka');
    expect(hashTree(out)).toEqual(oldSite);
    expect(siblings()).toEqual(['dist']);
  }, 300_000);

  let staged: PausedBuild;
  it('after the site was moved beside the output: the old site stays in place; the leftover goes next time', async () => {
    staged = await buildPausedAt('staged', out, env);
    await staged.kill();
    expect(hashTree(out)).toEqual(oldSite);
    expect(siblings()).toEqual(['dist', `dist.lock`, `dist.staging-${staged.pid}`]);
  }, 300_000);

  let swapped: PausedBuild;
  it('after the swap, before the old site is deleted: the new site is whole; the old one goes next time', async () => {
    swapped = await buildPausedAt('swapped', out, env);
    await swapped.kill();
    expect(isCompleteSite(out)).toBe(true);
    expect(readFileSync(path.join(out, 'bulletiner/2021-12-18-bibliotek/index.html'), 'utf8')).toContain('Biblioteket har stängt i dag');
    // This build cleaned up after the one killed before it.
    expect(siblings()).toEqual(['dist', 'dist.lock', `dist.previous-${swapped.pid}`]);
  }, 300_000);

  let rendering: PausedBuild;
  let second: BuildResult;
  let third: BuildResult;
  it('two builds at once: the second stops at once with a message, and the first one’s lock dies with it', async () => {
    const newSite = hashTree(out);
    rendering = await buildPausedAt('rendered', out, env);
    expect(existsSync(workDir(rendering.pid))).toBe(true);
    second = await buildSite({ content, out, now: NOW, env });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`Ett annat bygge (process ${rendering.pid}) skriver redan till`);
    expect(second.stderr).not.toMatch(/ENOTEMPTY|\n\s+at /);
    expect(hashTree(out)).toEqual(newSite);

    await rendering.kill();
    expect(existsSync(workDir(rendering.pid))).toBe(true);
    third = await buildSite({ content, out, now: NOW, env });
    expect(third.code, third.stderr).toBe(0);
    expect(isCompleteSite(out)).toBe(true);
  }, 300_000);

  it('the build after the kills has removed every leftover: beside the output, the lock and .build/site-PID', async () => {
    // The replaced site is deleted in the background after the swap: give it time.
    for (let waited = 0; waited < 30_000 && siblings().length > 1; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(siblings()).toEqual(['dist']);
    for (const b of [swapKilled, staged, swapped, rendering]) expect(existsSync(workDir(b.pid)), `.build/site-${b.pid}`).toBe(false);
  });
});
