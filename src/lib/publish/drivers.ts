// The driver for each kind of target in publish.yaml, and the program it needs on this computer.
import os from 'node:os';
import path from 'node:path';
import type { PublishTarget } from '../content/read-publish.ts';
import { FolderTarget } from './folder-target.ts';
import { GitTarget } from './git-target.ts';
import { RcloneTarget } from './rclone-target.ts';
import type { TargetDriver } from './target.ts';

/** A folder as written in publish.yaml: `~/…` is the home folder, a relative path starts in the project folder. */
export function folderPath(written: string, projectDir = process.cwd()): string {
  const expanded = written === '~' || written.startsWith('~/') ? path.join(os.homedir(), written.slice(1)) : written;
  return path.resolve(projectDir, expanded);
}

export function driverFor(target: PublishTarget): TargetDriver {
  const d = target.destination;
  if (d.kind === 'folder') return new FolderTarget(folderPath(d.path));
  if (d.kind === 'rclone') return new RcloneTarget(d.remote);
  return new GitTarget(d.repo, d.branch);
}

/** The program a target's upload runs, if any. */
export function toolFor(target: PublishTarget): string | undefined {
  return target.destination.kind === 'folder' ? undefined : target.destination.kind;
}
