// `npm run keygen`: makes the key pair that signs every release (see docs/publishing.md).
// The public key goes to content/minisign.pub (commit it, and publish its key on the official
// channels); the secret key goes outside the project, by default ~/.krisinfo/minisign.key,
// encrypted with a password exactly as minisign does it, so `minisign -S` can use it too.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSecretKeyPath, forbiddenHome, publicKeyPath } from '../src/lib/key-paths.ts';
import { formatPublicKey, formatSecretKey, generateKey, keyIdOf, publicKeyLine } from '../src/lib/minisign.ts';
import { readPasswords } from '../src/lib/read-password.ts';
import { contentDir } from '../src/lib/site-data.ts';

const PROJECT = path.resolve(import.meta.dirname, '..');

const HELP = `Användning: npm run keygen -- [--secret-key FIL] [--public-key FIL] [--without-password] [--force]

  --secret-key FIL      var den hemliga nyckeln sparas (standard ~/.krisinfo/minisign.key)
  --public-key FIL      var den publika nyckeln sparas (standard content/minisign.pub)
  --without-password    spara den hemliga nyckeln okrypterad (som minisign -W)
  --force               skriv över befintliga nycklar`;

interface Options {
  secretKey: string;
  publicKey: string;
  withoutPassword: boolean;
  force: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const content = contentDir();
  const o: Options = { secretKey: defaultSecretKeyPath(), publicKey: publicKeyPath(content), withoutPassword: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--secret-key') o.secretKey = argv[++i] ?? '';
    else if (a === '--public-key') o.publicKey = argv[++i] ?? '';
    else if (a === '--without-password' || a === '-W') o.withoutPassword = true;
    else if (a === '--force' || a === '-f') o.force = true;
    else if (a === '--help' || a === '-h') return HELP;
    else return `Okänt argument: ${a}\n\n${HELP}`;
  }
  if (!o.secretKey || !o.publicKey) return HELP;
  return { ...o, secretKey: path.resolve(o.secretKey), publicKey: path.resolve(o.publicKey) };
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (typeof o === 'string') {
    console.error(o);
    return o === HELP ? 0 : 2;
  }
  const forbidden = [PROJECT, contentDir(), path.resolve(process.env.KRISINFO_OUT ?? 'dist'), path.resolve('release')];
  const inside = forbiddenHome(o.secretKey, forbidden);
  if (inside) {
    console.error(`Den hemliga nyckeln får inte sparas i ${inside}: allt där kan hamna i git eller på webbservern.`);
    console.error('Välj en plats utanför projektet, t.ex. standardplatsen ~/.krisinfo/minisign.key.');
    return 1;
  }
  for (const file of [o.secretKey, o.publicKey]) {
    if (existsSync(file) && !o.force) {
      console.error(`${file} finns redan. En ny nyckel gör alla tidigare publicerade nyckel-id ogiltiga;`);
      console.error('lägg till --force om du verkligen vill ersätta nyckeln.');
      return 1;
    }
  }

  let password: string | undefined;
  if (!o.withoutPassword) {
    const [first, second] = await readPasswords(['Lösenord för den hemliga nyckeln: ', 'Samma lösenord igen: ']);
    if (!first) {
      console.error('Inget lösenord angavs. Ange ett, eller använd --without-password (nyckeln sparas då okrypterad).');
      return 1;
    }
    if (first !== second) {
      console.error('Lösenorden är inte lika. Ingen nyckel skapades.');
      return 1;
    }
    password = first;
    console.error('Krypterar nyckeln (scrypt, tar några sekunder)…');
  }

  const key = generateKey();
  const secretText = formatSecretKey(key, password);
  mkdirSync(path.dirname(o.secretKey), { recursive: true, mode: 0o700 });
  writeFileSync(o.secretKey, secretText, { mode: 0o600 });
  chmodSync(o.secretKey, 0o600);
  mkdirSync(path.dirname(o.publicKey), { recursive: true });
  writeFileSync(o.publicKey, formatPublicKey(key));

  console.log(`Hemlig nyckel: ${o.secretKey} (håll den hemlig, ta en säkerhetskopia offline)`);
  console.log(`Publik nyckel: ${path.relative(process.cwd(), o.publicKey) || o.publicKey} (checka in den)`);
  console.log(`Nyckel-id:     ${keyIdOf(key.keyNum)}`);
  console.log(`Publik nyckel att publicera i de officiella kanalerna:\n  ${publicKeyLine(key)}`);
  console.log(`\nSå kontrollerar vem som helst en release:\n  minisign -Vm SHA256SUMS -P ${publicKeyLine(key)}`);
  return 0;
}

process.exitCode = await main();
