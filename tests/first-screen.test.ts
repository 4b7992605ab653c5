// The citizen's first phone screen (375×740), on the sample content as it stood on the story's last
// day: the situation and as of when, every service that does not work, and a phone number to call
// come first; the header is compact (its links in a menu that opens without JavaScript); no page
// scrolls sideways, at 375 px in light and dark mode or at 320 px.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from './helpers/build.ts';
import { launchBrowser, sitePages } from './helpers/browser.ts';
import { measureFirstScreen } from './helpers/first-screen.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const SCREEN = { width: 375, height: 740 };
const FRONT_PAGES = ['', 'en/', 'fi/', 'fit/'];
let server: StaticServer;
let browser: Browser;
let pages: string[];
let out: string;

beforeAll(async () => {
  const build = await buildSite({ content: path.join(ROOT, 'content'), now: '2022-01-21T12:00:00+01:00' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  out = build.out;
  pages = sitePages(build.out);
  server = await serveStatic(build.out);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the front page at 375×740', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const rel of FRONT_PAGES) {
      it(`/${rel} (${colorScheme}): situation and every service that does not work in the first screen, a phone number in the second`, async () => {
        const context = await browser.newContext({ viewport: SCREEN, colorScheme });
        try {
          const page = await context.newPage();
          await page.goto(server.url + rel);
          const m = await measureFirstScreen(page);
          const where = `/${rel} ${colorScheme}: ${JSON.stringify(m)}`;
          // On 21 January 2022 seven of the ten services do not work normally (README, "How the status board is derived").
          expect(m.notOperational, where).toBe(7);
          expect(m.situation, where).toBeLessThanOrEqual(SCREEN.height);
          expect(m.lastNotOperational, where).toBeLessThanOrEqual(SCREEN.height);
          expect(m.firstPhone, where).toBeLessThanOrEqual(2 * SCREEN.height);
          expect(m.scrollsSideways, where).toBe(false);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('says the situation as of the latest news, not the site title again, and lists the worst first', async () => {
    const context = await browser.newContext({ viewport: SCREEN });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      expect(await page.locator('main h1').innerText()).toBe('Läget 20 januari 2022 kl. 17:10');
      expect(await page.locator('.site-title').innerText()).toBe('Information om it-angreppet');
      expect(await page.locator('main .situation').innerText()).toContain('7 av 10 tjänster fungerar inte som vanligt.');
      const board = await page.locator('main .board > li').allInnerTexts();
      expect(board[0]).toMatch(/^Intranätet \(för anställda\):\s+✕ Fungerar inte/);
      expect(board.slice(1, 4).every((row) => row.includes('Reservrutiner'))).toBe(true);
      expect(board.slice(4, 7).every((row) => row.includes('Fungerar delvis'))).toBe(true);
      // The services that work share the last line.
      expect(board).toHaveLength(8);
      expect(board[7]).toMatch(/^✓ Fungerar: Kommunens e-post, Växel och telefoner, Vatten och avlopp$/);
    } finally {
      await context.close();
    }
  });
});

describe('the status board at 375 and 320 px', () => {
  for (const width of [375, 320]) {
    it(`${width} px: "sedan <date> <time>" is never broken, so a clock time never begins a line alone`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 740 } });
      try {
        const page = await context.newPage();
        for (const rel of FRONT_PAGES) {
          await page.goto(server.url + rel);
          // One line box per phrase: a phrase broken over two lines has two client rects.
          const lines = await page.locator('main .board .since').evaluateAll((els) => els.map((el) => [el.textContent, el.getClientRects().length]));
          expect(lines.length, `/${rel}`).toBe(7);
          expect(lines.filter(([, n]) => n !== 1), `/${rel} at ${width} px`).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe('a bulletin published with a date alone (2021-12-28-bibliotek)', () => {
  it('shows the date without "kl. 00:00" on every page and edition, and gives machines the date', () => {
    const page = readFileSync(path.join(out, 'bulletiner/2021-12-28-bibliotek/index.html'), 'utf8');
    expect(page).toContain('<time datetime="2021-12-28">28 december 2021</time>');
    const everywhere = pages.filter((p) => p === '' || p.endsWith('/')).map((p) => path.join(out, p, 'index.html'));
    for (const file of [...everywhere, path.join(out, 'offline.html'), path.join(out, 'bulletiner.txt'), path.join(out, 'en/bulletiner.txt')]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/28 (december|December) 2021 (kl\.|at) 00:00/);
    }
  });
});

describe('the compact header', () => {
  it('keeps its links in a menu that opens without JavaScript on a phone', async () => {
    const context = await browser.newContext({ viewport: SCREEN, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const header = await page.evaluate('Math.round(document.querySelector("header").getBoundingClientRect().height)');
      expect(header).toBeLessThan(100);
      const contact = page.locator('header nav a', { hasText: 'Kontakt' });
      const suomi = page.locator('header a[hreflang="fi"]');
      expect(await contact.isVisible()).toBe(false);
      await page.locator('header summary').click();
      expect(await contact.isVisible()).toBe(true);
      expect(await suomi.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the links without the menu button on a wide screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      expect(await page.locator('header summary').isVisible()).toBe(false);
      expect(await page.locator('header nav a', { hasText: 'Kontakt' }).isVisible()).toBe(true);
      expect(await page.locator('header a[hreflang="fi"]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('no page scrolls sideways', () => {
  for (const width of [375, 320]) {
    it(`at ${width} px, light and dark`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 740 } });
      const wide: string[] = [];
      try {
        const page = await context.newPage();
        for (const rel of pages) {
          await page.goto(server.url + rel);
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            const m = await measureFirstScreen(page);
            if (m.scrollsSideways) wide.push(`/${rel} (${colorScheme})`);
          }
        }
      } finally {
        await context.close();
      }
      expect(pages.length).toBeGreaterThan(100);
      expect(wide).toEqual([]);
    }, 300_000);
  }
});
