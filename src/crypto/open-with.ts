/**
 * `openWith`: check and decrypt an envelope with one recipient's private key, with the suites as
 * an argument (`open` is this with the default suites; the reveal frame loads the post-quantum
 * suite only when its key needs it).
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { wipe } from './bytes.js'
import { hasProfileClaims, isProfileHeader, LIMITS, type EnvelopeClaims, type ProtectedHeader } from './header.js'
import { contentAad, isJsonEnvelope, parseGeneral } from './general.js'
import { decryptParts, parseCompact } from './jwe.js'
import { decryptContent, unwrapCek } from './key-encryption.js'
import { resolvePrivate, type SuiteChoice } from './resolve.js'
import { unpad } from './padding.js'
import type { Suite } from './suite.js'
import type { RecipientKey } from './jwk.js'

/** The largest `clockTolerance` accepted, in seconds (five minutes). */
export const MAX_CLOCK_TOLERANCE = 300

/** Options of `open`. */
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
  /**
   * The implementation for keys of its family (`HPKE_4_NODE`…); by default the suite is picked
   * from the key.
   */
  suite?: Suite
}

/** The result of `open`. */
export interface Opened {
  /** The value. It is yours: wipe it (`plaintext.fill(0)`) as soon as you are done. */
  plaintext: Uint8Array
  /**
   * The authenticated header as this recipient sees it: the compact envelope's protected header,
   * or a JSON envelope's shared protected header with this recipient's `alg` and `kid`.
   */
  claims: ProtectedHeader
}

const wrongKey = () => new SecureFieldsError(ErrorCodes.ENVELOPE_WRONG_KEY, 'The envelope was sealed to another key.')
const notProfile = () => new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, 'Malformed envelope: the claims are not those of a Secure Fields envelope.')

/**
 * A key that declared its Key Management Mode opens only envelopes of that mode
 * (draft-ietf-jose-hpke-encrypt-20 §9.1: a key pair is for one mode and suite); an X25519 JWK
 * without `alg` opens either.
 */
function checkKeyFor(key: RecipientKey, alg: string): void {
  const family = key.suite.alg
  if (alg !== family && alg !== key.suite.keAlg) throw wrongKey()
  if (key.alg !== undefined && key.alg !== alg) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_UNSUPPORTED, `This key is for ${key.alg}; the envelope uses ${alg} for it.`)
  }
}

/**
 * The `clockTolerance` option, bounded: an option that weakens the expiry check may not switch it
 * off (10^9 seconds would open any expired envelope). `ERR_INPUT_INVALID` otherwise.
 */
function toleranceOf(options: OpenOptions): number {
  const tolerance = options.clockTolerance ?? 0
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `clockTolerance must be a whole number of seconds from 0 to ${MAX_CLOCK_TOLERANCE}.`)
  }
  return tolerance
}

/** Steps 5–7 of `open`: expiry, issue time, context and consent (docs/envelope.md "Opening"). */
function checkClaims(header: EnvelopeClaims, options: OpenOptions, tolerance: number): void {
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
}

/**
 * Opens an envelope, compact or JSON, with the suite of each family taken from `choice` (the
 * `suite` option does not apply here). Same contract as `open`. Checks, in order: shape and size, `alg`, that the key is a
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
export async function openWith(choice: SuiteChoice<Suite>, envelope: string, recipient: unknown, options: OpenOptions = {}): Promise<Opened> {
  const tolerance = toleranceOf(options)
  if (typeof envelope === 'string' && isJsonEnvelope(envelope)) return openGeneral(envelope, recipient, choice, options, tolerance)
  const { protectedB64, header, enc, ciphertext } = parseCompact(envelope)
  const key = await resolvePrivate(recipient, choice)
  if (header.kid !== key.kid) throw wrongKey()
  checkKeyFor(key, header.alg as string)
  if (!isProfileHeader(header)) throw notProfile()
  checkClaims(header, options, tolerance)
  const decrypted = await decryptParts(undefined, key, enc, ciphertext, protectedB64)
  wipe(ciphertext)
  return { plaintext: unpadded(decrypted, header.pad), claims: header as ProtectedHeader }
}

/**
 * The plaintext without the padding the authenticated `pad` claim names (none without one);
 * `unpad` wipes the padded buffer and refuses padding that is not exactly that
 * (`ERR_ENVELOPE_MALFORMED`).
 */
function unpadded(decrypted: Uint8Array, pad: number | undefined): Uint8Array {
  return pad === undefined ? decrypted : unpad(decrypted, pad)
}

/** The JSON envelope: find this key's entry, check, unwrap the CEK, decrypt the content. */
async function openGeneral(envelope: string, recipient: unknown, choice: SuiteChoice<Suite>, options: OpenOptions, tolerance: number): Promise<Opened> {
  if (envelope.length > LIMITS.envelopeChars) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Envelope is longer than ${LIMITS.envelopeChars} characters.`)
  }
  const parsed = parseGeneral(envelope)
  const key = await resolvePrivate(recipient, choice)
  // RFC 7516 §7.2 step 8: the JWE must use a key known to the recipient. Only that entry is tried,
  // so no timing tells which other entries exist or fail (RFC 7516 §11.5).
  const entry = parsed.recipients.find((r) => r.kid === key.kid)
  if (!entry) throw wrongKey()
  checkKeyFor(key, entry.alg)
  const { header } = parsed
  if (!hasProfileClaims(header)) throw notProfile()
  checkClaims(header, options, tolerance)
  const cek = await unwrapCek(key, entry.ek, entry.encryptedKey, header.enc as string)
  try {
    const decrypted = await decryptContent(cek, parsed.iv, parsed.ciphertext, parsed.tag, contentAad(parsed.protectedB64, parsed.aadB64))
    const claims = { ...header, alg: entry.alg, kid: entry.kid } as ProtectedHeader
    return { plaintext: unpadded(decrypted, header.pad), claims }
  } finally {
    wipe(cek)
  }
}
