import { loadContent } from './src/lib/load-content.ts';
import { imageProblems } from './src/lib/image-check.ts';
import { sanitiseSvg } from './src/lib/svg-sanitise.ts';
import { readFileSync } from 'node:fs';
const mode = process.argv[2];
const content = loadContent('content');
const t0 = performance.now();
if (mode === 'jsdom') { await sanitiseSvg(readFileSync('content/logo.svg', 'utf8')); }
else { const p = await imageProblems(content, { errorsOnly: mode === 'build' }); if (p.length) console.error(p); }
console.log(mode, (performance.now() - t0).toFixed(0));
