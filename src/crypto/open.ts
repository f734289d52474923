/**
 * `open`: check and decrypt an envelope with one recipient's private key.
 *
 * @module
 */
import { openWith, type OpenOptions, type Opened } from './open-with.js'
import { defaultSuites } from './defaults.js'
import type { Suite } from './suite.js'

export { MAX_CLOCK_TOLERANCE } from './open-with.js'
export type { OpenOptions, Opened } from './open-with.js'

/**
 * Opens an envelope, compact or JSON. Checks, in order: shape and size, `alg`, that the key is a
 * recipient (`kid`) of the right suite and mode, the claims' shapes, expiry, context and consent —
 * all before any decryption, so no plaintext ever exists for an envelope that is refused — then
 * decrypts, which authenticates the whole protected header (and a JSON envelope's JWE AAD), and
 * removes the padding the `pad` claim names (refusing any other padding).
 *
 * @param envelope - an envelope made by `seal`
 * @param recipient - a private JWK (X25519 or AKP), or a key from `suite.importPrivate` /
 *   `recipientFromCryptoKey` / `recipientFromSeed`
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED`, `ERR_ENVELOPE_TOO_LARGE`,
 *   `ERR_ENVELOPE_UNSUPPORTED`, `ERR_ENVELOPE_WRONG_KEY`, `ERR_ENVELOPE_EXPIRED`,
 *   `ERR_ENVELOPE_WRONG_CONTEXT`, `ERR_ENVELOPE_CONSENT`, `ERR_KEY_INVALID`, `ERR_DECRYPTION_FAILED`;
 *   `ERR_INPUT_INVALID` for a `clockTolerance` out of bounds
 */
export function open(envelope: string, recipient: unknown, options: OpenOptions = {}): Promise<Opened> {
  return openWith(defaultSuites<Suite>(options.suite), envelope, recipient, options)
}
