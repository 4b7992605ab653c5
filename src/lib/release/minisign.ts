// Ed25519 keys and signatures in minisign's file formats, with node:crypto only, so that anyone can
// check a release with the real tool: `minisign -Vm SHA256SUMS -P <public key>`.
//
// Formats (as minisign 0.11 writes and reads them):
//   public key   "untrusted comment: minisign public key <ID>\n" + base64("Ed" keynum[8] pk[32])
//   secret key   "untrusted comment: ...\n" + base64("Ed" kdf[2] "B2" salt[32] ops[8] mem[8]
//                keynum[8] sk[64] chk[32]), the last 104 bytes XOR-ed with scrypt(password) when
//                kdf is "Sc"; kdf 0x0000 means not encrypted (minisign -W). chk = BLAKE2b-256 of
//                "Ed" + keynum + sk; sk is libsodium's seed[32] + pk[32].
//   signature    "untrusted comment: ...\n" + base64("ED" keynum[8] sig[64]) + "\n"
//                "trusted comment: <text>\n" + base64(global_sig[64]) + "\n"
//                sig signs BLAKE2b-512(file) ("ED", minisign's default; "Ed" signs the raw file),
//                global_sig signs sig + the trusted comment text.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, createHash, type KeyObject } from 'node:crypto';
import { blake2b } from './blake2b.ts';

const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';

/** libsodium's scryptsalsa208sha256 "sensitive" limits, minisign's defaults (N=2^20, r=8, p=1: 1 GiB). */
export const OPSLIMIT_SENSITIVE = 33554432n;
export const MEMLIMIT_SENSITIVE = 1073741824n;

export interface PublicKey {
  keyNum: Buffer;
  /** Raw 32-byte Ed25519 public key. */
  key: Buffer;
}

export interface SecretKey extends PublicKey {
  /** 32-byte Ed25519 seed. */
  seed: Buffer;
}

export class MinisignError extends Error {
  override name = 'MinisignError';
}

/** The key id as minisign prints it: the key number read as a little-endian 64-bit integer, in hex. */
export function keyIdOf(keyNum: Buffer): string {
  return keyNum.readBigUInt64LE(0).toString(16).toUpperCase();
}

/** The second line of the public key file, also what `minisign -P` takes. */
export function publicKeyLine(pk: PublicKey): string {
  return Buffer.concat([Buffer.from('Ed'), pk.keyNum, pk.key]).toString('base64');
}

export function formatPublicKey(pk: PublicKey): string {
  return `${UNTRUSTED}minisign public key ${keyIdOf(pk.keyNum)}\n${publicKeyLine(pk)}\n`;
}

/** Reads a public key file, or the bare base64 line. */
export function parsePublicKey(text: string): PublicKey {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => !l.startsWith(UNTRUSTED)) ?? '';
  const raw = Buffer.from(line, 'base64');
  if (raw.length !== 42 || raw.subarray(0, 2).toString('latin1') !== 'Ed') {
    throw new MinisignError('not a minisign public key');
  }
  return { keyNum: raw.subarray(2, 10), key: raw.subarray(10, 42) };
}

function privateKeyObject(sk: SecretKey): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: sk.seed.toString('base64url'), x: sk.key.toString('base64url') }, format: 'jwk' });
}

function publicKeyObject(pk: PublicKey): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pk.key.toString('base64url') }, format: 'jwk' });
}

export function generateKey(): SecretKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { keyNum: randomBytes(8), seed: Buffer.from(jwk.d!, 'base64url'), key: Buffer.from(jwk.x!, 'base64url') };
}

/** libsodium's pickparams for crypto_pwhash_scryptsalsa208sha256: ops/mem limits → N, r, p. */
export function scryptParams(opslimit: bigint, memlimit: bigint): { N: number; r: number; p: number } {
  const ops = opslimit < 32768n ? 32768n : opslimit;
  const r = 8n;
  let nLog2 = 1n;
  let p = 1n;
  if (ops < memlimit / 32n) {
    const maxN = ops / (r * 4n);
    while (nLog2 < 63n && !(1n << nLog2 > maxN / 2n)) nLog2++;
  } else {
    const maxN = memlimit / (r * 128n);
    while (nLog2 < 63n && !(1n << nLog2 > maxN / 2n)) nLog2++;
    let maxrp = ops / 4n / (1n << nLog2);
    if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
    p = maxrp / r;
  }
  return { N: Number(1n << nLog2), r: Number(r), p: Number(p) };
}

function keyStream(password: string, salt: Buffer, opslimit: bigint, memlimit: bigint): Buffer {
  const { N, r, p } = scryptParams(opslimit, memlimit);
  return scryptSync(Buffer.from(password, 'utf8'), salt, 104, { N, r, p, maxmem: 128 * N * r * p + 64 * 1024 * 1024 });
}

function checksum(keyNum: Buffer, sk64: Buffer): Buffer {
  return blake2b(Buffer.concat([Buffer.from('Ed'), keyNum, sk64]), 32);
}

/**
 * The secret key file. With a password it is encrypted exactly as `minisign -G` does (scrypt with
 * minisign's default limits unless told otherwise); without, it is what `minisign -G -W` writes.
 */
export function formatSecretKey(sk: SecretKey, password?: string, limits = { ops: OPSLIMIT_SENSITIVE, mem: MEMLIMIT_SENSITIVE }): string {
  const sk64 = Buffer.concat([sk.seed, sk.key]);
  const secret = Buffer.concat([sk.keyNum, sk64, checksum(sk.keyNum, sk64)]);
  const salt = password ? randomBytes(32) : Buffer.alloc(32);
  const ops = Buffer.alloc(8);
  const mem = Buffer.alloc(8);
  if (password) {
    ops.writeBigUInt64LE(limits.ops);
    mem.writeBigUInt64LE(limits.mem);
    const stream = keyStream(password, salt, limits.ops, limits.mem);
    for (let i = 0; i < secret.length; i++) secret[i]! ^= stream[i]!;
  }
  const kdf = password ? Buffer.from('Sc') : Buffer.alloc(2);
  const body = Buffer.concat([Buffer.from('Ed'), kdf, Buffer.from('B2'), salt, ops, mem, secret]);
  const comment = password ? 'minisign encrypted secret key' : 'minisign secret key (not encrypted)';
  return `${UNTRUSTED}${comment}\n${body.toString('base64')}\n`;
}

function secretKeyBytes(text: string): Buffer {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith(UNTRUSTED)) ?? '';
  const raw = Buffer.from(line, 'base64');
  if (raw.length !== 158 || raw.subarray(0, 2).toString('latin1') !== 'Ed' || raw.subarray(4, 6).toString('latin1') !== 'B2') {
    throw new MinisignError('not a minisign secret key');
  }
  return raw;
}

export function secretKeyIsEncrypted(text: string): boolean {
  return secretKeyBytes(text).subarray(2, 4).toString('latin1') === 'Sc';
}

/** Reads (and with `password`, decrypts) a secret key file written by us or by minisign. */
export function parseSecretKey(text: string, password?: string): SecretKey {
  const raw = secretKeyBytes(text);
  const kdf = raw.subarray(2, 4);
  const secret = Buffer.from(raw.subarray(54, 158));
  if (kdf.toString('latin1') === 'Sc') {
    if (password === undefined) throw new MinisignError('the secret key is encrypted: a password is needed');
    const stream = keyStream(password, raw.subarray(6, 38), raw.readBigUInt64LE(38), raw.readBigUInt64LE(46));
    for (let i = 0; i < secret.length; i++) secret[i]! ^= stream[i]!;
  } else if (kdf.readUInt16LE(0) !== 0) {
    throw new MinisignError('unsupported key derivation in the secret key');
  }
  const keyNum = secret.subarray(0, 8);
  const sk64 = secret.subarray(8, 72);
  const chk = secret.subarray(72, 104);
  // minisign -W leaves the checksum zero; an encrypted key must match it (else: wrong password).
  const unchecked = kdf.readUInt16LE(0) === 0 && chk.every((b) => b === 0);
  if (!unchecked && !checksum(keyNum, sk64).equals(chk)) {
    throw new MinisignError(kdf.toString('latin1') === 'Sc' ? 'wrong password for the secret key' : 'the secret key is damaged');
  }
  const sk: SecretKey = { keyNum: Buffer.from(keyNum), seed: Buffer.from(sk64.subarray(0, 32)), key: Buffer.from(sk64.subarray(32, 64)) };
  // The public half stored in the file must be the one the seed gives, or signatures won't verify.
  const derived = createPublicKey(privateKeyObject(sk)).export({ format: 'jwk' }).x;
  if (derived !== sk.key.toString('base64url')) throw new MinisignError('the secret key is damaged');
  return sk;
}

export interface SignOptions {
  /** Shown by `minisign -V` as "Trusted comment: …" and covered by the signature. One line. */
  trustedComment: string;
  untrustedComment?: string;
}

/** A detached signature file (`<file>.minisig`) for `message`, prehashed ("ED") like minisign's default. */
export function signMessage(message: Uint8Array, sk: SecretKey, options: SignOptions): string {
  const { trustedComment } = options;
  const untrusted = options.untrustedComment ?? 'signature from minisign secret key';
  if (/[\r\n]/.test(trustedComment) || /[\r\n]/.test(untrusted)) throw new MinisignError('comments must be one line');
  const key = privateKeyObject(sk);
  const sig = sign(null, createHash('blake2b512').update(message).digest(), key);
  const globalSig = sign(null, Buffer.concat([sig, Buffer.from(trustedComment, 'utf8')]), key);
  const sigLine = Buffer.concat([Buffer.from('ED'), sk.keyNum, sig]).toString('base64');
  return `${UNTRUSTED}${untrusted}\n${sigLine}\n${TRUSTED}${trustedComment}\n${globalSig.toString('base64')}\n`;
}

export interface Verification {
  ok: boolean;
  trustedComment?: string;
  reason?: string;
}

/** What `minisign -Vm` does: key id match, signature over the file, signature over the trusted comment. */
export function verifyMessage(message: Uint8Array, signatureText: string, pk: PublicKey): Verification {
  const lines = signatureText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sigRaw = Buffer.from(lines[1]?.trim() ?? '', 'base64');
  const trustedLine = lines[2] ?? '';
  const globalSig = Buffer.from(lines[3]?.trim() ?? '', 'base64');
  if (!lines[0]?.startsWith(UNTRUSTED) || sigRaw.length !== 74 || !trustedLine.startsWith(TRUSTED) || globalSig.length !== 64) {
    return { ok: false, reason: 'not a minisign signature' };
  }
  const alg = sigRaw.subarray(0, 2).toString('latin1');
  if (alg !== 'ED' && alg !== 'Ed') return { ok: false, reason: 'unsupported signature algorithm' };
  if (!sigRaw.subarray(2, 10).equals(pk.keyNum)) return { ok: false, reason: 'signed with another key' };
  const sig = sigRaw.subarray(10, 74);
  const signed = alg === 'ED' ? createHash('blake2b512').update(message).digest() : message;
  const key = publicKeyObject(pk);
  if (!verify(null, signed, key, sig)) return { ok: false, reason: 'signature verification failed' };
  const trustedComment = trustedLine.slice(TRUSTED.length);
  if (!verify(null, Buffer.concat([sig, Buffer.from(trustedComment, 'utf8')]), key, globalSig)) {
    return { ok: false, reason: 'trusted comment verification failed' };
  }
  return { ok: true, trustedComment };
}

/** True when the secret key belongs to the public key (same key number and key). */
export function isPairOf(sk: SecretKey, pk: PublicKey): boolean {
  return sk.keyNum.equals(pk.keyNum) && sk.key.equals(pk.key);
}
