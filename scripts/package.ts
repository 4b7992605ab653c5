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
import { verifyCommand } from '../src/lib/authenticity.ts';
import { checkSums, listFiles, sha256sums, SIGNATURE_FILE, SUMS_FILE } from '../src/lib/checksums.ts';
import { defaultSecretKeyPath, publicKeyPath } from '../src/lib/key-paths.ts';
import { isPairOf, keyIdOf, MinisignError, parsePublicKey, parseSecretKey, publicKeyLine, secretKeyIsEncrypted, signMessage, verifyMessage } from '../src/lib/minisign.ts';
import { readPasswords } from '../src/lib/read-password.ts';
import { formatCliMessage } from '../src/lib/cli/output.ts';
import { findSecretKeys } from '../src/lib/secret-key-scan.ts';
import { contentDir, loadValidContent } from '../src/lib/site-data.ts';

const HELP = `Användning: npm run package -- [--site MAPP] [--out MAPP] [--secret-key FIL] [--public-key FIL]

  --site MAPP        den byggda webbplatsen (standard dist/)
  --out MAPP         releasemappen (standard release/<tid i UTC>/)
  --secret-key FIL   den hemliga nyckeln (standard ~/.krisinfo/minisign.key)
  --public-key FIL   den publika nyckeln (standard content/minisign.pub)

Lösenordet läses från terminalen, eller från första raden på standard in.`;

interface Options {
  site: string;
  out: string;
  secretKey: string;
  publicKey: string;
}

/** 2022-06-01T120000Z: sortable, one per minute-and-second, and no colons (Windows, zip tools). */
function stamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
}

function parseArgs(argv: string[], now: Date): Options | string {
  const o: Options = { site: 'dist', out: path.join('release', stamp(now)), secretKey: defaultSecretKeyPath(), publicKey: publicKeyPath(contentDir()) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? '';
    if (a === '--site') o.site = value();
    else if (a === '--out') o.out = value();
    else if (a === '--secret-key') o.secretKey = value();
    else if (a === '--public-key') o.publicKey = value();
    else if (a === '--help' || a === '-h') return HELP;
    else return `Okänt argument: ${a}\n\n${HELP}`;
  }
  return { site: path.resolve(o.site), out: path.resolve(o.out), secretKey: path.resolve(o.secretKey), publicKey: path.resolve(o.publicKey) };
}

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
  const o = parseArgs(process.argv.slice(2), now);
  if (typeof o === 'string') {
    console.error(o);
    return o === HELP ? 0 : 2;
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';

  if (!existsSync(path.join(o.site, 'index.html'))) {
    console.error(`${rel(o.site)}/ innehåller ingen byggd webbplats (index.html saknas). Kör npm run build först.`);
    return 1;
  }
  const secrets = findSecretKeys(o.site);
  if (secrets.length) {
    console.error(formatCliMessage({ code: 'package.secret-key', params: { value: secrets.map((f) => `${rel(o.site)}/${f}`).join(', ') } }, 'sv'));
    return 1;
  }
  if (!existsSync(o.publicKey)) {
    console.error(`Den publika nyckeln ${rel(o.publicKey)} saknas. Skapa ett nyckelpar med npm run keygen.`);
    return 1;
  }
  if (!existsSync(o.secretKey)) {
    console.error(`Den hemliga nyckeln ${o.secretKey} saknas. Ange den med --secret-key, eller skapa ett nyckelpar med npm run keygen.`);
    return 1;
  }
  if (existsSync(o.out)) {
    console.error(`${rel(o.out)} finns redan; en release skrivs aldrig över. Välj en annan mapp med --out.`);
    return 1;
  }

  let publicKey, secretKey;
  try {
    publicKey = parsePublicKey(readFileSync(o.publicKey, 'utf8'));
    const secretText = readFileSync(o.secretKey, 'utf8');
    let password: string | undefined;
    if (secretKeyIsEncrypted(secretText)) {
      [password] = await readPasswords(['Lösenord för den hemliga nyckeln: ']);
      console.error('Låser upp nyckeln (scrypt, tar några sekunder)…');
    }
    secretKey = parseSecretKey(secretText, password);
  } catch (e) {
    if (!(e instanceof MinisignError)) throw e;
    console.error(`Nyckeln kan inte användas: ${e.message}.`);
    return 1;
  }
  if (!isPairOf(secretKey, publicKey)) {
    console.error(`Den hemliga nyckeln (id ${keyIdOf(secretKey.keyNum)}) hör inte till ${rel(o.publicKey)} (id ${keyIdOf(publicKey.keyNum)}):`);
    console.error('signaturen skulle inte gå att kontrollera. Använd rätt nyckelfil.');
    return 1;
  }

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
  console.log(`Klart: ${rel(o.out)}/ (${fileCount} filer, site.zip ${kb} kB, ${seconds} s)`);
  console.log(`  ladda upp:  ${rel(siteOut)}/  (se docs/publishing.md)`);
  console.log(`  nyckel-id:  ${keyIdOf(publicKey.keyNum)}`);
  console.log(`\nSå kontrollerar vem som helst releasen (i ${rel(siteOut)}/ eller den uppackade site.zip):`);
  console.log(`  ${verifyCommand({ keyId: keyIdOf(publicKey.keyNum), publicKey: publicKeyLine(publicKey) })}`);
  return 0;
}

process.exitCode = await main();
