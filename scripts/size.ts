// `npm run size [-- --dir dist]`: how heavy every page of the built site is, raw and gzipped, grouped
// by page type with the heaviest of each type, against the 14 kB first-round-trip budget.
// It measures what is built; run `npm run build` first. Exits 1 if a page is over budget.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { byType, PAGE_BUDGET_GZIP, siteWeights } from '../src/lib/build/page-size.ts';

/** Offline editions are downloads that carry the whole site; they have no round-trip budget. */
const UNBUDGETED = new Set(['offline edition']);

function parseArgs(argv: string[]): { dir: string } {
  let dir = process.env.KRISINFO_OUT ?? 'dist';
  for (let i = 0; i < argv.length; i++) if (argv[i] === '--dir') dir = argv[++i] ?? dir;
  return { dir: path.resolve(dir) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`.padStart(9);

const { dir } = parseArgs(process.argv.slice(2));
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`No built site in ${dir}: run \`npm run build\` first.`);
  process.exit(2);
}
const weights = siteWeights(dir);
let over = 0;
console.log(`Pages of ${dir}: HTML plus linked CSS; budget ${kb(PAGE_BUDGET_GZIP).trim()} gzipped per page.\n`);
for (const [type, list] of [...byType(weights)].sort((a, b) => a[0].localeCompare(b[0]))) {
  const max = list[0]!;
  const budgeted = !UNBUDGETED.has(type);
  console.log(`${type} (${list.length} pages) — max ${kb(max.raw).trim()} raw, ${kb(max.gzip).trim()} gzipped: /${max.page}${budgeted ? '' : ' (no budget: a download)'}`);
  for (const w of list) {
    const flag = budgeted && w.gzip > PAGE_BUDGET_GZIP ? '  OVER BUDGET' : '';
    if (flag) over++;
    console.log(`  ${kb(w.raw)} raw ${kb(w.gzip)} gzip  /${w.page}${w.stylesheets.length ? `  (+ ${w.stylesheets.join(', ')})` : ''}${flag}`);
  }
  console.log('');
}
console.log(over ? `${over} page(s) over budget.` : 'Every page is within budget.');
process.exit(over ? 1 : 0);
