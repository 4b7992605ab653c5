// The folders of src/lib/ follow the pipeline (model ← content ← site ← images, feeds, offline, html ←
// build ← publish): a folder never imports from one that imports it, directly or round about, and
// no file takes part in an import cycle at run time (`import type` is erased, so it may).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve('src/lib');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Run-time imports of one file that stay inside src/lib/, as absolute paths. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
    if (m[1]) continue;
    const target = path.resolve(path.dirname(file), m[2]!);
    if (target.startsWith(LIB + path.sep)) found.push(target);
  }
  return found;
}

const folderOf = (file: string) => path.relative(LIB, file).split(path.sep)[0]!;

/** The first cycle found in a graph, as a list of nodes, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe('src/lib architecture', () => {
  const files = sources(LIB);
  const fileGraph = new Map(files.map((f) => [f, new Set(imports(f))]));

  it('has no loose files: every module sits in the folder of its concern', () => {
    expect(files.filter((f) => path.dirname(f) === LIB).map((f) => path.basename(f))).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of fileGraph) {
      const from = folderOf(file);
      if (!folders.has(from)) folders.set(from, new Set());
      for (const t of targets) if (folderOf(t) !== from) folders.get(from)!.add(folderOf(t));
    }
    // The scan sees imports at all (an empty graph has no cycle either).
    expect(folders.get('content'), 'content/ imports from model/').toContain('model');
    expect(folders.get('model') ?? new Set(), 'model/ is the vocabulary every folder shares').toEqual(new Set());
    expect(findCycle(folders)).toBeNull();
  });

  it('has no import cycle between files', () => {
    const cycle = findCycle(fileGraph);
    expect(cycle?.map((f) => path.relative(LIB, f)) ?? null).toBeNull();
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
