// Every page of the fixture, built for real, is valid HTML according to the Nu HTML Checker (the
// W3C's validator, npm vnu-jar, run with Java from Debian's default-jre-headless). Errors fail, and
// so do warnings, except one: vnu reads the pages from disk, where the pages' own Content-Security-
// Policy blocks their stylesheets, scripts and images (file:// is not the site's origin).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, tempDir } from './helpers/build.ts';
import { sitePages } from './helpers/browser.ts';

const VNU_JAR = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** vnu's messages for the files (it exits 1 when it finds errors: that is not a failure to run). */
async function vnu(files: string[]): Promise<VnuMessage[]> {
  const run = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  return (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
}

const cspOnFile = (m: VnuMessage) => m.type === 'info' && /^Resource violates Content Security Policy/.test(m.message);
const describeMessage = (m: VnuMessage) => `${m.url?.replace(/^file:.*?\/dist\//, '/')}:${m.lastLine} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`;

let out: string;

beforeAll(async () => {
  const build = await buildSite({ content: path.join(ROOT, 'tests/fixtures/site'), now: '2022-06-01T12:00:00Z' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  out = build.out;
}, 300_000);

describe('the Nu HTML Checker', () => {
  it('reports a skipped heading level (the check can fail)', async () => {
    const file = path.join(tempDir(), 'broken.html');
    writeFileSync(file, '<!doctype html><html lang="sv"><title>x</title><h2>A</h2><h4>B</h4></html>');
    const errors = (await vnu([file])).filter((m) => m.type === 'error');
    expect(errors.map((m) => m.message).join('\n')).toMatch(/“h4”.*follows the heading “h2”/);
  }, 120_000);

  it('finds no error and no warning on any built page of the fixture, the offline editions included', async () => {
    const pages = sitePages(out).map((p) => path.join(out, p === '' || p.endsWith('/') ? `${p}index.html` : p));
    expect(pages.some((p) => p.endsWith('offline.html'))).toBe(true);
    expect(pages.length).toBeGreaterThan(30);
    const problems = (await vnu(pages)).filter((m) => !cspOnFile(m));
    expect(problems.map(describeMessage)).toEqual([]);
  }, 300_000);
});
