// Runs a TypeScript script of scripts/ with plain Node: `node scripts/run.mjs scripts/build.ts ...`.
// tsx would run it too, but its loader hooks then sit in front of every module that Astro, Vite and
// Rollup load during a build, which cost 2-4 s of a 9 s sample build. esbuild (Astro's own) turns the
// script and the src/lib code it imports into one ES module in a few tens of milliseconds instead;
// packages stay imports, resolved from node_modules as usual.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('Usage: node scripts/run.mjs scripts/<name>.ts [arguments]');
  process.exit(2);
}
// One file per process, so that builds running side by side never share it.
const outfile = path.resolve('.build', `${path.basename(script, '.ts')}-${process.pid}.mjs`);
await build({
  entryPoints: [script],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
process.argv = [process.argv[0], path.resolve(script), ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
