/**
 * DHKEM(X25519, HKDF-SHA256) for senders only: Encap and public keys. A field frame only ever
 * seals, so it bundles none of the private-key code; the recipient operations refuse.
 *
 * @module
 */
import type { KEM, KEMFactory, KeyPair } from 'hpke'
import { X25519_KEM_COMMON, encap, generateX25519, type HkdfSha256, type X25519Key } from './x25519.js'

const senderOnly = async (): Promise<never> => {
  throw new Error('this KEM only seals')
}

/**
 * Makes a sender-only DHKEM(X25519, HKDF-SHA256) factory over the given HKDF. `ephemeral` is a
 * test hook only, as in `createX25519Kem`: it fixes the ephemeral key pair so that the RFC 9180
 * Appendix A vectors check this very KEM; never set in production.
 */
export function createX25519SenderKem(kdf: HkdfSha256, ephemeral: () => Promise<KeyPair<X25519Key>> = () => generateX25519(false)): KEMFactory<X25519Key> {
  const kem: KEM<X25519Key> = {
    ...X25519_KEM_COMMON,
    Encap: (pkR) => encap(kdf, pkR, ephemeral),
    DeriveKeyPair: senderOnly,
    SerializePrivateKey: senderOnly,
    DeserializePrivateKey: senderOnly,
    Decap: senderOnly,
  }
  return () => kem
}
