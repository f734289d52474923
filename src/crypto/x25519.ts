/**
 * The X25519 half of DHKEM(X25519, HKDF-SHA256) (RFC 9180 §4.1, §7.1): keys, the Diffie-Hellman
 * step through WebCrypto, and Encap/Decap over a given HKDF. `x25519-kem.ts` and
 * `x25519-sender-kem.ts` wrap these as KEMs for the `hpke` package.
 *
 * Why our own KEM rather than `hpke`'s `KEM_DHKEM_X25519_HKDF_SHA256`: that one always runs the
 * KEM's HKDF through WebCrypto, four asynchronous HMAC key imports per encapsulation; that, not the
 * curve, is where the time of an open goes. Here X25519 stays in WebCrypto (native; keys can be
 * non-extractable) and the HKDF is a parameter: synchronous where opens must be fast, WebCrypto's
 * where bytes matter more (a field frame seals a few values). Owning the labeled steps also lets
 * every intermediate secret be wiped.
 *
 * Pure: WebCrypto via the global `crypto`, no DOM, no Node built-ins.
 *
 * @module
 */
import type { KDF, KeyPair } from 'hpke'
import { b64uEncode, concatBytes, utf8, wipe } from './bytes.js'

/** KEM id of DHKEM(X25519, HKDF-SHA256), RFC 9180 §7.1. */
export const KEM_ID = 0x0020
/** Nsecret, Nenc, Npk, Nsk of DHKEM(X25519, HKDF-SHA256): all 32 bytes. */
export const N = 32
export const ALGORITHM = { name: 'X25519' } as const

/** RFC 9180 §4.1: suite_id = concat("KEM", I2OSP(kem_id, 2)). */
const SUITE_ID = concatBytes(utf8('KEM'), Uint8Array.of(KEM_ID >> 8, KEM_ID & 0xff))
const HPKE_V1 = utf8('HPKE-v1')
const EMPTY = new Uint8Array(0)

/** The two HKDF stages the KEM needs (RFC 5869), as `hpke`'s KDF interface has them. */
export type HkdfSha256 = Pick<KDF, 'Extract' | 'Expand'>

/**
 * An X25519 key as the KEMs hold it: the WebCrypto handle and the raw public key bytes, so that a
 * decapsulation needs no export to build `kem_context`.
 */
export class X25519Key {
  readonly algorithm = ALGORITHM
  readonly type: 'private' | 'public'
  readonly extractable: boolean
  /** The WebCrypto key (private keys: `deriveBits`; public keys: no usages). */
  readonly handle: CryptoKey
  /** The 32-byte public key (for a private key: its own public key). */
  readonly publicBytes: Uint8Array

  /** @internal use the import functions of this module */
  constructor(type: 'private' | 'public', handle: CryptoKey, publicBytes: Uint8Array) {
    this.type = type
    this.handle = handle
    this.extractable = handle.extractable
    this.publicBytes = publicBytes
  }
}

/** RFC 9180 §4: LabeledExtract(salt, label, ikm), with the labeled ikm wiped after use. */
export async function labeledExtract(kdf: HkdfSha256, salt: Uint8Array, label: string, ikm: Uint8Array): Promise<Uint8Array> {
  const labeledIkm = concatBytes(HPKE_V1, SUITE_ID, utf8(label), ikm)
  try {
    return await kdf.Extract(salt, labeledIkm)
  } finally {
    wipe(labeledIkm)
  }
}

/** RFC 9180 §4: LabeledExpand(prk, label, info, L). */
export function labeledExpand(kdf: HkdfSha256, prk: Uint8Array, label: string, info: Uint8Array, L: number): Promise<Uint8Array> {
  return kdf.Expand(prk, concatBytes(Uint8Array.of(L >> 8, L & 0xff), HPKE_V1, SUITE_ID, utf8(label), info), L)
}

/** RFC 9180 §4.1: ExtractAndExpand(dh, kem_context). Wipes `dh` and the PRK. */
async function extractAndExpand(kdf: HkdfSha256, dh: Uint8Array, kemContext: Uint8Array): Promise<Uint8Array> {
  let eaePrk: Uint8Array | undefined
  try {
    eaePrk = await labeledExtract(kdf, EMPTY, 'eae_prk', dh)
    return await labeledExpand(kdf, eaePrk, 'shared_secret', kemContext, N)
  } finally {
    wipe(dh, eaePrk)
  }
}

/** DH(sk, pk) through WebCrypto; RFC 7748 §6.1 / RFC 9180 §7.1.4: abort on the all-zero output. */
async function dh(privateKey: CryptoKey, publicKey: CryptoKey): Promise<Uint8Array> {
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: publicKey }, privateKey, 256))
  let acc = 0
  for (const b of bits) acc |= b
  if (acc === 0) throw new Error('X25519 produced the all-zero value')
  return bits
}

/**
 * The two u-coordinates of order 8 on Curve25519, base64url of their 32 little-endian bytes; the
 * other points of small order are 0, 1 and p − 1, and p and p + 1 encode 0 and 1 again.
 */
const ORDER_8 = ['4Ot6fDtBuK4WVuP68Z_EatoJjeucMrH9hmIFFl9JuAA', 'X5yVvKNQjCSx0LFVnIPvWwREXMRYHI6G2CJO3dCfEVc']

/**
 * Whether `raw` (a 32-byte X25519 public key) is a point of small order, in any of its encodings
 * (the top bit is ignored, RFC 7748 §5): a Diffie-Hellman with it gives the all-zero value
 * whatever the private key (RFC 7748 §6.1, RFC 9180 §7.1.4), so no key can be sealed to it.
 */
export function isLowOrderX25519(raw: Uint8Array): boolean {
  const u = raw.slice()
  u[31]! &= 0x7f
  const middle = u.subarray(1, 31)
  // 0 and 1; p − 1, p and p + 1 (0xec, 0xed, 0xee, then thirty 0xff and 0x7f).
  if (u[0]! <= 1 && middle.every((b) => b === 0) && u[31] === 0) return true
  if (u[0]! >= 0xec && u[0]! <= 0xee && middle.every((b) => b === 0xff) && u[31] === 0x7f) return true
  return ORDER_8.includes(b64uEncode(u))
}

/** Imports a raw 32-byte X25519 public key (RFC 9180 §7.1.1 DeserializePublicKey). */
export async function importX25519Public(raw: Uint8Array): Promise<X25519Key> {
  if (raw.length !== N) throw new Error('X25519 public keys are 32 bytes')
  const bytes = raw.slice()
  return new X25519Key('public', await crypto.subtle.importKey('raw', bytes, ALGORITHM, true, []), bytes)
}

/**
 * Imports an X25519 private key from a JWK's `d` and `x` (RFC 8037 §2). The private scalar never
 * passes through this library's own buffers: WebCrypto parses the JWK.
 */
export async function importX25519PrivateJwk(jwk: { x: string; d: string }, publicBytes: Uint8Array): Promise<X25519Key> {
  const handle = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'X25519', x: jwk.x, d: jwk.d }, ALGORITHM, false, ['deriveBits'])
  return new X25519Key('private', handle, publicBytes.slice())
}

/** Wraps an existing WebCrypto X25519 private key (e.g. a non-extractable desk key). */
export function x25519PrivateFromCryptoKey(handle: CryptoKey, publicBytes: Uint8Array): X25519Key {
  if (handle.algorithm.name !== 'X25519' || handle.type !== 'private') throw new TypeError('expected an X25519 private CryptoKey')
  return new X25519Key('private', handle, publicBytes.slice())
}

/** A fresh random key pair (RFC 9180 §7.1 GenerateKeyPair). */
export async function generateX25519(extractable: boolean): Promise<KeyPair<X25519Key>> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, extractable, ['deriveBits'])) as CryptoKeyPair
  const pk = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  return { privateKey: new X25519Key('private', pair.privateKey, pk), publicKey: new X25519Key('public', pair.publicKey, pk.slice()) }
}

/**
 * What both X25519 KEMs (full and sender-only) share: the identity and sizes of
 * DHKEM(X25519, HKDF-SHA256) (RFC 9180 §7.1) and its public-key operations.
 */
export const X25519_KEM_COMMON = {
  id: KEM_ID,
  type: 'KEM',
  name: 'DHKEM(X25519, HKDF-SHA256)',
  Nsecret: N,
  Nenc: N,
  Npk: N,
  Nsk: N,
  GenerateKeyPair: generateX25519,
  // RFC 9180 §7.1.1: SerializePublicKey is the 32-byte u-coordinate.
  SerializePublicKey: async (key: X25519Key) => key.publicBytes.slice(),
  DeserializePublicKey: importX25519Public,
} as const

/** RFC 9180 §4.1 Encap(pkR): an ephemeral key pair, DH, and the shared secret. */
export async function encap(
  kdf: HkdfSha256,
  pkR: X25519Key,
  ephemeral: () => Promise<KeyPair<X25519Key>>,
): Promise<{ shared_secret: Uint8Array; enc: Uint8Array }> {
  const e = await ephemeral()
  const enc = e.publicKey.publicBytes.slice()
  const secret = await dh(e.privateKey.handle, pkR.handle)
  return { shared_secret: await extractAndExpand(kdf, secret, concatBytes(enc, pkR.publicBytes)), enc }
}

/** RFC 9180 §4.1 Decap(enc, skR). */
export async function decap(kdf: HkdfSha256, enc: Uint8Array, skR: X25519Key): Promise<Uint8Array> {
  const pkE = await importX25519Public(enc)
  const secret = await dh(skR.handle, pkE.handle)
  return extractAndExpand(kdf, secret, concatBytes(enc, skR.publicBytes))
}
