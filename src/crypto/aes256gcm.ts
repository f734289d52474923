/**
 * AES-256-GCM (NIST SP 800-38D), HPKE AEAD id 0x0002 (RFC 9180 §7.3), through WebCrypto: the AEAD
 * of `HPKE-9`. A direct wrapper, as for ChaCha20-Poly1305, so that the post-quantum chunk a frame
 * loads on demand brings its own AEAD instead of making every frame bundle more of `hpke`.
 *
 * @module
 */
import type { AEAD, AEADFactory } from 'hpke'

const importKey = (key: Uint8Array, usage: KeyUsage) => crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [usage])
const params = (nonce: Uint8Array, aad: Uint8Array): AesGcmParams => ({ name: 'AES-GCM', iv: nonce as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer>, tagLength: 128 })

const aead: AEAD = {
  id: 0x0002,
  type: 'AEAD',
  name: 'AES-256-GCM',
  Nk: 32,
  Nn: 12,
  Nt: 16,
  Seal: async (key, nonce, aad, pt) => new Uint8Array(await crypto.subtle.encrypt(params(nonce, aad), await importKey(key, 'encrypt'), pt as Uint8Array<ArrayBuffer>)),
  Open: async (key, nonce, aad, ct) => new Uint8Array(await crypto.subtle.decrypt(params(nonce, aad), await importKey(key, 'decrypt'), ct as Uint8Array<ArrayBuffer>)),
}

/** The AEAD factory for `hpke`'s CipherSuite. */
export const AEAD_AES_256_GCM: AEADFactory = () => aead
