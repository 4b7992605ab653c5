// `npm run package`: turns a built site (dist/, from `npm run build`) into a signed release:
//
//   release/<UTC time>/site/                 the site, plus SHA256SUMS and SHA256SUMS.minisig at its root:
//                                            upload this folder (docs/publishing.md, deploy/)
//   release/<UTC time>/site.zip              the same folder as one file (USB stick, mail, zip upload)
//   release/<UTC time>/SHA256SUMS(.minisig)  the checksums of every site file and their signature
//   release/<UTC time>/minisign.pub          the public key, for convenience only: trust the one
//                                            published on the official channels
//
// It builds nothing itself, and writes nothing unless the signature checks out with the public key.
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { signatureCommand, VERIFY_SCRIPT, verifyNodeCommand, verifyScriptCommand } from '../src/lib/site/authenticity.ts';
import { unbuiltSiteProblem } from '../src/lib/build/build-record.ts';
import { checkSums, listFiles, sha256sums, SIGNATURE_FILE, SUMS_FILE } from '../src/lib/release/checksums.ts';
import { shownPath } from '../src/lib/build/fs-errors.ts';
import { defaultSecretKeyPath, publicKeyPath } from '../src/lib/release/key-paths.ts';
import { keyIdOf, publicKeyLine, signMessage, verifyMessage } from '../src/lib/release/minisign.ts';
import { readPasswords } from '../src/lib/publish/read-password.ts';
import { findSecretKeys } from '../src/lib/publish/secret-key-scan.ts';
import { checkKeyFiles, unlockKeyPair } from '../src/lib/publish/signing-keys.ts';
import { contentDir } from '../src/lib/site/content-dir.ts';
import { loadValidContent } from '../src/lib/site/site-data.ts';
import { flagOpt, langFlag, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, messageLang, runTool } from '../src/lib/cli/output.ts';
import type { MessageCode, MessageLang } from '../src/lib/content/messages.ts';
import { releaseStamp } from '../src/lib/release/release-name.ts';

const HELP_SV = `Användning: npm run package -- [--site MAPP] [--out MAPP] [--secret-key FIL] [--public-key FIL] [--lang sv|en]

  --site MAPP        den byggda webbplatsen (standard dist/)
  --out MAPP         releasemappen (standard release/<tid i UTC>/)
  --secret-key FIL   den hemliga nyckeln (standard ~/.krisinfo/minisign.key)
  --public-key FIL   den publika nyckeln (standard content/minisign.pub)
  --lang sv|en       språk för meddelanden från verktyget

Lösenordet läses från terminalen, eller från första raden på standard in.`;

const HELP_EN = `Usage: npm run package -- [--site FOLDER] [--out FOLDER] [--secret-key FILE] [--public-key FILE] [--lang sv|en]

  --site FOLDER      the built site (default dist/)
  --out FOLDER       the release folder (default release/<time in UTC>/)
  --secret-key FILE  the secret key (default ~/.krisinfo/minisign.key)
  --public-key FILE  the public key (default content/minisign.pub)
  --lang sv|en       language of the tool's messages

The password is read from the terminal, or from the first line of standard input.`;

let lang: MessageLang = 'sv';

/** 2022-06-01T120000Z: sortable, one per minute-and-second, and no colons (Windows, zip tools). */
/** Already-compressed formats are stored as they are; text is deflated. */
const STORED = /\.(jpe?g|png|webp|avif|gif|woff2?|gz|br|zip|pagefind|pf_\w+)$/i;

function zipFolder(dir: string, mtime: Date): Uint8Array {
  const files: Zippable = {};
  for (const rel of listFiles(dir)) {
    files[rel] = [readFileSync(path.join(dir, rel)), { level: STORED.test(rel) ? 0 : 9, mtime }];
  }
  return zipSync(files);
}

/** The one line minisign shows as "Trusted comment:", covered by the signature. */
function trustedComment(now: Date, fileCount: number): string {
  const parts = [`timestamp:${Math.floor(now.getTime() / 1000)}`, `file:${SUMS_FILE}`];
  try {
    const { site } = loadValidContent();
    parts.push(`site:${site.url}`, `sender:${site.sender.replace(/[\t\r\n]+/g, ' ')}`);
  } catch {
    // Content that does not load only costs the comment its site and sender, not the release.
  }
  parts.push(`files:${fileCount}`, `date:${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
  return parts.join('\t');
}

async function main(): Promise<number> {
  const started = performance.now();
  const now = new Date();
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    { site: { type: 'string' }, out: { type: 'string' }, 'secret-key': { type: 'string' }, 'public-key': { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'package',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  const sv = lang === 'sv';
  if (flagOpt(args, 'help')) {
    console.log(sv ? HELP_SV : HELP_EN);
    return EXIT_OK;
  }
  const o = {
    site: path.resolve(stringOpt(args, 'site') || 'dist'),
    out: path.resolve(stringOpt(args, 'out') || path.join('release', releaseStamp(now))),
    secretKey: path.resolve(stringOpt(args, 'secret-key') || defaultSecretKeyPath()),
    publicKey: path.resolve(stringOpt(args, 'public-key') || publicKeyPath(contentDir())),
  };
  const refuse = (code: MessageCode, params: Record<string, string>) => new CliError({ code, params }, EXIT_CONTENT);

  if (!existsSync(path.join(o.site, 'index.html'))) throw refuse('package.no-site', { value: shownPath(o.site) });
  // A secret key inside the site would be published with it, under any file name.
  const secrets = findSecretKeys(o.site);
  if (secrets.length) throw refuse('package.secret-key', { value: secrets.map((f) => `${shownPath(o.site)}/${f}`).join(', ') });
  // Only what the build wrote is signed: a page edited by hand in dist/ is refused (build-record.ts).
  const unbuilt = unbuiltSiteProblem(o.site, shownPath(o.site));
  if (unbuilt) throw new CliError(unbuilt, EXIT_CONTENT);
  const keyFiles = { publicKey: o.publicKey, secretKey: o.secretKey };
  const facts = checkKeyFiles(keyFiles);
  if (existsSync(o.out)) throw refuse('package.out-exists', { value: shownPath(o.out) });
  let password: string | undefined;
  if (facts.encrypted) {
    [password] = await readPasswords([sv ? 'Lösenord för den hemliga nyckeln: ' : 'Password for the secret key: ']);
    console.error(sv ? 'Låser upp nyckeln (scrypt, tar några sekunder)…' : 'Unlocking the key (scrypt, takes a few seconds)…');
  }
  const { publicKey, secretKey } = unlockKeyPair(keyFiles, facts, password);

  const siteOut = path.join(o.out, 'site');
  // Summed from the built site, then copied: the check below proves the copy is that site.
  const sums = sha256sums(o.site);
  mkdirSync(o.out, { recursive: true });
  cpSync(o.site, siteOut, { recursive: true });
  const fileCount = sums.split('\n').filter(Boolean).length;
  const signature = signMessage(Buffer.from(sums), secretKey, {
    trustedComment: trustedComment(now, fileCount),
    untrustedComment: `signature from minisign secret key ${keyIdOf(secretKey.keyNum)}`,
  });

  // Check what a reader will check before anything is called a release.
  const verified = verifyMessage(Buffer.from(sums), signature, publicKey);
  if (!verified.ok) throw new Error(`the new signature does not verify: ${verified.reason}`);
  for (const dir of [o.out, siteOut]) {
    writeFileSync(path.join(dir, SUMS_FILE), sums);
    writeFileSync(path.join(dir, SIGNATURE_FILE), signature);
  }
  const check = checkSums(siteOut, sums);
  if (!check.ok) throw new Error(`the copied site does not match its checksums: ${JSON.stringify(check)}`);
  cpSync(o.publicKey, path.join(o.out, 'minisign.pub'));

  const zipPath = path.join(o.out, 'site.zip');
  writeFileSync(zipPath, zipFolder(siteOut, now));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kb = (statSync(zipPath).size / 1024).toFixed(0);
  const key = { keyId: keyIdOf(publicKey.keyNum), publicKey: publicKeyLine(publicKey) };
  const shownSite = shownPath(siteOut);
  if (sv) {
    console.log(`Klart: ${shownPath(o.out)}/ (${fileCount} filer, site.zip ${kb} kB, ${seconds} s)`);
    console.log(`  ladda upp:  ${shownSite}/  (se docs/publishing.md)`);
    console.log(`  nyckel-id:  ${key.keyId}`);
    console.log(`\nSå kontrollerar vem som helst releasen, varje fil och att ingen har lagts till (i ${shownSite}/ eller den uppackade site.zip):`);
  } else {
    console.log(`Done: ${shownPath(o.out)}/ (${fileCount} files, site.zip ${kb} kB, ${seconds} s)`);
    console.log(`  upload:  ${shownSite}/  (see docs/publishing.md)`);
    console.log(`  key id:  ${key.keyId}`);
    console.log(`\nHow anyone checks the release, every file and that none was added (in ${shownSite}/ or the unpacked site.zip):`);
  }
  // verify.sh is part of every built site (public/verify.sh).
  console.log(`  ${verifyScriptCommand(key, shownSite, `${shownSite}/${VERIFY_SCRIPT}`)}`);
  console.log(`  ${verifyNodeCommand(key, shownSite)}`);
  console.log(sv ? 'Bara signaturen (visar inte ändrade eller tillagda filer):' : 'The signature alone (shows no changed or added file):');
  console.log(`  ${signatureCommand(key)}`);
  return EXIT_OK;
}

await runTool(main, () => lang);
