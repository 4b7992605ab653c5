// What the authenticity page ("Är sidan äkta?") shows about the release signature: the key id and
// public key from content/minisign.pub (when the officer has made one with `npm run keygen`), the
// signed checksum files, the commands that check a whole copy (verify.sh, npm run verify) and,
// last, the minisign command that checks the signature alone. See docs/publishing.md.
import { existsSync, readFileSync } from 'node:fs';
import { SIGNATURE_FILE, SUMS_FILE } from '../release/checksums.ts';
import { publicKeyPath } from '../release/key-paths.ts';
import { keyIdOf, parsePublicKey, publicKeyLine } from '../release/minisign.ts';
import { ownValue } from '../model/own.ts';
import type { PublishTarget } from '../content/read-publish.ts';
import type { Localized, Site } from '../model/types.ts';
import { rootPath } from '../model/urls.ts';

export interface SigningKey {
  /** As minisign prints it, e.g. "A664D3E321F45D94". */
  keyId: string;
  /** The public key line (`RW…`), what `minisign -P` takes. */
  publicKey: string;
}

/** The configured public key, or undefined when there is none (or it is not a minisign key). */
export function signingKey(contentDir: string): SigningKey | undefined {
  const file = publicKeyPath(contentDir);
  if (!existsSync(file)) return undefined;
  try {
    const pk = parsePublicKey(readFileSync(file, 'utf8'));
    return { keyId: keyIdOf(pk.keyNum), publicKey: publicKeyLine(pk) };
  } catch {
    return undefined;
  }
}

/**
 * The signature of SHA256SUMS alone. It says nothing about the files: not a changed one (unless
 * `sha256sum -c` follows), and never an added one, which is what a phisher adds. So it is shown
 * only after verify.sh and npm run verify, and with that caveat.
 */
export function signatureCommand(key: SigningKey): string {
  return `minisign -Vm ${SUMS_FILE} -P ${key.publicKey}`;
}

/** verify.sh checks a whole site, added files included (public/verify.sh, in every release). */
export const VERIFY_SCRIPT = 'verify.sh';

/** `where` is an address or a folder; `script` the path to verify.sh when it is not in the working folder. */
export function verifyScriptCommand(key: SigningKey, where: string, script = VERIFY_SCRIPT): string {
  return `sh ${script} -P ${key.publicKey} ${where}`;
}

export function verifyNodeCommand(key: SigningKey, url: string): string {
  return `npm run verify -- ${url} --key ${key.publicKey}`;
}

export interface Mirror {
  url: string;
  title?: Localized;
}

/**
 * The addresses the site is served from: its own (site.yaml url) first, then every other address
 * in publish.yaml. Empty when there is no other, as a list of one says nothing.
 */
export function mirrorList(site: Site, targets: readonly PublishTarget[]): Mirror[] {
  const list: Mirror[] = [{ url: site.url, title: targets.find((t) => t.url === site.url)?.title }];
  for (const t of targets) if (t.url && !list.some((m) => m.url === t.url)) list.push({ url: t.url, title: t.title });
  return list.length > 1 ? list : [];
}

export function signatureLinks(site: Site): { sums: string; signature: string; script: string } {
  return { sums: rootPath(site, SUMS_FILE), signature: rootPath(site, SIGNATURE_FILE), script: rootPath(site, VERIFY_SCRIPT) };
}

const WORDS: Record<string, Record<string, string>> = {
  sv: {
    heading: 'Kontrollera signaturen',
    intro: 'Varje version av webbplatsen är signerad med kommunens nyckel. Jämför nyckel-id med det som kommunens officiella kanaler visar.',
    keyId: 'Nyckel-id',
    publicKey: 'Publik nyckel',
    files: 'Signerade filer',
    sums: 'kontrollsummor för alla filer',
    signature: 'signaturen',
    signatureOnly: 'Bara signaturen, med programmet minisign. Det visar att listan SHA256SUMS är signerad med kommunens nyckel, men inte att filerna stämmer med listan, och inte om någon fil har lagts till. Kontrollera därför hela webbplatsen med kommandona ovan.',
  },
  en: {
    heading: 'Check the signature',
    intro: "Every version of this site is signed with the municipality's key. Compare the key id with the one the official channels show.",
    keyId: 'Key id',
    publicKey: 'Public key',
    files: 'Signed files',
    sums: 'checksums of every file',
    signature: 'the signature',
    signatureOnly: 'The signature alone, with the minisign program. It shows that the list SHA256SUMS is signed with the municipality’s key, but not that the files match the list, nor whether a file has been added. So check the whole site with the commands above.',
  },
  fi: {
    heading: 'Tarkista allekirjoitus',
    intro: 'Sivuston jokainen versio on allekirjoitettu kunnan avaimella. Vertaa avaimen tunnistetta siihen, jonka kunnan viralliset kanavat näyttävät.',
    keyId: 'Avaimen tunniste',
    publicKey: 'Julkinen avain',
    files: 'Allekirjoitetut tiedostot',
    sums: 'kaikkien tiedostojen tarkistussummat',
    signature: 'allekirjoitus',
    signatureOnly: 'Pelkkä allekirjoitus minisign-ohjelmalla. Se osoittaa, että SHA256SUMS-luettelo on allekirjoitettu kunnan avaimella, mutta ei sitä, että tiedostot vastaavat luetteloa, eikä sitä, onko tiedostoja lisätty. Tarkista siksi koko sivusto yllä olevilla komennoilla.',
  },
};

/** The words of the signature section; Swedish where a language has none yet. */
export function authenticityWords(lang: string): { lang: string; words: Record<string, string> } {
  const own = ownValue(WORDS, lang) ?? ownValue(WORDS, lang.split('-')[0]!);
  return own ? { lang, words: own } : { lang: 'sv', words: WORDS.sv! };
}
