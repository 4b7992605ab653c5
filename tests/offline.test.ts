// The offline edition opened as a person would with no network: from file:// (a USB stick, an
// e-mail attachment) in Chromium with every non-file request aborted. It must show the status
// board, the contacts and every current bulletin, and print.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletinIn, buildSiteModel, type SiteModel } from '../src/lib/site/derive.ts';
import { localize } from '../src/lib/model/i18n.ts';
import { loadValidContent } from '../src/lib/site/site-data.ts';
import { ROOT, buildSite, tempDir, type BuildResult } from './helpers/build.ts';

const CONTENT = path.join(ROOT, 'tests/fixtures/pages-site');
const NOW = '2022-06-01T12:00:00Z';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('offline edition', () => {
  let build: BuildResult;
  let model: SiteModel;
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    build = await buildSite({ content: CONTENT, now: NOW });
    if (build.code !== 0) throw new Error(build.stderr);
    model = buildSiteModel(loadValidContent(CONTENT), new Date(NOW));
    // Copied somewhere else on its own, as an attachment would be.
    file = path.join(tempDir('krisinfo-offline-'), 'exempelby-offline.html');
    copyFileSync(path.join(build.out, 'offline.html'), file);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 600_000);

  afterAll(async () => browser?.close());

  it('is one file that references nothing outside itself and has no scripts', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/i);
    for (const m of html.matchAll(/\ssrc="([^"]*)"/g)) expect(m[1]).toMatch(/^data:image\//);
    expect(html).not.toMatch(/url\((?!data:)/);
    // The fixture's logo and its lead image are inside it.
    expect(html.match(/src="data:image\//g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('opens from file:// with the network off and shows the board, the contacts and every current bulletin', async () => {
    const context = await browser.newContext({ offline: true });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`file://${file}`);

    const board = page.locator('#status li');
    expect(await board.count()).toBe(model.services.length);
    const boardText = await page.locator('#status').innerText();
    for (const s of model.services) expect(boardText).toContain(localize(s.service.name, 'sv', model.site));

    const contacts = await page.locator('#contacts').innerText();
    for (const c of model.site.contacts) {
      expect(contacts).toContain(localize(c.name, 'sv', model.site));
      if (c.phone) expect(contacts).toContain(c.phone);
    }
    expect(contacts).toContain('112');

    const titles = await page.locator('article h3').allInnerTexts();
    const current = model.bulletins.map((g) => bulletinIn(g, 'sv').title);
    expect(current.length).toBeGreaterThan(2);
    expect([...titles].sort()).toEqual([...current].sort());
    // Drafts and bulletins scheduled for later are not "current".
    for (const g of [...model.drafts, ...model.scheduled]) expect(titles).not.toContain(g.original.title);

    // Every image drew (data: URIs, no network).
    const broken = await page.evaluate(() => [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.alt));
    expect(broken).toEqual([]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows updates under their bulletin, newest first', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    const withUpdates = model.bulletins.map((g) => bulletinIn(g, 'sv')).find((b) => b.updates.length > 1);
    expect(withUpdates).toBeDefined();
    if (withUpdates) {
      const times = await page.locator(`[id="${withUpdates.slug}"] .updates time`).evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      expect(times.length).toBe(withUpdates.updates.length);
      expect(times.map((t) => Date.parse(t))).toEqual([...times.map((t) => Date.parse(t))].sort((a, b) => b - a));
    }
    await page.close();
  });

  it('prints as a leaflet', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('exists in every language, marked with that language', () => {
    for (const lang of model.site.languages.slice(1)) {
      const html = readFileSync(path.join(build.out, lang, 'offline.html'), 'utf8');
      expect(html).toContain(`<html lang="${lang}">`);
    }
  });
});
