// Publishing from the editor: the same command the officer would run in a terminal, as a child
// process, one at a time, its output kept for the page that shows progress. Which command is the
// one place to change when publishing grows: without content/publish.yaml it is the build
// (scripts/build.ts, which already refuses content with errors and swaps the new site in only when
// it is whole); with it, `npm run publish`, which signs and uploads and so needs the key pair: the
// editor checks the pair before it starts anything, and passes the key's password (typed in the
// publish form) to the child on its standard input, where publish reads it. The password is kept
// in no variable beyond the call that writes it, and never in the log.
//
// What the run changed is read from the disk, not guessed from the exit code: the build's record in
// the output folder (a new one means dist/ was replaced) and a new folder in release/ (signed).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_RECORD } from '../lib/build/build-record.ts';
import { CliError, type CliMessage } from '../lib/cli/output.ts';
import { SIGNATURE_FILE } from '../lib/release/checksums.ts';
import { defaultSecretKeyPath, publicKeyPath } from '../lib/release/key-paths.ts';
import { checkKeyFiles } from '../lib/publish/signing-keys.ts';

export interface PublishCommand {
  command: string;
  args: string[];
  /** What the officer would type, shown on the page. */
  shown: string;
  /** True for `npm run publish`: it signs with the key pair and uploads. */
  signs: boolean;
}

export function publishCommand(root: string, contentDir: string): PublishCommand {
  let scripts: Record<string, string> = {};
  try {
    scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    // no package.json: the build below
  }
  if (scripts.publish && existsSync(path.join(contentDir, 'publish.yaml'))) return { command: 'npm', args: ['run', '--silent', 'publish'], shown: 'npm run publish', signs: true };
  return { command: process.execPath, args: [path.join(root, 'scripts/run.mjs'), path.join(root, 'scripts/build.ts')], shown: 'npm run build', signs: false };
}

/** The key pair as publish will find it: a problem to show before anything is built, or whether it needs a password. */
export type KeyState = { problem: CliMessage } | { problem?: undefined; encrypted: boolean };

export function keyState(contentDir: string): KeyState {
  try {
    return { encrypted: checkKeyFiles({ publicKey: publicKeyPath(contentDir), secretKey: path.resolve(defaultSecretKeyPath()) }).encrypted };
  } catch (e) {
    if (e instanceof CliError) return { problem: e.messages[0] as CliMessage };
    throw e;
  }
}

/**
 * What a finished run did, for the sentence the page shows:
 * - `published`: built, signed, uploaded, and every target serves the new release;
 * - `built-only`: the build alone (no publish.yaml) put the new site in place;
 * - `signed`: built and signed, but not every target serves it (the table in the log says which);
 * - `built`: the output folder holds the new site, but it was not signed and nothing was uploaded;
 * - `unchanged`: nothing changed: the output folder is as it was and nothing was uploaded.
 */
export type PublishOutcome = 'published' | 'built-only' | 'signed' | 'built' | 'unchanged';

export function publishOutcome(f: { code: number; signs: boolean; built: boolean; released: boolean }): PublishOutcome {
  if (f.code === 0) return f.signs ? 'published' : 'built-only';
  if (f.released) return 'signed';
  return f.built ? 'built' : 'unchanged';
}

export interface PublishRun {
  startedAt: number;
  finishedAt?: number;
  /** Exit code once finished. */
  code?: number;
  outcome?: PublishOutcome;
  output: string;
  shown: string;
  /** The output folder and the new release, as the page names them. */
  out: string;
  release?: string;
}

/** The build's record in the output folder: it changes with every build that replaced the folder. */
function recordOf(out: string): string | undefined {
  try {
    return readFileSync(path.join(out, BUILD_RECORD), 'utf8');
  } catch {
    return undefined;
  }
}

function foldersIn(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
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

  get contentDir(): string {
    return this.env.KRISINFO_CONTENT ?? path.join(this.root, 'content');
  }

  get command(): PublishCommand {
    return publishCommand(this.root, this.contentDir);
  }

  /**
   * Starts a publish unless one is running; returns false if one was. `password` (for an encrypted
   * key) is written to the child's standard input and not kept.
   */
  start(password?: string): boolean {
    if (this.running) return false;
    const cmd = this.command;
    // Where scripts/build.ts and scripts/publish.ts write, as they resolve it from the same env.
    const out = path.resolve(this.root, this.env.KRISINFO_OUT ?? 'dist');
    const releases = path.resolve(this.root, this.env.KRISINFO_RELEASES ?? 'release');
    const recordBefore = recordOf(out);
    const releasesBefore = foldersIn(releases);
    const run: PublishRun = { startedAt: Date.now(), output: '', shown: cmd.shown, out };
    this.run = run;
    const child = spawn(cmd.command, cmd.args, { cwd: this.root, env: { ...this.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => undefined);
    child.stdin.end(password === undefined ? '' : `${password}\n`);
    const keep = (d: Buffer) => {
      // Only the end matters to the officer; a long log is cut from the front.
      run.output = (run.output + d.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const finish = (code: number) => {
      if (run.code !== undefined) return;
      const record = recordOf(out);
      const release = [...foldersIn(releases)].filter((f) => !releasesBefore.has(f)).find((f) => existsSync(path.join(releases, f, 'site', SIGNATURE_FILE)));
      run.release = release && path.join(releases, release);
      run.outcome = publishOutcome({ code, signs: cmd.signs, built: record !== undefined && record !== recordBefore, released: Boolean(release) });
      run.finishedAt = Date.now();
      run.code = code;
    };
    child.on('error', (e) => {
      run.output += String(e);
      finish(1);
    });
    child.on('close', (code) => finish(code ?? 1));
    return true;
  }
}
