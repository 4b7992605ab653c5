// The Markdown cache (src/lib/build/kept-between-builds.ts) and the renders it carries into a build
// (src/lib/model/markdown.ts): a render is taken from the previous build only under the same
// inputs digest and the same key (text and options), and a damaged cache file is never used.
// Real files in a temporary folder; the clock is moved to age files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { readKept, writeKept } from '../src/lib/build/kept-between-builds.ts';
import { carryRenders, markdownToPlainText, renderMarkdown, type CacheableResolver } from '../src/lib/model/markdown.ts';
import { tempDir } from './helpers/build.ts';

const CARRIED = Symbol.for('krisinfo.carriedRenders');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[CARRIED];
});

const map = (entries: [string, string][]) => serialize(new Map(entries));
const read = (parts: Uint8Array[]) => parts.map((p) => [...(deserialize(p) as Map<string, string>)]);

/** A resolver renderMarkdown may cache with, as images.ts makes one per build and file. */
function resolver(scope: object, file: string): CacheableResolver {
  return Object.assign(() => undefined, { renderCache: { scope, key: `/content\u0000${file}` } });
}

describe('Markdown cache file', () => {
  it('gives back what a build kept, for the same inputs digest only', () => {
    const dir = tempDir('krisinfo-md-');
    writeKept('digest-a', [map([['x', '<p>a</p>']]), map([['y', '<p>b</p>']])], dir);
    expect(read(readKept('digest-a', dir))).toEqual([[['x', '<p>a</p>']], [['y', '<p>b</p>']]]);
    expect(readKept('digest-b', dir)).toEqual([]);
    expect(readKept('digest-a', path.join(dir, 'missing'))).toEqual([]);
  });

  it('ignores a file damaged on disk (one byte changed, or cut short) rather than publish from it', () => {
    const dir = tempDir('krisinfo-md-');
    writeKept('d', [map([['x', '<p>Ring 112 vid fara för liv.</p>']])], dir);
    const file = path.join(dir, 'd.v8');
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes);
    const at = changed.indexOf('112');
    changed[at] = '9'.charCodeAt(0);
    writeFileSync(file, changed);
    expect(readKept('d', dir)).toEqual([]);
    writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    expect(readKept('d', dir)).toEqual([]);
    writeFileSync(file, bytes);
    expect(read(readKept('d', dir))).toEqual([[['x', '<p>Ring 112 vid fara för liv.</p>']]]);
  });

  it('removes the files of other digests no build has written for an hour, and keeps recent ones', () => {
    const dir = tempDir('krisinfo-md-');
    writeKept('old', [], dir);
    writeKept('recent', [], dir);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    utimesSync(path.join(dir, 'old.v8'), hoursAgo(2), hoursAgo(2));
    writeKept('now', [], dir);
    expect(readdirSync(dir).sort()).toEqual(['now.v8', 'recent.v8']);
  });

  it('a cache folder that cannot be written costs the next build time, never this build', () => {
    // A file where the folder should be: nothing can be made inside it.
    const blocked = path.join(tempDir('krisinfo-md-'), 'markdown');
    writeFileSync(blocked, 'not a folder');
    expect(() => writeKept('d', [map([['x', '<p>a</p>']])], blocked)).not.toThrow();
    expect(readKept('d', blocked)).toEqual([]);
  });
});

describe('renders carried into a build', () => {
  it('a render of the same text with the same options is taken from the previous build; any other is rendered', () => {
    // What a previous build rendered, as its worker handed it back.
    const before = carryRenders(new Map());
    const site = {};
    const text = 'Ring **växeln**.';
    const html = renderMarkdown(text, { resolveImage: resolver(site, 'bulletins/a.md'), lazyImages: true });
    expect(html).toBe('<p>Ring <strong>växeln</strong>.</p>\n');
    expect(before.carried).toBe(0);
    expect(before.used.size).toBe(1);

    // The next build: the kept render is marked so that taking it shows.
    const id = [...before.used.keys()][0]!;
    const next = carryRenders(new Map([[id, '<p>kept</p>\n']]));
    const scope = {};
    expect(renderMarkdown(text, { resolveImage: resolver(scope, 'bulletins/a.md'), lazyImages: true })).toBe('<p>kept</p>\n');
    // Another text, another file (images are relative to it) or other options: rendered.
    expect(renderMarkdown('Ring växeln.', { resolveImage: resolver(scope, 'bulletins/a.md'), lazyImages: true })).toBe('<p>Ring växeln.</p>\n');
    expect(renderMarkdown(text, { resolveImage: resolver(scope, 'bulletins/b.md'), lazyImages: true })).toBe(html);
    expect(renderMarkdown(text, { resolveImage: resolver(scope, 'bulletins/a.md'), lazyImages: false, absoluteBase: 'https://x.example/' })).toBe(html);
    expect(next.carried).toBe(1);
    expect(next.used.size).toBe(4);
    // A render without a cacheable resolver (the offline edition's data: images) is never carried.
    renderMarkdown(text, { resolveImage: () => undefined });
    expect(next.used.size).toBe(4);
  });

  it('while a page the page cache keeps is rendered, nothing is taken or kept (it would be kept twice)', () => {
    const renders = carryRenders(new Map());
    renders.paused = true;
    expect(renderMarkdown('En *bulletinsida*.', { resolveImage: resolver({}, 'bulletins/c.md') })).toBe('<p>En <em>bulletinsida</em>.</p>\n');
    expect(renders.used.size).toBe(0);
    renders.paused = false;
    renderMarkdown('En *bulletinsida*.', { resolveImage: resolver({}, 'bulletins/c.md') });
    expect(renders.used.size).toBe(1);
  });

  it('the plain text of a body (bulletiner.txt) is carried too, by the same kind of key', () => {
    const first = carryRenders(new Map());
    expect(markdownToPlainText('Första stycket om *läget* i Testby.')).toBe('Första stycket om läget i Testby.');
    expect([...first.used.values()]).toEqual(['Första stycket om läget i Testby.']);
    // A text this process has not flattened yet, kept by a previous build.
    const source = 'Andra stycket om *läget*.';
    const id = createHash('sha256').update(`plain text\u0000${source}`).digest('base64url');
    const next = carryRenders(new Map([[id, 'från förra bygget']]));
    expect(markdownToPlainText(source)).toBe('från förra bygget');
    expect(next.carried).toBe(1);
  });
});
