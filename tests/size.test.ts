// The sample site (content/) built for real and weighed: every page fits the first TCP round trip
// (HTML plus the CSS it needs, 14 kB gzipped), the front page renders with at most 3 requests,
// and `npm run size` reports every page by type.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, runScript } from './helpers/build.ts';
import { launchBrowser } from './helpers/browser.ts';
import { serveStatic } from './helpers/static-server.ts';
import { FRONT_PAGE_REQUEST_BUDGET, PAGE_BUDGET_GZIP, siteWeights, type PageWeight } from '../src/lib/build/page-size.ts';

let out: string;
let weights: PageWeight[];

beforeAll(async () => {
  const build = await buildSite({ content: path.join(ROOT, 'content') });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  out = build.out;
  weights = siteWeights(out);
}, 300_000);


describe('size budget of the sample site', () => {
  it('weighs every page type, all four languages', () => {
    const types = new Set(weights.map((w) => w.type));
    for (const t of ['front page', 'archive', 'bulletin', 'service', 'staff page', 'search', 'standing page', '404']) expect(types).toContain(t);
    expect(weights.filter((w) => w.type === 'front page').map((w) => w.page).sort()).toEqual(['', 'en/', 'fi/', 'fit/']);
  });

  it('every page with the CSS it needs is at most 14 kB gzipped', () => {
    const over = weights
      .filter((w) => w.type !== 'offline edition')
      .filter((w) => w.gzip > PAGE_BUDGET_GZIP)
      .map((w) => `/${w.page}: ${w.gzip} bytes gzipped`);
    expect(over).toEqual([]);
  });

  it('counts a linked stylesheet: the search page links Pagefind\'s and is weighed with it', () => {
    const search = weights.find((w) => w.page === 'sok/')!;
    expect(search.stylesheets.some((s) => s.endsWith('pagefind-ui.css'))).toBe(true);
  });

  it('renders the front page with at most 3 requests (images below the fold wait)', async () => {
    const server = await serveStatic(out);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(server.url, { waitUntil: 'networkidle' });
      expect(requests[0]).toBe(server.url);
      expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(FRONT_PAGE_REQUEST_BUDGET);
      expect(requests.every((u) => u.startsWith(server.origin))).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('`npm run size` prints every page, raw and gzipped, grouped by type with the max per type', async () => {
    const run = await runScript('size.ts', ['--dir', out]);
    expect(run.code, run.stderr).toBe(0);
    const front = weights.filter((w) => w.type === 'front page').sort((a, b) => b.gzip - a.gzip)[0]!;
    expect(run.stdout).toMatch(new RegExp(`^front page \\(4 pages\\) — max [\\d.]+ kB raw, ${(front.gzip / 1024).toFixed(1)} kB gzipped: /${front.page}`, 'm'));
    for (const w of weights) expect(run.stdout).toContain(` /${w.page}`);
    expect(run.stdout).toContain('Every page is within budget.');
  });
});
