// Publishing from the editor: the same command the officer would run in a terminal, as a child
// process, one at a time, its output kept for the page that shows progress. Which command is the
// one place to change when publishing grows: while the project has no `npm run publish`, it is
// the build (scripts/build.ts, which already refuses content with errors and swaps the new site in
// only when it is whole); once package.json has a `publish` script and content/ says where to
// publish (publish.yaml), that script is run instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PublishCommand {
  command: string;
  args: string[];
  /** What the officer would type, shown on the page. */
  shown: string;
}

export function publishCommand(root: string, contentDir: string): PublishCommand {
  let scripts: Record<string, string> = {};
  try {
    scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    // no package.json: the build below
  }
  if (scripts.publish && existsSync(path.join(contentDir, 'publish.yaml'))) return { command: 'npm', args: ['run', '--silent', 'publish'], shown: 'npm run publish' };
  return { command: process.execPath, args: [path.join(root, 'scripts/run.mjs'), path.join(root, 'scripts/build.ts')], shown: 'npm run build' };
}

export interface PublishRun {
  startedAt: number;
  finishedAt?: number;
  /** Exit code once finished. */
  code?: number;
  output: string;
  shown: string;
}

export class Publisher {
  private run: PublishRun | undefined;

  constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get current(): PublishRun | undefined {
    return this.run;
  }

  get running(): boolean {
    return this.run !== undefined && this.run.code === undefined;
  }

  /** Starts a publish unless one is running; returns false if one was. */
  start(): boolean {
    if (this.running) return false;
    const cmd = publishCommand(this.root, this.env.KRISINFO_CONTENT ?? path.join(this.root, 'content'));
    const run: PublishRun = { startedAt: Date.now(), output: '', shown: cmd.shown };
    this.run = run;
    const child = spawn(cmd.command, cmd.args, { cwd: this.root, env: { ...this.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => {
      // Only the end matters to the officer; a long log is cut from the front.
      run.output = (run.output + d.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => {
      run.output += String(e);
      run.code = 1;
      run.finishedAt = Date.now();
    });
    child.on('close', (code) => {
      run.code = code ?? 1;
      run.finishedAt = Date.now();
    });
    return true;
  }
}
