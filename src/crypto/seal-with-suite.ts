/**
 * The sealing itself, with the suite as a required argument: a frame imports this with the small
 * `HPKE_4_WEB` suite and so never bundles the default suite's hash code.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { ascii, b64uEncode, randomId, utf8, wipe } from './bytes.js'
import { checkSealClaims, ENVELOPE_TYP, LIMITS, type ProtectedHeader, type SealClaims } from './header.js'
import type { SenderSuite } from './suite.js'
import type { SenderKey } from './jwk.js'
import { pad } from './padding.js'

/**
 * Seals with an explicit suite. Same contract as `seal`.
 *
 * @param now - the current time in milliseconds (default `Date.now()`)
 */
export async function sealWithSuite(
  suite: SenderSuite,
  plaintext: string | Uint8Array,
  recipient: unknown,
  claims: SealClaims,
  now = Date.now(),
): Promise<string> {
  const checked = checkSealClaims(claims)
  if (typeof plaintext !== 'string' && !(plaintext instanceof Uint8Array)) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'Plaintext must be a string or a Uint8Array.')
  }
  const owned = typeof plaintext === 'string'
  const given = owned ? utf8(plaintext) : plaintext
  let bytes = given
  try {
    if (given.length > LIMITS.plaintextBytes) {
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Plaintext is larger than ${LIMITS.plaintextBytes} bytes.`)
    }
    if (checked.padTo !== undefined) bytes = pad(given, checked.padTo)
    const key = isSenderKey(recipient) ? recipient : await suite.importPublic(recipient)
    const iat = Math.floor(now / 1000)
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
      ...(checked.padTo !== undefined ? { pad: checked.padTo } : {}),
    }
    // RFC 7516 §5.1 steps 13–14: the encoded protected header, as ASCII, is the AEAD aad.
    const protectedB64 = b64uEncode(utf8(JSON.stringify(header)))
    // RFC 9180 §6.1 SealBase(pkR, info = "", aad, pt); draft-ietf-jose-hpke-encrypt §5: the
    // encapsulated secret is the JWE Encrypted Key, the IV and tag segments stay empty.
    const { encapsulatedSecret, ciphertext } = await suite.hpke.Seal(key.key, bytes, { aad: ascii(protectedB64) })
    return `${protectedB64}.${b64uEncode(encapsulatedSecret)}..${b64uEncode(ciphertext)}.`
  } finally {
    if (owned) wipe(given)
    if (bytes !== given) wipe(bytes)
  }
}

function isSenderKey(value: unknown): value is SenderKey {
  return typeof value === 'object' && value !== null && !('kty' in value) && 'kid' in value && 'key' in value
}
