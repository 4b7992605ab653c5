// File names for new bulletins: `YYYY-MM-DD-title-in-ascii.md`, readable in a web address and
// never the name of a file that already exists.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { splitFileName } from '../content/load-content.ts';

const LONGEST_SLUG_WORDS = 60;

/** "Vattnet är tjänligt igen!" → "vattnet-ar-tjanligt-igen". */
export function slugify(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/[åäæ]/g, 'a')
    .replace(/[öø]/g, 'o')
    .replace(/ß/g, 'ss')
    // é → e, ü → u, ...: drop the accents that NFD splits off.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= LONGEST_SLUG_WORDS) return slug;
  return slug.slice(0, LONGEST_SLUG_WORDS).replace(/-[^-]*$/, '') || slug.slice(0, LONGEST_SLUG_WORDS);
}

/**
 * The first of `base.md`, `base-2.md`, `base-3.md`, ... whose slug no file in `dir` uses in any
 * language (a lone `x.en.md` owns the slug `x` too).
 */
export function uniqueBulletinFile(dir: string, base: string): string {
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const slugs = new Set(names.filter((n) => n.endsWith('.md')).map((n) => splitFileName(n).slug));
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!slugs.has(slug) && !names.includes(`${slug}.md`)) return path.join(dir, `${slug}.md`);
  }
}
