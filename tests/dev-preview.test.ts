// The preview (`npm run dev`) as the officer uses it: a save in content/, including site.yaml, shows
// on the next load; a mistake stops the page with the same report `check` gives (in the terminal,
// and in the browser's error overlay), and fixing the file brings the page back.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/build.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/site');
const PORT = 4300 + (process.pid % 500);
const URL_ROOT = `http://127.0.0.1:${PORT}/`;
let server: ChildProcess;
let log = '';
let content: string;

const edit = (file: string, from: string, to: string) => {
  const p = path.join(content, file);
  writeFileSync(p, readFileSync(p, 'utf8').replace(from, to));
};

async function load(): Promise<{ status: number; body: string }> {
  const res = await fetch(URL_ROOT);
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  content = path.join(tempDir(), 'content');
  cpSync(FIXTURE, content, { recursive: true });
  server = spawn(path.join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, KRISINFO_CONTENT: content, KRISINFO_DEV: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server.stdout?.on('data', (d) => (log += String(d)));
  server.stderr?.on('data', (d) => (log += String(d)));
  for (let i = 0; i < 120; i++) {
    if (await fetch(URL_ROOT).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not start:\n${log}`);
});

afterAll(() => {
  server?.kill();
});

describe('npm run dev', () => {
  it('shows a change to site.yaml on the next load', async () => {
    expect((await load()).body).toContain('Information från Testby kommun');
    edit('site.yaml', 'sv: Information från Testby kommun', 'sv: Läget i Testby just nu');
    const after = await load();
    expect(after.status).toBe(200);
    expect(after.body).toContain('Läget i Testby just nu');
  });

  it('stops the page on a mistake with the readable report, and recovers when it is fixed', async () => {
    edit('bulletins/2022-05-20-sommar.md', 'severity: warning', 'severity: extrem');
    const broken = await load();
    expect(broken.status).toBe(500);
    expect(broken.body).toContain('ContentError');
    expect(log).toContain('Innehållet i content/ har fel');
    expect(log).toContain('fältet "severity": "extrem" är inget tillåtet värde.');
    edit('bulletins/2022-05-20-sommar.md', 'severity: extrem', 'severity: warning');
    expect((await load()).status).toBe(200);
  });
});
