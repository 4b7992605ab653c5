// `npm run keygen`: makes the key pair that signs every release (see docs/publishing.md).
// The public key goes to content/minisign.pub (commit it, and publish its key on the official
// channels); the secret key goes outside the project, by default ~/.krisinfo/minisign.key,
// encrypted with a password exactly as minisign does it, so `minisign -S` can use it too.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from '../src/lib/build/fs-errors.ts';
import { defaultSecretKeyPath, forbiddenHome, publicKeyPath } from '../src/lib/release/key-paths.ts';
import { formatPublicKey, formatSecretKey, generateKey, keyIdOf, publicKeyLine } from '../src/lib/release/minisign.ts';
import { readPasswords } from '../src/lib/publish/read-password.ts';
import { verifyNodeCommand, verifyScriptCommand } from '../src/lib/site/authenticity.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import { contentDir } from '../src/lib/site/content-dir.ts';
import { flagOpt, langFlag, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, messageLang, runTool } from '../src/lib/cli/output.ts';
import type { MessageLang } from '../src/lib/content/messages.ts';

const PROJECT = path.resolve(import.meta.dirname, '..');

const HELP_SV = `Användning: npm run keygen -- [--secret-key FIL] [--public-key FIL] [--without-password] [--force] [--lang sv|en]

  --secret-key FIL      var den hemliga nyckeln sparas (standard ~/.krisinfo/minisign.key)
  --public-key FIL      var den publika nyckeln sparas (standard content/minisign.pub)
  --without-password    spara den hemliga nyckeln okrypterad (som minisign -W)
  --force               skriv över befintliga nycklar
  --lang sv|en          språk för meddelanden från verktyget`;

const HELP_EN = `Usage: npm run keygen -- [--secret-key FILE] [--public-key FILE] [--without-password] [--force] [--lang sv|en]

  --secret-key FILE     where the secret key is saved (default ~/.krisinfo/minisign.key)
  --public-key FILE     where the public key is saved (default content/minisign.pub)
  --without-password    save the secret key unencrypted (like minisign -W)
  --force               overwrite existing keys
  --lang sv|en          language of the tool's messages`;

let lang: MessageLang = 'sv';

/** The site's address from site.yaml, for the commands keygen prints; none while site.yaml has errors. */
function siteUrl(): string | undefined {
  return loadContent(contentDir()).site?.url;
}

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    {
      'secret-key': { type: 'string' },
      'public-key': { type: 'string' },
      'without-password': { type: 'boolean', short: 'W' },
      force: { type: 'boolean', short: 'f' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'keygen',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  const sv = lang === 'sv';
  if (flagOpt(args, 'help')) {
    console.log(sv ? HELP_SV : HELP_EN);
    return EXIT_OK;
  }
  const secretKey = path.resolve(stringOpt(args, 'secret-key') || defaultSecretKeyPath());
  const publicKey = path.resolve(stringOpt(args, 'public-key') || publicKeyPath(contentDir()));
  const forbidden = [PROJECT, contentDir(), path.resolve(process.env.KRISINFO_OUT ?? 'dist'), path.resolve('release')];
  const inside = forbiddenHome(secretKey, forbidden);
  if (inside) throw new CliError({ code: 'keygen.secret-inside', params: { value: inside } }, EXIT_CONTENT);
  for (const file of [secretKey, publicKey]) {
    if (existsSync(file) && !flagOpt(args, 'force')) throw new CliError({ code: 'keygen.exists', params: { value: file } }, EXIT_CONTENT);
  }

  let password: string | undefined;
  if (!flagOpt(args, 'without-password')) {
    const [first, second] = await readPasswords(sv ? ['Lösenord för den hemliga nyckeln: ', 'Samma lösenord igen: '] : ['Password for the secret key: ', 'The same password again: ']);
    if (!first) throw new CliError({ code: 'keygen.no-password' }, EXIT_CONTENT);
    if (first !== second) throw new CliError({ code: 'keygen.password-mismatch' }, EXIT_CONTENT);
    password = first;
    console.error(sv ? 'Krypterar nyckeln (scrypt, tar några sekunder)…' : 'Encrypting the key (scrypt, takes a few seconds)…');
  }

  const key = generateKey();
  const secretText = formatSecretKey(key, password);
  mkdirSync(path.dirname(secretKey), { recursive: true, mode: 0o700 });
  writeFileSync(secretKey, secretText, { mode: 0o600 });
  chmodSync(secretKey, 0o600);
  mkdirSync(path.dirname(publicKey), { recursive: true });
  writeFileSync(publicKey, formatPublicKey(key));

  const shownPublic = shownPath(publicKey);
  const signing = { keyId: keyIdOf(key.keyNum), publicKey: publicKeyLine(key) };
  const site = siteUrl() ?? (sv ? 'ADRESS' : 'ADDRESS');
  if (sv) {
    console.log(`Hemlig nyckel: ${secretKey} (håll den hemlig, ta en säkerhetskopia offline)`);
    console.log(`Publik nyckel: ${shownPublic} (checka in den)`);
    console.log(`Nyckel-id:     ${signing.keyId}`);
    console.log(`Publik nyckel att publicera i de officiella kanalerna:\n  ${signing.publicKey}`);
    console.log(`\nSå kontrollerar vem som helst den publicerade webbplatsen, varje fil och att ingen har lagts till:\n  ${verifyScriptCommand(signing, site)}\n  ${verifyNodeCommand(signing, site)}`);
  } else {
    console.log(`Secret key: ${secretKey} (keep it secret, keep a backup offline)`);
    console.log(`Public key: ${shownPublic} (commit it)`);
    console.log(`Key id:     ${signing.keyId}`);
    console.log(`Public key to publish on the official channels:\n  ${signing.publicKey}`);
    console.log(`\nHow anyone checks the published site, every file and that none was added:\n  ${verifyScriptCommand(signing, site)}\n  ${verifyNodeCommand(signing, site)}`);
  }
  return EXIT_OK;
}

await runTool(main, () => lang);
