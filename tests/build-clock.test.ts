// Issue 12 item 2: a wrong clock must not publish a false all-clear. Before the fix,
// `KRISINFO_NOW=1970-01-01T00:00:00Z npm run build` (or a laptop whose clock was reset, with no
// variable set) built a site with no bulletins and every service "✓ Fungerar", and said "Klart".
// The rules (src/lib/build/clock-guard.ts) as a table, then real builds: with KRISINFO_NOW, with --now,
// and with a really wrong clock through faketime (libfaketime, no variable set).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_RECORD, readBuildRecord } from '../src/lib/build/build-record.ts';
import { CliError } from '../src/lib/cli/output.ts';
import { guardClock, readClock, showTime, type BuildClock } from '../src/lib/build/clock-guard.ts';
import { buildSite, ROOT, runScript, tempDir, type BuildResult } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const TZ = 'Europe/Stockholm';

/** An output folder whose previous build ran at `now` and showed news up to `newest`. */
function previousBuild(now: string, newest?: string): string {
  const dir = tempDir('krisinfo-prev-');
  writeFileSync(path.join(dir, BUILD_RECORD), JSON.stringify({ format: 1, tool: 'krisinfo', now, clock: 'clock', newest: newest && { at: newest, slug: 'x' }, files: {} }));
  return dir;
}

/** An output folder from a build older than the record: only status.json tells its time. */
function olderBuild(generated: string): string {
  const dir = tempDir('krisinfo-prev-');
  writeFileSync(path.join(dir, 'status.json'), JSON.stringify({ version: 1, generated }));
  return dir;
}

const clock = (iso: string, source: BuildClock['source'] = 'clock'): BuildClock => ({ now: new Date(iso), source });

function verdict(c: BuildClock, out: string, allowEarlier = false): string {
  try {
    return guardClock(c, out, TZ, allowEarlier).map((m) => m.code).join(' ');
  } catch (e) {
    if (e instanceof CliError) return `STOP ${e.messages[0]!.code}`;
    throw e;
  }
}

describe('the clock guard, as a table', () => {
  const fresh = () => path.join(tempDir('krisinfo-fresh-'), 'dist');
  it.each([
    ['a reset clock (1970), fresh folder', clock('1970-01-01T00:00:00Z'), fresh, false, 'STOP build.clock-implausible'],
    ['a reset clock (2000), fresh folder', clock('2000-01-01T00:00:00Z'), fresh, false, 'STOP build.clock-implausible'],
    ['the right clock, fresh folder', clock('2026-03-01T10:00:00Z'), fresh, false, 'build.now-system'],
    ['KRISINFO_NOW 1970 into a fresh folder: a deliberate preview', clock('1970-01-01T00:00:00Z', 'KRISINFO_NOW'), fresh, false, 'build.now-fixed'],
    ['the clock a day behind the previous build', clock('2026-02-28T10:00:00Z'), () => previousBuild('2026-03-01T10:00:00Z'), false, 'STOP build.clock-before-previous'],
    ['KRISINFO_NOW 1970 over a previous build', clock('1970-01-01T00:00:00Z', 'KRISINFO_NOW'), () => previousBuild('2026-03-01T10:00:00Z'), false, 'STOP build.clock-before-previous'],
    ['--now a day before a previous build', clock('2026-02-28T10:00:00Z', '--now'), () => previousBuild('2026-03-01T10:00:00Z'), false, 'STOP build.clock-before-previous'],
    ['a minute behind another computer’s build: within the slack', clock('2026-03-01T09:59:00Z'), () => previousBuild('2026-03-01T10:00:00Z'), false, 'build.now-system'],
    ['within the slack, but before the newest news of that build', clock('2026-03-01T09:59:00Z'), () => previousBuild('2026-03-01T10:00:00Z', '2026-03-01T09:59:30Z'), false, 'STOP build.clock-before-bulletin'],
    ['the same time again (a rebuild)', clock('2026-03-01T10:00:00Z'), () => previousBuild('2026-03-01T10:00:00Z', '2026-03-01T09:00:00Z'), false, 'build.now-system'],
    ['later than the previous build', clock('2026-03-02T10:00:00Z'), () => previousBuild('2026-03-01T10:00:00Z'), false, 'build.now-system'],
    ['a build older than the record: its status.json', clock('2026-02-01T10:00:00Z'), () => olderBuild('2026-03-01T11:00:00+01:00'), false, 'STOP build.clock-before-previous'],
    ['--allow-earlier-time over a build whose clock was ahead', clock('2026-02-28T10:00:00Z'), () => previousBuild('2030-01-01T00:00:00Z'), true, 'build.now-system build.now-earlier-allowed'],
    ['--allow-earlier-time does not make a reset clock right', clock('1970-01-01T00:00:00Z'), () => previousBuild('2026-03-01T10:00:00Z'), true, 'STOP build.clock-implausible'],
  ])('%s', (_what, c, out, allow, expected) => {
    expect(verdict(c, out(), allow)).toBe(expected);
  });

  it('reads --now before KRISINFO_NOW before the clock, and refuses a time that is not one', () => {
    const system = () => new Date('2026-03-01T10:00:00Z');
    expect(readClock('2022-01-21T12:00:00+01:00', '2023-01-01T00:00:00Z', system)).toEqual(clock('2022-01-21T11:00:00Z', '--now'));
    expect(readClock(undefined, '2023-01-01T00:00:00Z', system)).toEqual(clock('2023-01-01T00:00:00Z', 'KRISINFO_NOW'));
    expect(readClock(undefined, undefined, system)).toEqual(clock('2026-03-01T10:00:00Z'));
    expect(() => readClock('igår', undefined, system)).toThrow(CliError);
    expect(() => readClock('', undefined, system)).toThrow(CliError);
  });

  it('shows a time in the site’s zone with its offset', () => {
    expect(showTime(new Date('1970-01-01T00:00:00Z'), TZ)).toBe('1970-01-01 01:00:00 +01:00 Europe/Stockholm');
    expect(showTime(new Date('2022-06-01T12:00:00Z'), TZ)).toBe('2022-06-01 14:00:00 +02:00 Europe/Stockholm');
  });
});

/** `npm run build -- --out <out> <args>` with the computer's clock unless args say otherwise. */
async function buildSiteWithArgs(content: string, out: string, args: string[]): Promise<BuildResult> {
  const r = await runScript('build.ts', ['--out', out, ...args], { KRISINFO_CONTENT: content, KRISINFO_NOW: undefined });
  return { ...r, out };
}

/** `npm run build` under libfaketime: the process's real clock is wrong, no variable is set. */
function buildWithClock(fake: string, content: string, out: string): Promise<BuildResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KRISINFO_CONTENT: content, KRISINFO_NOW: undefined, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
    execFile('faketime', ['-f', `@${fake}`, process.execPath, path.join(ROOT, 'scripts/run.mjs'), path.join(ROOT, 'scripts/build.ts'), '--out', out], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, out });
    });
  });
}

describe('builds with a wrong clock', () => {
  const content = copyFixture();
  const dir = tempDir('krisinfo-clock-');
  const out = path.join(dir, 'dist');
  let first: BuildResult;
  let published: Record<string, string>;
  const runs: Record<string, BuildResult & { after: Record<string, string> }> = {};

  beforeAll(async () => {
    // A build with the computer's real clock: the fixture's bulletins are all out.
    first = await buildSiteWithArgs(content, out, []);
    published = hashTree(out);
    const run = async (name: string, p: Promise<BuildResult>) => {
      const r = await p;
      runs[name] = { ...r, after: hashTree(out) };
    };
    await run('env1970', buildSite({ content, out, now: '1970-01-01T00:00:00Z' }));
    await run('flag1970', buildSiteWithArgs(content, out, ['--now', '1970-01-01T00:00:00Z']));
    await run('faketime1970', buildWithClock('1970-01-01 00:00:00', content, out));
    // Behind the previous build by a month: a clock that is wrong but not absurd.
    const monthBefore = new Date(Date.parse(readBuildRecord(out)!.now) - 30 * 24 * 3600 * 1000);
    await run('faketimeMonth', buildWithClock(monthBefore.toISOString().slice(0, 19).replace('T', ' '), content, out));
  }, 600_000);

  it('the first build prints the time it used, from the computer’s clock', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Tid för bygget: 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00 Europe\/Stockholm \(datorns klocka\)/);
    expect(readBuildRecord(out)).toMatchObject({ clock: 'clock', newest: { slug: '2021-12-18-bibliotek' } });
  });

  for (const [name, what, time] of [
    ['env1970', 'KRISINFO_NOW=1970-01-01T00:00:00Z (the attack of the issue)', '1970-01-01 01:00:00 +01:00 Europe/Stockholm (KRISINFO_NOW)'],
    ['flag1970', '--now 1970-01-01T00:00:00Z', '1970-01-01 01:00:00 +01:00 Europe/Stockholm (--now)'],
    // The faked clock ticks on from its start: the seconds may have moved.
    ['faketime1970', 'a clock reset to 1970, no variable set (faketime)', 'Datorns klocka visar 1970-01-01 01:0'],
    ['faketimeMonth', 'a clock a month behind the previous build, no variable set (faketime)', 'ligger före förra bygget'],
  ] as const) {
    it(`${what}: stops, says which time it used, and dist/ is untouched`, () => {
      const r = runs[name]!;
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(time);
      expect(r.stderr).toContain('inget publicerades');
      expect(r.stderr).not.toContain('Klart');
      expect(r.after).toEqual(published);
    });
  }

  it('a fixed time into a fresh folder is a preview: it builds, and says it is not the computer’s clock', async () => {
    const preview = path.join(dir, 'preview');
    const r = await buildSiteWithArgs(content, preview, ['--now', '2021-12-17T12:00:00+01:00']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Tid för bygget: 2021-12-17 12:00:00 +01:00 Europe/Stockholm, fast tid från --now, inte datorns klocka. Det är till för test och förhandsvisning.');
    // The library bulletin (18 December) is not out yet at that moment.
    expect(readFileSync(path.join(preview, 'index.html'), 'utf8')).not.toContain('Biblioteket');
  });

  it('--allow-earlier-time replaces a site whose build had its clock ahead, and says so', async () => {
    const ahead = path.join(dir, 'ahead');
    mkdirSync(ahead);
    const r0 = await buildSiteWithArgs(content, ahead, ['--now', '2030-01-01T00:00:00Z']);
    expect(r0.code, r0.stderr).toBe(0);
    const refused = await buildSiteWithArgs(content, ahead, []);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--allow-earlier-time');
    const r = await buildSiteWithArgs(content, ahead, ['--allow-earlier-time']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('--allow-earlier-time är angivet');
    expect(readBuildRecord(ahead)!.clock).toBe('clock');
  });
});
