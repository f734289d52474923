/**
 * The suite parameter: which JOSE `alg`, which HPKE cipher suite, which key type. `seal`, `open`
 * and `generateKeyPair` take a {@link Suite}; {@link HPKE_4} is the default and the only suite
 * today. A post-quantum hybrid (`HPKE-9`, X-Wing) slots in as a second object of this shape.
 *
 * @module
 */
import { CipherSuite } from 'hpke'
import { KDF_HKDF_SHA256, AEAD_ChaCha20Poly1305 } from '@panva/hpke-noble'
import { KEM_X25519_HKDF_SHA256, type X25519Key } from './x25519-kem.js'
import {
  importPrivateKey,
  importPublicKey,
  generateX25519Jwks,
  thumbprint,
  type PrivateJwk,
  type PublicJwk,
  type RecipientKey,
  type SenderKey,
} from './jwk.js'

/** A JOSE-HPKE algorithm this library can seal to and open. */
export interface Suite {
  /** The JOSE `alg` value (draft-ietf-jose-hpke-encrypt §7). */
  readonly alg: string
  /** The HPKE cipher suite (`hpke` package) that does the work. */
  readonly hpke: CipherSuite<X25519Key>
  /** RFC 7638 thumbprint of a public JWK of this suite. */
  thumbprint(jwk: PublicJwk): string
  /** Validates and imports a recipient's public JWK. Throws `ERR_KEY_INVALID`. */
  importPublic(jwk: unknown): Promise<SenderKey>
  /** Validates and imports a recipient's private JWK. Throws `ERR_KEY_INVALID`. */
  importPrivate(jwk: unknown): Promise<RecipientKey>
  /** Generates a key pair as JWKs (private JWK extractable by construction). */
  generate(): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }>
}

/**
 * `HPKE-4` of draft-ietf-jose-hpke-encrypt: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * ChaCha20-Poly1305 (RFC 9180 §7: KEM 0x0020, KDF 0x0001, AEAD 0x0003).
 *
 * Implementations chosen by measurement (see `bench/crypto.ts`): X25519 through WebCrypto (native,
 * non-extractable keys possible), the KEM's HKDF through `@noble/hashes` (synchronous — WebCrypto
 * HKDF made every open four asynchronous key imports slower), the key schedule's HKDF and the
 * ChaCha20-Poly1305 AEAD from `@panva/hpke-noble` (WebCrypto has no ChaCha20-Poly1305).
 */
export const HPKE_4: Suite = {
  alg: 'HPKE-4',
  hpke: new CipherSuite(KEM_X25519_HKDF_SHA256, KDF_HKDF_SHA256, AEAD_ChaCha20Poly1305),
  thumbprint,
  importPublic: (jwk) => importPublicKey(jwk, 'HPKE-4'),
  importPrivate: (jwk) => importPrivateKey(jwk, 'HPKE-4'),
  generate: () => generateX25519Jwks('HPKE-4'),
}
