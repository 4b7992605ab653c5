// Runs a TypeScript script of scripts/ with plain Node: `node scripts/run.mjs scripts/build.ts ...`.
// tsx would run it too, but its loader hooks then sit in front of every module that Astro, Vite and
// Rollup load during a build, which cost 2-4 s of a 9 s sample build. esbuild (Astro's own) turns the
// script and the src/lib code it imports into one ES module instead (and a chunk per `await import()`
// of a project file); packages stay imports, resolved from node_modules as usual. The module is kept
// in .build/compiled/ with the list of files it was made from, and made again only when one of them
// (or this file) has changed. Chunks of earlier versions stay in .build/compiled/chunks/ (some
// 200 kB per change of the code); .build/ may be deleted at any time.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('Usage: node scripts/run.mjs scripts/<name>.ts [arguments]');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.build', 'compiled');
const name = path.basename(script, '.ts');
const outfile = path.join(dir, `${name}.mjs`);
const listFile = path.join(dir, `${name}.inputs.json`);

/** Size and time of each file, `undefined` once one is gone. */
function stamps(files) {
  try {
    return files.map((f) => {
      const s = statSync(path.resolve(root, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    });
  } catch {
    return undefined;
  }
}

function upToDate() {
  try {
    const recorded = JSON.parse(readFileSync(listFile, 'utf8'));
    const now = stamps(recorded.map((r) => r.split(':')[0]));
    return recorded.length > 0 && now !== undefined && now.join('\n') === recorded.join('\n');
  } catch {
    return false;
  }
}

if (!upToDate()) {
  const { build } = await import('esbuild');
  // A script's `await import('./x.ts')` becomes a chunk of its own, loaded when that line runs, with
  // the packages it imports: build.ts starts the render threads before it loads the rest of the
  // build. Chunks are named by their content, so a chunk's name always means the same bytes, and
  // a script already running finds its chunks when another build has made newer ones beside them.
  const compiledAt = Date.now();
  const result = await build({
    entryPoints: [path.resolve(script)],
    outdir: dir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    metafile: true,
    absWorkingDir: root,
  });
  // Under names of this process first: builds started side by side never read half a file. The
  // entry last, once every chunk it imports is in place.
  const writeWhole = (file, bytes) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, bytes);
    renameSync(`${file}.${process.pid}`, file);
  };
  for (const file of result.outputFiles) if (file.path !== outfile && !existsSync(file.path)) writeWhole(file.path, file.contents);
  writeWhole(outfile, result.outputFiles.find((f) => f.path === outfile).contents);
  const sources = [...Object.keys(result.metafile.inputs), path.relative(root, fileURLToPath(import.meta.url))];
  // A file saved (or deleted) while esbuild read it would be stamped newer than what was compiled
  // from it: then nothing is recorded, and the next run compiles again.
  const savedMeanwhile = stamps(sources)?.some((stamp) => Number(stamp.split(':').at(-1)) >= compiledAt) ?? true;
  // The chunks too: one deleted (with .build/compiled/chunks/) makes the script compile again.
  const chunks = result.outputFiles.filter((f) => f.path !== outfile).map((f) => path.relative(root, f.path));
  writeWhole(listFile, JSON.stringify(savedMeanwhile ? [] : (stamps([...sources, ...chunks]) ?? [])));
}
process.argv = [process.argv[0], path.resolve(script), ...args];
await import(pathToFileURL(outfile).href);
