// The fixture built for real, then read the two ways a browser-less crisis reader meets it:
// printed to paper (Chromium's PDF, A4, print media, text taken out with pdftotext) and in the
// text browser lynx. Both must carry the times, the sender, the address and the phone numbers.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, tempDir } from './helpers/build.ts';
import { launchBrowser } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const SITE_URL = 'https://fixture.example.org/';
const BULLETIN = 'bulletiner/2022-01-10-vinter/';
let server: StaticServer;
let browser: Browser;
const pdfDir = tempDir('krisinfo-print-');

beforeAll(async () => {
  const build = await buildSite({ content: FIXTURE, now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  server = await serveStatic(build.out);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page printed to an A4 PDF the way Chromium's print dialog would, as pdftotext reads it. */
async function printed(rel: string, colorScheme: 'light' | 'dark' = 'dark'): Promise<string> {
  const context = await browser.newContext({ colorScheme });
  try {
    const page = await context.newPage();
    await page.goto(server.url + rel);
    await page.emulateMedia({ media: 'print', colorScheme });
    const file = path.join(pdfDir, `${rel.replace(/\W+/g, '-') || 'front'}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  } finally {
    await context.close();
  }
}

describe('printed (A4 PDF, printed from dark mode)', () => {
  it('a bulletin on paper says who, when, where it came from, and which numbers to call', async () => {
    const text = await printed(BULLETIN);
    expect(text).toContain('Kommunens it-system är avstängda');
    expect(text).toContain('Testby kommun');
    expect(text).toContain('10 januari 2022 kl. 09:00');
    expect(text).toContain('1 maj 2022 kl. 08:00');
    expect(text.replace(/\s+/g, '')).toContain(`${SITE_URL}${BULLETIN}`);
    for (const n of ['112', '113 13', '1177']) expect(text).toContain(n);
    // Written out as people dial them, not as link addresses.
    expect(text).not.toContain('tel:');
  });

  it('the contact page on paper has every contact number and the address', async () => {
    const text = await printed('kontakt/');
    for (const n of ['+46 923 650 00', '0923-650 10', 'info@testby-info.example.net', '112', '113 13', '1177']) expect(text).toContain(n);
    expect(text.replace(/\s+/g, '')).toContain(`${SITE_URL}kontakt/`);
  });

  it('leaves out what only works on a screen: navigation, language switch, skip link', async () => {
    const text = await printed(BULLETIN);
    expect(text).not.toContain('Hoppa till innehållet');
    expect(text).not.toMatch(/^\s*Alla meddelanden\s*$/m);
    expect(text).not.toMatch(/^\s*English\s*$/m);
    expect(text).not.toMatch(/^\s*Sök\s*$/m);
  });

  it('is black on white even when the screen is in dark mode', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await page.goto(server.url + BULLETIN);
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const colours = await page.evaluate(() => {
        const seen = new Set<string>();
        for (const e of document.querySelectorAll('body, body *')) {
          const s = getComputedStyle(e);
          if (s.display === 'none') continue;
          seen.add(`color ${s.color}`);
          if (s.backgroundColor !== 'rgba(0, 0, 0, 0)') seen.add(`background ${s.backgroundColor}`);
        }
        return [...seen].sort();
      });
      expect(colours).toEqual(['color rgb(0, 0, 0)']);
      const pageBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']).toContain(pageBackground);
    } finally {
      await context.close();
    }
  });
});

/** What lynx shows, as a text-only reader on an old terminal sees it. Async: the server is in this process. */
async function lynx(rel: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'lynx',
    ['-dump', '-nolist', '-width=80', '-display_charset=utf-8', '-assume_charset=utf-8', server.url + rel],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: pdfDir } },
  );
  return stdout;
}

/** Asserts the strings occur in this order. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('in lynx (text browser)', () => {
  const junk = [/\{|\}/, /var\(--/, /function\s*\(/, /<\/?[a-z]+[ >]/i, /@media/, /&[a-z]+;/];

  it('the front page reads as the situation and next update, status board line by line (worst first), contacts', async () => {
    const text = await lynx('');
    expectInOrder(text, [
      'Information från Testby kommun',
      'Läget 21 maj 2022 kl. 09:15',
      '2 av 4 tjänster fungerar inte som vanligt. Nästa uppdatering kommer',
      'Så fungerar tjänsterna',
      'Hit kan du vända dig nu',
    ]);
    const lines = text.split('\n').map((l) => l.trim());
    const board = ['Hemtjänst: ! Reservrutiner', 'Löner: ◐ Fungerar delvis', '✓ Fungerar: Vatten och avlopp, E-post'];
    const at = board.map((b) => lines.findIndex((l) => l.includes(b)));
    expect(at.every((i) => i >= 0), `board lines missing in:\n${text}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(new Set(at).size).toBe(board.length);
    for (const n of ['+46 923 650 00', '0923-650 10', '112', '113 13', '1177']) expect(text).toContain(n);
    for (const j of junk) expect(text).not.toMatch(j);
  });

  it('a bulletin reads as title, sender and times, updates newest first, the original text, numbers', async () => {
    const text = await lynx(BULLETIN);
    expectInOrder(text, [
      'Kommunens it-system är avstängda',
      'Testby kommun',
      'Publicerad',
      '10 januari 2022 kl. 09:00',
      'Uppdateringar, senaste först',
      '1 maj 2022 kl. 08:00',
      'E-posten fungerar helt igen.',
      '11 januari 2022 kl. 12:00',
      'Ursprungligt meddelande från 10 januari 2022 kl. 09:00',
      'Vad har hänt?',
      '112',
      '113 13',
      '1177',
    ]);
    for (const j of junk) expect(text).not.toMatch(j);
  });
});
