// verify.sh, the check for people without Node, run by /bin/sh with the real curl, minisign and
// sha256sum against a release served by nginx and against a folder; and what the documented
// `minisign -Vm SHA256SUMS && sha256sum -c SHA256SUMS` misses (an added file), which it catches.
// Also `package` refusing a site folder with a secret key in it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type RunningNginx } from '../src/lib/bench/nginx.ts';
import { writeBuildRecord } from '../src/lib/build/build-record.ts';
import { generateKey, parsePublicKey, parseSecretKey, publicKeyLine, signMessage } from '../src/lib/release/minisign.ts';
import { ROOT, runScript, tempDir } from './helpers/build.ts';

const VERIFY_SH = path.join(ROOT, 'public/verify.sh');

function sh(args: string[], cwd?: string) {
  const r = spawnSync('sh', [VERIFY_SH, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

/** A small built site: pages that link to each other, an image, a name with a space, verify.sh. */
function fakeSite(dir: string): string {
  mkdirSync(path.join(dir, 'bulletiner/vatten'), { recursive: true });
  mkdirSync(path.join(dir, 'media'), { recursive: true });
  mkdirSync(path.join(dir, 'akta'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Start</title><a href="/bulletiner/vatten/">Vatten</a> <a href="akta/">Äkta?</a> <img src="/media/med%20mellanslag.jpg" alt="">');
  writeFileSync(path.join(dir, 'bulletiner/vatten/index.html'), '<!doctype html><title>Vatten</title><p>Vattnet går att dricka.</p><a href="../../">Start</a>');
  writeFileSync(path.join(dir, 'akta/index.html'), '<!doctype html><title>Äkta?</title><a href="../verify.sh">verify.sh</a>');
  writeFileSync(path.join(dir, 'media/med mellanslag.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251]));
  cpSync(VERIFY_SH, path.join(dir, 'verify.sh'));
  // package signs only what a build recorded (build-record.ts): the record a build would write.
  writeBuildRecord(dir, { now: '2022-06-01T12:00:00.000Z', clock: '--now' });
  return dir;
}

describe('verify.sh', () => {
  let tmp: string;
  let site: string;
  let served: string;
  let key: string;
  let pubFile: string;
  let env: Record<string, string>;
  let nginx: RunningNginx;
  let url: string;

  beforeAll(async () => {
    tmp = tempDir('krisinfo-verify-sh-');
    const content = path.join(tmp, 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
    // The fixture carries a public key whose secret half was thrown away: make a pair of our own.
    rmSync(path.join(content, 'minisign.pub'), { force: true });
    env = { HOME: path.join(tmp, 'home'), KRISINFO_CONTENT: content };
    expect((await runScript('keygen.ts', ['--without-password'], env)).code).toBe(0);
    pubFile = path.join(content, 'minisign.pub');
    key = publicKeyLine(parsePublicKey(readFileSync(pubFile, 'utf8')));
    const pack = await runScript('package.ts', ['--site', fakeSite(path.join(tmp, 'dist')), '--out', path.join(tmp, 'release')], env);
    expect(pack.code, pack.stderr).toBe(0);
    site = path.join(tmp, 'release/site');
    served = path.join(tmp, 'www');
    cpSync(site, served, { recursive: true });
    nginx = await startNginx([served]);
    url = nginx.urls[0]!;
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
  });

  /** Runs `change` on the served copy, checks it, and puts the release back. */
  function onServed(change: (dir: string) => void) {
    change(served);
    const r = sh(['-P', key, url]);
    rmSync(served, { recursive: true });
    cpSync(site, served, { recursive: true });
    return r;
  }

  it('says a genuine site is genuine, with the release time and file count', () => {
    const r = sh(['-P', key, url]);
    expect(r.code, r.out).toBe(0);
    // Six files: four of the site, verify.sh and the build's record.
    expect(r.out).toMatch(/^GENUINE \/ ÄKTA: http:\/\/127\.0\.0\.1:\d+\/ is the release of \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(6 files\)/m);
    // And a folder (an unpacked site.zip), with the key as a file.
    expect(sh(['-p', pubFile, site]).code).toBe(0);
  });

  it('names a file with one changed byte', () => {
    const r = onServed((d) => appendFileSync(path.join(d, 'bulletiner/vatten/index.html'), ' '));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}changed +bulletiner\/vatten\/index\.html$/m);
    expect(r.out).toMatch(/^NOT GENUINE \/ INTE ÄKTA: /m);
  });

  it('names a missing file, even one with a space in its name', () => {
    const r = onServed((d) => rmSync(path.join(d, 'media/med mellanslag.jpg')));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}missing +media\/med mellanslag\.jpg$/m);
  });

  it('names an added page that a page links to', () => {
    const r = onServed((d) => {
      appendFileSync(path.join(d, 'akta/index.html'), '<a href="../logga-in.html">Logga in</a>');
      writeFileSync(path.join(d, 'logga-in.html'), '<form>');
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}unlisted +logga-in\.html \(linked from akta\/index\.html\)$/m);
    expect(r.out).toMatch(/^ {2}changed +akta\/index\.html$/m);
  });

  it('refuses a replaced SHA256SUMS and a key that is not the one that signed', () => {
    const r = onServed((d) => appendFileSync(path.join(d, 'SHA256SUMS'), `${'0'.repeat(64)}  logga-in.html\n`));
    expect(r.code).toBe(1);
    expect(r.out).toContain('NOT GENUINE / INTE ÄKTA: the signature of SHA256SUMS does not match the key');
    const other = sh(['-P', publicKeyLine(generateKey()), url]);
    expect(other.code).toBe(1);
    expect(other.out).toContain('the signature of SHA256SUMS does not match the key');
  });

  it('in a folder, finds the added file that `minisign -Vm && sha256sum -c` lets through', async () => {
    const copy = path.join(tempDir(), 'site');
    cpSync(site, copy, { recursive: true });
    writeFileSync(path.join(copy, 'inloggning.html'), '<form>');
    // The documented check passes …
    const documented = spawnSync('sh', ['-c', `minisign -Vm SHA256SUMS -P ${key} && sha256sum -c SHA256SUMS`], { cwd: copy, encoding: 'utf8' });
    expect(documented.status).toBe(0);
    // … verify.sh does not, and neither does npm run verify.
    const r = sh(['-P', key, copy]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}unlisted +inloggning\.html$/m);
    const n = await runScript('verify.ts', [copy, '--key', key]);
    expect(n.code).toBe(1);
    expect(n.stdout).toMatch(/^ {2}olistad +inloggning\.html$/m);
  });

  it('fails when SHA256SUMS lists another number of files than the signature says', () => {
    // A release signed with a comment whose files: is wrong (as a forged or broken release would be).
    const copy = path.join(tempDir(), 'site');
    cpSync(site, copy, { recursive: true });
    const secret = parseSecretKey(readFileSync(path.join(env.HOME!, '.krisinfo/minisign.key'), 'utf8'));
    writeFileSync(path.join(copy, 'SHA256SUMS.minisig'), signMessage(readFileSync(path.join(copy, 'SHA256SUMS')), secret, { trustedComment: 'files:7\tdate:2022-06-01T12:00:00Z' }));
    const r = sh(['-P', key, copy]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}count +the signature says 7 files, SHA256SUMS lists 6$/m);
  });

  it('says how to use it when the key or the place is missing', () => {
    expect(sh([url]).code).toBe(2);
    expect(sh(['-P', key]).out).toContain('Usage: sh verify.sh');
  });
});

describe('package refuses a site folder with a secret key in it', () => {
  it('names the file and writes no release', async () => {
    const tmp = tempDir();
    const content = path.join(tmp, 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
    // The fixture carries a public key whose secret half was thrown away: make a pair of our own.
    rmSync(path.join(content, 'minisign.pub'), { force: true });
    const env = { HOME: path.join(tmp, 'home'), KRISINFO_CONTENT: content };
    expect((await runScript('keygen.ts', ['--without-password'], env)).code).toBe(0);
    const dist = fakeSite(path.join(tmp, 'dist'));
    cpSync(path.join(tmp, 'home/.krisinfo/minisign.key'), path.join(dist, 'media/kopia.txt'));
    // As if the build had copied it from public/: recorded, so only the key scan can refuse it.
    writeBuildRecord(dist, { now: '2022-06-01T12:00:00.000Z', clock: '--now' });
    const r = await runScript('package.ts', ['--site', dist, '--out', path.join(tmp, 'release')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Webbplatsmappen innehåller en hemlig nyckel: \S*dist\/media\/kopia\.txt\./);
    expect(existsSync(path.join(tmp, 'release'))).toBe(false);
  });
});
