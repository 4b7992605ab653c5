// What every kind of target (a folder, an rclone remote, a git branch) can do; upload.ts drives
// them through the phases of plan.ts in the same order.
import type { RemoteFile } from './plan.ts';

export interface TargetDriver {
  /** The files on the target now, relative to its root, with what it can tell of their content. */
  list(): Promise<RemoteFile[]>;
  /** Copies these files (paths relative to `siteDir`) to the same paths on the target. */
  put(siteDir: string, files: string[], onFile: () => void): Promise<void>;
  remove(files: string[], onFile: () => void): Promise<void>;
  /** Makes it public where that is a step of its own (git: commit and push). */
  finish?(message: string): Promise<void>;
  /** Removes what the driver made for itself (a clone). Always called. */
  close?(): Promise<void>;
}

/** A failure with a one-line explanation for the officer (the tool's own words, not a stack trace). */
export class TargetError extends Error {
  override name = 'TargetError';
}
