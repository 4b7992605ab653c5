// What the authenticity page ("Är sidan äkta?") shows about the release signature: the key id and
// public key from content/minisign.pub (when the officer has made one with `npm run keygen`), the
// signed checksum files, and the one command that checks them. See docs/publishing.md.
import { existsSync, readFileSync } from 'node:fs';
import { SIGNATURE_FILE, SUMS_FILE } from './checksums.ts';
import { publicKeyPath } from './key-paths.ts';
import { keyIdOf, parsePublicKey, publicKeyLine } from './minisign.ts';
import { ownValue } from './own.ts';
import type { PublishTarget } from './read-publish.ts';
import type { Localized, Site } from './types.ts';
import { rootPath } from './urls.ts';

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

export function verifyCommand(key: SigningKey): string {
  return `minisign -Vm ${SUMS_FILE} -P ${key.publicKey} && sha256sum -c ${SUMS_FILE}`;
}

/** verify.sh checks a whole site, added files included (public/verify.sh, in every release). */
export const VERIFY_SCRIPT = 'verify.sh';

export function verifyScriptCommand(key: SigningKey, url: string): string {
  return `sh ${VERIFY_SCRIPT} -P ${key.publicKey} ${url}`;
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
    command: 'Så kontrollerar du en nedladdad kopia med programmet minisign:',
  },
  en: {
    heading: 'Check the signature',
    intro: "Every version of this site is signed with the municipality's key. Compare the key id with the one the official channels show.",
    keyId: 'Key id',
    publicKey: 'Public key',
    files: 'Signed files',
    sums: 'checksums of every file',
    signature: 'the signature',
    command: 'To check a downloaded copy with the minisign program:',
  },
  fi: {
    heading: 'Tarkista allekirjoitus',
    intro: 'Sivuston jokainen versio on allekirjoitettu kunnan avaimella. Vertaa avaimen tunnistetta siihen, jonka kunnan viralliset kanavat näyttävät.',
    keyId: 'Avaimen tunniste',
    publicKey: 'Julkinen avain',
    files: 'Allekirjoitetut tiedostot',
    sums: 'kaikkien tiedostojen tarkistussummat',
    signature: 'allekirjoitus',
    command: 'Ladatun kopion tarkistus minisign-ohjelmalla:',
  },
};

/** The words of the signature section; Swedish where a language has none yet. */
export function authenticityWords(lang: string): { lang: string; words: Record<string, string> } {
  const own = ownValue(WORDS, lang) ?? ownValue(WORDS, lang.split('-')[0]!);
  return own ? { lang, words: own } : { lang: 'sv', words: WORDS.sv! };
}
