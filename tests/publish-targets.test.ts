// `npm run publish` for real, to three targets at once, each served over HTTP by a real server the
// test starts on 127.0.0.1: a folder served by nginx; an SFTP server (`rclone serve sftp`) reached
// through an rclone remote, its folder served by the same nginx; and a bare git repository whose
// push hook checks the branch out where nginx serves it. Then the copies are tampered with as an
// attacker with access to one host would, and `npm run verify` must say exactly what changed; one
// server goes down; a publish is killed half-way; the next publish repairs everything.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type RunningNginx } from '../src/lib/bench/nginx.ts';
import { listFiles, parseSums } from '../src/lib/release/checksums.ts';
import { parsePublicKey, publicKeyLine } from '../src/lib/release/minisign.ts';
import { differenceLines, verdictLine } from '../src/lib/verify/report.ts';
import { httpSource } from '../src/lib/verify/sources.ts';
import { verifyRelease } from '../src/lib/verify/verify-release.ts';
import { ROOT, runScript, tempDir } from './helpers/build.ts';
import { bareRepoServing, startSftpServer, type SftpServer } from './helpers/publish-servers.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const NOW = '2022-06-01T12:00:00Z';
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Target {
  name: string;
  url: string;
  /** The folder the web server serves this target from: what an attacker on that host would edit. */
  served: string;
}

/** The rows of the table publish prints last: name → cells. */
function table(stdout: string): Map<string, string[]> {
  const lines = stdout.split('\n');
  const head = lines.findIndex((l) => /^Mål\s+Adress\s+Release\s+Filer\s+Verifierad/.test(l));
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(head + 1)) {
    if (!line.trim()) break;
    const cells = line.split(/ {2,}/);
    rows.set(cells[0]!, cells);
  }
  return rows;
}

/** Release folders under `dir`, oldest first. */
function releases(dir: string): string[] {
  return readdirSync(dir).sort().map((r) => path.join(dir, r));
}

/** Paths whose content differs between two releases (or that only one has). */
function differing(a: string, b: string): Set<string> {
  const sums = (r: string) => new Map(parseSums(readFileSync(path.join(r, 'site/SHA256SUMS'), 'utf8')).map((e) => [e.name, e.hash]));
  const [x, y] = [sums(a), sums(b)];
  return new Set([...x.keys(), ...y.keys()].filter((k) => x.get(k) !== y.get(k)));
}

describe('npm run publish to a folder, an SFTP server and a git branch, each served by nginx', () => {
  let tmp: string;
  let content: string;
  let releaseDir: string;
  let env: Record<string, string>;
  let nginx: RunningNginx;
  let sftp: SftpServer;
  let targets: Target[];
  let keyLine: string;
  let first: Awaited<ReturnType<typeof runScript>>;

  const publish = (args: string[] = [], extra: Record<string, string> = {}) => runScript('publish.ts', ['--releases', releaseDir, '--wait', '20', ...args], { ...env, ...extra });
  const verify = (url: string) => runScript('verify.ts', [url, '--key', keyLine], env);
  /** What `npm run verify` prints, from the same functions, without starting a process each time. */
  const verifyOutput = async (url: string) => {
    const r = await verifyRelease(httpSource(url), parsePublicKey(keyLine));
    return { code: r.ok ? 0 : 1, stdout: [...differenceLines(r), verdictLine(r)].join('\n') + '\n' };
  };

  beforeAll(async () => {
    tmp = tempDir('krisinfo-publish-targets-');
    content = path.join(tmp, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    // The fixture carries a public key whose secret half was thrown away: make a pair of our own.
    rmSync(path.join(content, 'minisign.pub'), { force: true });
    // All four languages of the sample, so the authenticity page is checked in each.
    const site = path.join(content, 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('languages: [sv, en, fi]', 'languages: [sv, en, fi, fit]'));
    releaseDir = path.join(tmp, 'release');
    env = { HOME: path.join(tmp, 'home'), KRISINFO_CONTENT: content, KRISINFO_NOW: NOW, KRISINFO_OUT: path.join(tmp, 'dist'), RCLONE_CONFIG: path.join(tmp, 'rclone.conf') };
    const keygen = await runScript('keygen.ts', ['--without-password'], env);
    expect(keygen.code, keygen.stderr).toBe(0);
    keyLine = publicKeyLine(parsePublicKey(readFileSync(path.join(content, 'minisign.pub'), 'utf8')));

    const www = path.join(tmp, 'www');
    const sftpRoot = path.join(tmp, 'sftp-root');
    const pagesWww = path.join(tmp, 'pages-www');
    mkdirSync(www);
    mkdirSync(path.join(sftpRoot, 'krisinfo'), { recursive: true });
    sftp = await startSftpServer(sftpRoot, path.join(tmp, 'sftp-home'), env.RCLONE_CONFIG!, 'spegel');
    bareRepoServing(path.join(tmp, 'pages.git'), 'main', pagesWww);
    nginx = await startNginx([www, path.join(sftpRoot, 'krisinfo'), pagesWww]);
    targets = [
      { name: 'mapp', url: nginx.urls[0]!, served: www },
      { name: 'sftp', url: nginx.urls[1]!, served: path.join(sftpRoot, 'krisinfo') },
      { name: 'pages', url: nginx.urls[2]!, served: pagesWww },
    ];
    writeFileSync(
      path.join(content, 'publish.yaml'),
      [
        `- name: mapp\n  url: ${targets[0]!.url}\n  title: { sv: Huvudservern, en: The main server, fi: Pääpalvelin, fit: Pääpalvelin }\n  folder: ${www}`,
        `- name: sftp\n  url: ${targets[1]!.url}\n  rclone: spegel:krisinfo`,
        `- name: pages\n  url: ${targets[2]!.url}\n  git: ${path.join(tmp, 'pages.git')} main`,
      ].join('\n') + '\n',
    );
    first = await publish();
  }, 300_000);

  afterAll(async () => {
    await nginx?.stop();
    await sftp?.stop();
  });

  it('publishes to every target in one run, and the table says each one verified', () => {
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const [release] = releases(releaseDir);
    const date = /date:(\S+)/.exec(readFileSync(path.join(release!, 'SHA256SUMS.minisig'), 'utf8'))![1]!;
    const count = parseSums(readFileSync(path.join(release!, 'SHA256SUMS'), 'utf8')).length;
    const rows = table(first.stdout);
    expect([...rows.keys()]).toEqual(['mapp', 'sftp', 'pages']);
    for (const t of targets) expect(rows.get(t.name)).toEqual([t.name, t.url, date, String(count), 'ja']);
    // What the table says, `npm run verify` confirms, and the git target is one commit.
    expect(execFileSync('git', ['--git-dir', path.join(tmp, 'pages.git'), 'rev-list', '--count', 'main'], { encoding: 'utf8' }).trim()).toBe('1');
    console.log(first.stdout.slice(first.stdout.lastIndexOf('Mål')));
  });

  it('shows a progress line per target for each step, and ships verify.sh in the signed release', () => {
    for (const t of targets) {
      expect(first.stdout).toMatch(new RegExp(`^${t.name}\\s+resurser \\d+/\\d+$`, 'm'));
      expect(first.stdout).toMatch(new RegExp(`^${t.name}\\s+sidor \\d+/\\d+$`, 'm'));
      expect(first.stdout).toMatch(new RegExp(`^${t.name}\\s+signatur 0/2$`, 'm'));
      expect(first.stdout).toMatch(new RegExp(`^${t.name}\\s+klart: \\d+ skickade`, 'm'));
    }
    const sums = readFileSync(path.join(releases(releaseDir)[0]!, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/^[0-9a-f]{64} {2}verify\.sh$/m);
  });

  it('npm run verify says each target is genuine', async () => {
    for (const t of targets) {
      const r = await verify(t.url);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^ÄKTA: ${t.url} är releasen från \\S+ \\(\\d+ filer\\)`, 'm'));
    }
  });

  it('the authenticity page lists every mirror and shows the verify commands, in all four languages', async () => {
    for (const lang of ['', 'en/', 'fi/', 'fit/']) {
      const html = await (await fetch(`${targets[1]!.url}${lang}akta/`)).text();
      for (const t of targets) expect(html, lang).toContain(`<a href="${t.url}">${t.url}</a>`);
      expect(html).toContain(`sh verify.sh -P ${keyLine} https://fixture.example.org/`);
      expect(html).toContain(`npm run verify -- https://fixture.example.org/ --key ${keyLine}`);
    }
    const sv = await (await fetch(`${targets[0]!.url}akta/`)).text();
    expect(sv).toContain('Samma webbplats på andra adresser');
    expect(sv).toContain(`<span>Huvudservern: </span><a href="${targets[0]!.url}">`);
    expect(sv).toContain('inte från den webbplats du vill kontrollera. <a href="/verify.sh">verify.sh</a>');
    expect(await (await fetch(`${targets[0]!.url}en/akta/`)).text()).toContain('<span>The main server: </span><a href');
    expect(await (await fetch(`${targets[0]!.url}fit/akta/`)).text()).toContain('Sama sivu muissa osotheissa');
  });

  describe.each(['mapp', 'sftp', 'pages'])('tampering with what %s serves', (name) => {
    const target = () => targets.find((t) => t.name === name)!;
    const original = (rel: string) => path.join(releases(releaseDir)[0]!, 'site', rel);

    it('one changed byte in a page: verify fails and names the file', async () => {
      const file = path.join(target().served, 'bulletiner/2022-05-20-sommar/index.html');
      const bytes = readFileSync(file);
      bytes[bytes.indexOf('Lönerna')] = 'M'.charCodeAt(0);
      writeFileSync(file, bytes);
      const r = await verifyOutput(target().url);
      cpSync(original('bulletiner/2022-05-20-sommar/index.html'), file);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^ {2}ändrad +bulletiner\/2022-05-20-sommar\/index\.html$/m);
      expect(r.stdout).toMatch(/^INTE ÄKTA: .*1 ändrad \(/m);
    });

    it('an added page, linked from a page: verify reports it as unlisted', async () => {
      const page = path.join(target().served, 'kontakt/index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<a href="../logga-in/">Logga in med BankID</a></main>'));
      mkdirSync(path.join(target().served, 'logga-in'));
      writeFileSync(path.join(target().served, 'logga-in/index.html'), '<form action="https://evil.example/">');
      const r = await verifyOutput(target().url);
      cpSync(original('kontakt/index.html'), page);
      rmSync(path.join(target().served, 'logga-in'), { recursive: true });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^ {2}olistad +logga-in\/index\.html \(länkas från kontakt\/index\.html\)$/m);
      expect(r.stdout).toMatch(/^ {2}ändrad +kontakt\/index\.html$/m);
    });

    it('a deleted listed file: verify reports it missing', async () => {
      const file = path.join(target().served, 'rss.xml');
      renameSync(file, `${file}.away`);
      const r = await verifyOutput(target().url);
      renameSync(`${file}.away`, file);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^ {2}saknas +rss\.xml$/m);
    });

    it('a replaced SHA256SUMS: the signature fails', async () => {
      const sums = path.join(target().served, 'SHA256SUMS');
      const text = readFileSync(sums, 'utf8');
      // An attacker who changed a page lists its new hash: the signature no longer covers the list.
      writeFileSync(sums, text.replace(/^[0-9a-f]{64}(?= {2}index\.html$)/m, 'f'.repeat(64)));
      const r = await verifyOutput(target().url);
      writeFileSync(sums, text);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^INTE ÄKTA: signaturen på \S+SHA256SUMS stämmer inte med nyckel [0-9A-F]+ \(signaturen hör inte till filen\)\.$/m);
    });

    it('is genuine again once repaired', async () => {
      expect((await verifyOutput(target().url)).code).toBe(0);
    });
  });

  describe('when things go wrong', () => {
    it('a target whose server is down: publish reports it, still publishes the others, and exits 1', async () => {
      await sftp.stop();
      // Release B: a new bulletin with a new image, so assets, pages and the search index change.
      cpSync(path.join(content, 'bulletins/images/karta.png'), path.join(content, 'bulletins/images/karta-ny.png'));
      writeFileSync(
        path.join(content, 'bulletins/2022-05-30-ny-karta.md'),
        '---\ntitle: Ny karta över vattenposterna\npublished: 2022-05-30T10:00\nsummary: Kartan visar var vattenposterna står.\n---\n![Karta över vattenposterna](images/karta-ny.png)\n',
      );
      const down = await publish();
      expect(down.code, down.stdout + down.stderr).toBe(1);
      const [a, b] = releases(releaseDir);
      const dateB = /date:(\S+)/.exec(readFileSync(path.join(b!, 'SHA256SUMS.minisig'), 'utf8'))![1]!;
      const dateA = /date:(\S+)/.exec(readFileSync(path.join(a!, 'SHA256SUMS.minisig'), 'utf8'))![1]!;
      const rows = table(down.stdout);
      expect(rows.get('mapp')?.slice(2)).toEqual([dateB, expect.any(String), 'ja']);
      expect(rows.get('pages')?.slice(2)).toEqual([dateB, expect.any(String), 'ja']);
      // nginx still serves the old release from the SFTP server's folder: genuine, but not the new one.
      expect(rows.get('sftp')?.slice(2)).toEqual([dateA, expect.any(String), 'nej: visar en annan release']);
      expect(down.stdout).toMatch(/^sftp\s+MISSLYCKADES: /m);
      expect(down.stderr).toContain('FEL Uppladdningen till sftp misslyckades:');
      expect(down.stderr).toContain('kör npm run publish igen');
    });

    it('a publish killed during the upload leaves every target old, new, or reported file by file; the next publish repairs it', async () => {
      await sftp.start();
      const [a, b] = releases(releaseDir);
      // Slow the SFTP uploads down (rclone reads its flags from the environment) so the kill lands mid-phase.
      const child = spawn(TSX, [path.join(ROOT, 'scripts/publish.ts'), '--release', b!], {
        cwd: ROOT,
        env: { ...process.env, ...env, RCLONE_BWLIMIT: '40k' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no pages phase for sftp:\n${out}`)), 120_000);
        child.stdout.setEncoding('utf8').on('data', (s: string) => {
          out += s;
          // Some of the pages are on their way: kill publish and its rclone, as a power cut would.
          if (/^sftp\s+sidor 0\/\d+$/m.test(out)) {
            clearTimeout(timer);
            setTimeout(() => (process.kill(-child.pid!, 'SIGKILL'), resolve()), 1500);
          }
        });
      });
      await exited;

      const key = parsePublicKey(readFileSync(path.join(content, 'minisign.pub'), 'utf8'));
      const between = differing(a!, b!);
      const sumsA = readFileSync(path.join(a!, 'site/SHA256SUMS'), 'utf8');
      const sumsB = readFileSync(path.join(b!, 'site/SHA256SUMS'), 'utf8');
      for (const t of targets) {
        const r = await verifyRelease(httpSource(t.url), key);
        // The signature always holds (SHA256SUMS and its signature go up last, together) …
        expect(r.failure, t.name).toBeUndefined();
        if (r.ok) expect([sumsA, sumsB], t.name).toContain(r.sums);
        else {
          // … and what differs is named, file by file, and is exactly what the two releases differ in.
          const named = [...r.changed, ...r.missing, ...r.unlisted.map((u) => u.path)];
          expect(named.length, t.name).toBeGreaterThan(0);
          for (const f of named) expect(between, `${t.name}: ${f}`).toContain(f);
        }
      }
      const sftpNow = await verifyRelease(httpSource(targets[1]!.url), key);
      console.log(`after the kill, sftp: ${sftpNow.ok ? 'a whole release' : `${sftpNow.changed.length} changed, ${sftpNow.missing.length} missing, ${sftpNow.unlisted.length} unlisted`}`);

      const repair = await publish(['--release', b!]);
      expect(repair.code, repair.stdout + repair.stderr).toBe(0);
      for (const [, cells] of table(repair.stdout)) expect(cells.at(-1)).toBe('ja');
      for (const t of targets) expect((await verifyRelease(httpSource(t.url), key)).sums).toBe(sumsB);
      // Files of release A that B no longer has (the search index's old fragments) are gone.
      const listedB = parseSums(sumsB).map((e) => e.name);
      for (const t of targets) {
        const there = listFiles(t.served).filter((f) => !['SHA256SUMS', 'SHA256SUMS.minisig', '.nojekyll'].includes(f));
        expect(there, t.name).toEqual(listedB);
      }
      expect([...between].some((f) => !listedB.includes(f)), 'B removes files of A').toBe(true);
    });
  });
});
