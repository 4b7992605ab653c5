// Signed releases: `npm run keygen` then `npm run package`, checked with the real tools a
// journalist would use (minisign, sha256sum), and broken on purpose to see them refuse.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBuildRecord } from '../src/lib/build/build-record.ts';
import { checkSums, listFiles } from '../src/lib/release/checksums.ts';
import { formatPublicKey, formatSecretKey, generateKey, keyIdOf, parsePublicKey, parseSecretKey, publicKeyLine, signMessage, verifyMessage } from '../src/lib/release/minisign.ts';
import { ROOT, runScript, tempDir } from './helpers/build.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8' });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

/** A small built site: nested pages, a binary file, a name with a space, and the build's record. */
function fakeSite(dir: string): string {
  mkdirSync(path.join(dir, 'bulletiner/x'), { recursive: true });
  mkdirSync(path.join(dir, 'media'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Start</title><p>Vattnet går att dricka.</p>');
  writeFileSync(path.join(dir, 'bulletiner/x/index.html'), '<!doctype html><title>X</title>');
  writeFileSync(path.join(dir, 'media/bild.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251]));
  writeFileSync(path.join(dir, 'media/med mellanslag.txt'), 'text');
  // Every built site carries verify.sh (public/), the script package tells people to check it with.
  cpSync(path.join(ROOT, 'public/verify.sh'), path.join(dir, 'verify.sh'));
  // package signs only what a build wrote: the build's record of its files (build-record.ts).
  writeBuildRecord(dir, { now: '2022-06-01T12:00:00.000Z', clock: '--now' });
  return dir;
}

function flipByte(file: string): void {
  const bytes = readFileSync(file);
  const i = Math.floor(bytes.length / 2);
  bytes[i] = bytes[i]! ^ 0x01;
  writeFileSync(file, bytes);
}

describe('keygen → package → minisign', () => {
  let home: string;
  let content: string;
  let site: string;
  let release: string;
  let keygen: Awaited<ReturnType<typeof runScript>>;
  let pack: Awaited<ReturnType<typeof runScript>>;

  beforeAll(async () => {
    const tmp = tempDir('krisinfo-publish-');
    home = path.join(tmp, 'home');
    content = path.join(tmp, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    // The fixture has a public key of its own (for the authenticity page); this test makes a new pair.
    rmSync(path.join(content, 'minisign.pub'));
    site = fakeSite(path.join(tmp, 'dist'));
    release = path.join(tmp, 'release');
    const env = { HOME: home, KRISINFO_CONTENT: content, KRISINFO_SECRET_KEY: undefined };
    keygen = await runScript('keygen.ts', ['--without-password'], env);
    pack = await runScript('package.ts', ['--site', site, '--out', release], env);
  }, 120_000);

  it('writes the secret key outside the project, readable by its owner only, and the public key into content/', () => {
    expect(keygen.code, keygen.stderr).toBe(0);
    const secret = path.join(home, '.krisinfo/minisign.key');
    expect(statSync(secret).mode & 0o077).toBe(0);
    const pub = readFileSync(path.join(content, 'minisign.pub'), 'utf8');
    expect(pub).toMatch(/^untrusted comment: minisign public key [0-9A-F]+\nRW[A-Za-z0-9+/]{54}\n$/);
    // The id keygen prints is the one in the file, and the one minisign shows.
    expect(keygen.stdout).toContain(keyIdOf(parsePublicKey(pub).keyNum));
  });

  it('signs SHA256SUMS so that `minisign -Vm SHA256SUMS -p minisign.pub` verifies it', () => {
    expect(pack.code, pack.stderr).toBe(0);
    const r = run('minisign', ['-Vm', 'SHA256SUMS', '-p', path.join(content, 'minisign.pub')], path.join(release, 'site'));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Signature and comment signature verified');
    expect(r.out).toContain('site:https://fixture.example.org/');
    // The same with the key pasted inline, as a journalist would from the official channels.
    const line = publicKeyLine(parsePublicKey(readFileSync(path.join(content, 'minisign.pub'), 'utf8')));
    expect(run('minisign', ['-Vm', 'SHA256SUMS', '-P', line], release).code).toBe(0);
  });

  it('lists every file of the site, and `sha256sum -c` accepts them all', () => {
    const sums = readFileSync(path.join(release, 'site/SHA256SUMS'), 'utf8');
    expect(sums.trim().split('\n').map((l) => l.slice(66)).sort()).toEqual(listFiles(site));
    const r = run('sha256sum', ['-c', 'SHA256SUMS'], path.join(release, 'site'));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('media/med mellanslag.txt: OK');
  });

  it('puts the whole signed site in site.zip', () => {
    const files = unzipSync(readFileSync(path.join(release, 'site.zip')));
    expect(Object.keys(files).sort()).toEqual(listFiles(path.join(release, 'site')));
    expect(Buffer.from(files['media/bild.jpg']!).equals(readFileSync(path.join(site, 'media/bild.jpg')))).toBe(true);
    expect(Buffer.from(files['SHA256SUMS.minisig']!).toString()).toBe(readFileSync(path.join(release, 'SHA256SUMS.minisig'), 'utf8'));
  });

  it('a site file changed by one byte fails `sha256sum -c`, naming the file', () => {
    const copy = path.join(tempDir(), 'site');
    cpSync(path.join(release, 'site'), copy, { recursive: true });
    flipByte(path.join(copy, 'bulletiner/x/index.html'));
    const r = run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], copy);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('bulletiner/x/index.html: FAILED');
    // Our checker says the same, and also notices a page nobody signed.
    writeFileSync(path.join(copy, 'inloggning.html'), '<form>');
    const check = checkSums(copy, readFileSync(path.join(copy, 'SHA256SUMS'), 'utf8'));
    expect(check).toMatchObject({ ok: false, changed: ['bulletiner/x/index.html'], extra: ['inloggning.html'] });
  });

  it('SHA256SUMS changed by one byte fails `minisign -V`', () => {
    const copy = tempDir();
    for (const f of ['SHA256SUMS', 'SHA256SUMS.minisig']) cpSync(path.join(release, f), path.join(copy, f));
    flipByte(path.join(copy, 'SHA256SUMS'));
    const r = run('minisign', ['-Vm', 'SHA256SUMS', '-p', path.join(content, 'minisign.pub')], copy);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/verification failed/i);
  });

  // Before the fix the closing hint was `minisign -Vm SHA256SUMS -P … && sha256sum -c SHA256SUMS`,
  // which passes when a file has been added to the folder.
  it('ends with commands that check every file, which work as printed; minisign alone only as the signature', () => {
    const lines = pack.stdout.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('Så kontrollerar vem som helst releasen, varje fil och att ingen har lagts till'));
    expect(at).toBeGreaterThan(0);
    const [script, node, caveat, signature, ...rest] = lines.slice(at + 1).map((l) => l.trim());
    const siteDir = path.join(release, 'site');
    const key = publicKeyLine(parsePublicKey(readFileSync(path.join(content, 'minisign.pub'), 'utf8')));
    expect(script).toBe(`sh ${siteDir}/verify.sh -P ${key} ${siteDir}`);
    expect(node).toBe(`npm run verify -- ${siteDir} --key ${key}`);
    expect(caveat).toBe('Bara signaturen (visar inte ändrade eller tillagda filer):');
    expect(signature).toBe(`minisign -Vm SHA256SUMS -P ${key}`);
    expect(rest).toEqual([]);
    expect(pack.stdout).not.toContain('sha256sum -c');
    // Both commands, run as printed, find the release genuine, and catch a page added to it.
    for (const command of [script!, node!]) {
      const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      expect(r.status, command + r.stdout + r.stderr).toBe(0);
    }
    const copy = path.join(tempDir(), 'site');
    cpSync(siteDir, copy, { recursive: true });
    writeFileSync(path.join(copy, 'logga-in.html'), '<form>');
    for (const command of [script!, node!]) {
      const r = spawnSync('sh', ['-c', command.replaceAll(` ${siteDir}`, ` ${copy}`)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      expect(r.status, command).toBe(1);
      expect(r.stdout, command).toContain('logga-in.html');
    }
  }, 60_000);

  it('refuses to write a release over an existing one', async () => {
    const again = await runScript('package.ts', ['--site', site, '--out', release], { HOME: home, KRISINFO_CONTENT: content });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('skrivs aldrig över');
  });
});

describe('where the keys may go', () => {
  it('keygen refuses a secret key inside the project, content/ or the output', async () => {
    const tmp = tempDir();
    for (const secret of [path.join(ROOT, 'secret.key'), path.join(tmp, 'content/x.key'), path.join(ROOT, 'dist/x.key')]) {
      const r = await runScript('keygen.ts', ['--without-password', '--secret-key', secret, '--public-key', path.join(tmp, 'p.pub')], {
        KRISINFO_CONTENT: path.join(tmp, 'content'),
      });
      expect(r.code, secret).not.toBe(0);
      expect(r.stderr).toContain('får inte sparas');
      expect(existsSync(secret)).toBe(false);
    }
  });

  it('package refuses a secret key that does not belong to the public key', async () => {
    const tmp = tempDir();
    writeFileSync(path.join(tmp, 'minisign.pub'), formatPublicKey(generateKey()));
    writeFileSync(path.join(tmp, 'other.key'), formatSecretKey(generateKey()));
    const r = await runScript('package.ts', ['--site', fakeSite(path.join(tmp, 'dist')), '--out', path.join(tmp, 'rel'), '--secret-key', path.join(tmp, 'other.key'), '--public-key', path.join(tmp, 'minisign.pub')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('hör inte till');
    expect(existsSync(path.join(tmp, 'rel'))).toBe(false);
  });
});

describe('minisign compatibility of the key files', () => {
  // Small scrypt limits keep the test fast; minisign reads the limits from the file.
  const limits = { ops: 1n << 20n, mem: 1n << 24n };

  it('minisign signs with our password-encrypted secret key, and package unlocks it with the password', async () => {
    const tmp = tempDir();
    const key = generateKey();
    writeFileSync(path.join(tmp, 'minisign.pub'), formatPublicKey(key));
    writeFileSync(path.join(tmp, 'enc.key'), formatSecretKey(key, 'rätt lösenord', limits));
    writeFileSync(path.join(tmp, 'msg'), 'hej');
    const signed = run('minisign', ['-S', '-s', 'enc.key', '-m', 'msg'], tmp, 'rätt lösenord\n');
    expect(signed.code, signed.out).toBe(0);
    expect(run('minisign', ['-Vm', 'msg', '-p', 'minisign.pub'], tmp).code).toBe(0);
    expect(run('minisign', ['-S', '-s', 'enc.key', '-m', 'msg', '-x', 'bad.minisig'], tmp, 'fel\n').code).not.toBe(0);
    expect(() => parseSecretKey(readFileSync(path.join(tmp, 'enc.key'), 'utf8'), 'fel')).toThrow(/wrong password/);

    const args = ['--site', fakeSite(path.join(tmp, 'dist')), '--secret-key', path.join(tmp, 'enc.key'), '--public-key', path.join(tmp, 'minisign.pub')];
    const wrong = await runScript('package.ts', [...args, '--out', path.join(tmp, 'r1')], {}, 'fel\n');
    expect(wrong.code).not.toBe(0);
    const right = await runScript('package.ts', [...args, '--out', path.join(tmp, 'r2')], {}, 'rätt lösenord\n');
    expect(right.code, right.stderr).toBe(0);
    expect(run('minisign', ['-Vm', 'SHA256SUMS', '-p', path.join(tmp, 'minisign.pub')], path.join(tmp, 'r2')).code).toBe(0);
  }, 60_000);

  it('reads a key pair made by minisign itself, and minisign accepts what we sign with it', () => {
    const tmp = tempDir();
    const gen = run('minisign', ['-G', '-W', '-p', 'm.pub', '-s', 'm.key'], tmp);
    expect(gen.code, gen.out).toBe(0);
    const sk = parseSecretKey(readFileSync(path.join(tmp, 'm.key'), 'utf8'));
    const pk = parsePublicKey(readFileSync(path.join(tmp, 'm.pub'), 'utf8'));
    writeFileSync(path.join(tmp, 'msg'), 'hej');
    writeFileSync(path.join(tmp, 'msg.minisig'), signMessage(Buffer.from('hej'), sk, { trustedComment: 'test' }));
    expect(run('minisign', ['-Vm', 'msg', '-p', 'm.pub'], tmp).code).toBe(0);
    // And our verifier accepts minisign's own signatures.
    expect(run('minisign', ['-S', '-W', '-s', 'm.key', '-m', 'msg', '-x', 'theirs.minisig'], tmp).code).toBe(0);
    expect(verifyMessage(Buffer.from('hej'), readFileSync(path.join(tmp, 'theirs.minisig'), 'utf8'), pk).ok).toBe(true);
    expect(verifyMessage(Buffer.from('hej!'), readFileSync(path.join(tmp, 'theirs.minisig'), 'utf8'), pk).ok).toBe(false);
  });
});
