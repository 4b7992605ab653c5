// A build started in the background that stops at a named moment (src/lib/build/test-pause.ts), so that
// a test can SIGKILL it exactly there, as a power cut or a closed laptop lid would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build.ts';

export interface PausedBuild {
  child: ChildProcess;
  pid: number;
  /** Kills the build with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
  stdout(): string;
  stderr(): string;
}

/** Starts `npm run build -- --out <out>` and resolves once it has reached `point` and waits there. */
export function buildPausedAt(point: string, out: string, env: Record<string, string | undefined>): Promise<PausedBuild> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run.mjs'), path.join(ROOT, 'scripts/build.ts'), '--out', out, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env, KRISINFO_TEST_PAUSE_AT: point },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes(`KRISINFO_PAUSED ${point}`)) {
        resolve({
          child,
          pid: child.pid!,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stdout: () => stdout,
          stderr: () => stderr,
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`the build ended (${code}) before ${point}:\n${stdout}\n${stderr}`)));
  });
}
