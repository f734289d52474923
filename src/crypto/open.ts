/**
 * `open`: check and decrypt an envelope with the recipient's private key.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { wipe } from './bytes.js'
import { isProfileHeader, type ProtectedHeader } from './header.js'
import { unpad } from './padding.js'
import { decryptParts, parseCompact } from './jwe.js'
import { isRecipientKey, type RecipientKey } from './jwk.js'
import { HPKE_4, type Suite } from './suite.js'

/** The largest `clockTolerance` accepted, in seconds (five minutes). */
export const MAX_CLOCK_TOLERANCE = 300

/** Options of {@link open}. */
export interface OpenOptions {
  /** The context id the envelope must have been sealed for. Omit only where any context is fine. */
  context?: string
  /** Require this consent digest (or, with `true`, any consent digest). */
  consent?: string | true
  /** The current time in milliseconds since the epoch (default `Date.now()`). */
  now?: number
  /**
   * Seconds of clock skew tolerated on `exp` and `iat` (default 0 for `exp`, 60 for `iat`), a whole
   * number from 0 to {@link MAX_CLOCK_TOLERANCE}: a larger one would open expired envelopes.
   */
  clockTolerance?: number
  /** The suite; default {@link HPKE_4}. */
  suite?: Suite
}

/** The result of {@link open}. */
export interface Opened {
  /** The value. It is yours: wipe it (`plaintext.fill(0)`) as soon as you are done. */
  plaintext: Uint8Array
  /** The authenticated protected header. */
  claims: ProtectedHeader
}

/**
 * Opens an envelope. Checks, in order: shape and size, `alg`, `kid` against the key, the claims'
 * shapes, expiry, context and consent — all before any decryption, so no plaintext ever exists for
 * an envelope that is refused — then decrypts (which authenticates the whole header).
 *
 * @param envelope - a JWE Compact Serialization made by {@link seal}
 * @param recipient - the private JWK, or a key from `suite.importPrivate` / `recipientFromCryptoKey`
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED`, `ERR_ENVELOPE_TOO_LARGE`,
 *   `ERR_ENVELOPE_UNSUPPORTED`, `ERR_ENVELOPE_WRONG_KEY`, `ERR_ENVELOPE_EXPIRED`,
 *   `ERR_ENVELOPE_WRONG_CONTEXT`, `ERR_ENVELOPE_CONSENT`, `ERR_KEY_INVALID`, `ERR_DECRYPTION_FAILED`;
 *   `ERR_INPUT_INVALID` for a `clockTolerance` out of bounds
 */
export async function open(envelope: string, recipient: unknown, options: OpenOptions = {}): Promise<Opened> {
  const tolerance = options.clockTolerance ?? 0
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `clockTolerance must be a whole number of seconds from 0 to ${MAX_CLOCK_TOLERANCE}.`)
  }
  const suite = options.suite ?? HPKE_4
  const { protectedB64, header, enc, ciphertext } = parseCompact(envelope, suite)
  const key: RecipientKey = isRecipientKey(recipient) ? recipient : await suite.importPrivate(recipient)
  if (header.kid !== key.kid) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_WRONG_KEY, 'The envelope was sealed to another key.')
  }
  if (!isProfileHeader(header)) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, 'Malformed envelope: the claims are not those of a Secure Fields envelope.')
  }
  const now = Math.floor((options.now ?? Date.now()) / 1000)
  if (header.exp + tolerance <= now) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_EXPIRED, 'The envelope has expired.')
  }
  if (header.iat - Math.max(tolerance, 60) > now) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_EXPIRED, 'The envelope was issued in the future.')
  }
  if (options.context !== undefined && header.ctx !== options.context) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_WRONG_CONTEXT, 'The envelope was sealed for another context.')
  }
  if (options.consent !== undefined) {
    const ok = options.consent === true ? header.consent !== undefined : header.consent === options.consent
    if (!ok) throw new SecureFieldsError(ErrorCodes.ENVELOPE_CONSENT, 'The envelope does not carry the required consent.')
  }
  const decrypted = await decryptParts(suite, key, enc, ciphertext, protectedB64)
  wipe(ciphertext)
  const plaintext = header.pad === undefined ? decrypted : unpad(decrypted, header.pad)
  return { plaintext, claims: header as ProtectedHeader }
}
