// A git target, `REPO BRANCH`: GitHub Pages or GitLab Pages from a branch. The phases of plan.ts run
// in a clone of the branch; the push at the end makes the whole release public in one step, as one
// commit. The login is git's own (an ssh key, a credential helper), never in content/.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sha256 } from '../release/checksums.ts';
import type { RemoteFile } from './plan.ts';
import { TargetError, type TargetDriver } from './target.ts';

/** Without it GitHub Pages runs Jekyll, which drops folders starting with `_`. */
const NO_JEKYLL = '.nojekyll';

export class GitTarget implements TargetDriver {
  private readonly temp = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-git-'));
  private readonly work = path.join(this.temp, 'work');

  constructor(
    readonly repo: string,
    readonly branch: string,
  ) {}

  async list(): Promise<RemoteFile[]> {
    const heads = await this.git(['ls-remote', '--heads', this.repo, this.branch], this.temp);
    if (heads.trim()) {
      await this.git(['clone', '--quiet', '--depth', '1', '--single-branch', '--branch', this.branch, this.repo, this.work], this.temp);
    } else {
      // A new branch with no history: the first release is its first commit.
      await mkdir(this.work);
      await this.git(['init', '--quiet'], this.work);
      await this.git(['remote', 'add', 'origin', this.repo], this.work);
      await this.git(['checkout', '--quiet', '--orphan', this.branch], this.work);
    }
    const files = (await this.git(['ls-files', '-z'], this.work)).split('\0').filter(Boolean);
    return files.map((rel) => {
      const bytes = readFileSync(path.join(this.work, rel));
      return { path: rel, size: bytes.length, hashes: { sha256: sha256(bytes) } };
    });
  }

  async put(siteDir: string, files: string[], onFile: () => void): Promise<void> {
    for (const rel of files) {
      await mkdir(path.dirname(path.join(this.work, rel)), { recursive: true });
      await copyFile(path.join(siteDir, rel), path.join(this.work, rel));
      onFile();
    }
  }

  async remove(files: string[], onFile: () => void): Promise<void> {
    for (const rel of files) {
      await rm(path.join(this.work, rel), { force: true });
      onFile();
    }
  }

  async finish(message: string): Promise<void> {
    if (!existsSync(path.join(this.work, NO_JEKYLL))) writeFileSync(path.join(this.work, NO_JEKYLL), '');
    await this.git(['add', '--all'], this.work);
    const staged = await this.git(['diff', '--cached', '--name-only'], this.work);
    if (!staged.trim()) return;
    // A committer identity of our own only where git has none configured.
    const email = await this.git(['config', 'user.email'], this.work).catch(() => '');
    const identity = email.trim() ? [] : ['-c', 'user.name=krisinfo', '-c', 'user.email=krisinfo@localhost'];
    await this.git([...identity, 'commit', '--quiet', '--message', message], this.work);
    await this.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${this.branch}`], this.work);
  }

  async close(): Promise<void> {
    await rm(this.temp, { recursive: true, force: true });
  }

  private git(args: string[], cwd: string): Promise<string> {
    // Never wait for a password nobody will type: fail with git's own message instead.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes' };
    return new Promise((resolve, reject) => {
      execFile('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git är inte installerat' : stderr.trim().split('\n').filter(Boolean).at(-1) ?? error.message;
        reject(new TargetError(`git ${args.find((a) => !a.startsWith('-') && !a.includes('='))}: ${detail}`));
      });
    });
  }
}
