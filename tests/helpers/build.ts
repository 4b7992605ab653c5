// Builds a content folder for real, the way `npm run build` does, into a folder of the test's own.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The output folder (it exists only if a build succeeded there). */
  out: string;
}

export function tempDir(prefix = 'krisinfo-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Runs a script of scripts/ from the project root the way npm does: build.ts with plain Node on the
 * script compiled by scripts/run.mjs, the officer's tools with tsx.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const file = path.join(ROOT, 'scripts', script);
    const [cmd, argv] = script === 'build.ts' ? [process.execPath, [path.join(ROOT, 'scripts/run.mjs'), file]] : [TSX, [file]];
    const child = execFile(
      cmd,
      [...argv, ...args],
      { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** Builds `content` into `out` (a new temporary folder unless given). `now` fixes the build's clock. */
export async function buildSite(opts: { content: string; out?: string; now?: string; env?: Record<string, string> }): Promise<BuildResult> {
  const out = opts.out ?? path.join(tempDir(), 'dist');
  const result = await runScript('build.ts', ['--out', out, '--quiet'], {
    KRISINFO_CONTENT: opts.content,
    KRISINFO_NOW: opts.now,
    ...opts.env,
  });
  return { ...result, out };
}
