// Issue 12 item 4: the page cache shared inodes (hard links) with dist/. An edit of a published page
// in place survived every rebuild (the cache entry was the same file) and `npm run package` signed
// it; a truncated cache entry published a 0-byte page. Now entries are copies checked against
// their hash, and package signs only a site whose files are what the build wrote (its record).
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_RECORD } from '../src/lib/build/build-record.ts';
import { buildSite, runScript, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture } from './helpers/content-tree.ts';

const NOW = '2022-06-01T12:00:00Z';
const PAGE = 'bulletiner/2021-12-18-bibliotek/index.html';
const PHISH = '<p>Logga in på https://kalix-login.example/ för att få lön.</p>';

describe('the page cache and package against edits after the build', () => {
  const dir = tempDir('krisinfo-integrity-');
  const content = copyFixture();
  const out = path.join(dir, 'dist');
  const cache = path.join(dir, 'cache');
  const env = { KRISINFO_CACHE: cache, KRISINFO_TIMING: '1' };
  const reusedOf = (r: BuildResult) => /(\d+) of (\d+) bulletin pages reused/.exec(r.stderr)!.slice(1).map(Number);
  let first: BuildResult;
  let afterEdit: BuildResult;
  let afterTruncate: BuildResult;
  let original: string;
  let pageAfterEdit: string;
  let truncatedEntry: string;

  beforeAll(async () => {
    first = await buildSite({ content, out, now: NOW, env });
    original = readFileSync(path.join(out, PAGE), 'utf8');
    // The attack: someone edits a published page in place.
    appendFileSync(path.join(out, PAGE), PHISH);
    afterEdit = await buildSite({ content, out, now: NOW, env });
    pageAfterEdit = readFileSync(path.join(out, PAGE), 'utf8');
    // A cache entry damaged on disk (a full disk, a crash while writing).
    const entries = readdirSync(path.join(cache, 'pages')).filter((n) => n.endsWith('.html'));
    const entry = entries.find((n) => readFileSync(path.join(cache, 'pages', n), 'utf8') === original)!;
    truncatedEntry = entry;
    truncateSync(path.join(cache, 'pages', entry), 0);
    afterTruncate = await buildSite({ content, out, now: NOW, env });
  }, 600_000);

  it('a page edited in place in dist/ is not what the next build publishes', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(afterEdit.code, afterEdit.stderr).toBe(0);
    const [reused, total] = reusedOf(afterEdit);
    // Every page came from the cache, and still the edit is gone.
    expect(reused).toBe(total);
    expect(pageAfterEdit).not.toContain('kalix-login');
    expect(pageAfterEdit).toBe(original);
  });

  it('a truncated cache entry is rendered again, never published as a 0-byte page', () => {
    expect(afterTruncate.code, afterTruncate.stderr).toBe(0);
    const [reused, total] = reusedOf(afterTruncate);
    expect(reused).toBe(total! - 1);
    expect(statSync(path.join(out, PAGE)).size).toBeGreaterThan(1000);
    expect(readFileSync(path.join(out, PAGE), 'utf8')).toBe(original);
    // The bad entry was dropped, and the page rendered again is kept under the same name, whole.
    expect(readFileSync(path.join(cache, 'pages', truncatedEntry), 'utf8')).toBe(original);
  });

  describe('npm run package', () => {
    let home: string;
    const pack = (site: string, release: string) => runScript('package.ts', ['--site', site, '--out', release], { HOME: home, KRISINFO_CONTENT: content });

    beforeAll(async () => {
      home = path.join(dir, 'home');
      // The fixture carries a public key whose secret half was thrown away: make a pair of our own.
      rmSync(path.join(content, 'minisign.pub'), { force: true });
      const keygen = await runScript('keygen.ts', ['--without-password'], { HOME: home, KRISINFO_CONTENT: content, KRISINFO_SECRET_KEY: undefined });
      if (keygen.code !== 0) throw new Error(keygen.stderr);
    }, 120_000);

    it('signs the site as the build wrote it', async () => {
      const r = await pack(out, path.join(dir, 'release-ok'));
      expect(r.code, r.stderr).toBe(0);
    });

    it('refuses a site with a page edited after the build, naming the page, and writes no release', async () => {
      const page = path.join(out, PAGE);
      writeFileSync(page, readFileSync(page, 'utf8') + PHISH);
      const r = await pack(out, path.join(dir, 'release-edited'));
      writeFileSync(page, original);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`Filer i ${out} skiljer sig från det som bygget skrev (1): ${PAGE}. Inget signerades.`);
      expect(existsSync(path.join(dir, 'release-edited'))).toBe(false);
    });

    it('refuses a site with an added page, and one without the build’s record', async () => {
      writeFileSync(path.join(out, 'inloggning.html'), '<form action="https://kalix-login.example/">');
      const added = await pack(out, path.join(dir, 'release-added'));
      rmSync(path.join(out, 'inloggning.html'));
      expect(added.code).not.toBe(0);
      expect(added.stderr).toContain('inloggning.html (ny/new)');

      const record = readFileSync(path.join(out, BUILD_RECORD));
      rmSync(path.join(out, BUILD_RECORD));
      const unrecorded = await pack(out, path.join(dir, 'release-unrecorded'));
      writeFileSync(path.join(out, BUILD_RECORD), record);
      expect(unrecorded.code).not.toBe(0);
      expect(unrecorded.stderr).toContain(`saknar byggets förteckning över sina filer (${BUILD_RECORD})`);
      expect(existsSync(path.join(dir, 'release-added'))).toBe(false);
      expect(existsSync(path.join(dir, 'release-unrecorded'))).toBe(false);
    });
  });
});
