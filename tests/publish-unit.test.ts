// The pure parts of publish and verify: the upload order, which files differ, the links a page
// makes to files of the site, the release facts in the trusted comment, secret keys in a site
// folder, and verifyRelease on an in-memory site (the cases a real server cannot easily make).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sumLine } from '../src/lib/release/checksums.ts';
import { formatPublicKey, formatSecretKey, generateKey, signMessage } from '../src/lib/release/minisign.ts';
import { isSameFile, phaseOf, planUpload, type LocalFile, type RemoteFile } from '../src/lib/publish/plan.ts';
import { formatTable } from '../src/lib/publish/progress.ts';
import { containsSecretKey, findSecretKeys } from '../src/lib/publish/secret-key-scan.ts';
import { linksInHtml, siteFileOf } from '../src/lib/verify/links.ts';
import { differenceLines, verdictLine } from '../src/lib/verify/report.ts';
import type { Fetched, ReleaseSource } from '../src/lib/verify/sources.ts';
import { parseTrustedComment } from '../src/lib/verify/trusted-comment.ts';
import { verifyRelease } from '../src/lib/verify/verify-release.ts';
import { tempDir } from './helpers/build.ts';

function local(p: string, content: string): LocalFile {
  const h = (t: string) => createHash(t).update(content).digest('hex');
  return { path: p, size: Buffer.byteLength(content), hashes: { sha256: h('sha256'), md5: h('md5'), sha1: h('sha1') } };
}

describe('the upload plan', () => {
  it.each([
    ['index.html', 'pages'],
    ['bulletiner/x/index.html', 'pages'],
    ['rss.xml', 'pages'],
    ['status.json', 'pages'],
    ['pagefind/pagefind-entry.json', 'pages'],
    ['media/bild.234e1476-480.webp', 'assets'],
    ['pagefind/fragment/sv_1a2b.pf_fragment', 'assets'],
    ['pagefind/wasm.sv.pagefind', 'assets'],
    ['search-ui.js', 'assets'],
    ['SHA256SUMS', 'signature'],
    ['SHA256SUMS.minisig', 'signature'],
  ])('%s goes up with the %s', (file, phase) => {
    expect(phaseOf(file)).toBe(phase);
  });

  it('a file is the same only if a hash both sides know matches (and the size)', () => {
    const f = local('a.html', 'hej');
    expect(isSameFile(f, { path: 'a.html', size: 3, hashes: { md5: f.hashes.md5 } })).toBe(true);
    expect(isSameFile(f, { path: 'a.html', size: 3, hashes: { sha1: f.hashes.sha1.toUpperCase() } })).toBe(true);
    expect(isSameFile(f, { path: 'a.html', size: 3, hashes: { md5: local('a.html', 'hek').hashes.md5 } })).toBe(false);
    // A server that cannot hash (FTP, some WebDAV): same size proves nothing, so it is sent again.
    expect(isSameFile(f, { path: 'a.html', size: 3 })).toBe(false);
    expect(isSameFile(f, { path: 'a.html', size: 4, hashes: { md5: f.hashes.md5 } })).toBe(false);
  });

  it('sends new and changed files by phase, keeps the unchanged, removes what the site no longer has', () => {
    const release = [local('index.html', 'ny'), local('media/ny.jpg', 'bild'), local('media/gammal.jpg', 'same'), local('SHA256SUMS', 's2'), local('SHA256SUMS.minisig', 'g2')];
    const there: RemoteFile[] = [
      { path: 'index.html', size: 6, hashes: { sha256: local('index.html', 'gammal').hashes.sha256 } },
      { path: 'media/gammal.jpg', size: 4, hashes: { sha256: local('', 'same').hashes.sha256 } },
      { path: 'bulletiner/borttagen/index.html', size: 1 },
      { path: '.htaccess', size: 10 },
      { path: '.well-known/acme-challenge/abc', size: 10 },
      { path: 'SHA256SUMS', size: 2 },
      { path: 'SHA256SUMS.minisig', size: 2 },
    ];
    expect(planUpload(release, there)).toEqual({
      assets: ['media/ny.jpg'],
      pages: ['index.html'],
      signature: ['SHA256SUMS', 'SHA256SUMS.minisig'],
      remove: ['bulletiner/borttagen/index.html'],
      unchanged: 1,
      foreign: [],
    });
  });

  it('refuses a target that holds files of something else and no release (a wrong path)', () => {
    const plan = planUpload([local('index.html', 'x')], [{ path: 'index.html' }, { path: 'Documents/lön.xlsx' }]);
    expect(plan.foreign).toEqual(['Documents/lön.xlsx']);
    expect(plan.remove).toEqual([]);
  });

  it('accepts a target a first publish left half-done (only files of the release, no SHA256SUMS yet)', () => {
    const plan = planUpload([local('index.html', 'x'), local('media/a.jpg', 'a'), local('SHA256SUMS', 's')], [{ path: 'media/a.jpg', size: 1 }]);
    expect(plan.foreign).toEqual([]);
    expect(plan.assets).toEqual(['media/a.jpg']);
  });
});

describe('links of a page', () => {
  it('finds href, src, srcset and poster with a real parser, not in text or comments', () => {
    const html = `<!doctype html><link rel="icon" href="/favicon.svg"><p>href="/inte-en-länk/"</p><!-- <a href="/kommentar/"> -->
      <a href="../kontakt/">K</a><img src="media/a.jpg" srcset="media/a-480.webp 480w, media/a-640.webp 640w"><video poster="/p.jpg"></video>
      <template><a href="/mall/">m</a></template>`;
    expect(linksInHtml(html)).toEqual(['/favicon.svg', '../kontakt/', 'media/a.jpg', 'media/a-480.webp', 'media/a-640.webp', '/p.jpg', '/mall/']);
  });

  it.each([
    ['../kontakt/', 'https://s.example/akta/index.html', 'https://s.example/', 'kontakt/index.html'],
    ['/', 'https://s.example/akta/index.html', 'https://s.example/', 'index.html'],
    ['/media/a%20b.jpg?v=2#x', 'https://s.example/index.html', 'https://s.example/', 'media/a b.jpg'],
    ['https://s.example/rss.xml', 'https://s.example/index.html', 'https://s.example/', 'rss.xml'],
    ['/kalix/bulletiner/', 'https://s.example/kalix/index.html', 'https://s.example/kalix/', 'bulletiner/index.html'],
    ['/annan/', 'https://s.example/kalix/index.html', 'https://s.example/kalix/', undefined],
    ['https://www.facebook.com/kalix', 'https://s.example/index.html', 'https://s.example/', undefined],
    ['tel:112', 'https://s.example/index.html', 'https://s.example/', undefined],
    ['mailto:a@b.se', 'https://s.example/index.html', 'https://s.example/', undefined],
  ])('%s on %s is %s', (link, page, base, file) => {
    expect(siteFileOf(link, page, base)).toBe(file);
  });
});

describe('the trusted comment', () => {
  it('gives the release time, file count, address and sender', () => {
    expect(parseTrustedComment('timestamp:1654084800\tfile:SHA256SUMS\tsite:https://k.example/\tsender:Kalix kommun\tfiles:148\tdate:2022-06-01T12:00:00Z')).toEqual({
      date: '2022-06-01T12:00:00Z',
      files: 148,
      site: 'https://k.example/',
      sender: 'Kalix kommun',
    });
    // minisign's own default comment has only a timestamp.
    expect(parseTrustedComment('timestamp:1654084800\tfile:SHA256SUMS\thashed')).toEqual({ date: '2022-06-01T12:00:00Z' });
  });
});

describe('secret keys in a site folder', () => {
  it('finds a minisign secret key, encrypted or not, under any name, and not a public key', () => {
    const key = generateKey();
    const dir = tempDir();
    mkdirSync(path.join(dir, 'media'));
    writeFileSync(path.join(dir, 'index.html'), '<p>hej</p>');
    writeFileSync(path.join(dir, 'minisign.pub'), formatPublicKey(key));
    writeFileSync(path.join(dir, 'media/backup.txt'), formatSecretKey(key));
    writeFileSync(path.join(dir, 'nyckel'), formatSecretKey(key, 'lösen', { ops: 1n << 20n, mem: 1n << 24n }));
    expect(findSecretKeys(dir)).toEqual(['media/backup.txt', 'nyckel']);
    expect(containsSecretKey(formatPublicKey(key))).toBe(false);
  });
});

describe('verifyRelease on an in-memory site', () => {
  const key = generateKey();
  const files: Record<string, string> = { 'index.html': '<a href="nyheter/">n</a><a href="/gammal.html">g</a>', 'nyheter/index.html': '<p>n</p>' };
  const sums = Object.entries(files).map(([n, c]) => sumLine(createHash('sha256').update(c).digest('hex'), n)).join('');
  const sign = (comment: string) => signMessage(Buffer.from(sums), key, { trustedComment: comment });
  const source = (served: Record<string, string>): ReleaseSource => ({
    location: 'https://k.example/',
    baseUrl: 'https://k.example/',
    get: async (rel): Promise<Fetched> => (rel in served ? { status: 'ok', body: Buffer.from(served[rel]!) } : { status: 'missing' }),
  });

  it('is genuine when everything matches', async () => {
    const r = await verifyRelease(source({ ...files, SHA256SUMS: sums, 'SHA256SUMS.minisig': sign('files:2\tdate:2022-06-01T12:00:00Z') }), key);
    expect(r).toMatchObject({ ok: true, listed: 2, matching: 2, release: { files: 2, date: '2022-06-01T12:00:00Z' } });
    expect(verdictLine(r)).toMatch(/^ÄKTA: https:\/\/k\.example\/ är releasen från 2022-06-01T12:00:00Z \(2 filer\)/);
  });

  it('fails when the signed file count is not the number of listed files', async () => {
    const r = await verifyRelease(source({ ...files, SHA256SUMS: sums, 'SHA256SUMS.minisig': sign('files:3\tdate:2022-06-01T12:00:00Z') }), key);
    expect(r.ok).toBe(false);
    expect(r.countMismatch).toEqual({ signed: 3, listed: 2 });
    expect(differenceLines(r)).toEqual(['  antal    signaturen säger 3 filer, SHA256SUMS listar 2']);
  });

  it('an unlisted file the site links to is reported; one it does not link to cannot be seen over HTTP', async () => {
    const r = await verifyRelease(source({ ...files, 'gammal.html': 'x', 'hemlig.html': 'y', SHA256SUMS: sums, 'SHA256SUMS.minisig': sign('files:2') }), key);
    expect(r.unlisted).toEqual([{ path: 'gammal.html', linkedFrom: 'index.html' }]);
    expect(verdictLine(r, 'en')).toBe('NOT GENUINE: https://k.example/: 1 unlisted (release of unknown time, key ' + r.keyId + ').');
  });

  it('a signature by another key, or no release at all, is said so', async () => {
    const other = signMessage(Buffer.from(sums), generateKey(), { trustedComment: 'files:2' });
    const r = await verifyRelease(source({ ...files, SHA256SUMS: sums, 'SHA256SUMS.minisig': other }), key);
    expect(r.failure).toEqual({ kind: 'signature', detail: 'signed with another key' });
    expect(verdictLine(r)).toContain('(signerad med en annan nyckel)');
    const none = await verifyRelease(source(files), key);
    expect(verdictLine(none)).toBe('INTE ÄKTA: https://k.example/ har ingen signerad release (SHA256SUMS saknas).');
  });
});

describe('the table', () => {
  it('pads every column but the last to its widest cell', () => {
    expect(formatTable([['Mål', 'Filer', 'Verifierad'], ['reserv', '148', 'ja']])).toBe('Mål     Filer  Verifierad\nreserv  148    ja');
  });
});
