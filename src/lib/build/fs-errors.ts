// A folder that cannot be moved, created or written during a build becomes one plain message that
// names the folder (messages.ts `build.fs-*`), never a stack trace: the officer can act on "the
// folder is in use" or "the disk is full", not on "EBUSY: resource busy or locked, rename …".
import path from 'node:path';
import { CliError, EXIT_CONTENT, formatCliMessage } from '../cli/output.ts';
import type { MessageCode, MessageLang } from '../content/messages.ts';

const BY_ERRNO: Record<string, MessageCode> = {
  EBUSY: 'build.fs-busy',
  ETXTBSY: 'build.fs-busy',
  EPERM: 'build.fs-permission',
  EACCES: 'build.fs-permission',
  EROFS: 'build.fs-permission',
  ENOSPC: 'build.fs-full',
  EDQUOT: 'build.fs-full',
  EXDEV: 'build.fs-other-disk',
};

/** A path as the officer knows it: relative inside the current folder, else absolute. */
export function shownPath(p: string): string {
  const abs = path.resolve(p);
  const rel = path.relative(process.cwd(), abs);
  return rel === '' ? '.' : rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? abs : rel;
}

export function errnoOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The message for a failed file-system call on `folder`; errors that are not the file system's pass through. */
export function fsFailure(e: unknown, folder: string): unknown {
  const code = errnoOf(e);
  if (!code || !/^E[A-Z]+$/.test(code)) return e;
  return new CliError({ code: BY_ERRNO[code] ?? 'build.fs-failed', params: { folder: shownPath(folder), code } }, EXIT_CONTENT);
}

/** Runs a file-system step on `folder`; a failure becomes the message that names the folder. */
export function onFolder<T>(folder: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw fsFailure(e, folder);
  }
}

/** What the build prints for an error that stopped it: messages for refusals, a stack for bugs. */
export function explainFailure(e: unknown, lang: MessageLang): string {
  if (e instanceof CliError) return e.messages.map((m) => formatCliMessage(m, lang)).join('\n');
  if (e instanceof Error) return e.name === 'ContentError' ? e.message : e.stack ?? e.message;
  return String(e);
}
