// Issue 12 item 1: `npm run build -- --out X` replaces X with the site, so X must be a folder the
// build may delete. Before the fix `--out .` replaced the project folder (content/, .git,
// node_modules gone) and printed "Klart"; `--out content` wiped the bulletins; an existing file was
// replaced silently. The attacks run in a copy of the project (its code, a small content folder,
// node_modules linked), so that even a build that got them wrong could not harm this one; each
// must stop before anything is touched. Then the folders the build may replace, for real.
import { execFile } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_RECORD, readBuildRecord } from '../src/lib/build/build-record.ts';
import { checkOutput } from '../src/lib/build/output-folder.ts';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture, OFFICER_FIXTURE } from './helpers/content-tree.ts';

const NOW = '2022-06-01T12:00:00Z';

/** A copy of the project that can build: its code and a small content folder; node_modules linked. */
function projectCopy(): string {
  const project = path.join(tempDir('krisinfo-project-'), 'project');
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts']) cpSync(path.join(ROOT, f), path.join(project, f), { recursive: true });
  cpSync(OFFICER_FIXTURE, path.join(project, 'content'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  writeFileSync(path.join(project, 'anteckningar.txt'), 'Ring länsstyrelsen kl. 14.\n');
  mkdirSync(path.join(project, 'docs'));
  writeFileSync(path.join(project, 'docs/plan.md'), '# Plan\n');
  return project;
}

/** Every file and link under `dir` with its bytes (links not followed; .build/ is the build's own). */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = path.join(rel, name);
      if (child === '.build') continue;
      const s = lstatSync(path.join(dir, child));
      if (s.isSymbolicLink()) out[child] = 'link';
      else if (s.isDirectory()) walk(child);
      else out[child] = readFileSync(path.join(dir, child), 'base64');
    }
  };
  walk('');
  return out;
}

/** `npm run build -- --out <out>` run inside `project`, as the officer would type it there. */
function buildIn(project: string, out: string, env: Record<string, string> = {}, extra: string[] = []): Promise<BuildResult> {
  return new Promise((resolve) => {
    const args = [path.join(project, 'scripts/run.mjs'), path.join(project, 'scripts/build.ts'), '--out', out, ...extra];
    const fullEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KRISINFO_CONTENT: path.join(project, 'content'), KRISINFO_NOW: NOW, ...env };
    execFile(process.execPath, args, { cwd: project, env: fullEnv }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, out });
    });
  });
}

describe('--out refuses every folder it must not replace, before touching anything', () => {
  const project = projectCopy();
  const home = tempDir('krisinfo-home-');
  writeFileSync(path.join(home, '.bashrc'), '# mine\n');
  let before: Record<string, string>;
  let homeBefore: Record<string, string>;
  const runs: Record<string, { result: BuildResult; after: Record<string, string>; homeAfter: Record<string, string> }> = {};
  const cases = [
    ['.', 'the project folder', 'out-protected', 'mappen är eller innehåller'],
    ['content', 'the content folder', 'out-protected', 'mappen är eller innehåller'],
    ['..', 'a folder containing the project', 'out-protected', 'mappen är eller innehåller'],
    [home, 'the home folder', 'out-protected', 'mappen är eller innehåller'],
    ['/', 'the root folder', 'out-protected', 'mappen är eller innehåller'],
    ['content/webbplats', 'a folder inside the content folder', 'out-inside-content', 'ligger inuti innehållsmappen'],
    ['anteckningar.txt', 'an existing file', 'out-is-file', 'är en fil, inte en mapp'],
    ['docs', 'a folder that is not a site', 'out-not-a-build', 'är inte en webbplats som npm run build har gjort'],
  ] as const;

  beforeAll(async () => {
    before = fingerprint(project);
    homeBefore = fingerprint(home);
    for (const [out] of cases) {
      const result = await buildIn(project, out, { HOME: home });
      runs[out] = { result, after: fingerprint(project), homeAfter: fingerprint(home) };
    }
  }, 300_000);

  for (const [out, what, , text] of cases) {
    it(`--out ${out === home ? '$HOME' : out} (${what}): stops with a message, and nothing changed`, () => {
      const { result, after, homeAfter } = runs[out]!;
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(text);
      expect(result.stderr).toContain('Bygget stoppades: inget publicerades.');
      expect(result.stdout).not.toContain('Klart');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(after).toEqual(before);
      expect(homeAfter).toEqual(homeBefore);
    });
  }

  it('names the folder, in English with --lang en', async () => {
    const r = await buildIn(project, 'docs', { HOME: home }, ['--lang', 'en']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('ERROR The folder docs already exists and is not a site made by npm run build; the build does not replace it.');
    expect(fingerprint(project)).toEqual(before);
  });

  it('names a folder outside the working folder by its absolute path, not as ../../…', async () => {
    const elsewhere = path.join(tempDir(), 'papper');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'brev.txt'), 'Hej\n');
    const r = await buildIn(project, elsewhere, { HOME: home });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`FEL Mappen ${elsewhere} finns redan`);
    expect(r.stderr).toContain(`Bygget stoppades: inget publicerades. ${elsewhere}/ är oförändrad.`);
    expect(r.stderr).not.toContain('../');
  });

  it('the same rules as a table, without a build', () => {
    const guard = { project, content: path.join(project, 'content'), home };
    const verdict = (out: string) => {
      try {
        checkOutput(out, guard);
        return 'ok';
      } catch (e) {
        return (e as { messages: { code: string }[] }).messages[0]!.code;
      }
    };
    const empty = path.join(tempDir(), 'tom');
    mkdirSync(empty);
    expect(verdict(path.join(project, 'dist'))).toBe('ok');
    expect(verdict(empty)).toBe('ok');
    expect(verdict(path.join(tempDir(), 'ny', 'mapp'))).toBe('ok');
    expect(verdict(project)).toBe('build.out-protected');
    expect(verdict(path.join(project, 'content'))).toBe('build.out-protected');
    expect(verdict(path.join(project, 'content/bulletins'))).toBe('build.out-inside-content');
    expect(verdict(home)).toBe('build.out-protected');
    expect(verdict(path.dirname(home))).toBe('build.out-protected');
    expect(verdict('/')).toBe('build.out-protected');
    expect(verdict(path.join(project, 'anteckningar.txt'))).toBe('build.out-is-file');
    expect(verdict(path.join(project, 'docs'))).toBe('build.out-not-a-build');
    // A link to the project is the project.
    const link = path.join(tempDir(), 'dist');
    symlinkSync(project, link);
    expect(verdict(link)).toBe('build.out-protected');
  });
});

describe('--out replaces a folder that is missing, empty or a previous build', () => {
  const content = copyFixture();
  const dir = tempDir('krisinfo-out-');
  const out = path.join(dir, 'tom');
  let first: BuildResult;
  let older: BuildResult;

  beforeAll(async () => {
    mkdirSync(out);
    first = await buildSite({ content, out, now: NOW });
    // A site built before the record existed: the same files without it.
    rmSync(path.join(out, BUILD_RECORD));
    older = await buildSite({ content, out, now: NOW });
  }, 300_000);

  it('an empty folder: built, with the record that marks it as a build of this tool', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(out)).toContain('index.html');
    expect(readdirSync(out)).toContain(BUILD_RECORD);
  });

  it('a site of an older build without the record (index.html, status.json, pagefind/): replaced', () => {
    expect(older.code, older.stderr).toBe(0);
    expect(readBuildRecord(out)?.now).toBe('2022-06-01T12:00:00.000Z');
  });
});
