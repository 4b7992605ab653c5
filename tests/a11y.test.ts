// Every page of the sample site (content/) and of the fixture, built for real and opened in Chromium
// over http the way a reader gets it: axe-core finds no WCAG 2.1 A/AA violation in light or dark
// mode; without JavaScript the page still has its heading, text and phone numbers; nothing is
// fetched from another host; and at 320 CSS px (400 % zoom) nothing scrolls sideways.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { buildSite, ROOT } from './helpers/build.ts';
import { builtLanguagePrefixes, formatViolations, launchBrowser, pageType, runAxe, sitePages } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { telHref } from '../src/lib/model/phone.ts';

interface BuiltSite {
  name: string;
  content: string;
  out: string;
  server: StaticServer;
  pages: string[];
  /** Pages grouped by type, so a failure names the template at fault. */
  groups: Map<string, string[]>;
  /** tel: links of the site's own contacts (site.yaml). */
  contactTels: string[];
}

const SITES = [
  { name: 'sample', content: path.join(ROOT, 'content'), now: undefined },
  { name: 'fixture', content: path.join(ROOT, 'tests/fixtures/site'), now: '2022-06-01T12:00:00Z' },
];
const built = new Map<string, BuiltSite>();
let browser: Browser;
/** Every URL any page asked for, in every context, to prove nothing leaves the site. */
const requests: { from: string; url: string }[] = [];

beforeAll(async () => {
  for (const s of SITES) {
    const result = await buildSite({ content: s.content, now: s.now });
    if (result.code !== 0) throw new Error(`${s.name} build failed:\n${result.stderr}`);
    const pages = sitePages(result.out);
    const prefixes = builtLanguagePrefixes(result.out);
    const groups = new Map<string, string[]>();
    for (const p of pages) groups.set(pageType(p, prefixes), [...(groups.get(pageType(p, prefixes)) ?? []), p]);
    const site = parse(readFileSync(path.join(s.content, 'site.yaml'), 'utf8')) as { contacts: { phone?: string }[] };
    const contactTels = site.contacts.flatMap((c) => (c.phone ? [telHref(c.phone)] : []));
    built.set(s.name, { ...s, out: result.out, server: await serveStatic(result.out), pages, groups, contactTels });
  }
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const b of built.values()) await b.server.close();
});

/** A page in a fresh context that records every request it makes. */
async function openContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  context.on('request', (r) => requests.push({ from: r.frame().url(), url: r.url() }));
  return { context, page: await context.newPage() };
}

/** Page types of the built sites (known once the builds ran; listed here so each gets its own test). */
const TYPES = ['front page', 'archive', 'bulletin', 'service', 'staff page', 'search', 'standing page', '404', 'offline edition'];
/** Seconds a page may take on a busy machine: a budget for the test timeout, not an assertion. */
const PER_PAGE = 20_000;

describe('the axe harness', () => {
  it('sees a violation when there is one, and dark mode really changes the colours', async () => {
    const site = built.get('fixture')!;
    const { context, page } = await openContext();
    try {
      await page.goto(site.server.url);
      const background = async () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await background();
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await background()).not.toBe(light);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Grey on grey';
        p.style.cssText = 'color:#777;background:#888';
        document.querySelector('main')!.append(p);
        document.querySelector('html')!.removeAttribute('lang');
      });
      const ids = (await runAxe(page)).violations.map((v) => v.id);
      expect(ids).toContain('color-contrast');
      expect(ids).toContain('html-has-lang');
    } finally {
      await context.close();
    }
  });
});

for (const s of SITES) {
  describe(`${s.name} site: axe-core, WCAG 2.1 A and AA, light and dark`, () => {
    for (const type of TYPES) {
      it(`${type} pages have no violations`, async () => {
        const site = built.get(s.name)!;
        const pages = site.groups.get(type) ?? [];
        if (type !== 'offline edition' && type !== '404') expect(pages.length, `no ${type} pages built`).toBeGreaterThan(0);
        const { context, page } = await openContext();
        const failures: string[] = [];
        try {
          for (const rel of pages) {
            await page.goto(site.server.url + rel);
            for (const colorScheme of ['light', 'dark'] as const) {
              await page.emulateMedia({ colorScheme });
              const { violations, passed } = await runAxe(page);
              expect(passed, `axe checked nothing on /${rel}`).toBeGreaterThan(10);
              if (violations.length) failures.push(formatViolations(`/${rel} (${colorScheme})`, violations));
            }
          }
        } finally {
          await context.close();
        }
        expect(failures.join('\n\n'), failures.join('\n\n')).toBe('');
      }, 60_000 + PER_PAGE * 2 * 60);
    }
  });

  describe(`${s.name} site without JavaScript`, () => {
    it('every page has its heading and text in <main>, and the numbers that always work in the footer', async () => {
      const site = built.get(s.name)!;
      const { context, page } = await openContext({ javaScriptEnabled: false });
      const problems: string[] = [];
      try {
        for (const rel of site.pages) {
          await page.goto(site.server.url + rel);
          const seen = await page.evaluate(() => {
            const main = document.querySelector('main');
            const footerTels = [...document.querySelectorAll('footer a[href^="tel:"]')].map((a) => a.getAttribute('href'));
            return {
              h1: main?.querySelector('h1')?.textContent?.trim() ?? '',
              docH1: document.querySelector('h1')?.textContent?.trim() ?? '',
              words: (main?.innerText ?? '').split(/\s+/).filter(Boolean).length,
              footerTels,
              tels: [...document.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')),
            };
          });
          // The offline edition is one document whose h1 (the site title) heads the whole file, above <main>.
          if (!seen.h1 && !(rel.endsWith('offline.html') && seen.docH1)) problems.push(`/${rel}: no h1 in <main>`);
          if (seen.words < 8) problems.push(`/${rel}: <main> has only ${seen.words} words`);
          // The offline edition has no site footer: it carries its numbers in the document itself.
          const tels = rel.endsWith('offline.html') ? seen.tels : seen.footerTels;
          for (const tel of ['tel:112', 'tel:11313', 'tel:1177']) if (!tels.includes(tel)) problems.push(`/${rel}: no ${tel} link`);
        }
      } finally {
        await context.close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    }, 60_000 + PER_PAGE * 150);

    it("the front page and the contact page list the site's own phone numbers as links", async () => {
      const site = built.get(s.name)!;
      const { context, page } = await openContext({ javaScriptEnabled: false });
      try {
        for (const rel of ['', 'kontakt/', 'en/', 'en/kontakt/']) {
          await page.goto(site.server.url + rel);
          const tels = await page.$$eval('main a[href^="tel:"]', (as) => as.map((a) => a.getAttribute('href')));
          expect(site.contactTels.length).toBeGreaterThan(0);
          for (const tel of site.contactTels) expect(tels, `/${rel} lacks ${tel}`).toContain(tel);
        }
      } finally {
        await context.close();
      }
    });
  });
}

// The search page is a different page once Pagefind has drawn its box and results (they come from
// its script and stylesheet): axe runs on it as a reader sees it after searching, in both schemes.
describe('the search page with results shown', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no violations in ${colorScheme} mode, typed text and result titles included`, async () => {
      const site = built.get('fixture')!;
      const { context, page } = await openContext({ colorScheme, viewport: { width: 375, height: 740 } });
      try {
        await page.goto(site.server.url + 'sok/');
        const input = page.locator('#search input');
        await input.fill('it-angrepp');
        await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 20_000 });
        const results = await page.locator('.pagefind-ui__result-link').allInnerTexts();
        expect(results).toContain('Kommunens it-system är avstängda');
        // The typed text is readable: its colour is not the box's background.
        const { color, background } = await input.evaluate((e) => ({ color: getComputedStyle(e).color, background: getComputedStyle(e).backgroundColor }));
        expect(color).not.toBe(background);
        const { violations, passed } = await runAxe(page);
        expect(passed).toBeGreaterThan(10);
        expect(violations, formatViolations(`/sok/ with results (${colorScheme})`, violations)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});

/** Pages (site paths) that scroll sideways at 320 CSS px, with the elements sticking out. */
async function tooWideAt320(site: BuiltSite, pages: string[]): Promise<string[]> {
  const { context, page } = await openContext({ viewport: { width: 320, height: 640 } });
  const wide: string[] = [];
  try {
    for (const rel of pages) {
      await page.goto(site.server.url + rel);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) {
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 3)
            .map((e) => e.outerHTML.slice(0, 120)),
        );
        wide.push(`/${rel}: ${scrollWidth} > ${clientWidth} (${culprits.join(' | ')})`);
      }
    }
  } finally {
    await context.close();
  }
  return wide;
}

describe('zoom to 400 % (320 CSS px wide)', () => {
  it('no page of the fixture scrolls sideways', async () => {
    const site = built.get('fixture')!;
    const wide = await tooWideAt320(site, site.pages.filter((p) => !p.endsWith('offline.html')));
    expect(wide, wide.join('\n')).toEqual([]);
  }, 60_000 + PER_PAGE * 80);

  // The fixture has a public key (tests/fixtures/site/minisign.pub): the page shows it and the
  // verify.sh command first, whose one long line must wrap inside its box.
  it('the authenticity page with a key shows the command inside the screen', async () => {
    const site = built.get('fixture')!;
    const { context, page } = await openContext({ viewport: { width: 320, height: 640 } });
    try {
      await page.goto(site.server.url + 'akta/');
      const command = page.locator('main pre').first();
      expect(await command.innerText()).toMatch(/^sh verify\.sh -P RW\S+ https:\/\/\S+$/);
      const box = (await command.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      expect(await tooWideAt320(site, ['akta/', 'en/akta/', 'fi/akta/'])).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Long web addresses in the offline edition's links must wrap too (its own STYLE, offline-edition.ts).
  it('the offline editions do not scroll sideways either', async () => {
    const site = built.get('fixture')!;
    const wide = await tooWideAt320(site, site.pages.filter((p) => p.endsWith('offline.html')));
    expect(wide, wide.join('\n')).toEqual([]);
  });
});

describe('keyboard focus, high contrast and reduced motion', () => {
  for (const forcedColors of ['none', 'active'] as const) {
    it(`the first Tab shows the skip link with a solid outline (forced colours ${forcedColors})`, async () => {
      const site = built.get('fixture')!;
      const { context, page } = await openContext({ viewport: { width: 375, height: 667 } });
      try {
        await page.emulateMedia({ forcedColors });
        await page.goto(site.server.url + 'bulletiner/2022-01-10-vinter/');
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          const s = getComputedStyle(e);
          const r = e.getBoundingClientRect();
          return { href: e.getAttribute('href'), style: s.outlineStyle, width: parseFloat(s.outlineWidth), top: r.top, height: r.height };
        });
        expect(focus.href).toBe('#main');
        expect(focus.style).toBe('solid');
        expect(focus.width).toBeGreaterThanOrEqual(2);
        // On screen, not parked above it.
        expect(focus.top).toBeGreaterThanOrEqual(0);
        expect(focus.height).toBeGreaterThan(10);
        // The next Tab reaches the first link of the header, also outlined.
        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
        expect(next).toBe('solid');
      } finally {
        await context.close();
      }
    });
  }

  it('nothing moves for readers who ask for reduced motion', async () => {
    const site = built.get('fixture')!;
    const { context, page } = await openContext({ reducedMotion: 'reduce' });
    try {
      await page.goto(site.server.url);
      const moving = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .map((e) => getComputedStyle(e))
          .filter((s) => parseFloat(s.animationDuration) > 0 || parseFloat(s.transitionDuration) > 0 || s.scrollBehavior === 'smooth').length,
      );
      expect(moving).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('no third parties', () => {
  // Runs last (vitest keeps file order): every page above has been loaded by then.
  it('no page asked any host but its own for anything', () => {
    expect(requests.length).toBeGreaterThan(300);
    const origins = new Set([...built.values()].map((b) => b.server.origin));
    const foreign = requests.filter((r) => !r.url.startsWith('data:') && !origins.has(new URL(r.url).origin));
    expect(foreign.map((r) => `${r.from} → ${r.url}`)).toEqual([]);
  });
});
