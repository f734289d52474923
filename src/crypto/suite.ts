/**
 * The suite parameter: which JOSE `alg`, which HPKE cipher suite, which key type. `seal`, `open`
 * and `generateKeyPair` take a {@link Suite}; {@link HPKE_4} is the default. A post-quantum hybrid
 * (`HPKE-9`, X-Wing) slots in as another object of this shape.
 *
 * @module
 */
import { CipherSuite, KDF_HKDF_SHA256 as KDF_WEBCRYPTO, type AEADFactory, type KDFFactory } from 'hpke'
import { KDF_HKDF_SHA256 as KDF_NOBLE } from '@panva/hpke-noble'
import { AEAD_CHACHA20_POLY1305 } from './chacha20poly1305.js'
import { withConstantExtracts } from './kdf-constants.js'
import { createX25519Kem } from './x25519-kem.js'
import { createX25519SenderKem } from './x25519-sender-kem.js'
import type { X25519Key } from './x25519.js'
import {
  importPrivateKey,
  importPublicKey,
  generateX25519Jwks,
  type PrivateJwk,
  type PublicJwk,
  type RecipientKey,
  type SenderKey,
} from './jwk.js'

/** A JOSE-HPKE algorithm this library can seal to. */
export interface SenderSuite {
  /** The JOSE `alg` value (draft-ietf-jose-hpke-encrypt §7). */
  readonly alg: string
  /** The HPKE cipher suite (`hpke` package) that does the work. */
  readonly hpke: CipherSuite<X25519Key>
  /** Validates and imports a recipient's public JWK. Throws `ERR_KEY_INVALID`. */
  importPublic(jwk: unknown): Promise<SenderKey>
}

/** A JOSE-HPKE algorithm this library can seal to and open. */
export interface Suite extends SenderSuite {
  /** Validates and imports a recipient's private JWK. Throws `ERR_KEY_INVALID`. */
  importPrivate(jwk: unknown): Promise<RecipientKey>
  /** Generates a key pair as JWKs. */
  generate(): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }>
}

/**
 * Makes an `HPKE-4` suite — DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305 (RFC 9180
 * §7: KEM 0x0020, KDF 0x0001, AEAD 0x0003) — from given HKDF and AEAD implementations. Every
 * combination is the same algorithm and interoperates; they differ in speed and size only.
 */
export function createHpke4Suite(kdf: KDFFactory, aead: AEADFactory): Suite {
  const schedule = withConstantExtracts(kdf, { kem: 0x0020, kdf: 0x0001, aead: 0x0003 })
  return {
    alg: 'HPKE-4',
    hpke: new CipherSuite(createX25519Kem({ kdf: kdf() }), schedule, aead),
    importPublic: (jwk) => importPublicKey(jwk, 'HPKE-4'),
    importPrivate: (jwk) => importPrivateKey(jwk, 'HPKE-4'),
    generate: () => generateX25519Jwks('HPKE-4'),
  }
}

/**
 * `HPKE-4`, tuned for opening: X25519 through WebCrypto, HKDF and ChaCha20-Poly1305 from
 * `@noble` (synchronous: WebCrypto's asynchronous HMAC made each open several times slower;
 * WebCrypto has no ChaCha20-Poly1305). Pure; the default everywhere. Node recipients that open
 * many envelopes use `HPKE_4_NODE` from `secure-fields/node`, which runs the same on Node's own
 * native primitives.
 */
export const HPKE_4: Suite = /* @__PURE__ */ createHpke4Suite(KDF_NOBLE, AEAD_CHACHA20_POLY1305)

/**
 * `HPKE-4` for sealing only, tuned for size: HKDF through WebCrypto and a sender-only KEM, so a
 * field frame that seals a handful of values bundles no hash code and no private-key code of its
 * own — only `@noble`'s ChaCha20-Poly1305, which WebCrypto lacks.
 */
export const HPKE_4_WEB: SenderSuite = /* @__PURE__ */ (() => ({
  alg: 'HPKE-4',
  hpke: new CipherSuite(createX25519SenderKem(KDF_WEBCRYPTO()), KDF_WEBCRYPTO, AEAD_CHACHA20_POLY1305),
  importPublic: (jwk: unknown) => importPublicKey(jwk, 'HPKE-4'),
}))()
