// Line numbers for warnings: re-reads a content file to find a field in its frontmatter or the
// first line holding a piece of text. Used by check, which prints warnings like errors.
import path from 'node:path';
import { readTextFile } from '../content/text-file.ts';
import { splitFrontmatter, parseYaml } from '../content/yaml-source.ts';
import type { Locator } from '../site/warnings.ts';

export function fileLocator(contentDir: string): Locator {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) {
      const r = readTextFile(path.join(contentDir, file), file);
      texts.set(file, r.ok ? r.text : undefined);
    }
    return texts.get(file);
  };
  return {
    field(file, fieldPath) {
      const text = textOf(file);
      if (text === undefined) return undefined;
      if (!file.endsWith('.md')) return parseYaml(text, file).lineOf(fieldPath);
      const split = splitFrontmatter(text, file);
      return 'problem' in split ? undefined : split.yaml.lineOf(fieldPath);
    },
    text(file, needle) {
      const lines = textOf(file)?.split('\n') ?? [];
      const lower = needle.toLowerCase();
      const i = lines.findIndex((l) => l.toLowerCase().includes(lower));
      return i < 0 ? undefined : i + 1;
    },
  };
}
