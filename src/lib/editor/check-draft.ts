// The problems `npm run check` would report if a file had a given text, found before that text is
// saved: the content folder is mirrored in a temporary folder of symbolic links, with the one file
// written there for real, and checked exactly as `check` checks content/. Nothing in content/ is
// touched, so a bulletin with errors is never saved half-right.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentWarnings } from '../cli/build-report.ts';
import { loadContent, type Content } from '../content/load-content.ts';
import { sortProblems, type Problem } from '../content/problems.ts';

/** Every problem of loaded content, errors and warnings, as `npm run check` lists them. */
export function contentProblems(content: Content, now: Date): Problem[] {
  return sortProblems([...content.problems.filter((p) => p.level === 'error'), ...contentWarnings(content, now)]);
}

/** Every problem in the folder, errors and warnings, as `npm run check` lists them. */
export function checkFolder(dir: string, now: Date, mirrorOf?: string): Problem[] {
  // A mirror's links point into the real content folder, which loadContent must accept as inside.
  return contentProblems(loadContent(dir, { mirrorOf }), now);
}

/** Every problem the folder would have if `rel` (a bulletin, relative to content/) read `text`. */
export function checkDraft(dir: string, rel: string, text: string, now: Date): Problem[] {
  const mirror = mkdtempSync(path.join(os.tmpdir(), 'krisinfo-draft-'));
  try {
    const content = path.join(mirror, 'content');
    link(dir, content, rel.split('/'));
    writeFileSync(path.join(content, rel), text);
    return checkFolder(content, now, dir);
  } finally {
    rmSync(mirror, { recursive: true, force: true });
  }
}

/** Mirrors `from` into `to` with links, making real folders along `own` so its file can be written. */
function link(from: string, to: string, own: string[]): void {
  mkdirSync(to, { recursive: true });
  const [head, ...rest] = own;
  for (const name of readdirSync(from)) {
    if (name === head) {
      if (rest.length) link(path.join(from, name), path.join(to, name), rest);
      continue;
    }
    symlinkSync(path.join(from, name), path.join(to, name));
  }
  if (head && rest.length) mkdirSync(path.join(to, head), { recursive: true });
}
