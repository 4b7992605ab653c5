// Preview builds (KRISINFO_NOINDEX=1) stay out of search engines: every page says noindex and
// robots.txt closes the door; the published build (tests/csp.test.ts) does neither.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, type BuildResult } from './helpers/build.ts';

function htmlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) return htmlFiles(dir, r);
    return name.endsWith('.html') ? [r] : [];
  });
}

describe('preview build (KRISINFO_NOINDEX=1)', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildSite({ content: path.join(ROOT, 'tests/fixtures/site'), now: '2022-06-01T12:00:00Z', env: { KRISINFO_NOINDEX: '1' } });
    if (build.code !== 0) throw new Error(build.stderr);
  }, 600_000);

  it('every HTML page carries <meta name="robots" content="noindex">', () => {
    const files = htmlFiles(build.out);
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) expect(readFileSync(path.join(build.out, f), 'utf8'), f).toMatch(/<meta name="robots" content="noindex"/);
  });

  it('robots.txt disallows the whole site and advertises no sitemap', () => {
    const robots = readFileSync(path.join(build.out, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/$/m);
    expect(robots).not.toContain('Sitemap:');
  });
});
