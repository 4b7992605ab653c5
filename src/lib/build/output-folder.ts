// Which folder `npm run build -- --out X` may replace. The swap replaces the whole folder, so a
// wrong --out would delete what is there: `--out .` the project, `--out content` the bulletins.
// The build replaces only
// - a folder that does not exist yet, or is empty;
// - a site this tool built: it has the build record (build-record.ts), or, from builds older than
//   the record, the files every build writes (index.html, status.json, pagefind/);
// and never one that is or contains the project, the content folder or the home folder (or `/`),
// nor one inside the content folder, nor a file. All of it is decided before anything is touched.
// A link (dist → /var/www/krisinfo) is followed: the site goes into the folder it points to, and
// the link stays.
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBuildRecord } from './build-record.ts';
import { lockOutput } from './build-lock.ts';
import { CliError, EXIT_CONTENT, type CliMessage } from '../cli/output.ts';
import { onFolder, shownPath } from './fs-errors.ts';
import { recoverInterrupted } from './leftovers.ts';
import { isInside, realPath } from '../model/paths.ts';

/** A site built before the build record existed: the files every build has written. */
function looksLikeOlderBuild(dir: string): boolean {
  const is = (name: string, what: 'file' | 'dir') => {
    try {
      const s = statSync(path.join(dir, name));
      return what === 'file' ? s.isFile() : s.isDirectory();
    } catch {
      return false;
    }
  };
  return is('index.html', 'file') && is('status.json', 'file') && is('pagefind', 'dir');
}

export interface OutputFolder {
  /** The folder the swap replaces: the requested one, or where its link points. */
  out: string;
  /** Set when the requested folder is a link: the link itself. */
  link?: string;
}

export interface Protected {
  project: string;
  content: string;
  home?: string;
}

const refuse = (code: CliMessage['code'], params: Record<string, string>) => new CliError({ code, params }, EXIT_CONTENT);

/** Where the site may go for `--out requested`, or the refusal; touches nothing. */
export function checkOutput(requested: string, guard: Protected): OutputFolder {
  let out = path.resolve(requested);
  let link: string | undefined;
  const stat = lstatSync(out, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    link = out;
    const target = path.resolve(path.dirname(out), readlinkSync(out));
    out = existsSync(target) ? realpathSync(target) : target;
    if (!existsSync(path.dirname(out))) throw refuse('build.out-link-broken', { folder: shownPath(link), target: out });
  }
  const real = realPath(out);
  const shown = shownPath(link ?? out);
  for (const keep of [guard.project, guard.content, guard.home ?? os.homedir(), path.parse(real).root]) {
    if (isInside(realPath(keep), real)) throw refuse('build.out-protected', { folder: shown, protected: keep });
  }
  if (isInside(real, realPath(guard.content))) throw refuse('build.out-inside-content', { folder: shown, content: shownPath(guard.content) });
  const target = statSync(out, { throwIfNoEntry: false });
  if (target && !target.isDirectory()) throw refuse('build.out-is-file', { folder: shown });
  if (target && readdirSync(out).length > 0 && !readBuildRecord(out) && !looksLikeOlderBuild(out)) {
    throw refuse('build.out-not-a-build', { folder: shown });
  }
  return { out, link };
}

/**
 * Everything before a build may start on its output: the folder checked (checkOutput), the
 * output's lock taken (one build at a time), and what a killed build left put right. Returns the
 * folder to build into; `note` gets what the officer should be told on the way.
 */
export function claimOutput(requested: string, guard: Protected, note: (m: CliMessage) => void): string {
  const { out, link } = checkOutput(requested, guard);
  if (link) note({ code: 'build.out-link', params: { folder: shownPath(link), target: shownPath(out) } });
  onFolder(path.dirname(out), () => mkdirSync(path.dirname(out), { recursive: true }));
  lockOutput(out);
  for (const m of recoverInterrupted(out, path.join(guard.project, '.build'))) note(m);
  return out;
}
