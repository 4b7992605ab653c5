// Issue 12 item 6: dist/ as a link to a web root. Before the fix the swap renamed the link away and
// put a folder in its place: the web root stayed old while the build said "Klart". Now the build
// follows the link, swaps inside the folder it points to, and leaves the link as it was.
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBuildRecord } from '../src/lib/build/build-record.ts';
import { buildSite, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const NOW = '2022-06-01T12:00:00Z';
const LIB = 'bulletins/2021-12-18-bibliotek.md';

describe('an output folder that is a link', () => {
  const content = copyFixture();
  const dir = tempDir('krisinfo-link-');
  const webRoot = path.join(dir, 'www', 'krisinfo');
  const link = path.join(dir, 'project-dist');
  const otherRoot = path.join(dir, 'www', 'html');
  const otherLink = path.join(dir, 'other-dist');
  let first: BuildResult;
  let second: BuildResult;
  let refused: BuildResult;
  let otherBefore: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'www'));
    // The web root does not exist yet: the link points to where it will be.
    symlinkSync(webRoot, link);
    first = await buildSite({ content, out: link, now: NOW });
    const f = path.join(content, LIB);
    writeFileSync(f, readFileSync(f, 'utf8').replace('title: Biblioteket har öppet', 'title: Biblioteket har stängt i dag'));
    second = await buildSite({ content, out: link, now: NOW });

    // A link to a web root that holds someone else's files: not replaced.
    mkdirSync(otherRoot);
    writeFileSync(path.join(otherRoot, 'index.html'), '<h1>Apache default page</h1>');
    symlinkSync(otherRoot, otherLink);
    otherBefore = hashTree(otherRoot);
    refused = await buildSite({ content, out: otherLink, now: NOW });
  }, 300_000);

  it('the build goes into the folder the link points to, and the link stays a link', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(webRoot);
    expect(second.stdout).toContain('är en länk till');
  });

  it('the web root has the new site, so "Klart" is true', () => {
    expect(readFileSync(path.join(webRoot, 'bulletiner/2021-12-18-bibliotek/index.html'), 'utf8')).toContain('Biblioteket har stängt i dag');
    expect(readBuildRecord(webRoot)).toBeDefined();
    expect(readFileSync(path.join(link, 'index.html'), 'utf8')).toBe(readFileSync(path.join(webRoot, 'index.html'), 'utf8'));
    // Nothing was left beside the link.
    expect(existsSync(`${link}.lock`)).toBe(false);
  });

  it('a link to a folder that is not a site of this tool is refused, and that folder is untouched', () => {
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('är inte en webbplats som npm run build har gjort');
    expect(lstatSync(otherLink).isSymbolicLink()).toBe(true);
    expect(hashTree(otherRoot)).toEqual(otherBefore);
  });
});
