// A web page in another tab must not be able to make the editor write: requests from another
// origin, without the token, under another host name (DNS rebinding), for a path outside content/,
// or from a form made before the file changed on disk are refused and change nothing; the socket
// listens on the loopback address only; publishing refuses content with errors.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishOutcome } from '../src/editor/publish.ts';
import { refuse, type RequestFacts } from '../src/lib/editor/guard.ts';
import { runScript, tempDir } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';
import { startEditorProcess, type RunningEditor } from './helpers/editor.ts';

let editor: RunningEditor;
let cookie: string;
/** Where the editor's publish would build to. */
let publishOut: string;
const BULLETIN = 'bulletins/2021-12-17-hemtjanst.md';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One request to the editor with exactly these headers (fetch would add or refuse some). */
function send(method: string, pathname: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return sendTo(editor, method, pathname, headers, body);
}

function sendTo(to: RunningEditor, method: string, pathname: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: to.port, method, path: pathname, headers: { Host: `127.0.0.1:${to.port}`, ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const own = () => ({ Origin: editor.origin, Cookie: cookie, ...FORM });

beforeAll(async () => {
  publishOut = path.join(tempDir(), 'dist');
  editor = await startEditorProcess(copyFixture(), [], { KRISINFO_OUT: publishOut });
  const start = await send('GET', `/?token=${editor.token}`, {});
  expect(start.status).toBe(303);
  const set = String(start.headers['set-cookie']);
  expect(set).toMatch(/HttpOnly/);
  expect(set).toMatch(/SameSite=Strict/);
  cookie = set.split(';')[0]!;
}, 60_000);

afterAll(() => editor?.stop());

/** The edit form's hidden hash, as the browser would submit it. */
async function hashOfForm(slug: string): Promise<string> {
  const page = await send('GET', `/b/${slug}`, { Cookie: cookie });
  return /name="hash" value="([0-9a-f]*)"/.exec(page.body)![1]!;
}

function editFields(hash: string, token = editor.token): Record<string, string> {
  return { token, hash, title: 'Ändrad av någon annan', summary: 'Hemtjänsten använder pappersrutiner.', published: '2021-12-17T08:00', severity: 'info', audience: 'public', 'service.hemtjanst': 'manual', image: '', body: 'Besöken blir av som planerat.\n' };
}

describe('the editor refuses what does not come from its own page', () => {
  it('accepts its own page: the same form from the right origin with the token is saved', async () => {
    const before = hashTree(editor.content);
    const r = await send('POST', '/b/2021-12-18-bibliotek', own(), form({ ...editFields(await hashOfForm('2021-12-18-bibliotek')), title: 'Biblioteket har öppet igen', summary: 'Biblioteket har öppet som vanligt.', published: '2021-12-18T10:00', 'service.hemtjanst': '' }));
    expect(r.status, r.body).toBe(303);
    expect(hashTree(editor.content)).not.toEqual(before);
    expect(readFileSync(path.join(editor.content, 'bulletins/2021-12-18-bibliotek.md'), 'utf8')).toContain('title: Biblioteket har öppet igen');
  });

  it('refuses a cross-origin POST and changes nothing', async () => {
    const before = hashTree(editor.content);
    const r = await send('POST', '/b/2021-12-17-hemtjanst', { ...own(), Origin: 'http://evil.example' }, form(editFields(await hashOfForm('2021-12-17-hemtjanst'))));
    expect(r.status).toBe(403);
    expect(r.body).toContain('avvisades');
    expect(hashTree(editor.content)).toEqual(before);
  });

  it('refuses a POST without Origin unless the browser says it is same-origin', async () => {
    const before = hashTree(editor.content);
    const r = await send('POST', '/b/2021-12-17-hemtjanst', { Cookie: cookie, ...FORM }, form(editFields(await hashOfForm('2021-12-17-hemtjanst'))));
    expect(r.status).toBe(403);
    expect(hashTree(editor.content)).toEqual(before);
  });

  it('refuses a POST with a missing token (no cookie, or no token in the form) and changes nothing', async () => {
    const before = hashTree(editor.content);
    const hash = await hashOfForm('2021-12-17-hemtjanst');
    const noCookie = await send('POST', '/b/2021-12-17-hemtjanst', { Origin: editor.origin, ...FORM }, form(editFields(hash)));
    expect(noCookie.status).toBe(403);
    const noField = await send('POST', '/b/2021-12-17-hemtjanst', own(), form(editFields(hash, '')));
    expect(noField.status).toBe(403);
    const wrong = await send('POST', '/new', { Origin: editor.origin, Cookie: 'krisinfo-editor=guess', ...FORM }, form({ token: 'guess', title: 'x', summary: 'y' }));
    expect(wrong.status).toBe(403);
    expect(hashTree(editor.content)).toEqual(before);
    // Reading is refused too without the token: the pages show content not yet published.
    expect((await send('GET', '/', {})).status).toBe(403);
    expect((await send('GET', `/?token=wrong`, {})).status).toBe(403);
  });

  it('refuses another host name pointed at 127.0.0.1 (DNS rebinding), even with the token', async () => {
    const before = hashTree(editor.content);
    const r = await send('POST', '/b/2021-12-17-hemtjanst', { ...own(), Host: `evil.example:${editor.port}`, Origin: `http://evil.example:${editor.port}` }, form(editFields(await hashOfForm('2021-12-17-hemtjanst'))));
    expect(r.status).toBe(421);
    expect((await send('GET', '/', { Host: `evil.example:${editor.port}`, Cookie: cookie })).status).toBe(421);
    expect(hashTree(editor.content)).toEqual(before);
  });

  it('refuses a path outside content/: no file names from the browser, and links out of content/ are not followed', async () => {
    const outside = path.join(tempDir(), 'outside.md');
    const original = readFileSync(path.join(editor.content, BULLETIN), 'utf8').replace('Hemtjänsten arbetar', 'Utanför arbetar');
    writeFileSync(outside, original);
    // A bulletin that is a link to a file outside content/.
    symlinkSync(outside, path.join(editor.content, 'bulletins/2021-12-19-lank.md'));
    const before = hashTree(editor.content);
    for (const target of ['/b/..%2F..%2Fetc%2Fpasswd', '/b/..%2Fsite', '/b/2021-12-17-hemtjanst/translate/..%2F..%2Fx', '/b/2021-12-17-hemtjanst/translate/sv', '/b/%2Ftmp%2Fx']) {
      const r = await send('POST', target, own(), form(editFields('')));
      expect([403, 404], target).toContain(r.status);
    }
    const linked = await send('POST', '/b/2021-12-19-lank', own(), form(editFields('')));
    expect([403, 404]).toContain(linked.status);
    const linkedUpdate = await send('POST', '/b/2021-12-19-lank/update', own(), form({ token: editor.token, text: 'Ny text', at: '2021-12-20T10:00' }));
    expect([403, 404]).toContain(linkedUpdate.status);
    expect(readFileSync(outside, 'utf8')).toBe(original);
    expect(hashTree(editor.content)).toEqual(before);
  });

  it('refuses a stale edit: the file changed on disk after the form was opened', async () => {
    const hash = await hashOfForm('2021-12-17-hemtjanst');
    const abs = path.join(editor.content, BULLETIN);
    const changedByHand = readFileSync(abs, 'utf8').replace('Besöken blir av som planerat.', 'Besöken blir av, men senare.');
    writeFileSync(abs, changedByHand);
    const before = hashTree(editor.content);
    const r = await send('POST', '/b/2021-12-17-hemtjanst', own(), form(editFields(hash)));
    expect(r.status).toBe(409);
    expect(r.body).toContain('har ändrats sedan du öppnade den');
    expect(r.body).toContain('Ändrad av någon annan'); // what the officer wrote, to copy
    expect(r.body).toContain('href="/b/2021-12-17-hemtjanst"'); // reload
    expect(hashTree(editor.content)).toEqual(before);
    expect(readFileSync(abs, 'utf8')).toBe(changedByHand);
  });

  it('listens on the loopback address only', () => {
    const listening = execFileSync('ss', ['-ltn'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[3] ?? '')
      .filter((local) => local.endsWith(`:${editor.port}`));
    expect(listening).toEqual([`127.0.0.1:${editor.port}`]);
  });

  it('never publishes content with errors', async () => {
    const bad = path.join(editor.content, 'bulletins/2021-12-21-trasig.md');
    writeFileSync(bad, '---\ntitle: Trasig\npublished: 2021-12-21T10:00\nseverity: extrem\n---\nText\n');
    const r = await send('POST', '/publish', own(), form({ token: editor.token }));
    expect(r.status).toBe(422);
    expect(r.body).toContain('Publiceringen startades inte');
    expect(r.body).toContain('content/bulletins/2021-12-21-trasig.md');
    // Nothing was started: no build output appears, now or a moment later.
    await new Promise((r) => setTimeout(r, 1000));
    expect(existsSync(publishOut)).toBe(false);
    expect((await send('GET', '/publish', { Cookie: cookie })).body).toContain('Ingen publicering har gjorts');
  });
});

// Before the fix the Publicera button ran npm run publish with no standard input: a key with a
// password could never sign, the build had already replaced dist/ when signing failed, and the
// page then said "Inget publicerades: den förra versionen ligger kvar", which was false for dist/.
describe('publishing with a signing key (content/publish.yaml with a folder target)', () => {
  let ed: RunningEditor;
  let edCookie: string;
  let tmp: string;
  let out: string;
  let usb: string;
  let keyEnv: Record<string, string>;
  const PASSWORD = 'hemligt lösen 7';
  const get = async () => (await sendTo(ed, 'GET', '/publish', { Cookie: edCookie })).body;
  const post = (fields: Record<string, string>) => sendTo(ed, 'POST', '/publish', { Origin: ed.origin, Cookie: edCookie, ...FORM }, form({ token: ed.token, ...fields }));
  const keygen = (args: string[], input?: string) => runScript('keygen.ts', ['--force', '--public-key', path.join(ed.content, 'minisign.pub'), ...args], keyEnv, input);
  /** The publish page once the run has finished (it reloads itself while one runs). */
  async function finished(): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const body = await get();
      if (!body.includes('Publicerar …')) return body;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error('publish did not finish');
  }

  beforeAll(async () => {
    tmp = tempDir('krisinfo-editor-publish-');
    out = path.join(tmp, 'dist');
    usb = path.join(tmp, 'usb/krisinfo');
    mkdirSync(path.dirname(usb));
    keyEnv = { KRISINFO_SECRET_KEY: path.join(tmp, 'nycklar/minisign.key') };
    const content = copyFixture();
    writeFileSync(path.join(content, 'publish.yaml'), `- name: usb\n  folder: ${usb}\n`);
    ed = await startEditorProcess(content, [], { KRISINFO_OUT: out, KRISINFO_RELEASES: path.join(tmp, 'release'), ...keyEnv });
    edCookie = String((await sendTo(ed, 'GET', `/?token=${ed.token}`, {})).headers['set-cookie']).split(';')[0]!;
  }, 60_000);

  afterAll(() => ed?.stop());

  it('without a key pair: says so and offers no button; a POST starts nothing', async () => {
    const page = await get();
    expect(page).toContain('Publiceringen kan inte starta: signeringsnyckeln är inte klar.');
    expect(page).toContain(`Den publika nyckeln ${path.join(ed.content, 'minisign.pub')} saknas.`);
    expect(page).not.toContain('Publicera nu');
    const r = await post({});
    expect(r.status).toBe(422);
    await new Promise((r) => setTimeout(r, 1000));
    expect(existsSync(out)).toBe(false);
  });

  it('a key without a password: the form has no password field', async () => {
    expect((await keygen(['--without-password'])).code).toBe(0);
    const page = await get();
    expect(page).toContain('Publicera nu');
    expect(page).not.toContain('type="password"');
  }, 60_000);

  it('a key with a password: a labelled password field, required before anything starts', async () => {
    expect((await keygen([], `${PASSWORD}\n${PASSWORD}\n`)).code).toBe(0);
    const page = await get();
    expect(page).toMatch(/<label for="key-password">Signeringsnyckelns lösenord <span class="req">\(krävs\)<\/span><\/label>/);
    expect(page).toMatch(/<input id="key-password" name="password" type="password" autocomplete="off" required aria-describedby="key-password-hint">/);
    const empty = await post({ password: '' });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('skriv signeringsnyckelns lösenord');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a wrong password: nothing is built, and the page says nothing changed', async () => {
    expect((await post({ password: 'fel lösen' })).status).toBe(303);
    const page = await finished();
    expect(page).toContain(`Ingenting ändrades: ${out} är som förut och ingenting laddades upp.`);
    expect(page).toContain('Fel lösenord för den hemliga nyckeln.');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(usb)).toBe(false);
  }, 120_000);

  it('the right password: built, signed and uploaded, the page says so, and the password is nowhere', async () => {
    expect((await post({ password: PASSWORD })).status).toBe(303);
    const page = await finished();
    expect(page).toContain('Klart: webbplatsen är byggd, signerad och uppladdad, och varje mål visar den nya versionen');
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(usb, 'SHA256SUMS.minisig'))).toBe(true);
    const verify = await runScript('verify.ts', [usb, '--key-file', path.join(ed.content, 'minisign.pub')]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    for (const text of [page, ed.log()]) expect(text).not.toContain(PASSWORD);
  }, 600_000);

  it.each([
    [{ code: 0, signs: true, built: true, released: true }, 'published'],
    [{ code: 0, signs: false, built: true, released: false }, 'built-only'],
    [{ code: 1, signs: true, built: true, released: true }, 'signed'],
    [{ code: 1, signs: true, built: true, released: false }, 'built'],
    [{ code: 1, signs: true, built: false, released: false }, 'unchanged'],
    [{ code: 1, signs: false, built: false, released: false }, 'unchanged'],
  ] as const)('what a finished run did: %j is %s', (facts, want) => {
    expect(publishOutcome(facts)).toBe(want);
  });
});

describe('guard', () => {
  const base: RequestFacts = { method: 'POST', host: '127.0.0.1:4330', origin: 'http://127.0.0.1:4330', referer: undefined, secFetchSite: undefined, cookieToken: 'T' };
  const cases: [string, Partial<RequestFacts>, string | undefined][] = [
    ['own page', {}, undefined],
    ['localhost', { host: 'localhost:4330', origin: 'http://localhost:4330' }, undefined],
    ['GET without Origin', { method: 'GET', origin: undefined }, undefined],
    ['other origin', { origin: 'http://evil.example' }, 'origin'],
    ['null origin (sandboxed frame)', { origin: 'null' }, 'origin'],
    ['other port', { origin: 'http://127.0.0.1:4331' }, 'origin'],
    ['no Origin, same-origin fetch metadata', { origin: undefined, secFetchSite: 'same-origin' }, undefined],
    ['no Origin, own Referer', { origin: undefined, referer: 'http://127.0.0.1:4330/new' }, undefined],
    ['no Origin, nothing else', { origin: undefined }, 'origin'],
    ['rebinding host', { host: 'evil.example:4330' }, 'host'],
    ['no host', { host: undefined }, 'host'],
    ['0.0.0.0', { host: '0.0.0.0:4330' }, 'host'],
    ['no cookie', { cookieToken: undefined }, 'token'],
    ['wrong cookie', { cookieToken: 'X' }, 'token'],
  ];
  it.each(cases)('%s', (_, change, want) => {
    expect(refuse({ ...base, ...change }, 4330, 'T')).toBe(want);
  });
});
