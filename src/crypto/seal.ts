/**
 * `seal`: encrypt a field's value to a recipient's public key as a JWE of the HPKE-4 profile.
 *
 * @module
 */
import { sealWithSuite } from './seal-with-suite.js'
import { HPKE_4, type SenderSuite } from './suite.js'
import type { SealClaims } from './header.js'

/** Options of {@link seal}. */
export interface SealOptions {
  /** The suite; default {@link HPKE_4}. */
  suite?: SenderSuite
  /** The current time in milliseconds since the epoch (default `Date.now()`); for tests. */
  now?: number
}

/**
 * Seals `plaintext` to `recipient` and returns the envelope: a JWE Compact Serialization with
 * `alg: "HPKE-4"` and HPKE Integrated Encryption (draft-ietf-jose-hpke-encrypt §5).
 *
 * A string plaintext is UTF-8 encoded into a buffer that is wiped before this returns. A byte
 * plaintext is the caller's: wipe it when done.
 *
 * @param plaintext - the value, at most 4096 bytes
 * @param recipient - the recipient's public JWK, or a key from `suite.importPublic`
 * @param claims - kind, context and preview (and optionally consent digest and lifetime)
 * @returns the envelope
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`, `ERR_INPUT_INVALID`, `ERR_ENVELOPE_TOO_LARGE`
 */
export function seal(plaintext: string | Uint8Array, recipient: unknown, claims: SealClaims, options: SealOptions = {}): Promise<string> {
  return sealWithSuite(options.suite ?? HPKE_4, plaintext, recipient, claims, options.now)
}
