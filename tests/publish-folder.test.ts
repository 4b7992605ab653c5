// `npm run publish --release` to folder targets without a web server (a USB stick, a share): the
// copy is checked on disk, a second release removes what the site no longer has, and the refusals
// that protect the officer: a folder of somebody else's files, an unplugged stick, a wrong name.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBuildRecord } from '../src/lib/build/build-record.ts';
import { listFiles, parseSums } from '../src/lib/release/checksums.ts';
import { ROOT, runScript, tempDir } from './helpers/build.ts';

function fakeSite(dir: string, extra: Record<string, string> = {}): string {
  mkdirSync(path.join(dir, 'bulletiner/gammal'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Start</title><a href="bulletiner/gammal/">Gammal</a>');
  writeFileSync(path.join(dir, 'bulletiner/gammal/index.html'), '<!doctype html><title>Gammal</title>');
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  // package signs only what a build recorded (build-record.ts): the record a build would write.
  writeBuildRecord(dir, { now: '2022-06-01T12:00:00.000Z', clock: '--now' });
  return dir;
}

describe('publish --release to folders', () => {
  let tmp: string;
  let content: string;
  let env: Record<string, string>;
  let first: string;
  let second: string;

  const writeTargets = (targets: string) => writeFileSync(path.join(content, 'publish.yaml'), targets);
  const publish = (args: string[]) => runScript('publish.ts', args, env);

  beforeAll(async () => {
    tmp = tempDir('krisinfo-publish-folder-');
    content = path.join(tmp, 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
    // The fixture carries a public key whose secret half was thrown away: make a pair of our own.
    rmSync(path.join(content, 'minisign.pub'), { force: true });
    env = { HOME: path.join(tmp, 'home'), KRISINFO_CONTENT: content };
    expect((await runScript('keygen.ts', ['--without-password'], env)).code).toBe(0);
    first = path.join(tmp, 'release/1');
    second = path.join(tmp, 'release/2');
    expect((await runScript('package.ts', ['--site', fakeSite(path.join(tmp, 'dist1')), '--out', first], env)).code).toBe(0);
    // The second release no longer has the old bulletin, and has a new one.
    const dist2 = fakeSite(path.join(tmp, 'dist2'), { 'bulletiner/ny/index.html': '<!doctype html><title>Ny</title>' });
    rmSync(path.join(dist2, 'bulletiner/gammal'), { recursive: true });
    writeBuildRecord(dist2, { now: '2022-06-02T12:00:00.000Z', clock: '--now' });
    expect((await runScript('package.ts', ['--site', dist2, '--out', second], env)).code).toBe(0);
  }, 120_000);

  it('copies a release into a folder, checks it on disk, and a later release removes what is gone', async () => {
    const usb = path.join(tmp, 'usb/krisinfo');
    mkdirSync(usb, { recursive: true });
    writeFileSync(path.join(usb, '.htaccess'), 'Header always set X-Frame-Options DENY\n');
    writeTargets(`- name: usb\n  folder: ${usb}\n`);
    const r1 = await publish(['--release', first]);
    expect(r1.code, r1.stdout + r1.stderr).toBe(0);
    // Three files: the two pages and the build's record.
    expect(r1.stdout).toMatch(new RegExp(`^usb\\s+\\(mappen\\) ${usb}\\s+\\S+Z\\s+3\\s+ja$`, 'm'));

    const r2 = await publish(['--release', second]);
    expect(r2.code, r2.stdout + r2.stderr).toBe(0);
    expect(r2.stdout).toMatch(/^usb\s+klart: \d+ skickade, 1 borttagna/m);
    const listed = parseSums(readFileSync(path.join(second, 'SHA256SUMS'), 'utf8')).map((e) => e.name);
    // The old bulletin and its now empty folder are gone; the host's .htaccess stays.
    expect(listFiles(usb)).toEqual(['.htaccess', ...listed, 'SHA256SUMS', 'SHA256SUMS.minisig'].sort((x, y) => (x < y ? -1 : 1)));
    expect(existsSync(path.join(usb, 'bulletiner/gammal'))).toBe(false);
  });

  it('leaves a folder of other files alone, and says why', async () => {
    const home = path.join(tmp, 'dokument');
    mkdirSync(home);
    writeFileSync(path.join(home, 'lönelista.xlsx'), 'x');
    writeTargets(`- name: fel-mapp\n  folder: ${home}\n`);
    const r = await publish(['--release', first]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fel-mapp innehåller redan filer som inte hör till webbplatsen (t.ex. lönelista.xlsx)');
    expect(listFiles(home)).toEqual(['lönelista.xlsx']);
  });

  it('does not make a folder where a USB stick is not plugged in', async () => {
    writeTargets(`- name: usb\n  folder: ${path.join(tmp, 'media/usb/krisinfo')}\n`);
    const r = await publish(['--release', first]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Uppladdningen till usb misslyckades: mappen ${path.join(tmp, 'media/usb')} finns inte (är disken eller USB-minnet anslutet?)`);
    expect(existsSync(path.join(tmp, 'media'))).toBe(false);
  });

  it('refuses an unknown target, a folder that is not a release, and a missing publish.yaml', async () => {
    writeTargets(`- name: usb\n  folder: ${path.join(tmp, 'usb2')}\n`);
    const unknown = await publish(['--release', first, '--only', 'reserv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('FEL --only: Inget mål heter "reserv".');
    const notRelease = await publish(['--release', path.join(tmp, 'dist1')]);
    expect(notRelease.code).toBe(2);
    expect(notRelease.stderr).toContain(`${path.join(tmp, 'dist1')} är ingen release: site/SHA256SUMS eller site/SHA256SUMS.minisig saknas.`);
    rmSync(path.join(content, 'publish.yaml'));
    const none = await publish(['--release', first]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Det finns inga mål att publicera till: \S*publish\.yaml saknas eller är tom\./);
  });
});

// Before the fix publish built first and looked for the key afterwards: with no key it printed
// "Klart", replaced dist/, and only then said the key was missing, in Swedish even with --lang en.
describe('publish checks the key pair, and its password, before it builds', () => {
  let tmp: string;
  let content: string;
  let out: string;
  let env: Record<string, string>;
  const publicKey = () => path.join(content, 'minisign.pub');
  const publish = (args: string[] = [], input?: string) => runScript('publish.ts', ['--out', out, ...args], env, input);
  /** Nothing was built: no output folder, no "Klart", no release. */
  const builtNothing = (r: { stdout: string }) => {
    expect(r.stdout).not.toMatch(/^(Klart|Done): /m);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(tmp, 'release'))).toBe(false);
  };

  beforeAll(() => {
    tmp = tempDir('krisinfo-publish-keys-');
    content = path.join(tmp, 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
    rmSync(publicKey(), { force: true });
    writeFileSync(path.join(content, 'publish.yaml'), `- name: usb\n  folder: ${path.join(tmp, 'usb')}\n`);
    out = path.join(tmp, 'dist');
    env = { HOME: path.join(tmp, 'home'), KRISINFO_CONTENT: content, KRISINFO_RELEASES: path.join(tmp, 'release') };
  });

  it('no public key: says so in the chosen language, and builds nothing', async () => {
    const [sv, en] = await Promise.all([publish(), publish(['--lang', 'en'])]);
    expect(sv.code).toBe(1);
    expect(sv.stderr).toContain(`FEL Den publika nyckeln ${publicKey()} saknas.\n    → Skapa ett nyckelpar med npm run keygen.`);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`ERROR The public key ${publicKey()} is missing.\n    → Make a key pair with npm run keygen.`);
    expect(en.stderr + en.stdout).not.toMatch(/saknas|FEL/);
    builtNothing(sv);
    builtNothing(en);
  });

  it('no secret key, or a secret key of another pair: says so, and builds nothing', async () => {
    const other = path.join(tmp, 'other.key');
    expect((await runScript('keygen.ts', ['--without-password', '--secret-key', other, '--public-key', path.join(tmp, 'other.pub')], env)).code).toBe(0);
    expect((await runScript('keygen.ts', ['--without-password'], env)).code).toBe(0);
    rmSync(path.join(tmp, 'home/.krisinfo/minisign.key'));
    const none = await publish();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`FEL Den hemliga nyckeln ${path.join(tmp, 'home/.krisinfo/minisign.key')} saknas.`);
    builtNothing(none);
    const mismatch = await publish(['--secret-key', other]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/FEL Den hemliga nyckeln \(id [0-9A-F]+\) hör inte till \S+minisign\.pub \(id [0-9A-F]+\)/);
    builtNothing(mismatch);
  }, 60_000);

  it('a key with a password: asks for it first, and a wrong one stops publish before the build', async () => {
    expect((await runScript('keygen.ts', ['--force'], env, 'rätt lösen\nrätt lösen\n')).code).toBe(0);
    const wrong = await publish(['--lang', 'en'], 'fel lösen\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('ERROR Wrong password for the secret key. Nothing was written.');
    builtNothing(wrong);
  }, 60_000);

  it('npm run verify: a key file that does not exist is named, in English without Swedish words', async () => {
    const missing = path.join(tmp, 'saknad.pub');
    const r = await runScript('verify.ts', [path.join(tmp, 'usb'), '--key-file', missing, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ERROR --key-file: The public key ${missing} does not exist.\n    → Give the key from the municipality’s official channels with --key RW… or --key-file FILE.\n`);
    const bad = await runScript('verify.ts', [path.join(tmp, 'usb'), '--key', 'RWnotakey', '--lang', 'en']);
    expect(bad.stderr).toContain('ERROR --key: The public key in --key cannot be read: it is not a minisign key (RW…).');
  });
});
