// Child process of server-bundle.ts: `node scripts/run.mjs src/lib/render/bundle-child.ts <outDir>`
// builds the server bundle into <outDir>. A process of its own, so that Vite's and Rollup's memory
// is given back before the pages are rendered.
import { build } from 'astro';
import { renderAdapter } from './adapter.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: bundle-child.ts <outDir>');
const root = process.cwd();
// `output: 'server'` here, not in astro.config.mjs: there it would change `astro dev` and the
// fallback build. Level 'error': the bundle's "getStaticPaths() ignored" warnings are expected
// (the renderer marks every route prerendered) and must not reach the officer.
await build({
  root,
  output: 'server',
  adapter: renderAdapter(root),
  outDir,
  logLevel: 'error',
  // The packages the pages use (yaml, markdown-it, rss, ...) go into the bundle too: each render
  // worker then loads a few large modules instead of some 250 small ones, half the CPU of its start.
  // sharp loads a native library, and pagefind (named by search-index.ts, never run here) a binary.
  vite: { ssr: { noExternal: true, external: ['sharp', 'pagefind'] } },
});
