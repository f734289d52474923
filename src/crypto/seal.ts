/**
 * `seal`: encrypt a field's value to one recipient's public key, or to several, as a JWE.
 *
 * @module
 */
import { sealTo } from './seal-to.js'
import { defaultSuites } from './defaults.js'
import type { SenderSuite } from './suite.js'
import type { SealClaims } from './header.js'

/** Options of {@link seal}. */
export interface SealOptions {
  /**
   * The implementation for keys of its family (`HPKE_4_WEB`, `HPKE_4_NODE`…); keys of the other
   * family use that family's default. By default the suite is picked from each key.
   */
  suite?: SenderSuite
  /** The current time in milliseconds since the epoch (default `Date.now()`); for tests. */
  now?: number
  /**
   * JWE AAD (RFC 7516 §5.1 step 14): bytes bound to the envelope but not encrypted, carried in
   * the clear as `aad`. JSON envelopes only.
   */
  aad?: Uint8Array
}

/**
 * Seals `plaintext` and returns the envelope. The suite and the form follow the key(s):
 *
 * - one Integrated Encryption key (`alg` `HPKE-4` — or an X25519 JWK without `alg` — or
 *   `HPKE-9`): a JWE Compact Serialization with HPKE Integrated Encryption
 *   (draft-ietf-jose-hpke-encrypt-20 §5), exactly as before;
 * - a set of keys (array, or JWKS `{ keys }`) or one Key Encryption key (`HPKE-4-KE`,
 *   `HPKE-9-KE`): a JWE JSON General Serialization with HPKE Key Encryption (§6), one CEK for
 *   every recipient, any one of whose private keys opens it.
 *
 * A string plaintext is UTF-8 encoded into a buffer that is wiped before this returns. A byte
 * plaintext is the caller's: wipe it when done.
 *
 * @param plaintext - the value, at most 4096 bytes
 * @param recipients - a public JWK, an array or JWKS of up to 8, or keys from `suite.importPublic`
 * @param claims - kind, context and preview (and optionally consent digest and lifetime)
 * @returns the envelope (compact: `a.b..c.`; JSON: `{"protected":…}`)
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID` (a point of small order among them),
 *   `ERR_RECIPIENTS_INVALID`, `ERR_INPUT_INVALID`, `ERR_ENVELOPE_TOO_LARGE`, `ERR_SEAL_FAILED` (the
 *   runtime's cryptography failed); never anything but a SecureFieldsError
 */
export function seal(plaintext: string | Uint8Array, recipients: unknown, claims: SealClaims, options: SealOptions = {}): Promise<string> {
  return sealTo(defaultSuites<SenderSuite>(options.suite), plaintext, recipients, claims, options.now ?? Date.now(), options.aad)
}
