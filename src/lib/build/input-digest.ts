// The part of a page's inputs that is not a bulletin (see page-reuse.ts): the code that renders it
// and every content file besides the bulletins' Markdown. Any change here renders every page again,
// so the digest errs on the side of noticing: code by its bytes, content by name, size and time
// (images can be tens of megabytes; an edit always changes the time, a checkout too).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../release/checksums.ts';

/** Project files and folders whose bytes decide how a page looks. */
const CODE = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
/** Settings from the environment that change pages. */
const ENV = ['KRISINFO_NOINDEX'];

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return statSync(root).isDirectory() ? listFiles(root).map((f) => path.join(root, f)) : [root];
}

function isBulletinText(contentDir: string, file: string): boolean {
  const rel = path.relative(contentDir, file).split(path.sep);
  return rel[0] === 'bulletins' && file.endsWith('.md');
}

export function inputsDigest(projectDir: string, contentDir: string): string {
  const h = createHash('sha256');
  for (const name of CODE) {
    for (const file of filesUnder(path.join(projectDir, name))) {
      h.update(path.relative(projectDir, file)).update('\u0000').update(readFileSync(file)).update('\u0000');
    }
  }
  for (const file of filesUnder(contentDir)) {
    if (isBulletinText(contentDir, file)) continue;
    const s = statSync(file);
    h.update(`${path.relative(contentDir, file)}\u0000${s.size}\u0000${s.mtimeMs}\u0000`);
  }
  for (const name of ENV) h.update(`${name}=${process.env[name] ?? ''}\u0000`);
  return h.digest('base64url');
}
