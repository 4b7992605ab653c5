// The live preview beside the editor: the project's own `npm run dev` (astro dev with the
// content-watch integration), on a free loopback port, reading the same content folder. It
// reloads the page it shows whenever a file in content/ changes, so a save shows at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Preview {
  origin: string;
  child: ChildProcess;
  /** Resolves when the preview answers (or gives up after a minute). */
  ready: Promise<boolean>;
  stop(): void;
}

export async function startPreview(root: string, contentDir: string): Promise<Preview> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // scripts/dev.mjs itself, so that the preview has `npm run dev`'s environment (reload on save
  // whatever NODE_ENV the shell has, no upgrade notice, no telemetry).
  const child = spawn(process.execPath, [path.join(root, 'scripts/dev.mjs'), '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, KRISINFO_CONTENT: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log = (log + String(d)).slice(-5000)));
  child.stderr?.on('data', (d) => (log = (log + String(d)).slice(-5000)));
  const ready = (async () => {
    for (let i = 0; i < 120; i++) {
      if (child.exitCode !== null) return false;
      if (await fetch(origin + '/').then(() => true, () => false)) return true;
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  })();
  return {
    origin,
    child,
    ready,
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
