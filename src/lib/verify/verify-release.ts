// `npm run verify`: is what a site (or a folder) serves exactly a release signed with the key?
//   1. SHA256SUMS and SHA256SUMS.minisig verify with the public key (minisign.ts), and the number
//      of files the trusted comment names is the number SHA256SUMS lists;
//   2. every listed file is there with that hash;
//   3. no file the site links to (or, for a folder, no file at all) is missing from the list: an
//      added page is as suspicious as a changed one, and `sha256sum -c` alone never sees it.
import { eachLimited } from '../build/each-limited.ts';
import { sha256, parseSums, SIGNATURE_FILE, SUMS_FILE } from '../release/checksums.ts';
import { keyIdOf, verifyMessage, type PublicKey } from '../release/minisign.ts';
import { linksInHtml, siteFileOf } from './links.ts';
import { encodePath, type ReleaseSource } from './sources.ts';
import { parseTrustedComment, type ReleaseInfo } from './trusted-comment.ts';

export type VerifyFailure = 'unreachable' | 'no-release' | 'signature' | 'sums-format';

export interface VerifyResult {
  location: string;
  keyId: string;
  ok: boolean;
  /** Why the files could not be checked at all. */
  failure?: { kind: VerifyFailure; detail: string };
  release?: ReleaseInfo;
  /** The checksum list as served (publish compares it with the release it uploaded). */
  sums?: string;
  listed: number;
  /** Listed files that are there with the right hash. */
  matching: number;
  changed: string[];
  missing: string[];
  /** Files there that SHA256SUMS does not list, with a page that links to them (over HTTP). */
  unlisted: { path: string; linkedFrom?: string }[];
  /** The trusted comment's `files:` is not the number of lines of SHA256SUMS. */
  countMismatch?: { signed: number; listed: number };
}

const CONCURRENCY = 8;
const PAGE_RE = /\.html?$/i;

export interface VerifyOptions {
  /**
   * Files of the folder that are not the site's and are not reported (publish passes the host files
   * it keeps on a target, such as `.htaccess`). By default every unlisted file is reported.
   */
  ignore?: (path: string) => boolean;
}

export async function verifyRelease(source: ReleaseSource, key: PublicKey, options: VerifyOptions = {}): Promise<VerifyResult> {
  const result: VerifyResult = { location: source.location, keyId: keyIdOf(key.keyNum), ok: false, listed: 0, matching: 0, changed: [], missing: [], unlisted: [] };
  const fail = (kind: VerifyFailure, detail: string) => ((result.failure = { kind, detail }), result);

  const [sums, signature] = await Promise.all([source.get(SUMS_FILE), source.get(SIGNATURE_FILE)]);
  for (const [name, got] of [[SUMS_FILE, sums], [SIGNATURE_FILE, signature]] as const) {
    if (got.status === 'error') return fail('unreachable', `${name}: ${got.detail}`);
    if (got.status === 'missing') return fail('no-release', name);
  }
  if (sums.status !== 'ok' || signature.status !== 'ok') return result;
  const verified = verifyMessage(sums.body, signature.body.toString('utf8'), key);
  if (!verified.ok) return fail('signature', verified.reason ?? 'signature verification failed');
  result.release = parseTrustedComment(verified.trustedComment ?? '');
  result.sums = sums.body.toString('utf8');

  let entries;
  try {
    entries = parseSums(result.sums);
  } catch (e) {
    return fail('sums-format', (e as Error).message);
  }
  result.listed = entries.length;
  if (result.release.files !== undefined && result.release.files !== entries.length) {
    result.countMismatch = { signed: result.release.files, listed: entries.length };
  }

  const listed = new Set(entries.map((e) => e.name));
  const pages = new Map<string, Buffer>();
  await eachLimited(entries, CONCURRENCY, async (e) => {
    const got = await source.get(e.name);
    if (got.status !== 'ok') return void result.missing.push(e.name);
    if (sha256(got.body) !== e.hash) result.changed.push(e.name);
    else result.matching++;
    // Changed pages too: what a tampered page links to is what the tamperer added.
    if (PAGE_RE.test(e.name)) pages.set(e.name, got.body);
  });

  const isRelease = (f: string) => listed.has(f) || f === SUMS_FILE || f === SIGNATURE_FILE;
  if (source.list) {
    for (const f of source.list()) if (!isRelease(f) && !options.ignore?.(f)) result.unlisted.push({ path: f });
  } else {
    // A web server lists nothing: follow every link of the pages to a file of the site.
    const linked = new Map<string, string>();
    for (const [page, body] of pages) {
      const pageUrl = new URL(encodePath(page), source.baseUrl).toString();
      for (const link of linksInHtml(body.toString('utf8'))) {
        const file = siteFileOf(link, pageUrl, source.baseUrl);
        // `kontakt` is served as `kontakt/index.html` (a redirect to `kontakt/`).
        if (file && !isRelease(file) && !listed.has(`${file}/index.html`) && !linked.has(file)) linked.set(file, page);
      }
    }
    await eachLimited([...linked], CONCURRENCY, async ([file, page]) => {
      if ((await source.get(file)).status === 'ok') result.unlisted.push({ path: file, linkedFrom: page });
    });
  }
  for (const list of [result.changed, result.missing]) list.sort();
  result.unlisted.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.ok = !result.changed.length && !result.missing.length && !result.unlisted.length && !result.countMismatch;
  return result;
}
