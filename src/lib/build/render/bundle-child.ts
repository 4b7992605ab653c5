// Child process of server-bundle.ts: `node scripts/run.mjs src/lib/build/render/bundle-child.ts <tmp> <dir>`
// builds the server bundle into the folder <tmp> and renames it to <dir> when complete. A process
// of its own, so that Vite's and Rollup's memory is given back before the pages are rendered, and
// so that it finishes for the next publish if this one stops.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { build } from 'astro';
import { renderAdapter } from './adapter.ts';

// The pages' packages made of many small modules go into the bundle (yaml alone is some 230
// CommonJS files): a render worker then starts on ~180 instead of ~370 ms of CPU. Bundling every
// package (noExternal: true) starts a little faster still but costs the bundle build ~5 s more,
// which the first publish after a code change pays. A package not named here is simply loaded
// from node_modules.
const BUNDLED_PACKAGES = ['yaml', 'markdown-it', 'linkify-it', 'mdurl', 'uc.micro', 'entities', 'punycode.js', 'rss', 'xml', 'mime-types', 'mime-db'];

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const [tmp, dir] = process.argv.slice(2);
if (!tmp || !dir) throw new Error('usage: bundle-child.ts <tmp> <dir>');
const root = process.cwd();
// `output: 'server'` here, not in astro.config.mjs: there it would change `astro dev` and the
// fallback build. Level 'error': the bundle's "getStaticPaths() ignored" warnings are expected
// (the renderer marks every route prerendered).
await build({ root, output: 'server', adapter: renderAdapter(root), outDir: tmp, logLevel: 'error', vite: { ssr: { noExternal: BUNDLED_PACKAGES } } });
if (!existsSync(`${tmp}/server/entry.mjs`)) throw new Error('astro build made no server/entry.mjs');
try {
  renameSync(tmp, dir);
} catch (e) {
  // A parallel publish put the same bundle in place first: that one is used.
  if (!existsSync(`${dir}/server/entry.mjs`)) throw e;
  rmSync(tmp, { recursive: true, force: true });
}
