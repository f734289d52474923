/**
 * DHKEM(X25519, HKDF-SHA256) as a full KEM for the `hpke` package: sender and recipient, key
 * derivation and serialization (RFC 9180 §4.1, §7.1). See `x25519.ts` for why it is ours.
 *
 * @module
 */
import type { KEM, KEMFactory, KeyPair } from 'hpke'
import { b64uDecode, concatBytes, wipe } from './bytes.js'
import {
  ALGORITHM,
  N,
  X25519_KEM_COMMON,
  X25519Key,
  decap,
  encap,
  generateX25519,
  importX25519Public,
  labeledExpand,
  labeledExtract,
  type HkdfSha256,
} from './x25519.js'

export { X25519Key, type HkdfSha256 } from './x25519.js'

/** RFC 8410 PKCS #8 prefix of an X25519 private key, followed by the 32-byte scalar. */
const PKCS8_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20)

/** Imports a raw private scalar; WebCrypto has no portable getPublicKey, so export the JWK's x. */
async function fromScalar(sk: Uint8Array, extractable: boolean): Promise<KeyPair<X25519Key>> {
  const pkcs8 = concatBytes(PKCS8_PREFIX, sk)
  try {
    const probe = await crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, true, ['deriveBits'])
    const pk = b64uDecode((await crypto.subtle.exportKey('jwk', probe)).x ?? '')
    if (!pk) throw new Error('unexpected JWK export')
    const handle = extractable ? probe : await crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, false, ['deriveBits'])
    return { privateKey: new X25519Key('private', handle, pk), publicKey: await importX25519Public(pk) }
  } finally {
    wipe(pkcs8)
  }
}

/** Options of {@link createX25519Kem}. */
export interface X25519KemOptions {
  /** The HKDF-SHA256 the KEM's key derivation runs on (RFC 9180 §4.1 uses the KEM's own KDF). */
  kdf: HkdfSha256
  /**
   * Test hook only: supplies the ephemeral key pair instead of a random one, so that RFC 9180
   * Appendix A vectors (which fix `ikmE`) can check the sender side. Never set in production.
   */
  ephemeral?: () => Promise<KeyPair<X25519Key>>
}

/** Makes a DHKEM(X25519, HKDF-SHA256) factory over the given HKDF implementation. */
export function createX25519Kem(options: X25519KemOptions): KEMFactory<X25519Key> {
  const { kdf } = options
  const ephemeral = options.ephemeral ?? (() => generateX25519(false))
  const kem: KEM<X25519Key> = {
    ...X25519_KEM_COMMON,
    // RFC 9180 §7.1.3 DeriveKeyPair for X25519.
    async DeriveKeyPair(ikm, extractable) {
      const dkpPrk = await labeledExtract(kdf, new Uint8Array(0), 'dkp_prk', ikm)
      const sk = await labeledExpand(kdf, dkpPrk, 'sk', new Uint8Array(0), N)
      try {
        return await fromScalar(sk, extractable)
      } finally {
        wipe(dkpPrk, sk)
      }
    },
    async SerializePrivateKey(key) {
      const sk = b64uDecode((await crypto.subtle.exportKey('jwk', key.handle)).d ?? '')
      if (!sk) throw new Error('unexpected JWK export')
      return sk
    },
    async DeserializePrivateKey(raw, extractable) {
      if (raw.length !== N) throw new Error('X25519 private keys are 32 bytes')
      return (await fromScalar(raw, extractable)).privateKey
    },
    Encap: (pkR) => encap(kdf, pkR, ephemeral),
    Decap: (enc, skR) => decap(kdf, enc, skR),
  }
  return () => kem
}
