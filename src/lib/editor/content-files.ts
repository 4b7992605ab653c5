// The only files the editor reads and writes: bulletins (by slug and language code) and images in
// content/bulletins/images/. The browser never sends a path; names are made here from checked slugs
// and codes, and every path is checked against the real content folder (symbolic links included)
// before it is touched. Writes go to a temporary file that is renamed (or linked) into place.
import { createHash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { slugify } from '../cli/file-name.ts';
import { replaceFile } from '../cli/write-file.ts';

const SLUG_RE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
export const IMAGE_TYPES: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', svg: 'svg' };

export class OutsideContentError extends Error {}

export function isSlug(s: string): boolean {
  return SLUG_RE.test(s);
}

export function isLangCode(s: string): boolean {
  return LANG_RE.test(s);
}

/** SHA-256 of a file's bytes as loaded, sent with the form to notice changes made meanwhile. */
export function hashOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `bulletins/<slug>.md` or `bulletins/<slug>.<lang>.md`, relative to content/. */
export function bulletinFile(slug: string, lang: string, defaultLang: string): string {
  if (!isSlug(slug) || !isLangCode(lang)) throw new OutsideContentError(`${slug}.${lang}`);
  return `bulletins/${slug}${lang === defaultLang ? '' : `.${lang}`}.md`;
}

/**
 * The absolute path of `rel` inside `contentDir`, refusing anything whose real location (after
 * following links, of the file if it exists, else of its folder) is not inside the real content/.
 */
export function insideContent(contentDir: string, rel: string): string {
  const root = realpathSync(contentDir);
  const abs = path.resolve(contentDir, rel);
  const real = existsSync(abs) ? realpathSync(abs) : path.join(realpathSync(path.dirname(abs)), path.basename(abs));
  if (!real.startsWith(root + path.sep)) throw new OutsideContentError(rel);
  return abs;
}

export interface LoadedFile {
  text: string;
  hash: string;
}

export function loadFile(contentDir: string, rel: string): LoadedFile {
  const bytes = readFileSync(insideContent(contentDir, rel));
  return { text: bytes.toString('utf8'), hash: hashOf(bytes) };
}

/** True when the file on disk is no longer the one the form was made from. */
export function changedSince(contentDir: string, rel: string, hash: string): boolean {
  const abs = insideContent(contentDir, rel);
  if (!existsSync(abs)) return hash !== '';
  return hashOf(readFileSync(abs)) !== hash;
}

export function replaceContentFile(contentDir: string, rel: string, text: string): void {
  replaceFile(insideContent(contentDir, rel), text);
}

/**
 * Creates a file that must not exist yet: written to a temporary file and linked into place, so it
 * appears whole or not at all, and an existing file is never overwritten (EEXIST).
 */
export function createContentFile(contentDir: string, rel: string, data: string | Buffer): void {
  // A new content folder may not have bulletins/ yet: made only when its path lies inside content/.
  const lexical = path.resolve(contentDir, rel);
  if (!lexical.startsWith(path.resolve(contentDir) + path.sep)) throw new OutsideContentError(rel);
  mkdirSync(path.dirname(lexical), { recursive: true });
  const abs = insideContent(contentDir, rel);
  const temp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  writeFileSync(temp, data, { flag: 'wx' });
  try {
    linkSync(temp, abs);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** A free name in bulletins/images/ for an uploaded image: its own name made web-safe. */
export function imageName(contentDir: string, uploaded: string, ext: string): string {
  const dir = path.join(contentDir, 'bulletins', 'images');
  mkdirSync(dir, { recursive: true });
  insideContent(contentDir, 'bulletins/images/x');
  const base = slugify(uploaded.replace(/\.[^.]*$/, '')) || 'bild';
  const taken = new Set(readdirSync(dir).map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${n === 1 ? base : `${base}-${n}`}.${ext}`;
    if (!taken.has(name)) return `bulletins/images/${name}`;
  }
}
