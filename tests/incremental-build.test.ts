// Rebuilds take unchanged bulletin pages from the page cache (src/lib/build/page-reuse.ts, page-cache.ts)
// and the Markdown renders and parsed YAML of the previous build from what it kept (kept-between-builds.ts).
// What the officer and the readers must see: a rebuild publishes exactly what a build from scratch
// of the same content publishes, whatever changed in between (a bulletin's text, a service's
// status, a site setting), and it renders only the pages whose content changed.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_RECORD } from '../src/lib/build/build-record.ts';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers/build.ts';
import { hashTree } from './helpers/content-tree.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const NOW = '2022-06-01T12:00:00Z';
const SUMMER = 'bulletins/2022-05-20-sommar.md';

/** Builds with a page cache of its own; KRISINFO_TIMING makes the build say how many pages it reused. */
async function build(content: string, out: string, cache: string): Promise<BuildResult & { reused: number; total: number; carried: number; renders: number; yamlCarried: number; yamlTexts: number }> {
  const result = await buildSite({ content, out, now: NOW, env: { KRISINFO_CACHE: cache, KRISINFO_TIMING: '1' } });
  if (result.code !== 0) throw new Error(result.stderr);
  const m = /(\d+) of (\d+) bulletin pages reused/.exec(result.stderr);
  const md = /Markdown: (\d+) of (\d+) renders carried/.exec(result.stderr);
  const yaml = /YAML: (\d+) of (\d+) texts carried/.exec(result.stderr);
  if (!m || !md || !yaml) throw new Error(`no reuse figures in:\n${result.stderr}`);
  return { ...result, reused: Number(m[1]), total: Number(m[2]), carried: Number(md[1]), renders: Number(md[2]), yamlCarried: Number(yaml[1]), yamlTexts: Number(yaml[2]) };
}

/**
 * Everything published. Of the search index, the fragments (one per page, named by their content)
 * and the page count per language: the index files' names depend on the order pages reached Pagefind.
 */
function published(out: string): Record<string, string> {
  // The build record lists the index files by name too, so it differs in the same way.
  const files = Object.entries(hashTree(out)).filter(([f]) => f !== BUILD_RECORD && (!f.startsWith('pagefind/') || f.startsWith('pagefind/fragment/')));
  const entry = JSON.parse(readFileSync(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  for (const [lang, { page_count }] of Object.entries(entry.languages)) files.push([`pagefind pages ${lang}`, String(page_count)]);
  return Object.fromEntries(files);
}

/** A build of `content` from scratch: an empty page cache and a new output folder. */
async function fromScratch(content: string): Promise<Record<string, string>> {
  const dir = tempDir('krisinfo-scratch-');
  await build(content, path.join(dir, 'dist'), path.join(dir, 'cache'));
  return published(path.join(dir, 'dist'));
}

function edit(content: string, file: string, f: (s: string) => string): void {
  writeFileSync(path.join(content, file), f(readFileSync(path.join(content, file), 'utf8')));
}

describe('incremental builds', () => {
  const dir = tempDir('krisinfo-incremental-');
  const content = path.join(dir, 'content');
  const out = path.join(dir, 'dist');
  const cache = path.join(dir, 'cache');
  const runs: Record<string, Awaited<ReturnType<typeof build>>> = {};
  const trees: Record<string, Record<string, string>> = {};
  const scratch: Record<string, Record<string, string>> = {};
  let winterInEnglish = '';

  beforeAll(async () => {
    cpSync(FIXTURE, content, { recursive: true });
    runs.first = await build(content, out, cache);
    trees.first = published(out);
    runs.same = await build(content, out, cache);
    trees.same = published(out);

    edit(content, SUMMER, (s) => s.replace('Lönerna betalas ut som vanligt den 25 maj.', 'Lönerna betalas ut den 25 maj. Lönebeskeden kommer i juni.'));
    runs.text = await build(content, out, cache);
    trees.text = published(out);
    scratch.text = await fromScratch(content);

    // E-mail goes down again: the winter bulletin, which lists e-mail, must show it.
    edit(content, SUMMER, (s) => s.replace('lon: degraded', 'lon: degraded\n  epost: down'));
    runs.status = await build(content, out, cache);
    trees.status = published(out);
    winterInEnglish = readFileSync(path.join(out, 'en/bulletiner/2022-01-10-vinter/index.html'), 'utf8');
    scratch.status = await fromScratch(content);

    edit(content, 'site.yaml', (s) => s.replace(/^sender: .*$/m, 'sender: Testby kommun, krisledningen'));
    runs.site = await build(content, out, cache);
    trees.site = published(out);
    scratch.site = await fromScratch(content);

    // The cache deleted by hand: the next build renders everything again and still succeeds.
    rmSync(cache, { recursive: true, force: true });
    runs.noCache = await build(content, out, cache);
  }, 600_000);

  it('the first build renders every bulletin page; a build with nothing changed renders none', () => {
    expect(runs.first!.total).toBe(18);
    expect(runs.first!.reused).toBe(0);
    expect(runs.same!.reused).toBe(18);
    // The lists and feeds take every Markdown render from the previous build.
    expect(runs.first!.carried).toBe(0);
    expect(runs.same!.renders).toBeGreaterThan(20);
    expect(runs.same!.carried).toBe(runs.same!.renders);
    // The bulletin pages' own Markdown is not kept (the page cache has those pages): a build that
    // renders all of them keeps no more renders than one that renders none (one render thread here).
    expect(runs.first!.renders).toBe(runs.same!.renders);
    expect(Object.keys(trees.same!).length).toBeGreaterThan(50);
    // Every content file's YAML (frontmatter, site.yaml, services.yaml) is parsed once, then carried.
    expect(runs.first!.yamlCarried).toBe(0);
    expect(runs.same!.yamlTexts).toBeGreaterThan(10);
    expect(runs.same!.yamlCarried).toBe(runs.same!.yamlTexts);
    // Everything carried, the site is the one the first build made.
    expect(trees.same).toEqual(trees.first);
  });

  it('after a text edit: only that bulletin is rendered, and the site equals one built from scratch', () => {
    expect(runs.text!.reused).toBe(18 - 3);
    // The edited text is rendered anew; the others come from the Markdown cache.
    expect(runs.text!.carried).toBeGreaterThan(0);
    expect(runs.text!.carried).toBeLessThan(runs.text!.renders);
    expect(trees.text).toEqual(scratch.text);
    expect(readFileSync(path.join(out, 'bulletiner.txt'), 'utf8')).toContain('Lönebeskeden kommer i juni.');
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toContain('Lönebeskeden kommer i juni.');
    expect(readFileSync(path.join(out, 'bulletiner/2022-05-20-sommar/index.html'), 'utf8')).toContain('Lönebeskeden kommer i juni.');
  });

  it('after a status change: the other bulletin naming the service shows the new status, as from scratch', () => {
    expect(runs.status!.reused).toBe(18 - 6);
    // The edited frontmatter is parsed again, and its new status reaches the pages; the rest is carried.
    expect(runs.status!.yamlCarried).toBe(runs.status!.yamlTexts - 1);
    expect(trees.status).toEqual(scratch.status);
    expect(winterInEnglish).toMatch(/class="svc svc-down">\s*<span class="svc-name"><a [^>]*>E-mail<\/a>/);
  });

  it('after a site setting changed: every page is rendered again, as from scratch', () => {
    expect(runs.site!.reused).toBe(0);
    // Site settings are part of the Markdown cache's key too: nothing is carried.
    expect(runs.site!.carried).toBe(0);
    expect(runs.site!.yamlCarried).toBe(0);
    expect(trees.site).toEqual(scratch.site);
    expect(readFileSync(path.join(out, 'fi/bulletiner/2022-02-15-windows/index.html'), 'utf8')).toContain('Testby kommun, krisledningen');
  });

  it('without the cache the build renders everything and publishes the same site', () => {
    expect(runs.noCache!.reused).toBe(0);
    expect(runs.noCache!.carried).toBe(0);
    expect(published(out)).toEqual(trees.site);
  });
});

describe('a build that stops on content errors, then again with the YAML it kept', () => {
  it('names the same files, fields and lines both times, and publishes nothing', async () => {
    const dir = tempDir('krisinfo-kept-errors-');
    const content = path.join(dir, 'content');
    const out = path.join(dir, 'dist');
    const cache = path.join(dir, 'cache');
    cpSync(FIXTURE, content, { recursive: true });
    // YAML that parses: a service that does not exist (an error) and a misspelled field (a warning),
    // both found after parsing, so the file's YAML is kept and the second build asks for its lines.
    edit(content, SUMMER, (s) => s.replace('lon: degraded', 'lon: degraded\n  vattnet: down').replace(/^title: /m, 'pinnned: true\ntitle: '));
    const run = () => buildSite({ content, out, now: NOW, env: { KRISINFO_CACHE: cache, KRISINFO_TIMING: '1' } });
    const first = await run();
    const second = await run();
    const report = (stderr: string) => stderr.split('\n').filter((l) => /sommar\.md|FEL|VARNING|rad \d/.test(l));
    expect(first.code).not.toBe(0);
    expect(second.code).not.toBe(0);
    expect(report(first.stderr).join('\n')).toMatch(/vattnet/);
    expect(report(first.stderr).join('\n')).toMatch(/pinnned/);
    expect(report(second.stderr)).toEqual(report(first.stderr));
    const [, carried, texts] = /YAML: (\d+) of (\d+) texts carried/.exec(second.stderr) ?? [];
    expect(Number(texts)).toBeGreaterThan(10);
    expect(carried).toBe(texts);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
