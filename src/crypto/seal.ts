/**
 * `seal`: encrypt a field's value to a recipient's public key as a JWE of the HPKE-4 profile.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { ascii, b64uEncode, randomId, utf8, wipe } from './bytes.js'
import { checkSealClaims, ENVELOPE_TYP, LIMITS, type ProtectedHeader, type SealClaims } from './header.js'
import { HPKE_4, type Suite } from './suite.js'
import type { SenderKey } from './jwk.js'

/** Options of {@link seal}. */
export interface SealOptions {
  /** The suite; default {@link HPKE_4}. */
  suite?: Suite
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
export async function seal(
  plaintext: string | Uint8Array,
  recipient: unknown,
  claims: SealClaims,
  options: SealOptions = {},
): Promise<string> {
  const suite = options.suite ?? HPKE_4
  const checked = checkSealClaims(claims)
  if (typeof plaintext !== 'string' && !(plaintext instanceof Uint8Array)) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'Plaintext must be a string or a Uint8Array.')
  }
  const owned = typeof plaintext === 'string'
  const bytes = owned ? utf8(plaintext) : plaintext
  try {
    if (bytes.length > LIMITS.plaintextBytes) {
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Plaintext is larger than ${LIMITS.plaintextBytes} bytes.`)
    }
    const key = isSenderKey(recipient) ? recipient : await suite.importPublic(recipient)
    const iat = Math.floor((options.now ?? Date.now()) / 1000)
    const header: ProtectedHeader = {
      alg: suite.alg,
      kid: key.kid,
      typ: ENVELOPE_TYP,
      kind: checked.kind,
      preview: checked.preview,
      ctx: checked.context,
      iat,
      exp: iat + checked.expiresIn,
      jti: randomId(),
      ...(checked.consent ? { consent: checked.consent } : {}),
    }
    // RFC 7516 §5.1 step 13–14: the encoded protected header, as ASCII, is the AEAD aad.
    const protectedB64 = b64uEncode(utf8(JSON.stringify(header)))
    // RFC 9180 §6.1 SealBase(pkR, info = "", aad, pt).
    const { encapsulatedSecret, ciphertext } = await suite.hpke.Seal(key.key, bytes, { aad: ascii(protectedB64) })
    return `${protectedB64}.${b64uEncode(encapsulatedSecret)}..${b64uEncode(ciphertext)}.`
  } finally {
    if (owned) wipe(bytes)
  }
}

function isSenderKey(value: unknown): value is SenderKey {
  return (
    typeof value === 'object' && value !== null && !('kty' in value) && 'kid' in value && 'key' in value
  )
}
