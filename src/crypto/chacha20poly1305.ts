/**
 * ChaCha20-Poly1305 (RFC 8439), HPKE AEAD id 0x0003 (RFC 9180 §7.3), from `@noble/ciphers`:
 * WebCrypto has no ChaCha20-Poly1305. A direct wrapper rather than `@panva/hpke-noble`'s, so a
 * frame bundle that needs only this AEAD imports nothing else from that package.
 *
 * @module
 */
import type { AEAD, AEADFactory } from 'hpke'
import { chacha20poly1305 } from '@noble/ciphers/chacha.js'

const aead: AEAD = {
  id: 0x0003,
  type: 'AEAD',
  name: 'ChaCha20Poly1305',
  Nk: 32,
  Nn: 12,
  Nt: 16,
  Seal: async (key, nonce, aad, pt) => chacha20poly1305(key, nonce, aad).encrypt(pt),
  Open: async (key, nonce, aad, ct) => chacha20poly1305(key, nonce, aad).decrypt(ct),
}

/** The AEAD factory for `hpke`'s CipherSuite. */
export const AEAD_CHACHA20_POLY1305: AEADFactory = () => aead
