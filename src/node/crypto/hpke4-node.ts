/**
 * `HPKE_4_NODE`: the `HPKE-4` suite on Node's own native primitives — HMAC-SHA256 for the HKDF of
 * the KEM and of the key schedule, ChaCha20-Poly1305 from OpenSSL — with X25519 through WebCrypto
 * as everywhere. Same algorithm, same envelopes, checked against the same RFC 9180 vectors; it
 * only opens faster than the pure suite, because the hashing that dominates an open no longer runs
 * in JavaScript.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto'
import type { AEAD, AEADFactory, KDF, KDFFactory } from 'hpke'
import { createHpke4Suite, type Suite } from '../../crypto/suite.js'

const HASH_LENGTH = 32
const ZERO_SALT = new Uint8Array(HASH_LENGTH)

function hmac(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const mac = createHmac('sha256', key)
  for (const p of parts) mac.update(p)
  const out = mac.digest()
  return new Uint8Array(out.buffer, out.byteOffset, out.length)
}

const kdf: KDF = {
  id: 0x0001,
  type: 'KDF',
  name: 'HKDF-SHA256',
  Nh: HASH_LENGTH,
  stages: 2,
  // RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM); an empty salt is HashLen zeros.
  async Extract(salt, ikm) {
    return hmac(salt.length ? salt : ZERO_SALT, ikm)
  },
  // RFC 5869 §2.3: T(i) = HMAC-Hash(PRK, T(i-1) | info | i), OKM = first L bytes of T(1) | T(2) | …
  async Expand(prk, info, L) {
    const okm = new Uint8Array(L)
    let t: Uint8Array = new Uint8Array(0)
    for (let i = 1, offset = 0; offset < L; i++, offset += HASH_LENGTH) {
      const next = hmac(prk, t, info, Uint8Array.of(i))
      t.fill(0)
      t = next
      okm.set(t.subarray(0, Math.min(HASH_LENGTH, L - offset)), offset)
    }
    t.fill(0)
    return okm
  },
  async Derive() {
    throw new Error('HKDF is a two-stage KDF')
  },
}

const TAG_LENGTH = 16

const aead: AEAD = {
  id: 0x0003,
  type: 'AEAD',
  name: 'ChaCha20Poly1305',
  Nk: 32,
  Nn: 12,
  Nt: TAG_LENGTH,
  async Seal(key, nonce, aad, pt) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_LENGTH })
    cipher.setAAD(aad, { plaintextLength: pt.length })
    const head = cipher.update(pt)
    const tail = cipher.final()
    const out = new Uint8Array(head.length + tail.length + TAG_LENGTH)
    out.set(head)
    out.set(tail, head.length)
    out.set(cipher.getAuthTag(), head.length + tail.length)
    return out
  },
  async Open(key, nonce, aad, ct) {
    if (ct.length < TAG_LENGTH) throw new Error('ciphertext shorter than its tag')
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_LENGTH })
    decipher.setAAD(aad, { plaintextLength: ct.length - TAG_LENGTH })
    decipher.setAuthTag(ct.subarray(ct.length - TAG_LENGTH))
    const head = decipher.update(ct.subarray(0, ct.length - TAG_LENGTH))
    // final() throws on a bad tag; the partial output is wiped before the error leaves.
    let tail: Buffer
    try {
      tail = decipher.final()
    } catch (error) {
      head.fill(0)
      throw error
    }
    const out = new Uint8Array(head.length + tail.length)
    out.set(head)
    out.set(tail, head.length)
    head.fill(0)
    tail.fill(0)
    return out
  },
}

/** HKDF-SHA256 on Node's HMAC. */
export const KDF_HKDF_SHA256_NODE: KDFFactory = () => kdf
/** ChaCha20-Poly1305 on Node's OpenSSL. */
export const AEAD_CHACHA20_POLY1305_NODE: AEADFactory = () => aead

/** `HPKE-4` on Node's native primitives: pass as `{ suite: HPKE_4_NODE }` to `open` and `seal`. */
export const HPKE_4_NODE: Suite = createHpke4Suite(KDF_HKDF_SHA256_NODE, AEAD_CHACHA20_POLY1305_NODE)
