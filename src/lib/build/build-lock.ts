// One build at a time per output folder. Two builds into the same folder would both rename it and
// one would stop with an ENOTEMPTY stack; instead the second one stops at once with a message.
// The lock is a file beside the output (`dist.lock`) holding the build's process id. A build that
// was killed leaves its lock behind; the next build sees that the process is gone and takes over.
import { rmSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, EXIT_CONTENT } from '../cli/output.ts';
import { errnoOf, fsFailure, shownPath } from './fs-errors.ts';

/** An empty lock younger than this may be one whose build is writing its id this instant. */
const BEING_WRITTEN_MS = 5_000;

/** Whether a process with this id is running (on this machine). */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return errnoOf(e) === 'EPERM';
  }
}

function lockFile(out: string): string {
  return `${out}.lock`;
}

/** The text of the lock file, or undefined once it is gone. */
function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the lock with this text belongs to no running build. */
function isStale(file: string, text: string): boolean {
  const pid = Number.parseInt(text, 10);
  if (Number.isSafeInteger(pid)) return pid !== process.pid && !isAlive(pid);
  try {
    return Date.now() - statSync(file).mtimeMs > BEING_WRITTEN_MS;
  } catch {
    return true;
  }
}

/**
 * Takes the lock of the output folder `out` for as long as this process runs, or throws the message
 * that another build holds it. Works on every file system (a USB stick too): the file is created
 * only if it does not exist (O_EXCL), then removed when the process exits.
 */
export function lockOutput(out: string): void {
  const file = lockFile(out);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      process.once('exit', () => {
        if (readLock(file) === `${process.pid}\n`) rmSync(file, { force: true });
      });
      return;
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw fsFailure(e, path.dirname(file));
    }
    const text = readLock(file);
    if (text === undefined) continue;
    if (!isStale(file, text)) {
      throw new CliError({ code: 'build.locked', params: { folder: shownPath(out), pid: text.trim() || '?' } }, EXIT_CONTENT);
    }
    // The lock of a build that is gone: taken over, unless another build has just done so (then
    // the file holds that build's id and the next round stops at it).
    if (readLock(file) === text) rmSync(file, { force: true });
  }
  throw new CliError({ code: 'build.locked', params: { folder: shownPath(out), pid: readLock(file)?.trim() || '?' } }, EXIT_CONTENT);
}
