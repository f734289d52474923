/**
 * A post-quantum desk key (`HPKE-9`, `HPKE-9-KE`: MLKEM768-X25519), made and kept on the frame
 * origin. Only its public JWK ever leaves.
 *
 * WebCrypto has no ML-KEM, so the private key cannot be a non-extractable CryptoKey as an X25519
 * desk key is. What is kept is the KEM's 32-byte seed, never in the clear:
 *
 * - with PRF (WebAuthn L3 §10.1.4): AES-256-GCM under a key derived (HKDF-SHA256, RFC 5869) from
 *   the authenticator's PRF output — as the X25519 key is wrapped — so the stored record is
 *   useless without the authenticator;
 * - without PRF: AES-256-GCM under a non-extractable AES key generated for it and stored beside
 *   it. Page scripts (another origin) reach neither. Script running on the frame origin can
 *   decrypt the seed (where with an X25519 key it could only use it), and so can anyone holding a
 *   copy of the browser profile's files: prefer authenticators with PRF for post-quantum desks.
 *
 * Either way the additional data binds the ciphertext to the key's `kid`, and each reveal
 * decrypts the seed into a buffer that is wiped once the key is imported. The suite is loaded
 * only when a post-quantum desk needs it.
 *
 * @module
 */
import { utf8, wipe } from '../../crypto/bytes.js'
import type { AkpPublicJwk, RecipientKey } from '../../crypto/jwk.js'
import type { StoredDeskKey } from './desk-store.js'

/** HKDF `info` of the seed's wrapping key: not the X25519 desk key's, so one PRF output derives two unrelated keys. */
const SEED_WRAP_INFO = 'secure-fields/desk-seed-wrap/v1'
const AES = { name: 'AES-GCM', length: 256 } as const

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

/** HKDF-SHA256(PRF output, salt, info = purpose ‖ kid) → a non-extractable AES-256-GCM key. */
async function seedKeyFromPrf(prfOutput: Uint8Array<ArrayBuffer>, hkdfSalt: ArrayBuffer, kid: string): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info: utf8(`${SEED_WRAP_INFO}:${kid}`) }, ikm, AES, false, ['encrypt', 'decrypt'])
}

async function encryptSeed(key: CryptoKey, seed: Uint8Array, kid: string): Promise<{ sealed: ArrayBuffer; iv: ArrayBuffer }> {
  const iv = random(12).buffer
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(kid) }, key, seed as Uint8Array<ArrayBuffer>)
  return { sealed, iv }
}

/** A new post-quantum desk key and the form it is stored in. */
export interface NewPqDeskKey {
  publicJwk: AkpPublicJwk
  stored: StoredDeskKey
}

/**
 * Makes a post-quantum desk key for `alg` and stores its seed encrypted: under the PRF-derived
 * key when `prf` is given, else under a fresh non-extractable AES key kept with it. The seed is
 * wiped on every path.
 */
export async function createPqDeskKey(alg: 'HPKE-9' | 'HPKE-9-KE', prf?: { output: Uint8Array<ArrayBuffer>; salt: ArrayBuffer }): Promise<NewPqDeskKey> {
  const { generateSeed } = await import('../../crypto/hpke9.js')
  const { publicJwk, seed } = await generateSeed(alg)
  try {
    const kid = publicJwk.kid!
    if (prf) {
      const hkdfSalt = random(32).buffer
      const { sealed, iv } = await encryptSeed(await seedKeyFromPrf(prf.output, hkdfSalt, kid), seed, kid)
      return { publicJwk, stored: { type: 'wrapped-seed', sealed, iv, prfSalt: prf.salt, hkdfSalt } }
    }
    const key = await crypto.subtle.generateKey(AES, false, ['encrypt', 'decrypt'])
    const { sealed, iv } = await encryptSeed(key, seed, kid)
    return { publicJwk, stored: { type: 'sealed-seed', key, sealed, iv } }
  } finally {
    wipe(seed)
  }
}

/**
 * The post-quantum desk key for one reveal: the seed decrypted (with the PRF output for a wrapped
 * one), imported and checked against the public JWK, then wiped. Wipes `prfOutput`. Throws when
 * the seed cannot be decrypted (another PRF output, a tampered record).
 */
export async function unlockPqDeskKey(stored: StoredDeskKey, publicJwk: AkpPublicJwk, prfOutput?: Uint8Array<ArrayBuffer>): Promise<RecipientKey> {
  let seed: Uint8Array | undefined
  try {
    const kid = publicJwk.kid!
    if (stored.type !== 'sealed-seed' && stored.type !== 'wrapped-seed') throw new Error('not a post-quantum desk key')
    if (stored.type === 'wrapped-seed' && !prfOutput) throw new Error('the wrapped desk seed needs the PRF output')
    const key = stored.type === 'sealed-seed' ? stored.key : await seedKeyFromPrf(prfOutput!, stored.hkdfSalt, kid)
    seed = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: utf8(kid) }, key, stored.sealed))
    const { recipientFromSeed } = await import('../../crypto/hpke9.js')
    return await recipientFromSeed(seed, publicJwk)
  } finally {
    wipe(seed, prfOutput)
  }
}
