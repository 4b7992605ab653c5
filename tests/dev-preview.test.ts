// The preview (`npm run dev`) as the officer uses it: a save in content/, including site.yaml, shows
// on the next load; a mistake shows a plain page in the officer's language with the same report
// `check` gives (and the report in the terminal), not Astro's developer overlay; fixing the file
// brings the page back. The server is started the way npm does, through scripts/dev.mjs.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devEnv, splitLangFlag } from '../scripts/dev.mjs';
import { launchBrowser } from './helpers/browser.ts';
import { ROOT, tempDir } from './helpers/build.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');

/** A port the OS says is free on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Preview {
  server: ChildProcess;
  url: string;
  content: string;
  log: () => string;
}

async function startPreview(extraArgs: string[]): Promise<Preview> {
  const content = path.join(tempDir(), 'content');
  cpSync(FIXTURE, content, { recursive: true });
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, KRISINFO_CONTENT: content };
  delete env.KRISINFO_DEV;
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts/dev.mjs'), '--port', String(port), '--host', '127.0.0.1', ...extraArgs], { cwd: ROOT, env });
  let log = '';
  server.stdout?.on('data', (d) => (log += String(d)));
  server.stderr?.on('data', (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return { server, url, content, log: () => log };
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`the preview did not start:\n${log}`);
}

const edit = (p: Preview, file: string, from: string, to: string) => {
  const f = path.join(p.content, file);
  writeFileSync(f, readFileSync(f, 'utf8').replace(from, to));
};

async function load(p: Preview): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(p.url);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
}

describe('npm run dev', () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview([]);
  });
  afterAll(() => {
    preview?.server.kill();
  });

  it('shows a change to site.yaml on the next load', async () => {
    expect((await load(preview)).body).toContain('Information från Testby kommun');
    edit(preview, 'site.yaml', 'sv: Information från Testby kommun', 'sv: Läget i Testby just nu');
    const after = await load(preview);
    expect(after.status).toBe(200);
    expect(after.body).toContain('Läget i Testby just nu');
  });

  it('shows a mistake as a plain Swedish page with the check report, and recovers when it is fixed', async () => {
    edit(preview, 'bulletins/2022-05-20-sommar.md', 'severity: warning', 'severity: extrem');
    const broken = await load(preview);
    expect(broken.status).toBe(500);
    expect(broken.type).toContain('text/html');
    expect(broken.body).toContain('<html lang="sv">');
    expect(broken.body).toContain('<h1>Innehållet i content/ har fel</h1>');
    expect(broken.body).toContain('fältet &quot;severity&quot;: &quot;extrem&quot; är inget tillåtet värde.');
    expect(broken.body).toContain('→ Välj ett av: info, warning, critical.');
    // Not Astro's overlay for developers: no stack, no editor link, no error class name.
    for (const developerText of ['ContentError', 'Open in editor', 'vite-error-overlay', 'at loadValidContent', 'node_modules']) {
      expect(broken.body).not.toContain(developerText);
    }
    expect(preview.log()).toContain('Innehållet i content/ har fel');
    expect(preview.log()).toContain('fältet "severity": "extrem" är inget tillåtet värde.');
    edit(preview, 'bulletins/2022-05-20-sommar.md', 'severity: extrem', 'severity: warning');
    expect((await load(preview)).status).toBe(200);
  });

  it('brings the site back in the browser by itself when the fix is saved', async () => {
    edit(preview, 'bulletins/2022-05-20-sommar.md', 'severity: warning', 'severity: extrem');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // The error page holds Vite's client; once it has connected, a save reloads the page.
      const connected = new Promise<void>((resolve) => page.on('console', (m) => m.text().includes('[vite] connected') && resolve()));
      await page.goto(preview.url);
      expect(await page.title()).toBe('Innehållet i content/ har fel');
      await connected;
      edit(preview, 'bulletins/2022-05-20-sommar.md', 'severity: extrem', 'severity: warning');
      await page.waitForFunction(() => !document.title.includes('har fel'), undefined, { timeout: 20_000 });
      expect(await page.title()).toContain('Testby');
    } finally {
      await browser.close();
    }
  });
});

describe('npm run dev -- --lang en', () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(['--lang', 'en']);
  });
  afterAll(() => {
    preview?.server.kill();
  });

  it('shows the error page and the report in English', async () => {
    edit(preview, 'bulletins/2022-05-20-sommar.md', 'severity: warning', 'severity: extrem');
    const broken = await load(preview);
    expect(broken.status).toBe(500);
    expect(broken.body).toContain('<html lang="en">');
    expect(broken.body).toContain('<h1>The content in content/ has errors</h1>');
    expect(broken.body).toContain('field &quot;severity&quot;: &quot;extrem&quot; is not an allowed value.');
    expect(broken.body).not.toContain('FEL');
  });

  it('never prints the "new version of Astro" notice', () => {
    expect(preview.log()).not.toMatch(/new version of astro|@astrojs\/upgrade/i);
  });
});

describe('the preview environment', () => {
  it('switches off Astro’s update check (it would suggest an upgrade that breaks Node 20)', async () => {
    // Astro's own decision, with preferences that say a check is due and allowed.
    const { shouldCheckForUpdates } = (await import(path.join(ROOT, 'node_modules/astro/dist/core/dev/update-check.js'))) as {
      shouldCheckForUpdates: (p: { get: (k: string) => Promise<unknown> }) => Promise<boolean>;
    };
    const due = { get: async (k: string) => (k === 'checkUpdates.enabled' ? true : 0) };
    const saved = process.env.ASTRO_DISABLE_UPDATE_CHECK;
    try {
      process.env.ASTRO_DISABLE_UPDATE_CHECK = devEnv({}, undefined).ASTRO_DISABLE_UPDATE_CHECK;
      expect(await shouldCheckForUpdates(due)).toBe(false);
      delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
      // Without the switch Astro would check (outside CI, where it never checks).
      if (!process.env.CI) expect(await shouldCheckForUpdates(due)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
      else process.env.ASTRO_DISABLE_UPDATE_CHECK = saved;
    }
  });

  it('takes --lang for itself and passes the rest to astro dev', () => {
    expect(splitLangFlag(['--port', '1', '--lang', 'en', '--host', 'h'])).toEqual({ lang: 'en', rest: ['--port', '1', '--host', 'h'] });
    expect(devEnv({ A: '1', NODE_ENV: 'test' }, 'en')).toMatchObject({ A: '1', KRISINFO_LANG: 'en', KRISINFO_DEV: '1', ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' });
  });
});
