/**
 * HKDF-SHA256 (RFC 5869), HPKE KDF id 0x0001 (RFC 9180 §7.2), from `@noble/hashes`: synchronous
 * underneath, which is what makes an `HPKE-4` open fast. A direct wrapper rather than
 * `@panva/hpke-noble`'s (the same two calls), so a bundle that opens `HPKE-4` envelopes does not
 * take in that package — and with it the post-quantum KEM code, which a page then loads only for
 * a post-quantum key.
 *
 * @module
 */
import type { KDF, KDFFactory } from 'hpke'
import { expand, extract } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'

const kdf: KDF = {
  id: 0x0001,
  type: 'KDF',
  name: 'HKDF-SHA256',
  Nh: 32,
  stages: 2,
  // RFC 5869 §2.2 Extract (an empty salt is HMAC's all-zero key) and §2.3 Expand.
  Extract: async (salt, ikm) => extract(sha256, ikm, salt),
  Expand: async (prk, info, L) => expand(sha256, prk, info, L),
  Derive: async () => {
    throw new Error('HKDF is a two-stage KDF')
  },
}

/** The KDF factory for `hpke`'s CipherSuite. */
export const KDF_HKDF_SHA256: KDFFactory = () => kdf
