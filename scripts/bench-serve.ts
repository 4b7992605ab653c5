// `npm run bench:serve`: how many requests per second one nginx on this machine serves the site
// with: the front page and a bulletin, measured with ApacheBench (`ab`, Debian apache2-utils)
// against 127.0.0.1 only. nginx runs as deploy/nginx/ sets it up (gzip, the security headers, an
// access log, one worker per core); ab asks for gzip like a browser and keeps connections open.
// Every run is bounded in time and in requests; the figure is the median of the runs, and every
// failed or non-200 response is counted and printed (a figure with errors is not a figure).
//
//   npm run bench:serve                                   builds the sample content (story's last day)
//   npm run bench:serve -- --site release/<time>/site     an existing build or release
//   npm run bench:serve -- --seconds 10 --requests 50000 --concurrency 50 --runs 3
//
// Not a test: nothing here passes or fails.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNginx } from '../src/lib/bench/nginx.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE_NOW = '2022-01-21T12:00:00+01:00';

interface Args {
  site?: string;
  seconds: number;
  requests: number;
  concurrency: number;
  runs: number;
}

function whole(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number of at least 1, not ${value ?? 'nothing'}`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seconds: 10, requests: 50_000, concurrency: 50, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--site') a.site = argv[++i];
    else if (flag === '--seconds') a.seconds = whole(flag, argv[++i]);
    else if (flag === '--requests') a.requests = whole(flag, argv[++i]);
    else if (flag === '--concurrency') a.concurrency = whole(flag, argv[++i]);
    else if (flag === '--runs') a.runs = whole(flag, argv[++i]);
    else throw new Error(`Unknown argument ${flag}. Use --site DIR --seconds N --requests N --concurrency N --runs N`);
  }
  return a;
}

interface AbResult {
  rps: number;
  complete: number;
  failed: number;
  non2xx: number;
  bytes: number;
}

function ab(url: string, a: Args, seconds = a.seconds): Promise<AbResult> {
  // -t before -n: ab's -t resets the request limit, -n after it sets ours again. -s: per-response timeout.
  const args = ['-q', '-k', '-t', String(seconds), '-n', String(a.requests), '-c', String(a.concurrency), '-s', '5', '-H', 'Accept-Encoding: gzip', url];
  return new Promise((resolve, reject) => {
    execFile('ab', args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`ab failed: ${stderr || error.message}`));
      const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? 0);
      resolve({
        rps: num(/Requests per second:\s+([\d.]+)/),
        complete: num(/Complete requests:\s+(\d+)/),
        failed: num(/Failed requests:\s+(\d+)/),
        non2xx: num(/Non-2xx responses:\s+(\d+)/),
        bytes: num(/Document Length:\s+(\d+) bytes/),
      });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function buildSample(): Promise<{ dir: string; cleanUp: () => void }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-bench-serve-'));
  const out = path.join(tmp, 'dist');
  console.log(`Bygger exemplet (content/, KRISINFO_NOW=${SAMPLE_NOW}) …`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run.mjs'), path.join(ROOT, 'scripts/build.ts'), '--out', out, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, KRISINFO_NOW: SAMPLE_NOW, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    });
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error('the sample build failed');
  return { dir: out, cleanUp: () => rmSync(tmp, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const built = a.site ? { dir: path.resolve(a.site), cleanUp: () => {} } : await buildSample();
  const bulletins = readdirSync(path.join(built.dir, 'bulletiner'), { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(built.dir, 'bulletiner', e.name, 'index.html')));
  const bulletin = `bulletiner/${bulletins.map((e) => e.name).sort()[0]}/`;
  const nginx = await startNginx([built.dir], { workers: 'auto', accessLog: true });
  try {
    const base = nginx.urls[0]!;
    console.log(`nginx ${base} (en arbetsprocess per kärna, ${os.cpus().length} kärnor), ab -k -c ${a.concurrency}, högst ${a.seconds} s och ${a.requests} förfrågningar per körning, ${a.runs} körningar\n`);
    await ab(base, a, 1); // warm-up: the page cache and nginx's open files
    const rows: string[] = [];
    for (const [label, rel] of [['förstasidan /', ''], [`meddelande /${bulletin}`, bulletin]] as const) {
      const runs: AbResult[] = [];
      for (let i = 0; i < a.runs; i++) runs.push(await ab(base + rel, a));
      const errors = runs.reduce((n, r) => n + r.failed + r.non2xx, 0);
      const complete = runs.reduce((n, r) => n + r.complete, 0);
      rows.push(
        `${label.padEnd(48)} ${median(runs.map((r) => r.rps)).toFixed(0).padStart(7)} förfrågningar/s (median; körningar ${runs.map((r) => r.rps.toFixed(0)).join(', ')}), ` +
          `${complete} svar, ${errors} fel, ${(runs[0]!.bytes / 1024).toFixed(1)} kB gzip per svar`,
      );
    }
    console.log(rows.join('\n'));
  } finally {
    await nginx.stop();
    built.cleanUp();
  }
}

await main();
