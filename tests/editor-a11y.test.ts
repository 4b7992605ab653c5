// Every page of the editor, in light and dark mode, has no WCAG 2.1 A/AA violation that axe-core
// finds: the list and status board, each form empty, filled and with errors next to the fields,
// the check of the whole folder and the publish page. The forms also work without JavaScript.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, runAxe } from './helpers/browser.ts';
import { copyFixture } from './helpers/content-tree.ts';
import { startEditorProcess, type RunningEditor } from './helpers/editor.ts';

let editor: RunningEditor;
let browser: Browser;

beforeAll(async () => {
  editor = await startEditorProcess(copyFixture(), ['--now', '2021-12-20T09:15:00+01:00']);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

/** Pages to check: an address, or an address and what to do there first (submit with errors). */
const PAGES: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['the list and status board', '/'],
  ['new bulletin', '/new'],
  [
    'new bulletin with errors next to the fields',
    '/new',
    async (page) => {
      await page.getByLabel('Sammanfattning').fill('x'.repeat(310));
      await page.getByRole('button', { name: 'Skapa meddelandet' }).click();
      await page.waitForSelector('#problems');
    },
  ],
  ['edit a bulletin', '/b/2021-12-16-it-angrepp'],
  ['add an update', '/b/2021-12-16-it-angrepp/update'],
  ['new translation', '/b/2021-12-17-hemtjanst/translate/en'],
  ['edit a translation', '/b/2021-12-16-it-angrepp/translate/en'],
  ['change a status', '/status'],
  [
    'change a status with errors',
    '/status',
    async (page) => {
      await page.getByRole('button', { name: 'Ändra statusen' }).click();
      await page.waitForSelector('#problems');
    },
  ],
  [
    'a file the forms cannot read',
    '/raw/2021-12-19-trasig.md',
    async (page) => {
      // Written before the page is opened again: the editor reads content/ on every request.
      writeFileSync(path.join(editor.content, 'bulletins/2021-12-19-trasig.md'), '---\ntitle: "Trasig\n---\nText.\n');
      await page.reload();
      await page.waitForSelector('#raw-text');
    },
  ],
  ['check', '/check'],
  ['publish', '/publish'],
];

describe('axe on the editor', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s (${scheme})`, async (name, address, before) => {
      const context = await browser.newContext({ colorScheme: scheme });
      try {
        const page = await context.newPage();
        await page.goto(editor.startUrl);
        await page.goto(editor.origin + address);
        if (before) await before(page);
        const result = await runAxe(page);
        expect(result.passed).toBeGreaterThan(10);
        expect(result.violations, formatViolations(`${name} (${scheme})`, result.violations)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a form works without JavaScript: the update is saved from a plain form submission', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(editor.startUrl);
      await page.goto(editor.origin + '/b/2021-12-18-bibliotek/update');
      await page.getByLabel('Uppdateringens text').fill('Biblioteket stänger klockan 16 i dag.');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Lägg till uppdateringen' }).click()]);
      expect(await page.getByRole('status').innerText()).toContain('Sparat i content/bulletins/2021-12-18-bibliotek.md');
    } finally {
      await context.close();
    }
  });
});
