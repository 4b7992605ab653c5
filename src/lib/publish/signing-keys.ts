// The signing key pair, checked before anything is built or signed: `npm run publish` and the
// editor's Publicera button must not build a new dist/ and only then find that there is no key,
// a key of another pair, or a wrong password. The same checks and messages as `npm run package`
// (messages.ts package.*), which uses them too.
import { existsSync, readFileSync } from 'node:fs';
import { CliError, EXIT_CONTENT } from '../cli/output.ts';
import { shownPath } from '../build/fs-errors.ts';
import type { MessageCode } from '../content/messages.ts';
import { isPairOf, keyIdOf, MinisignError, parsePublicKey, parseSecretKey, secretKeyIsEncrypted, type PublicKey, type SecretKey } from '../release/minisign.ts';

export interface KeyFiles {
  publicKey: string;
  secretKey: string;
}

/** What can be known about the pair without its password. */
export interface KeyFacts {
  publicKey: PublicKey;
  secretText: string;
  /** True when unlocking it needs a password (keygen without --without-password). */
  encrypted: boolean;
}

const refuse = (code: MessageCode, params: Record<string, string> = {}) => new CliError({ code, params }, EXIT_CONTENT);

/** The public key file, or the officer's message: missing, or not a minisign key. */
export function readPublicKeyFile(file: string): PublicKey {
  if (!existsSync(file)) throw refuse('package.no-public-key', { value: shownPath(file) });
  try {
    return parsePublicKey(readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof MinisignError) throw refuse('package.bad-key', { value: shownPath(file) });
    throw e;
  }
}

/**
 * Both key files are there and are minisign keys; a secret key without a password must also be
 * the public key's pair (an encrypted one can only be matched once unlocked: unlockKeyPair).
 */
export function checkKeyFiles(files: KeyFiles): KeyFacts {
  const publicKey = readPublicKeyFile(files.publicKey);
  if (!existsSync(files.secretKey)) throw refuse('package.no-secret-key', { value: shownPath(files.secretKey) });
  const secretText = readFileSync(files.secretKey, 'utf8');
  let encrypted: boolean;
  try {
    encrypted = secretKeyIsEncrypted(secretText);
  } catch (e) {
    if (e instanceof MinisignError) throw refuse('package.bad-key', { value: shownPath(files.secretKey) });
    throw e;
  }
  const facts = { publicKey, secretText, encrypted };
  if (!encrypted) unlockKeyPair(files, facts);
  return facts;
}

/** The secret key, unlocked with `password` when it has one (scrypt: a few seconds) and proven the public key's pair. */
export function unlockKeyPair(files: KeyFiles, facts: KeyFacts, password?: string): { publicKey: PublicKey; secretKey: SecretKey } {
  let secretKey: SecretKey;
  try {
    secretKey = parseSecretKey(facts.secretText, facts.encrypted ? (password ?? '') : undefined);
  } catch (e) {
    if (!(e instanceof MinisignError)) throw e;
    // minisign.ts speaks English to developers; the officer gets one of two plain answers.
    if (/wrong password|password is needed/.test(e.message)) throw refuse('package.wrong-password');
    throw refuse('package.bad-key', { value: shownPath(files.secretKey) });
  }
  if (!isPairOf(secretKey, facts.publicKey)) {
    throw refuse('package.key-mismatch', { value: keyIdOf(secretKey.keyNum), file: shownPath(files.publicKey), other: keyIdOf(facts.publicKey.keyNum) });
  }
  return { publicKey: facts.publicKey, secretKey };
}
