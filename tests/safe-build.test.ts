// "Publish without fear": a build that fails, whether the content is wrong or something breaks
// after validation (an unusable build clock, an image that cannot be decoded), leaves the previous
// dist/ exactly as it was, byte for byte. A build that succeeds replaces it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const NOW = '2022-06-01T12:00:00Z';
const LIB = 'bulletins/2021-12-18-bibliotek.md';

function edit(dir: string, file: string, f: (s: string) => string): void {
  writeFileSync(path.join(dir, file), f(readFileSync(path.join(dir, file), 'utf8')));
}

describe('a failed build leaves the previous site untouched', () => {
  const out = path.join(tempDir('krisinfo-safe-'), 'dist');
  const content = copyFixture();
  let first: BuildResult;
  let published: Record<string, string>;
  const failed: Record<string, { result: BuildResult; after: Record<string, string>; siblings: string[] }> = {};
  let last: BuildResult;
  let lastTree: Record<string, string>;
  const siblings = () => readdirSync(path.dirname(out)).sort();

  beforeAll(async () => {
    first = await buildSite({ content, out, now: NOW });
    published = hashTree(out);

    // 1. Bad content: stopped by validation before Astro runs.
    edit(content, LIB, (s) => s.replace(/^published: .*$/m, 'published: 2021-12-32'));
    let result = await buildSite({ content, out, now: NOW });
    failed.content = { result, after: hashTree(out), siblings: siblings() };
    edit(content, LIB, (s) => s.replace('published: 2021-12-32', 'published: 2021-12-18T10:00'));

    // 2. Valid content, but the build's clock is unusable: the build stops when it needs the time,
    //    after validation (build-site.ts fixes one "now" for the page keys and the pages).
    result = await buildSite({ content, out, now: 'not a date' });
    failed.clock = { result, after: hashTree(out), siblings: siblings() };

    // 3. An image that is not one: validation opens it as the build would (src/lib/images/image-check.ts).
    writeFileSync(path.join(content, 'bulletins/images/trasig.png'), 'this is not a PNG');
    edit(content, LIB, (s) => s.replace(/^summary: .*$/m, '$&\nimage: images/trasig.png\nimageAlt: En trasig bild'));
    result = await buildSite({ content, out, now: NOW });
    failed.image = { result, after: hashTree(out), siblings: siblings() };
    edit(content, LIB, (s) => s.replace('image: images/trasig.png\nimageAlt: En trasig bild\n', ''));

    // 4. Fixed, with news: this build must replace the site.
    edit(content, LIB, (s) => s.replace('title: Biblioteket har öppet', 'title: Biblioteket har stängt i dag'));
    last = await buildSite({ content, out, now: NOW });
    lastTree = hashTree(out);
  });

  it('the first build succeeds', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(Object.keys(published).length).toBeGreaterThan(10);
    expect(readFileSync(path.join(out, 'bulletiner/2021-12-18-bibliotek/index.html'), 'utf8')).toContain('Biblioteket har öppet');
  });

  for (const [name, why] of [
    ['content', 'bad content (a date that does not exist)'],
    ['clock', 'an unusable build clock after validation'],
    ['image', 'an image that cannot be decoded'],
  ] as const) {
    it(`${why}: the build fails and dist/ is byte for byte as before`, () => {
      const f = failed[name]!;
      expect(f.result.code).not.toBe(0);
      expect(f.result.stderr).toMatch(/inget publicerades/);
      expect(f.after).toEqual(published);
      // No half-built staging folder is left beside the output.
      expect(f.siblings).toEqual(['dist']);
    });
  }

  it('the clock failure happens after validation, while building', () => {
    expect(failed.clock!.result.stderr).toContain('Bygget misslyckades');
    expect(failed.clock!.result.stderr).not.toContain('Bygget stoppades');
    expect(failed.clock!.result.stderr).toContain('KRISINFO_NOW');
  });

  it('an image that cannot be decoded is found by validation, which opens every image as the build will, and named', () => {
    expect(failed.image!.result.stderr).toContain('Bygget stoppades');
    expect(failed.image!.result.stderr).toContain('bulletins/images/trasig.png');
    expect(failed.image!.result.stderr).not.toMatch(/\n\s+at /);
  });

  it('validation names the problem before anything is built', () => {
    expect(failed.content!.result.stderr).toContain('2021-12-32');
    expect(failed.content!.result.stderr).toContain('Bygget stoppades');
  });

  it('a successful build replaces the site, and the replaced one is deleted', async () => {
    expect(last.code, last.stderr).toBe(0);
    expect(lastTree).not.toEqual(published);
    expect(readFileSync(path.join(out, 'bulletiner/2021-12-18-bibliotek/index.html'), 'utf8')).toContain('Biblioteket har stängt i dag');
    // The build deletes the replaced site in the background after the swap: give it time.
    for (let waited = 0; waited < 30_000 && siblings().length > 1; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(siblings()).toEqual(['dist']);
  });
});
