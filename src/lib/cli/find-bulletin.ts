// Finds the bulletin a command is about, from a file path (as the officer may paste it) or a slug.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { splitFileName, type BulletinGroup, type Content } from '../content/load-content.ts';
import { CliError } from './output.ts';

export interface FoundBulletin {
  group: BulletinGroup;
  /** File relative to content/, e.g. `bulletins/x.md`. */
  file: string;
  lang: string;
}

export function findBulletin(content: Content, target: string): FoundBulletin {
  const abs = [path.resolve(target), path.resolve(content.dir, target), path.resolve(content.dir, 'bulletins', target)].find(
    (p) => p.startsWith(content.dir + path.sep) && existsSync(p) && p.endsWith('.md'),
  );
  const { slug, langSuffix } = splitFileName(path.basename(abs ?? target.replace(/\.md$/i, '') + '.md'));
  const group = content.bulletins.find((g) => g.slug === slug);
  if (!group) throw new CliError({ code: 'cli.not-found', params: { value: target } });
  const lang = langSuffix && group.versions.has(langSuffix) ? langSuffix : group.original.lang;
  const version = group.versions.get(lang) ?? group.original;
  return { group, file: version.file, lang };
}
