/**
 * The desk's X25519 key, made and kept on the frame origin. Only its public JWK ever leaves. (A
 * post-quantum desk key is `desk-pq-key.ts`.)
 *
 * With PRF (the authenticator's pseudo-random function, WebAuthn L3 §10.1.4), the private key is
 * generated extractable for exactly one operation — wrapping its PKCS #8 form under an AES-GCM key
 * derived (HKDF-SHA256, RFC 5869) from the PRF output — and only the wrapped bytes are stored.
 * Each reveal asks the authenticator again and unwraps a non-extractable key for that reveal only,
 * so the stored record is useless without the authenticator. Without PRF the key is generated
 * non-extractable and the CryptoKey itself is stored (IndexedDB keeps it opaque).
 *
 * @module
 */
import { b64uEncode, utf8, wipe } from '../../crypto/bytes.js'
import { x25519Thumbprint as thumbprint, type PublicJwk } from '../../crypto/jwk.js'
import type { StoredDeskKey } from './desk-store.js'

const X25519 = { name: 'X25519' } as const
const AES_GCM = 'AES-GCM'
/** HKDF `info`: names the purpose, so this PRF output derives nothing else by accident. */
const WRAP_INFO = 'secure-fields/desk-key-wrap/v1'

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

/** X25519 desk key algorithms: compact envelopes, or envelopes with several recipients. */
export type X25519DeskAlg = 'HPKE-4' | 'HPKE-4-KE'

/** The public JWK of a raw X25519 public key, `kid` = RFC 7638 thumbprint. */
async function publicJwkOf(publicKey: CryptoKey, alg: X25519DeskAlg): Promise<PublicJwk> {
  const x = b64uEncode(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)))
  return { kty: 'OKP', crv: 'X25519', x, kid: await thumbprint({ x }), alg, use: 'enc' }
}

/**
 * HKDF-SHA256(PRF output, salt, info = purpose ‖ kid) → a non-extractable AES-256-GCM key that can
 * only wrap and unwrap. The PRF bytes are imported, not kept: the caller wipes them.
 */
async function wrappingKey(prfOutput: Uint8Array<ArrayBuffer>, hkdfSalt: ArrayBuffer, kid: string): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info: utf8(`${WRAP_INFO}:${kid}`) },
    ikm,
    { name: AES_GCM, length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  )
}

/** A new desk key and the form it is stored in. */
export interface NewDeskKey {
  publicJwk: PublicJwk
  stored: StoredDeskKey
}

/** A new desk key kept as a non-extractable CryptoKey (no PRF). */
export async function createDeviceKey(alg: X25519DeskAlg = 'HPKE-4'): Promise<NewDeskKey> {
  const pair = (await crypto.subtle.generateKey(X25519, false, ['deriveBits'])) as CryptoKeyPair
  return { publicJwk: await publicJwkOf(pair.publicKey, alg), stored: { type: 'crypto-key', key: pair.privateKey } }
}

/**
 * A new desk key wrapped under the PRF output. The private key is extractable only inside this
 * function, only to be wrapped; the additional data binds the wrapped bytes to the key's `kid`.
 */
export async function createWrappedKey(prfOutput: Uint8Array<ArrayBuffer>, prfSalt: ArrayBuffer, alg: X25519DeskAlg = 'HPKE-4'): Promise<NewDeskKey> {
  const pair = (await crypto.subtle.generateKey(X25519, true, ['deriveBits'])) as CryptoKeyPair
  const publicJwk = await publicJwkOf(pair.publicKey, alg)
  const hkdfSalt = random(32).buffer
  const iv = random(12).buffer
  const aes = await wrappingKey(prfOutput, hkdfSalt, publicJwk.kid!)
  const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, aes, { name: AES_GCM, iv, additionalData: utf8(publicJwk.kid!) })
  return { publicJwk, stored: { type: 'wrapped', wrapped, iv, prfSalt, hkdfSalt } }
}

/**
 * The private key for one reveal: the stored CryptoKey, or the wrapped bytes unwrapped with the
 * PRF output as a non-extractable key (never stored). Wipes `prfOutput`. Throws when the PRF
 * output is not the one the key was wrapped under (AES-GCM authentication fails).
 */
export async function unlockDeskKey(stored: StoredDeskKey, kid: string, prfOutput?: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    if (stored.type === 'crypto-key') return stored.key
    if (stored.type !== 'wrapped') throw new Error('not an X25519 desk key')
    if (!prfOutput) throw new Error('the wrapped desk key needs the PRF output')
    const aes = await wrappingKey(prfOutput, stored.hkdfSalt, kid)
    return await crypto.subtle.unwrapKey('pkcs8', stored.wrapped, aes, { name: AES_GCM, iv: stored.iv, additionalData: utf8(kid) }, X25519, false, ['deriveBits'])
  } finally {
    wipe(prfOutput)
  }
}
