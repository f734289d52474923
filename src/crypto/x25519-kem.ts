/**
 * DHKEM(X25519, HKDF-SHA256) — RFC 9180 §4.1 and §7.1 — as a KEM for the `hpke` package.
 *
 * Why not `hpke`'s own `KEM_DHKEM_X25519_HKDF_SHA256`: it runs the KEM's HKDF through WebCrypto,
 * which costs four asynchronous HMAC key imports per encapsulation; that, not the curve, is where
 * the time of an open goes. Here the X25519 scalar multiplications stay in WebCrypto (native,
 * keys can be non-extractable) and the few hundred bytes of HKDF run synchronously in
 * `@noble/hashes`, which also lets every intermediate secret be wiped. The key schedule, the AEAD
 * and the context handling remain `hpke`'s: this file only supplies the KEM interface.
 *
 * Pure: WebCrypto via the global `crypto`, no DOM, no Node built-ins.
 *
 * @module
 */
import type { KEM, KEMFactory, KeyPair } from 'hpke'
import { extract, expand } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { b64uDecode, concatBytes, utf8, wipe } from './bytes.js'

const KEM_ID = 0x0020
const N_SECRET = 32
const N_PK = 32
const N_SK = 32
const ALGORITHM = { name: 'X25519' } as const

/** RFC 9180 §4.1: suite_id = concat("KEM", I2OSP(kem_id, 2)). */
const SUITE_ID = concatBytes(utf8('KEM'), Uint8Array.of(KEM_ID >> 8, KEM_ID & 0xff))
const HPKE_V1 = utf8('HPKE-v1')
const L_EAE_PRK = utf8('eae_prk')
const L_SHARED_SECRET = utf8('shared_secret')
const L_DKP_PRK = utf8('dkp_prk')
const L_SK = utf8('sk')
const EMPTY = new Uint8Array(0)

/** RFC 8410 PKCS #8 prefix of an X25519 private key, followed by the 32-byte scalar. */
const PKCS8_PREFIX = Uint8Array.of(
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
)

/**
 * An X25519 key as this KEM holds it: the WebCrypto handle and the raw public key bytes, so that a
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

  /** @internal use {@link importX25519Private} / {@link importX25519Public} */
  constructor(type: 'private' | 'public', handle: CryptoKey, publicBytes: Uint8Array) {
    this.type = type
    this.handle = handle
    this.extractable = handle.extractable
    this.publicBytes = publicBytes
  }
}

/** RFC 9180 §4: LabeledExtract(salt, label, ikm), with the labeled ikm wiped after use. */
function labeledExtract(salt: Uint8Array, label: Uint8Array, ikm: Uint8Array): Uint8Array {
  const labeledIkm = concatBytes(HPKE_V1, SUITE_ID, label, ikm)
  try {
    return extract(sha256, labeledIkm, salt)
  } finally {
    wipe(labeledIkm)
  }
}

/** RFC 9180 §4: LabeledExpand(prk, label, info, L). */
function labeledExpand(prk: Uint8Array, label: Uint8Array, info: Uint8Array, L: number): Uint8Array {
  const labeledInfo = concatBytes(Uint8Array.of(L >> 8, L & 0xff), HPKE_V1, SUITE_ID, label, info)
  return expand(sha256, prk, labeledInfo, L)
}

/** RFC 9180 §4.1: ExtractAndExpand(dh, kem_context). Wipes `dh` and the PRK. */
function extractAndExpand(dh: Uint8Array, kemContext: Uint8Array): Uint8Array {
  let eaePrk: Uint8Array | undefined
  try {
    eaePrk = labeledExtract(EMPTY, L_EAE_PRK, dh)
    return labeledExpand(eaePrk, L_SHARED_SECRET, kemContext, N_SECRET)
  } finally {
    wipe(dh, eaePrk)
  }
}

/** RFC 7748 §6.1: a zero shared secret means a low-order point; DHKEM must abort (RFC 9180 §7.1.4). */
function assertNonZero(dh: Uint8Array): void {
  let acc = 0
  for (const b of dh) acc |= b
  if (acc === 0) throw new Error('X25519 produced the all-zero value')
}

async function dh(privateKey: CryptoKey, publicKey: CryptoKey): Promise<Uint8Array> {
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'X25519', public: publicKey }, privateKey, 256),
  )
  assertNonZero(bits)
  return bits
}

/** Imports a raw 32-byte X25519 public key. */
export async function importX25519Public(raw: Uint8Array): Promise<X25519Key> {
  if (raw.length !== N_PK) throw new Error('X25519 public keys are 32 bytes')
  const bytes = raw.slice()
  const handle = await crypto.subtle.importKey('raw', bytes, ALGORITHM, true, [])
  return new X25519Key('public', handle, bytes)
}

/**
 * Imports an X25519 private key from a JWK's `d` and `x` (RFC 8037 §2). The private scalar never
 * passes through this library's own buffers: WebCrypto parses the JWK.
 */
export async function importX25519PrivateJwk(
  jwk: { x: string; d: string },
  publicBytes: Uint8Array,
  extractable = false,
): Promise<X25519Key> {
  const handle = await crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'X25519', x: jwk.x, d: jwk.d },
    ALGORITHM,
    extractable,
    ['deriveBits'],
  )
  return new X25519Key('private', handle, publicBytes.slice())
}

/** Wraps an existing WebCrypto X25519 private key (e.g. a non-extractable desk key). */
export function x25519PrivateFromCryptoKey(handle: CryptoKey, publicBytes: Uint8Array): X25519Key {
  if (handle.algorithm.name !== 'X25519' || handle.type !== 'private') {
    throw new TypeError('expected an X25519 private CryptoKey')
  }
  return new X25519Key('private', handle, publicBytes.slice())
}

async function fromScalar(sk: Uint8Array, extractable: boolean): Promise<KeyPair<X25519Key>> {
  const pkcs8 = concatBytes(PKCS8_PREFIX, sk)
  try {
    // Import extractable once to learn the public key (WebCrypto has no portable getPublicKey),
    // then again with the requested extractability.
    const probe = await crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, true, ['deriveBits'])
    const { x } = await crypto.subtle.exportKey('jwk', probe)
    const pk = b64uDecode(x ?? '')
    if (!pk) throw new Error('unexpected JWK export')
    const handle = extractable
      ? probe
      : await crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, false, ['deriveBits'])
    return {
      privateKey: new X25519Key('private', handle, pk),
      publicKey: await importX25519Public(pk),
    }
  } finally {
    wipe(pkcs8)
  }
}

/** Options of {@link createX25519Kem}. */
export interface X25519KemOptions {
  /**
   * Test hook only: supplies the ephemeral key pair instead of a random one, so that RFC 9180
   * Appendix A vectors (which fix `ikmE`) can check the sender side. Never set in production.
   */
  ephemeral?: () => Promise<KeyPair<X25519Key>>
}

/**
 * Makes the KEM factory. {@link KEM_X25519_HKDF_SHA256} is the production instance.
 */
export function createX25519Kem(options: X25519KemOptions = {}): KEMFactory<X25519Key> {
  const kem: KEM<X25519Key> = {
    id: KEM_ID,
    type: 'KEM',
    name: 'DHKEM(X25519, HKDF-SHA256)',
    Nsecret: N_SECRET,
    Nenc: N_PK,
    Npk: N_PK,
    Nsk: N_SK,

    // RFC 9180 §7.1.3 DeriveKeyPair for X25519.
    async DeriveKeyPair(ikm, extractable) {
      const dkpPrk = labeledExtract(EMPTY, L_DKP_PRK, ikm)
      const sk = labeledExpand(dkpPrk, L_SK, EMPTY, N_SK)
      try {
        return await fromScalar(sk, extractable)
      } finally {
        wipe(dkpPrk, sk)
      }
    },

    async GenerateKeyPair(extractable) {
      const pair = (await crypto.subtle.generateKey(ALGORITHM, extractable, [
        'deriveBits',
      ])) as CryptoKeyPair
      const pk = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
      return {
        privateKey: new X25519Key('private', pair.privateKey, pk),
        publicKey: new X25519Key('public', pair.publicKey, pk.slice()),
      }
    },

    // RFC 9180 §7.1.1: SerializePublicKey is the 32-byte u-coordinate.
    async SerializePublicKey(key) {
      return key.publicBytes.slice()
    },

    async DeserializePublicKey(raw) {
      return importX25519Public(raw)
    },

    async SerializePrivateKey(key) {
      const { d } = await crypto.subtle.exportKey('jwk', key.handle)
        const sk = b64uDecode(d ?? '')
      if (!sk) throw new Error('unexpected JWK export')
      return sk
    },

    async DeserializePrivateKey(raw, extractable) {
      if (raw.length !== N_SK) throw new Error('X25519 private keys are 32 bytes')
      return (await fromScalar(raw, extractable)).privateKey
    },

    // RFC 9180 §4.1 Encap(pkR).
    async Encap(pkR) {
      const ephemeral = options.ephemeral ? await options.ephemeral() : await this.GenerateKeyPair(false)
      const enc = ephemeral.publicKey.publicBytes.slice()
      const secret = await dh(ephemeral.privateKey.handle, pkR.handle)
      const kemContext = concatBytes(enc, pkR.publicBytes)
      return { shared_secret: extractAndExpand(secret, kemContext), enc }
    },

    // RFC 9180 §4.1 Decap(enc, skR).
    async Decap(enc, skR) {
      const pkE = await importX25519Public(enc)
      const secret = await dh(skR.handle, pkE.handle)
      const kemContext = concatBytes(enc, skR.publicBytes)
      return extractAndExpand(secret, kemContext)
    },
  }
  return () => kem
}

/** DHKEM(X25519, HKDF-SHA256), KEM id 0x0020 (RFC 9180 §7.1). */
export const KEM_X25519_HKDF_SHA256: KEMFactory<X25519Key> = createX25519Kem()
