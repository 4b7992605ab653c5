// The Content-Security-Policy in force: every page of the built fixture carries it in a <meta>,
// and Chromium loads every page (and runs a search) without a single violation, console error or
// request to another host.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/lib/model/csp.ts';
import { OFFLINE_CSP } from '../src/lib/offline/offline-edition.ts';
import { ROOT, buildSite, type BuildResult } from './helpers/build.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function htmlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) return htmlFiles(dir, r);
    return name.endsWith('.html') ? [r] : [];
  });
}

const cspMetas = (html: string) => [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));

describe('Content-Security-Policy', () => {
  let build: BuildResult;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    build = await buildSite({ content: path.join(ROOT, 'tests/fixtures/site'), now: '2022-06-01T12:00:00Z' });
    if (build.code !== 0) throw new Error(build.stderr);
    server = await serveStatic(build.out, '/');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every HTML page carries exactly one CSP meta tag, with no inline scripts allowed', () => {
    const files = htmlFiles(build.out);
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const metas = cspMetas(readFileSync(path.join(build.out, f), 'utf8'));
      expect(metas, f).toHaveLength(1);
      const policy = metas[0]!;
      const script = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(script, f).not.toContain('unsafe-inline');
      if (f.endsWith('offline.html')) expect(policy, f).toBe(OFFLINE_CSP);
      else if (/(^|\/)sok\/index\.html$/.test(f)) expect(policy, f).toBe(contentSecurityPolicy('search'));
      else expect(policy, f).toBe(contentSecurityPolicy('default'));
    }
  });

  it('no page has an inline script, an inline event handler or a javascript: URL', () => {
    for (const f of htmlFiles(build.out)) {
      const html = readFileSync(path.join(build.out, f), 'utf8');
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [], f).toEqual([]);
      // Inside real tags only: a bulletin may show "onerror=" as escaped text.
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.filter((t) => /\son[a-z]+=/i.test(t)), f).toEqual([]);
      expect(html, f).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('Chromium loads every page with no CSP violation, no console error and no request off the site', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const offSite: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin) || url.startsWith('data:')) return route.continue();
      offSite.push(url);
      return route.abort();
    });
    const problems: string[] = [];
    const pages = htmlFiles(build.out).filter((f) => f !== '404.html').map((f) => `/${f.replace(/index\.html$/, '')}`);
    for (const p of pages) {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${p}: console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${p}: ${e.message}`));
      const res = await page.goto(server.origin + p, { waitUntil: 'load' });
      if (res?.status() !== 200) problems.push(`${p}: HTTP ${res?.status()}`);
      if (/(^|\/)sok\/$/.test(p)) {
        // Run a search: Pagefind's script and WebAssembly must be allowed by the search page's policy.
        const input = page.locator('#search input');
        await input.waitFor({ timeout: 20_000 });
        await input.fill('kommun');
        await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 20_000 });
      }
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      problems.push(...violations.map((v) => `${p}: CSP violation: ${v}`));
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
    expect(offSite).toEqual([]);
    expect(pages.length).toBeGreaterThan(30);
  });

  it('a page that breaks the policy is caught (the listener works)', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
    });
    await page.goto(`${server.origin}/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await page.waitForTimeout(100);
    const { ran, violations } = await page.evaluate(() => ({
      ran: (window as unknown as { __ran?: boolean }).__ran === true,
      violations: (window as unknown as { __violations: string[] }).__violations,
    }));
    expect(ran).toBe(false);
    expect(violations.join(' ')).toContain('script-src');
    await page.close();
  });

  it('robots.txt names the sitemap, security.txt expires half a year after the build, _headers forbids framing', () => {
    const robots = readFileSync(path.join(build.out, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://fixture.example.org/sitemap.xml');
    expect(robots).not.toMatch(/Disallow: \//);
    const security = readFileSync(path.join(build.out, '.well-known/security.txt'), 'utf8');
    expect(security).toContain('Expires: 2022-11-28T12:00:00Z');
    expect(security).toContain('Contact: mailto:info@testby-info.example.net');
    const headers = readFileSync(path.join(build.out, '_headers'), 'utf8');
    expect(headers).toContain("frame-ancestors 'none'");
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: no-referrer');
    // Not a preview: no page asks to stay out of search engines.
    expect(readFileSync(path.join(build.out, 'index.html'), 'utf8')).not.toContain('noindex');
  });
});
