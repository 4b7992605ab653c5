// The deploy recipes in deploy/ parse, publish the built folder, and carry the same security
// headers as the site itself (src/lib/model/csp.ts), so a change of policy cannot leave one behind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { headerContentSecurityPolicy } from '../src/lib/model/csp.ts';
import { ROOT } from './helpers/build.ts';

const read = (file: string) => readFileSync(path.join(ROOT, 'deploy', file), 'utf8');

describe('deploy recipes', () => {
  it('the GitHub Pages workflow builds, signs when a key is set, and deploys the signed folder', () => {
    const wf = parse(read('github-pages/pages.yml'));
    const steps = wf.jobs.build.steps as { run?: string; uses?: string; with?: Record<string, string> }[];
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm run package');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('${{ env.SITE_DIR }}');
    expect(wf.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('the GitLab CI file publishes dist/ from the pages job', () => {
    const ci = parse(read('gitlab-pages/.gitlab-ci.yml'));
    expect(ci.pages.pages.publish).toBe('dist');
    expect(ci.pages.script.join('\n')).toContain('npm run build');
  });

  it('netlify.toml publishes dist and keeps previews out of search engines', () => {
    const toml = read('netlify/netlify.toml');
    expect(toml).toMatch(/publish = "dist"/);
    expect(toml).toMatch(/\[context\.deploy-preview\.environment\]\s+KRISINFO_NOINDEX = "1"/);
  });

  it('nginx and Apache send exactly the CSP of csp.ts, with nosniff and no-referrer', () => {
    const csp = headerContentSecurityPolicy();
    const nginx = read('nginx/krisinfo-headers.conf');
    expect(nginx).toContain(`add_header Content-Security-Policy "${csp}" always;`);
    expect(nginx).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(nginx).toContain('add_header Referrer-Policy "no-referrer" always;');
    // Every location of the server repeats the headers (nginx drops inherited add_header).
    const server = read('nginx/krisinfo.conf');
    expect(server.match(/^\s+location [^{]+\{/gm)!.length).toBe(server.match(/include snippets\/krisinfo-headers\.conf;/g)!.length);
    const apache = read('apache/krisinfo.conf');
    expect(apache).toContain(`Header always set Content-Security-Policy "${csp}"`);
    expect(apache).toContain('Header always set X-Content-Type-Options "nosniff"');
    expect(apache).toContain('ErrorDocument 404 /404.html');
  });

  it('every recipe has a guide', () => {
    for (const dir of ['github-pages', 'gitlab-pages', 'netlify', 'cloudflare-pages', 'nginx', 'apache', 's3', 'copy']) {
      expect(read(`${dir}/README.md`).length, dir).toBeGreaterThan(200);
    }
  });
});
