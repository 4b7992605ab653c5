// `npm run build` starts its render threads before it loads the rest of the build (scripts/build.ts):
// Node loads every static import of a module before it runs a line of it, so a package imported by
// the entry delays the threads' start by its loading time. The packages the checks of content/ and
// the search index need must come with the build's own chunk (an `await import()`), after the start.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runScript } from './helpers/build.ts';

/**
 * The packages a compiled module loads before it runs: those its import lines name, and those of the
 * chunks it imports that way (code shared with the build's chunk), as written in the import lines.
 */
function staticPackages(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const named = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";|^import\s*"([^"]+)";/gms)].map((m) => (m[1] ?? m[2])!);
  return named.flatMap((name) => (name.startsWith('.') ? staticPackages(path.resolve(path.dirname(file), name)) : name.startsWith('node:') ? [] : [name]));
}

describe('the build entry', () => {
  it('imports no package the render threads need not wait for; the build itself is a chunk loaded after their start', async () => {
    const help = await runScript('build.ts', ['--help']);
    expect(help.code).toBe(0);
    const compiled = path.join(ROOT, '.build/compiled');
    const entry = path.join(compiled, 'build.mjs');
    const heavy = ['sharp', 'markdown-it', 'pagefind', 'astro', 'fastest-levenshtein'];
    expect(staticPackages(entry).filter((p) => heavy.includes(p))).toEqual([]);
    const chunk = /import\("\.\/(chunks\/build-site-[A-Z0-9]+\.mjs)"\)/.exec(readFileSync(entry, 'utf8'))?.[1];
    expect(chunk).toBeDefined();
    expect(readdirSync(path.join(compiled, 'chunks'))).toContain(path.basename(chunk!));
    // Those packages are the build's, not dropped: they come with its chunk.
    expect(staticPackages(path.join(compiled, chunk!))).toEqual(expect.arrayContaining(['sharp', 'markdown-it']));
  });
});
