// An rclone target, `REMOTE:PATH`: SFTP, S3-compatible buckets, WebDAV, FTP, Azure, Google Cloud
// Storage and the rest that rclone speaks. The remote and its login live in rclone's own config
// (`rclone config`); this only names it. Each phase is one `rclone copy --files-from-raw` of exactly
// the files plan.ts chose, and the removals one `rclone delete --files-from-raw`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HASH_TYPES, type HashType, type RemoteFile } from './plan.ts';
import { TargetError, type TargetDriver } from './target.ts';

/** Give up on an unreachable server in seconds, not minutes; rclone's own retries stay. */
const NETWORK_FLAGS = ['--contimeout', '15s', '--timeout', '60s', '--low-level-retries', '3'];
/** rclone's exit code for "directory not found": nothing published there yet. */
const EXIT_DIR_NOT_FOUND = 3;

interface LsjsonEntry {
  Path: string;
  Size: number;
  Hashes?: Record<string, string>;
}

export class RcloneTarget implements TargetDriver {
  private readonly temp = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-rclone-'));

  constructor(readonly remote: string) {}

  async list(): Promise<RemoteFile[]> {
    let out = '';
    const code = await this.run(['lsjson', '-R', '--files-only', '--hash', '--no-mimetype', '--no-modtime', this.remote], {
      onStdout: (s) => (out += s),
    });
    if (code === EXIT_DIR_NOT_FOUND) return [];
    const entries = JSON.parse(out) as LsjsonEntry[];
    return entries.map((e) => {
      const hashes: Partial<Record<HashType, string>> = {};
      for (const t of HASH_TYPES) if (e.Hashes?.[t]) hashes[t] = e.Hashes[t];
      return { path: e.Path, size: e.Size, hashes };
    });
  }

  async put(siteDir: string, files: string[], onFile: () => void): Promise<void> {
    if (!files.length) return;
    // --ignore-times: plan.ts has decided these differ; rclone must not skip one on size and time.
    await this.run(['copy', siteDir, this.remote, '--files-from-raw', this.fileList(files), '--no-traverse', '--ignore-times', '-v', '--stats', '0'], {
      onLogLine: (line) => / : .*: Copied \(/.test(line) && onFile(),
    });
  }

  async remove(files: string[], onFile: () => void): Promise<void> {
    if (!files.length) return;
    await this.run(['delete', this.remote, '--files-from-raw', this.fileList(files), '--rmdirs', '-v', '--stats', '0'], {
      onLogLine: (line) => / : .*: Deleted$/.test(line) && onFile(),
    });
  }

  async close(): Promise<void> {
    rmSync(this.temp, { recursive: true, force: true });
  }

  private fileList(files: string[]): string {
    const file = path.join(this.temp, `files-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, files.join('\n') + '\n');
    return file;
  }

  /** Runs rclone; resolves with its exit code when the caller accepts it, else throws its last error line. */
  private run(args: string[], opts: { onStdout?: (s: string) => void; onLogLine?: (line: string) => void }): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn('rclone', [...args, ...NETWORK_FLAGS], { stdio: ['ignore', 'pipe', 'pipe'] });
      const errors: string[] = [];
      let pending = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => opts.onStdout?.(s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => {
        const lines = (pending + s).split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          if (/\b(ERROR|CRITICAL|Failed)\b/.test(line)) errors.push(line.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, '').trim());
          opts.onLogLine?.(line);
        }
      });
      child.on('error', (e: NodeJS.ErrnoException) => reject(new TargetError(e.code === 'ENOENT' ? 'rclone är inte installerat' : e.message)));
      child.on('close', (code) => {
        if (pending) opts.onLogLine?.(pending);
        if (code === 0 || (code === EXIT_DIR_NOT_FOUND && args[0] === 'lsjson')) resolve(code);
        else reject(new TargetError(errors.at(-1) ?? `rclone ${args[0]} avslutades med kod ${code}`));
      });
    });
  }
}
