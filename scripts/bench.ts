// `npm run bench`: how long publishing takes as a crisis grows, side by side with cState on Hugo.
// For each size it generates synthetic content (src/lib/bench/generate.ts) into a temporary folder,
// builds it with the real `scripts/build.ts` as a child process (site, feeds, search index), and
// prints the median of several runs of:
// - publish: a full build into an empty output folder with no page cache and no kept Markdown or YAML, with the server bundle
//   already built (src/lib/build/render/): what a publish costs when only content/ changed;
// - the same with the page cache and the Markdown and YAML the full build kept, and a rebuild after one bulletin changed;
// - peak memory, output size and file count;
// - cState on Hugo (src/lib/bench/cstate.ts) building the same bulletins, in the same runs;
// - once per size: the first publish after a code change (the bundle built first) and today's
//   `astro build` path (KRISINFO_RENDER=astro) for comparison.
// Then the same for the sample site (a copy of content/).
//
//   npm run bench                                  100, 1000, 5000 bulletins (3, 3, 1 runs), then content/
//   npm run bench -- --sizes 100,1000 --runs 2     chosen sizes, runs each
//   npm run bench -- --sizes 1000 --phases         also time validation / rendering / Pagefind apart
//   npm run bench -- --no-sample --keep            skip content/, keep the temporary folders
//   npm run bench -- --no-cold --no-hugo           skip the code-change and astro build runs, or Hugo
//
// Peak memory is GNU time's "Maximum resident set size": the largest single process of the build
// (the Node process with its render threads; Pagefind's indexer runs as a process of its own).
// The first-publish run deletes this checkout's bundle for the content's address and builds it
// again. Figures go to bench-results/<date>.json as well. Not a test: nothing here passes or fails.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCstateSite } from '../src/lib/bench/cstate.ts';
import { BENCH_NOW, editBulletin, generateContent } from '../src/lib/bench/generate.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import { bundleKey } from '../src/lib/build/render/server-bundle.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// The build runs as `npm run build` runs it: plain Node on the script compiled by scripts/run.mjs.
const RUN = [process.execPath, path.join(ROOT, 'scripts/run.mjs')];
const TIME = '/usr/bin/time';
const DEFAULT_RUNS: Record<number, number> = { 100: 3, 1000: 3, 5000: 1 };
/** The cState site to compare with: see /work/shared/anchors/README.md. */
const CSTATE_ANCHORS = [process.env.KRISINFO_CSTATE, '/work/shared/anchors/cstate', path.join(ROOT, '../shared/anchors/cstate')];

interface Args {
  sizes: number[];
  runs?: number;
  sample: boolean;
  sampleRuns: number;
  keep: boolean;
  phases: boolean;
  cold: boolean;
  hugo: boolean;
}

/** A whole number of at least 1, or a clear error (Math.max(1, NaN) would run nothing and print NaN). */
function count(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number of at least 1, not ${value ?? 'nothing'}`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [100, 1000, 5000], sample: true, sampleRuns: 3, keep: false, phases: false, cold: true, hugo: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = (argv[++i] ?? '').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
    else if (a === '--runs') args.runs = count(a, argv[++i]);
    else if (a === '--sample-runs') args.sampleRuns = count(a, argv[++i]);
    else if (a === '--no-sample') args.sample = false;
    else if (a === '--keep') args.keep = true;
    else if (a === '--phases') args.phases = true;
    else if (a === '--no-cold') args.cold = false;
    else if (a === '--no-hugo') args.hugo = false;
    else throw new Error(`Unknown argument ${a}. Use --sizes 100,1000 --runs N --sample-runs N --no-sample --keep --phases --no-cold --no-hugo`);
  }
  if (args.sizes.length === 0) throw new Error('--sizes needs numbers, e.g. --sizes 100,1000');
  return args;
}

interface RunResult {
  ok: boolean;
  seconds: number;
  /** Peak resident memory of the largest process, MB; NaN without /usr/bin/time. */
  peakMb: number;
  /** User + system CPU seconds of the build and its children: what the build costs, whatever the load. */
  cpuS: number;
  stderr: string;
  stdout: string;
}

/** Runs `cmd argv` in `cwd` under /usr/bin/time -v and measures its wall time. */
function timedCommand(cmd: string, argv: string[], cwd: string, env: Record<string, string | undefined>): Promise<RunResult> {
  const useTime = existsSync(TIME);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(useTime ? TIME : cmd, useTime ? ['-v', cmd, ...argv] : argv, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ ok: false, seconds: NaN, peakMb: NaN, cpuS: NaN, stderr: String(e), stdout }));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exit = /Exit status: (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : NaN;
      const ok = code === 0 && (!exit || exit[1] === '0');
      resolve({ ok, seconds, peakMb: m ? Number(m[1]) / 1024 : NaN, cpuS, stderr, stdout });
    });
  });
}

/** Runs `node scripts/run.mjs <script> <args>` as `npm run build` does. */
function timed(script: string, args: string[], env: Record<string, string | undefined>): Promise<RunResult> {
  return timedCommand(RUN[0]!, [RUN[1]!, script, ...args], ROOT, env);
}

async function build(content: string, out: string, cache: string, env: Record<string, string> = {}): Promise<RunResult> {
  const result = await timed(path.join(ROOT, 'scripts/build.ts'), ['--out', out, '--quiet'], {
    KRISINFO_CONTENT: content,
    KRISINFO_NOW: BENCH_NOW,
    KRISINFO_CACHE: cache,
    ...env,
  });
  await replacedSiteDeleted(out);
  return result;
}

/**
 * The build deletes the site it replaced in the background, after it has finished (the officer
 * does not wait for it). The bench waits for that too, so that it does not slow the next build.
 */
async function replacedSiteDeleted(out: string): Promise<void> {
  const prefix = `${path.basename(out)}.previous-`;
  for (let waited = 0; waited < 300_000; waited += 100) {
    if (!readdirSync(path.dirname(out)).some((name) => name.startsWith(prefix))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

interface Row {
  label: string;
  bulletins: number;
  translations: number;
  runs: number;
  /** Full build, bundle built: empty output folder, no page cache, no kept Markdown or YAML. */
  fullS: number;
  fullCpuS: number;
  perBulletinMs: number;
  peakMb: number;
  outputMb: number;
  files: number;
  /** Full build into an empty output folder with a warm page cache. */
  cachedS: number;
  rebuildS: number;
  rebuildCpuS: number;
  /** cState on Hugo, the same bulletins, in the same runs. */
  hugoS?: number;
  hugoIssues?: number;
  /** The first publish after a code change: the bundle built, then the full build. */
  firstAfterCodeS?: number;
  /** Today's path, Astro's static build (KRISINFO_RENDER=astro), full. */
  astroS?: number;
  astroPeakMb?: number;
  load: string;
  phases?: string;
}

function fail(what: string, r: RunResult): never {
  console.error(`${what} failed:\n${r.stdout}\n${r.stderr.replace(/\n\s*Command being timed[\s\S]*$/, '')}`);
  process.exit(1);
}

function cstateAnchor(): string | undefined {
  return CSTATE_ANCHORS.find((d): d is string => Boolean(d && existsSync(path.join(d, 'config.yml'))));
}

function hugoInstalled(): boolean {
  return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}

interface Case {
  label: string;
  content: string;
  tmp: string;
  bulletins: number;
  translations: number;
  /** The bulletin the rebuild changes. */
  newestSlug: string;
}

async function benchCase(c: Case, runs: number, args: Args, anchor: string | undefined): Promise<Row> {
  const { content, tmp } = c;
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  const loadBefore = load();
  process.stderr.write(`${c.label} (${c.bulletins} bulletins +${c.translations} translations) in ${tmp}, load ${loadBefore}: `);
  // Warm-up: the server bundle, the image cache (which persists between real builds too) and the
  // OS file cache. Not counted: a crisis site is rebuilt many times, its code and images done once.
  const warm = await build(content, out, cache);
  if (!warm.ok) fail(`Build of ${c.label}`, warm);
  let hugoSite: string | undefined;
  let hugoIssues: number | undefined;
  if (anchor) {
    hugoSite = path.join(tmp, 'cstate');
    hugoIssues = writeCstateSite(anchor, hugoSite, content, new Date(BENCH_NOW));
  }
  const clean = () => {
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(cache, 'pages'), { recursive: true, force: true });
    rmSync(path.join(cache, 'markdown'), { recursive: true, force: true });
    rmSync(path.join(cache, 'yaml'), { recursive: true, force: true });
  };

  let firstAfterCodeS: number | undefined;
  let astroS: number | undefined;
  let astroPeakMb: number | undefined;
  if (args.cold) {
    // As after a code change: no bundle for this code and this site's address.
    rmSync(path.join(ROOT, '.build', `server-${bundleKey(ROOT, content)}`), { recursive: true, force: true });
    clean();
    const first = await build(content, out, cache);
    if (!first.ok) fail(`First build of ${c.label}`, first);
    firstAfterCodeS = first.seconds;
    clean();
    const astro = await build(content, out, cache, { KRISINFO_RENDER: 'astro' });
    if (!astro.ok) fail(`astro build of ${c.label}`, astro);
    astroS = astro.seconds;
    astroPeakMb = astro.peakMb;
    process.stderr.write(`first after a code change ${first.seconds.toFixed(1)} s, astro build ${astro.seconds.toFixed(1)} s; `);
  }

  const full: RunResult[] = [];
  const cached: RunResult[] = [];
  const rebuild: RunResult[] = [];
  const hugo: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    // Full build: an empty output folder, no page cache, no kept Markdown or YAML, as on a new machine (bundle and images made).
    clean();
    const f = await build(content, out, cache);
    if (!f.ok) fail(`Build of ${c.label}`, f);
    full.push(f);
    process.stderr.write(`full ${f.seconds.toFixed(2)} s (CPU ${f.cpuS.toFixed(1)} s), `);
    // The same into an empty output folder, with the page cache the full build left.
    rmSync(out, { recursive: true, force: true });
    const cr = await build(content, out, cache);
    if (!cr.ok) fail(`Build of ${c.label}`, cr);
    cached.push(cr);
    process.stderr.write(`with page cache ${cr.seconds.toFixed(2)} s, `);
    editBulletin(content, c.newestSlug, `${r}`);
    const rb = await build(content, out, cache);
    if (!rb.ok) fail(`Rebuild of ${c.label}`, rb);
    rebuild.push(rb);
    process.stderr.write(`rebuild ${rb.seconds.toFixed(2)} s (CPU ${rb.cpuS.toFixed(1)} s)`);
    if (hugoSite) {
      rmSync(path.join(hugoSite, 'public'), { recursive: true, force: true });
      // cState's yearly-archive partial grows with the square of the issues: at 5,000 it passes
      // Hugo's default 30 s template timeout, so the comparison gives it ten minutes.
      const h = await timedCommand('hugo', ['--minify', '--quiet', '-d', 'public'], hugoSite, { HUGO_TIMEOUT: '600s' });
      if (!h.ok) fail(`Hugo build of ${c.label}`, h);
      hugo.push(h);
      process.stderr.write(`, cState/Hugo ${h.seconds.toFixed(2)} s`);
    }
    process.stderr.write('; ');
  }
  const size = folderSize(out);
  let phases: string | undefined;
  if (args.phases) {
    const p = await build(content, out, cache, { KRISINFO_TIMING: '1' });
    phases = p.ok ? p.stderr.split('\n').filter((l) => /^(PHASES|RENDER)/.test(l)).join('\n') : `phase run failed: ${p.stderr.slice(0, 500)}`;
  }
  process.stderr.write('\n');
  if (!args.keep) rmSync(tmp, { recursive: true, force: true });
  const fullS = median(full.map((r) => r.seconds));
  return {
    label: c.label,
    bulletins: c.bulletins,
    translations: c.translations,
    runs,
    fullS,
    fullCpuS: median(full.map((r) => r.cpuS)),
    perBulletinMs: (fullS * 1000) / c.bulletins,
    peakMb: Math.max(...full.map((r) => r.peakMb), ...cached.map((r) => r.peakMb), ...rebuild.map((r) => r.peakMb)),
    outputMb: size.bytes / 1024 / 1024,
    files: size.files,
    cachedS: median(cached.map((r) => r.seconds)),
    rebuildS: median(rebuild.map((r) => r.seconds)),
    rebuildCpuS: median(rebuild.map((r) => r.cpuS)),
    hugoS: hugo.length ? median(hugo.map((r) => r.seconds)) : undefined,
    hugoIssues,
    firstAfterCodeS,
    astroS,
    astroPeakMb,
    load: loadBefore,
    phases,
  };
}

async function generatedCase(n: number): Promise<Case> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `krisinfo-bench-${n}-`));
  const content = path.join(tmp, 'content');
  const gen = await generateContent(content, { bulletins: n });
  return { label: String(n), content, tmp, bulletins: n, translations: gen.translations, newestSlug: gen.newestSlug };
}

/** A copy of the sample site, so that the rebuild can change a bulletin. */
function sampleCase(): Case {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-bench-sample-'));
  const content = path.join(tmp, 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const loaded = loadContent(content);
  const newest = loaded.bulletins
    .filter((g) => !g.original.draft && g.original.published <= new Date(BENCH_NOW) && !/\.[a-z]{2,3}\.md$/.test(g.original.file))
    .sort((a, b) => b.original.published.getTime() - a.original.published.getTime())[0];
  const translations = loaded.bulletins.reduce((sum, g) => sum + g.versions.size - (g.versions.has(loaded.site?.languages[0] ?? '') ? 1 : 0), 0);
  return { label: 'content/', content, tmp, bulletins: loaded.bulletins.length, translations, newestSlug: newest?.slug ?? '' };
}

function table(rows: Row[]): string {
  const head = ['bulletins', '+transl.', 'runs', 'publish s', 'CPU s', 'ms/bulletin', 'with page cache s', 'rebuild s', 'rebuild CPU s', 'peak MB', 'cState/Hugo s', '÷ Hugo', 'first after code change s', 'astro build s', 'output MB', 'files', 'load (1/5/15 min)'];
  const num = (x: number | undefined, digits = 2) => (x === undefined ? '–' : Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
  const body = rows.map((r) => [
    r.label,
    String(r.translations),
    String(r.runs),
    num(r.fullS),
    num(r.fullCpuS, 1),
    num(r.perBulletinMs, 1),
    num(r.cachedS),
    num(r.rebuildS),
    num(r.rebuildCpuS, 1),
    num(r.peakMb, 0),
    num(r.hugoS),
    r.hugoS ? num(r.fullS / r.hugoS) : '–',
    num(r.firstAfterCodeS),
    num(r.astroS),
    num(r.outputMb, 1),
    String(r.files),
    r.load,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  if (!existsSync(TIME)) console.warn(`${TIME} is missing: peak memory is not measured (apt-get install -y time).`);
  const anchor = args.hugo ? cstateAnchor() : undefined;
  const hugoAnchor = anchor && hugoInstalled() ? anchor : undefined;
  if (args.hugo && !anchor) console.warn('The cState anchor site is missing (set KRISINFO_CSTATE): no Hugo comparison.');
  else if (anchor && !hugoAnchor) console.warn('hugo is not installed (apt-get install -y hugo): no Hugo comparison.');
  console.error(`krisinfo bench on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load ${load()}`);
  const rows: Row[] = [];
  for (const n of args.sizes) rows.push(await benchCase(await generatedCase(n), args.runs ?? DEFAULT_RUNS[n] ?? 1, args, hugoAnchor));
  if (args.sample) rows.push(await benchCase(sampleCase(), args.sampleRuns, args, hugoAnchor));
  console.log(`\n${table(rows)}\n`);
  for (const r of rows) if (r.phases) console.log(`${r.label}: ${r.phases}`);
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = path.join(ROOT, 'bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, cores: os.cpus().length, rows }, null, 2) + '\n');
  console.log(
    'Medians of the runs. publish = full build with the server bundle made (empty output, no page cache); rebuild = after one bulletin changed;\n' +
      `÷ Hugo = publish / cState on Hugo; first after code change and astro build: one run each. Figures saved in ${path.relative(ROOT, file)}.`,
  );
}

await main();
