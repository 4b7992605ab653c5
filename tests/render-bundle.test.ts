// The server bundle (src/lib/build/render/server-bundle.ts) is built once per code version and used by
// every publish until the code changes. What must hold for the officer: a changed template is
// published at once (a stale bundle would silently publish the old one), a changed bulletin does not
// cost a new bundle, a broken bundle still publishes through `astro build` with a one-line notice,
// and a page that fails to render is named with its error, never a bare "500".
// Runs in a copy of the project (src/ and the rest copied, node_modules linked), so that templates
// can be changed and bundles broken without touching the checkout's own.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleKey } from '../src/lib/build/render/server-bundle.ts';
import { ROOT, tempDir } from './helpers/build.ts';
import { hashTree } from './helpers/content-tree.ts';
import { BUILD_RECORD } from '../src/lib/build/build-record.ts';

const NOW = '2022-06-01T12:00:00Z';
const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const NOTICE = /^Snabbygget gick inte att använda \(.+\); bygger på det vanliga sättet i stället/m;

function copyProject(): { root: string; content: string } {
  const root = path.join(tempDir('krisinfo-project-'), 'project');
  for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json']) {
    cpSync(path.join(ROOT, name), path.join(root, name), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const content = path.join(root, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  return { root, content };
}

function edit(file: string, f: (s: string) => string): void {
  writeFileSync(file, f(readFileSync(file, 'utf8')));
}

interface Run {
  code: number;
  stderr: string;
  out: string;
  /** Still running after four minutes: stopped by the test. */
  hung: boolean;
}

/** `npm run build` in the project copy; KRISINFO_TIMING makes it say whether it built a bundle. */
function buildIn(root: string, content: string, out: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'scripts/run.mjs'), path.join(root, 'scripts/build.ts'), '--out', out, '--quiet'],
      {
        cwd: root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KRISINFO_CONTENT: content, KRISINFO_NOW: NOW, KRISINFO_TIMING: '1', KRISINFO_RENDER: undefined },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 240_000,
      },
      (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr, out, hung: Boolean(error?.killed) }),
    );
  });
}

const bundles = (root: string) => readdirSync(path.join(root, '.build')).filter((n) => /^server-[0-9a-f]+$/.test(n)).sort();
const page = (out: string, file = 'index.html') => readFileSync(path.join(out, file), 'utf8');
// The search index's names and the build's record (its time, the index's checksums) differ between two builds.
const site = (out: string) => Object.fromEntries(Object.entries(hashTree(out)).filter(([f]) => !f.startsWith('pagefind/') && f !== BUILD_RECORD));

describe('the bundle key', () => {
  const { root, content } = copyProject();
  const key = () => bundleKey(root, content);
  const before = key();

  it.each([
    ['a bulletin', () => edit(path.join(content, 'bulletins/2022-05-20-sommar.md'), (s) => s.replace(/^title: .*$/m, 'title: Ny rubrik'))],
    ['services.yaml', () => edit(path.join(content, 'services.yaml'), (s) => `${s}\n# en kommentar\n`)],
    ['a standing page', () => writeFileSync(path.join(content, 'pages/ny-sida.md'), '---\ntitle: Ny sida\n---\nText.\n')],
    ['the site title in site.yaml', () => edit(path.join(content, 'site.yaml'), (s) => s.replace('Information från Testby kommun', 'Info från Testby'))],
  ])('stays the same when content changes: %s', (_what, change) => {
    change();
    expect(key()).toBe(before);
  });

  it.each([
    ['a component (template)', 'src/components/StatusLabel.astro'],
    ['the layout every page shares', 'src/layouts/Base.astro'],
    ['a page part written as a function (src/lib/html/)', 'src/lib/html/bulletin-view.ts'],
    ['a page', 'src/pages/[...lang]/index.astro'],
    ['the content model', 'src/lib/site/derive.ts'],
    ['interface texts', 'src/i18n/sv.json'],
    ['the renderer itself', 'src/lib/build/render/render-worker.ts'],
    ['the Astro configuration', 'astro.config.mjs'],
    ['tsconfig.json', 'tsconfig.json'],
    ['the installed packages (package-lock.json)', 'package-lock.json'],
  ])('changes with %s', (_what, file) => {
    const k = key();
    edit(path.join(root, file), (s) => `${s}\n`);
    expect(key()).not.toBe(k);
  });

  it.each([
    ['another host', 'https://annan.example.org/'],
    ['a path under the same host', 'https://fixture.example.org/info/'],
  ])('changes when the site moves to %s (Astro builds the address into the bundle)', (_what, url) => {
    const k = key();
    edit(path.join(content, 'site.yaml'), (s) => s.replace(/^url: .*$/m, `url: ${url}`));
    expect(key()).not.toBe(k);
  });
});

describe('publishing through the bundle, in a copy of the project', () => {
  const { root, content } = copyProject();
  const dir = tempDir('krisinfo-bundle-out-');
  const runs: Record<string, Run> = {};
  const sites: Record<string, Record<string, string>> = {};
  const bundleLists: Record<string, string[]> = {};

  const bulletin = path.join(content, 'bulletins/2022-05-20-sommar.md');
  const published = readFileSync(bulletin, 'utf8').match(/^published: (.*)$/m)![1]!;
  const breakContent = () => edit(bulletin, (s) => s.replace(/^published: .*$/m, 'published: 2022-05-32T10:00'));
  const repairContent = () => edit(bulletin, (s) => s.replace(/^published: .*$/m, `published: ${published}`));

  beforeAll(async () => {
    runs.first = await buildIn(root, content, path.join(dir, 'first'));
    bundleLists.first = bundles(root);

    edit(path.join(content, 'bulletins/2022-05-20-sommar.md'), (s) => s.replace(/^title: .*$/m, 'title: Sommarvattnet är tillbaka'));
    runs.content = await buildIn(root, content, path.join(dir, 'content'));
    bundleLists.content = bundles(root);

    // A content error, while the workers are already loading the bundle.
    breakContent();
    runs.badContent = await buildIn(root, content, path.join(dir, 'content'));

    // A changed template, published first with that content error: the publish stops, and the
    // new bundle it started is finished for the next one.
    edit(path.join(root, 'src/layouts/Base.astro'), (s) => s.replace('<main id="main"', '<p class="test-mark">Mallen ändrades i testet</p>\n<main id="main"'));
    runs.badContentNewTemplate = await buildIn(root, content, path.join(dir, 'content'));
    for (let waited = 0; waited < 300_000 && bundles(root).length < 2; waited += 500) await new Promise((r) => setTimeout(r, 500));
    repairContent();
    runs.template = await buildIn(root, content, path.join(dir, 'template'));
    bundleLists.template = bundles(root);
    sites.template = site(path.join(dir, 'template'));

    // Break the bundle in use: its entry throws as soon as a worker loads it.
    const entry = path.join(root, '.build', bundles(root).find((b) => !bundleLists.content!.includes(b))!, 'server/entry.mjs');
    edit(entry, (s) => `throw new Error('bundle broken by the test');\n${s}`);
    runs.broken = await buildIn(root, content, path.join(dir, 'broken'));
    sites.broken = site(path.join(dir, 'broken'));

    // A template that throws while a page renders (the same error stops `astro build` too).
    edit(path.join(root, 'src/layouts/Base.astro'), (s) => s.replace('<main id="main"', `{(() => { throw new Error('Trasig mall i testet'); })()}\n<main id="main"`));
    runs.throwing = await buildIn(root, content, path.join(dir, 'template'));
  }, 1_200_000);

  it('the first publish builds the bundle and shows none of its build warnings', () => {
    expect(runs.first!.code, runs.first!.stderr).toBe(0);
    expect(runs.first!.stderr).toMatch(/^RENDER bundle built/m);
    expect(runs.first!.stderr).not.toMatch(/getStaticPaths/);
    expect(runs.first!.stderr).not.toMatch(NOTICE);
    expect(bundleLists.first).toHaveLength(1);
  });

  it('a changed bulletin is published with the same bundle', () => {
    expect(runs.content!.code, runs.content!.stderr).toBe(0);
    expect(runs.content!.stderr).toMatch(/^RENDER bundle found/m);
    expect(bundleLists.content).toEqual(bundleLists.first);
    expect(page(runs.content!.out, 'bulletiner/2022-05-20-sommar/index.html')).toContain('Sommarvattnet är tillbaka');
  });

  it('a content error stops the build as before, though the bundle was already loading', () => {
    expect(runs.badContent!.hung).toBe(false);
    expect(runs.badContent!.code).toBe(1);
    expect(runs.badContent!.stderr).toContain('2022-05-32');
    expect(runs.badContent!.stderr).toContain('Bygget stoppades');
    expect(page(runs.content!.out, 'bulletiner/2022-05-20-sommar/index.html')).toContain('Sommarvattnet är tillbaka');
  });

  it('a publish stopped by a content error after a template change leaves the new bundle built for the next', () => {
    expect(runs.badContentNewTemplate!.hung).toBe(false);
    expect(runs.badContentNewTemplate!.code).toBe(1);
    expect(runs.badContentNewTemplate!.stderr).toContain('Bygget stoppades');
    expect(runs.template!.stderr).toMatch(/^RENDER bundle found/m);
  });

  it('a changed template makes a new bundle, and the pages show the new template at once', () => {
    expect(runs.template!.code, runs.template!.stderr).toBe(0);
    expect(bundleLists.template).toHaveLength(2);
    expect(page(runs.template!.out)).toContain('Mallen ändrades i testet');
    expect(page(runs.template!.out, 'en/bulletiner/2022-05-20-sommar/index.html')).toContain('Mallen ändrades i testet');
    expect(page(runs.content!.out)).not.toContain('Mallen ändrades i testet');
  });

  it('a broken bundle still publishes, through astro build, with a one-line notice', () => {
    expect(runs.broken!.code, runs.broken!.stderr).toBe(0);
    const notices = runs.broken!.stderr.split('\n').filter((l) => NOTICE.test(l));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('bundle broken by the test');
    expect(runs.broken!.stderr).not.toMatch(/^RENDER bundle/m);
    expect(sites.broken).toEqual(sites.template);
  });

  it('a page that fails to render is named with its error, and nothing is published', () => {
    expect(runs.throwing!.code).toBe(1);
    const notice = runs.throwing!.stderr.split('\n').find((l) => NOTICE.test(l));
    expect(notice, runs.throwing!.stderr).toBeDefined();
    // The page, the file that renders it, and the error itself: not a status code.
    expect(notice).toMatch(/\/\S* \(src\/pages\/.+\): Trasig mall i testet/);
    expect(notice).not.toMatch(/\b500\b/);
    expect(runs.throwing!.stderr).toMatch(/Bygget misslyckades: inget publicerades/);
    // The output of the previous publish into that folder is untouched.
    expect(page(runs.template!.out)).toContain('Mallen ändrades i testet');
    expect(existsSync(runs.template!.out)).toBe(true);
  });
});
