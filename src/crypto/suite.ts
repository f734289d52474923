/**
 * The suite parameter: which JOSE `alg`s, which HPKE cipher suite, which key type. `seal`, `open`
 * and `generateKeyPair` pick the suite from the key (`resolve.ts`); a {@link Suite} passed as an
 * option chooses the implementation for its own family. {@link HPKE_4} (X25519) is the default;
 * the post-quantum hybrid `HPKE_9` (X-Wing, `hpke9.ts`) is another object of this shape.
 *
 * @module
 */
import { CipherSuite, KDF_HKDF_SHA256 as KDF_WEBCRYPTO, type AEADFactory, type KDFFactory, type Key, type KeyPair } from 'hpke'
import { KDF_HKDF_SHA256 as KDF_NOBLE } from './hkdf-sha256.js'
import { AEAD_CHACHA20_POLY1305 } from './chacha20poly1305.js'
import { withConstantExtracts } from './kdf-constants.js'
import { createX25519Kem } from './x25519-kem.js'
import type { X25519Key } from './x25519.js'
import { createX25519SenderKem } from './x25519-sender-kem.js'
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { importPrivateKey, importPublicKey, generateX25519Jwks } from './jwk.js'
import type { PrivateJwk, PublicJwk, SenderSuite, Suite } from './types.js'

export type { SenderSuite, Suite } from './types.js'

/**
 * Makes an `HPKE-4` suite — DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305 (RFC 9180
 * §7: KEM 0x0020, KDF 0x0001, AEAD 0x0003) — from given HKDF and AEAD implementations. Every
 * combination is the same algorithm and interoperates; they differ in speed and size only.
 */
export function createHpke4Suite(kdf: KDFFactory, aead: AEADFactory): Suite & { generate(alg?: string): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> } {
  const schedule = withConstantExtracts(kdf, { kem: 0x0020, kdf: 0x0001, aead: 0x0003 })
  const suite: Suite & { generate(alg?: string): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> } = {
    alg: 'HPKE-4',
    keAlg: 'HPKE-4-KE',
    pq: false,
    hpke: new CipherSuite(createX25519Kem({ kdf: kdf() }), schedule, aead) as unknown as CipherSuite<Key>,
    importPublic: (jwk) => importPublicKey(jwk, suite),
    importPrivate: (jwk) => importPrivateKey(jwk, suite),
    generate: (alg = 'HPKE-4') => generateX25519Jwks(checkAlg(suite, alg)),
  }
  return suite
}

/** Checks that `alg` is one of the suite's two; throws `ERR_INPUT_INVALID`. */
export function checkAlg(suite: SenderSuite, alg: unknown): string {
  if (alg !== suite.alg && alg !== suite.keAlg) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `This suite makes keys for "${suite.alg}" or "${suite.keAlg}" only.`)
  }
  return alg
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
 * The HPKE cipher suite of {@link HPKE_4_WEB}: the sender-only KEM over WebCrypto's HKDF, with
 * `@noble`'s ChaCha20-Poly1305. `ephemeral` is the RFC 9180 vectors' test hook (see
 * `createX25519SenderKem`); never set in production.
 *
 * @internal
 */
export function hpke4WebCipherSuite(ephemeral?: () => Promise<KeyPair<X25519Key>>): CipherSuite<X25519Key> {
  return new CipherSuite(createX25519SenderKem(KDF_WEBCRYPTO(), ephemeral), KDF_WEBCRYPTO, AEAD_CHACHA20_POLY1305)
}

/**
 * `HPKE-4` for sealing only, tuned for size: HKDF through WebCrypto and a sender-only KEM, so a
 * field frame that seals a handful of values bundles no hash code and no private-key code of its
 * own — only `@noble`'s ChaCha20-Poly1305, which WebCrypto lacks.
 */
export const HPKE_4_WEB: SenderSuite = /* @__PURE__ */ (() => {
  const suite: SenderSuite = {
    alg: 'HPKE-4',
    keAlg: 'HPKE-4-KE',
    pq: false,
    hpke: hpke4WebCipherSuite() as unknown as CipherSuite<Key>,
    importPublic: (jwk: unknown) => importPublicKey(jwk, suite),
  }
  return suite
})()
