// Starts `npm run editor` for a test the way the officer does (tsx scripts/editor.ts), on a free
// loopback port, on a content folder (a copy from copyFixture in content-tree.ts), and stops it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build.ts';

export interface RunningEditor {
  child: ChildProcess;
  /** The printed start address, with the token. */
  startUrl: string;
  origin: string;
  port: number;
  token: string;
  content: string;
  log: () => string;
  stop(): void;
}

export async function startEditorProcess(content: string, args: string[] = [], env: Record<string, string> = {}): Promise<RunningEditor> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/editor.ts'), '--port', '0', '--no-preview', '--content', content, ...args], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += String(d)));
  child.stderr!.on('data', (d) => (log += String(d)));
  for (let i = 0; i < 200; i++) {
    const m = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(log);
    if (m) {
      return {
        child,
        startUrl: m[1]!,
        origin: `http://127.0.0.1:${m[2]}`,
        port: Number(m[2]),
        token: m[3]!,
        content,
        log: () => log,
        stop: () => {
          if (child.exitCode === null) process.kill(child.pid!, 'SIGTERM');
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the editor did not start:\n${log}`);
}
