// How long from "Spara" in the editor until the preview beside it shows the change, as the officer
// sees it: the editor and the preview (astro dev) run on a copy of a content folder, headless
// Chromium opens a bulletin's page in the editor, changes the title and saves, and the clock stops
// when the framed preview shows the new title. Prints each run and the median.
//   npx tsx scripts/editor-latency.ts [--runs 5] [--content DIR] [--screenshot file.png]
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import { startPreview } from '../src/editor/preview.ts';
import { startEditor } from '../src/editor/server.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const args = readArgs(process.argv.slice(2), { runs: { type: 'string' }, content: { type: 'string' }, screenshot: { type: 'string' } }, 'editor-latency');
const runs = Number(stringOpt(args, 'runs') ?? 5);
const root = path.resolve(import.meta.dirname, '..');
const content = path.join(mkdtempSync(path.join(os.tmpdir(), 'krisinfo-latency-')), 'content');
cpSync(path.resolve(stringOpt(args, 'content') ?? path.join(root, 'tests/fixtures/officer')), content, { recursive: true });

const preview = await startPreview(root, content);
const editor = await startEditor({ root, contentDir: content, lang: 'sv', port: 0, previewOrigin: preview.origin });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  if (!(await preview.ready)) throw new Error('the preview did not start');
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(editor.url);
  if (stringOpt(args, 'screenshot')) {
    await page.waitForTimeout(3000);
    await page.screenshot({ path: stringOpt(args, 'screenshot')! });
  }
  const group = loadContent(content).bulletins.find((g) => !g.original.draft)!;
  const times: number[] = [];
  // One run first that is not counted: astro dev compiles the page on its first request.
  for (let i = 0; i <= runs; i++) {
    await page.goto(`${editor.url.replace(/\/\?token=.*$/, '')}/b/${group.slug}`);
    await page.frameLocator('iframe').locator('h1').first().waitFor();
    const title = `Provrubrik ${i} ${Date.now()}`;
    await page.getByLabel('Rubrik').fill(title);
    const started = performance.now();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.frameLocator('iframe').getByRole('heading', { name: title }).first().waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    if (i > 0) times.push(ms);
    console.log(`${i === 0 ? 'warm-up' : `run ${i}`}: ${ms.toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  console.log(`save → preview shows the change: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms over ${times.length} runs (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`);
} finally {
  await browser.close();
  await editor.close();
  preview.stop();
}
