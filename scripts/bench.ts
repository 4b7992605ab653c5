// `npm run bench`: how long the real build takes as a crisis grows. For each size it generates
// synthetic content (src/lib/bench/generate.ts) into a temporary folder, builds it with the real
// `scripts/build.ts` as a child process (site, feeds, search index), and prints the median of
// several runs: wall time of a full build (empty output folder, no page cache), time per bulletin,
// peak memory, output size and file count, the same build with the page cache the full build
// left, and the time of a rebuild after one bulletin changed. Then the sample site's full build.
//
//   npm run bench                                  100, 1000, 5000 bulletins (3, 3, 1 runs)
//   npm run bench -- --sizes 100,1000 --runs 2     chosen sizes, runs each
//   npm run bench -- --sizes 1000 --phases         also time validation / Astro / Pagefind apart
//   npm run bench -- --no-sample --keep            skip content/, keep the temporary folders
//
// Peak memory is GNU time's "Maximum resident set size": the largest single process of the build
// (the Node process; Pagefind's indexer runs as a process of its own and is usually smaller).
// Figures go to bench-results/<date>.json as well. Not a test: nothing here passes or fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_NOW, editBulletin, generateContent } from '../src/lib/bench/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// The build runs as `npm run build` runs it: plain Node on the script compiled by scripts/run.mjs.
const RUN = [process.execPath, path.join(ROOT, 'scripts/run.mjs')];
const TIME = '/usr/bin/time';
const DEFAULT_RUNS: Record<number, number> = { 100: 3, 1000: 3, 5000: 1 };

interface Args {
  sizes: number[];
  runs?: number;
  sample: boolean;
  sampleRuns: number;
  keep: boolean;
  phases: boolean;
}

/** A whole number of at least 1, or a clear error (Math.max(1, NaN) would run nothing and print NaN). */
function count(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number of at least 1, not ${value ?? 'nothing'}`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [100, 1000, 5000], sample: true, sampleRuns: 3, keep: false, phases: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = (argv[++i] ?? '').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
    else if (a === '--runs') args.runs = count(a, argv[++i]);
    else if (a === '--sample-runs') args.sampleRuns = count(a, argv[++i]);
    else if (a === '--no-sample') args.sample = false;
    else if (a === '--keep') args.keep = true;
    else if (a === '--phases') args.phases = true;
    else throw new Error(`Unknown argument ${a}. Use --sizes 100,1000 --runs N --sample-runs N --no-sample --keep --phases`);
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

/** Runs `node scripts/run.mjs <script> <args>` under /usr/bin/time -v and measures its wall time. */
function timed(script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : RUN[0]!;
  const argv = useTime ? ['-v', ...RUN, script, ...args] : [RUN[1]!, script, ...args];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
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

async function build(content: string, out: string, cache: string): Promise<RunResult> {
  const result = await timed(path.join(ROOT, 'scripts/build.ts'), ['--out', out, '--quiet'], {
    KRISINFO_CONTENT: content,
    KRISINFO_NOW: BENCH_NOW,
    KRISINFO_CACHE: cache,
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
  fullS: number;
  fullCpuS: number;
  perBulletinMs: number;
  peakMb: number;
  outputMb: number;
  files: number;
  /** Full build into an empty output folder with a warm page cache. */
  cachedS?: number;
  rebuildS?: number;
  rebuildCpuS?: number;
  load: string;
  phases?: string;
}

function fail(what: string, r: RunResult): never {
  console.error(`${what} failed:\n${r.stdout}\n${r.stderr.replace(/\n\s*Command being timed[\s\S]*$/, '')}`);
  process.exit(1);
}

async function benchSize(n: number, runs: number, args: Args): Promise<Row> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `krisinfo-bench-${n}-`));
  const content = path.join(tmp, 'content');
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  const gen = await generateContent(content, { bulletins: n });
  const loadBefore = load();
  process.stderr.write(`${n} bulletins (+${gen.translations} translations) in ${tmp}, load ${loadBefore}: `);
  // Warm-up: the image cache (which persists between real builds too) and the OS file cache.
  // Not counted: a crisis site is rebuilt many times, and its images are processed once.
  const warm = await build(content, out, cache);
  if (!warm.ok) fail(`Build of ${n} bulletins`, warm);
  const full: RunResult[] = [];
  const cached: RunResult[] = [];
  const rebuild: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    // Full build: an empty output folder and no page cache, as on a new machine (images cached).
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(cache, 'pages'), { recursive: true, force: true });
    const f = await build(content, out, cache);
    if (!f.ok) fail(`Build of ${n} bulletins`, f);
    full.push(f);
    process.stderr.write(`full ${f.seconds.toFixed(1)} s (CPU ${f.cpuS.toFixed(1)} s), `);
    // The same into an empty output folder, with the page cache the full build left.
    rmSync(out, { recursive: true, force: true });
    const c = await build(content, out, cache);
    if (!c.ok) fail(`Build of ${n} bulletins`, c);
    cached.push(c);
    process.stderr.write(`with page cache ${c.seconds.toFixed(1)} s (CPU ${c.cpuS.toFixed(1)} s), `);
    editBulletin(content, gen.newestSlug, `${r}`);
    const rb = await build(content, out, cache);
    if (!rb.ok) fail(`Rebuild of ${n} bulletins`, rb);
    rebuild.push(rb);
    process.stderr.write(`rebuild ${rb.seconds.toFixed(1)} s (CPU ${rb.cpuS.toFixed(1)} s); `);
  }
  const size = folderSize(out);
  let phases: string | undefined;
  if (args.phases) {
    const p = await timed(path.join(ROOT, 'scripts/build.ts'), ['--out', out], {
      KRISINFO_CONTENT: content,
      KRISINFO_NOW: BENCH_NOW,
      KRISINFO_CACHE: cache,
      KRISINFO_TIMING: '1',
    });
    // Astro's step timings, then ours.
    const astroSteps = p.stdout.split('\n').filter((l) => /Completed in|built in|Building static|Collecting build|Rearranging|generating static routes|Server built/i.test(l));
    phases = p.ok ? [...astroSteps, ...p.stderr.split('\n').filter((l) => l.startsWith('PHASES'))].join('\n') : `phase run failed: ${p.stderr.slice(0, 500)}`;
  }
  process.stderr.write('\n');
  if (!args.keep) rmSync(tmp, { recursive: true, force: true });
  const fullS = median(full.map((r) => r.seconds));
  return {
    label: String(n),
    bulletins: n,
    translations: gen.translations,
    runs,
    fullS,
    fullCpuS: median(full.map((r) => r.cpuS)),
    perBulletinMs: (fullS * 1000) / n,
    peakMb: Math.max(...full.map((r) => r.peakMb), ...cached.map((r) => r.peakMb), ...rebuild.map((r) => r.peakMb)),
    outputMb: size.bytes / 1024 / 1024,
    files: size.files,
    cachedS: median(cached.map((r) => r.seconds)),
    rebuildS: median(rebuild.map((r) => r.seconds)),
    rebuildCpuS: median(rebuild.map((r) => r.cpuS)),
    load: loadBefore,
    phases,
  };
}

async function benchSample(runs: number): Promise<Row> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-bench-sample-'));
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  const content = path.join(ROOT, 'content');
  const loadBefore = load();
  process.stderr.write(`sample site content/, load ${loadBefore}: `);
  const warm = await build(content, out, cache);
  if (!warm.ok) fail('Build of content/', warm);
  const full: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(cache, 'pages'), { recursive: true, force: true });
    const f = await build(content, out, cache);
    if (!f.ok) fail('Build of content/', f);
    full.push(f);
    process.stderr.write(`full ${f.seconds.toFixed(1)} s (CPU ${f.cpuS.toFixed(1)} s); `);
  }
  process.stderr.write('\n');
  const size = folderSize(out);
  rmSync(tmp, { recursive: true, force: true });
  const bulletins = readdirSync(path.join(content, 'bulletins')).filter((f) => f.endsWith('.md'));
  const translations = bulletins.filter((f) => /\.[a-z]{2,3}\.md$/.test(f)).length;
  const fullS = median(full.map((r) => r.seconds));
  return {
    label: 'content/',
    bulletins: bulletins.length - translations,
    translations,
    runs,
    fullS,
    fullCpuS: median(full.map((r) => r.cpuS)),
    perBulletinMs: (fullS * 1000) / (bulletins.length - translations),
    peakMb: Math.max(...full.map((r) => r.peakMb)),
    outputMb: size.bytes / 1024 / 1024,
    files: size.files,
    load: loadBefore,
  };
}

function table(rows: Row[]): string {
  const head = ['bulletins', '+transl.', 'runs', 'full build s', 'CPU s', 'ms/bulletin', 'peak MB', 'output MB', 'files', 'with page cache s', 'rebuild s', 'rebuild CPU s', 'load (1/5/15 min)'];
  const num = (x: number | undefined, digits = 1) => (x === undefined ? '–' : Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
  const body = rows.map((r) => [
    r.label,
    String(r.translations),
    String(r.runs),
    num(r.fullS),
    num(r.fullCpuS),
    num(r.perBulletinMs),
    num(r.peakMb, 0),
    num(r.outputMb),
    String(r.files),
    num(r.cachedS),
    num(r.rebuildS),
    num(r.rebuildCpuS),
    r.load,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  if (!existsSync(TIME)) console.warn(`${TIME} is missing: peak memory is not measured (apt-get install -y time).`);
  console.error(`krisinfo bench on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load ${load()}`);
  const rows: Row[] = [];
  for (const n of args.sizes) rows.push(await benchSize(n, args.runs ?? DEFAULT_RUNS[n] ?? 1, args));
  if (args.sample) rows.push(await benchSample(args.sampleRuns));
  console.log(`\n${table(rows)}\n`);
  for (const r of rows) if (r.phases) console.log(`${r.label}: ${r.phases}`);
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = path.join(ROOT, 'bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, cores: os.cpus().length, rows }, null, 2) + '\n');
  console.log(`Medians of the runs; rebuild = after one bulletin changed. Figures saved in ${path.relative(ROOT, file)}.`);
}

await main();
