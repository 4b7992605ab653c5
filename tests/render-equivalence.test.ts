// The fast path (pages rendered through the server bundle, src/lib/build/render/) publishes exactly the
// site that Astro's own static build publishes: every file, byte for byte. This guards against an
// Astro update changing the internals the renderer relies on (route data, paths, file names,
// styles): a reader must never get a different site because of how it was built.
// Built with empty caches (images processed in the build): the test fixture at a domain root with
// one render thread (the default for a small site), and the sample site under a path with two.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_RECORD } from '../src/lib/build/build-record.ts';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers/build.ts';
import { hashTree } from './helpers/content-tree.ts';

const NOW = '2022-06-01T12:00:00Z';

/**
 * Every file of the site but the build's record (build-record.ts: the time of the build and the
 * checksums of the very files compared here, Pagefind's index names among them). Of the search index, the fragments (one per page, named by their
 * content) and the page count per language: the index files' names depend on the order in which
 * pages reached Pagefind, which differs between the two ways (as with a warm page cache).
 */
function published(out: string): Record<string, string> {
  const files = Object.entries(hashTree(out)).filter(([f]) => f !== BUILD_RECORD && (!f.startsWith('pagefind/') || f.startsWith('pagefind/fragment/')));
  const entry = JSON.parse(readFileSync(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  for (const [lang, { page_count }] of Object.entries(entry.languages)) files.push([`pagefind pages ${lang}`, String(page_count)]);
  return Object.fromEntries(files);
}

/**
 * Builds a copy of `fixture` (its address moved to `url` if given) with caches of its own;
 * `astro` takes Astro's static build (the fallback).
 */
async function build(fixture: string, url: string | undefined, threads: string | undefined, way: 'bundle' | 'astro'): Promise<BuildResult> {
  const dir = tempDir(`krisinfo-equiv-${way}-`);
  const content = path.join(dir, 'content');
  cpSync(fixture, content, { recursive: true });
  const siteYaml = path.join(content, 'site.yaml');
  if (url) {
    writeFileSync(siteYaml, readFileSync(siteYaml, 'utf8').replace(/^url: .*$/m, `url: ${url}`));
    // The sample's mirrors serve it at a domain root, which a site under a path cannot be.
    rmSync(path.join(content, 'publish.yaml'), { force: true });
  }
  const env: Record<string, string> = { KRISINFO_CACHE: path.join(dir, 'cache'), KRISINFO_TIMING: '1' };
  if (way === 'astro') env.KRISINFO_RENDER = 'astro';
  if (threads) env.KRISINFO_RENDER_THREADS = threads;
  const result = await buildSite({ content, out: path.join(dir, 'dist'), now: NOW, env });
  if (result.code !== 0) throw new Error(`${way} build of ${fixture} failed:\n${result.stderr}`);
  return result;
}

describe.each([
  ['the fixture site at a domain root', 'tests/fixtures/site', undefined, undefined, 1],
  ['the sample site under a path, with its photos, in two threads', 'content', 'https://example.github.io/kalix/', '2', 2],
])('%s', (_name, fixture, url, threads, workers) => {
  let viaBundle: BuildResult;
  let viaAstro: BuildResult;

  beforeAll(async () => {
    // One after the other: the first may build the server bundle, and both want the two cores.
    viaBundle = await build(path.join(ROOT, fixture), url, threads, 'bundle');
    viaAstro = await build(path.join(ROOT, fixture), url, threads, 'astro');
  }, 600_000);

  it('was rendered through the server bundle, without falling back', () => {
    expect(viaBundle.stderr).toMatch(new RegExp(`^RENDER bundle (built|found).*; ${workers} workers rendered`, 'm'));
    expect(viaAstro.stderr).not.toMatch(/^RENDER/m);
  });

  it('publishes the same files as astro build, byte for byte', () => {
    const a = published(viaBundle.out);
    const b = published(viaAstro.out);
    const differing = Object.keys({ ...a, ...b }).filter((f) => a[f] !== b[f]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(100);
  });
});
