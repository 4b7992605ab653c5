// One headless Chromium for a test file, the built site's pages, and axe-core run inside a page.
// Pages forbid inline scripts (CSP), so axe is evaluated through the DevTools protocol
// (page.evaluate), which CSP does not govern; the site itself is loaded exactly as readers get it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './build.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export { builtPages as sitePages, builtLanguagePrefixes, pageType } from '../../src/lib/build/page-size.ts';

let axeSource: string | undefined;
/** axe-core's source, evaluated into a page (never added as a <script>, which the CSP would block). */
export function axeScript(): string {
  axeSource ??= readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeResult {
  violations: AxeViolation[];
  /** How many rules passed: zero would mean axe checked nothing. */
  passed: number;
}

/** Runs axe on the page as it is now, WCAG 2.1 A and AA rules only. */
export async function runAxe(page: Page): Promise<AxeResult> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeScript());
  return (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA_TAGS)} }, resultTypes: ['violations'] })
       .then(r => ({ passed: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
         helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) })) }))`,
  )) as AxeResult;
}

/** Violations in a form a person can act on: page, mode, rule, element, why. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${where}: ${v.id} (${v.impact}) ${v.help}\n  ${v.helpUrl}`,
        ...v.nodes.slice(0, 5).map((n) => `  - ${n.target.join(' ')}\n    ${n.html.slice(0, 200)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
        v.nodes.length > 5 ? `  … and ${v.nodes.length - 5} more elements` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
}
