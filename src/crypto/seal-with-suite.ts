/**
 * The compact envelope with an explicit suite: a field frame imports this with the small
 * `HPKE_4_WEB` suite and so bundles neither the default suite's hash code, nor the JSON envelope,
 * nor the post-quantum suite (`seal-to.ts` has those, for key sets and other suites).
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
import { ascii, b64uEncode, randomId, utf8, wipe } from './bytes.js'
import { checkSealClaims, ENVELOPE_TYP, LIMITS, type CheckedSealClaims, type ProtectedHeader, type SealClaims } from './header.js'
import { isSenderKey, type SenderKey } from './jwk.js'
import type { SenderSuite } from './suite.js'
import { pad } from './padding.js'

/** The compact envelope (draft-ietf-jose-hpke-encrypt-20 §5), Integrated Encryption to `key`. */
export async function sealCompact(key: SenderKey, bytes: Uint8Array, checked: CheckedSealClaims, now: number): Promise<string> {
  const iat = Math.floor(now / 1000)
  const header: ProtectedHeader = {
    alg: key.suite.alg,
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
  const { encapsulatedSecret, ciphertext } = await key.suite.hpke.Seal(key.key, bytes, { aad: ascii(protectedB64) })
  return `${protectedB64}.${b64uEncode(encapsulatedSecret)}..${b64uEncode(ciphertext)}.`
}

/**
 * Seals to one key of `suite`'s family as a compact envelope (Integrated Encryption). Same
 * contract as `seal` for one key; a Key Encryption key (`HPKE-4-KE`…), which makes a JSON
 * envelope, is refused here (`seal`, `sealTo` take it).
 *
 * @param now - the current time in milliseconds (default `Date.now()`)
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID` (a point of small order among them),
 *   `ERR_RECIPIENTS_INVALID`, `ERR_INPUT_INVALID`, `ERR_ENVELOPE_TOO_LARGE`, `ERR_SEAL_FAILED` (the
 *   runtime's cryptography failed); never anything but a SecureFieldsError
 */
export async function sealWithSuite(suite: SenderSuite, plaintext: string | Uint8Array, recipient: unknown, claims: SealClaims, now = Date.now()): Promise<string> {
  const checked = checkSealClaims(claims)
  return withBytes(plaintext, checked.padTo, async (bytes) => {
    const key = isSenderKey(recipient) ? recipient : await suite.importPublic(recipient)
    if (key.alg !== undefined && key.alg !== key.suite.alg) {
      throw new SecureFieldsError(ErrorCodes.RECIPIENTS_INVALID, `A ${key.alg} key makes a JSON envelope: seal to it with seal().`)
    }
    return sealCompact(key, bytes, checked, now)
  })
}

/**
 * Runs `fn` over the plaintext's bytes: checks the type and size, pads them to `padTo` bytes when
 * asked (ISO/IEC 7816-4, `padding.ts`), and wipes the UTF-8 copy of a string plaintext and the
 * padded copy on every path. Both envelope forms seal what `fn` is given, so both are padded alike.
 *
 * Every failure is a {@link SecureFieldsError}: what the `hpke` package or the runtime throws
 * (an `EncapError` when WebCrypto refuses a Diffie-Hellman, RFC 9180 §7.1.4) becomes
 * `ERR_SEAL_FAILED`, without its cause, which no caller could act on and which this library does
 * not vouch for.
 */
export async function withBytes<T>(plaintext: string | Uint8Array, padTo: number | undefined, fn: (bytes: Uint8Array) => Promise<T>): Promise<T> {
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
    if (padTo !== undefined) bytes = pad(given, padTo)
    return await fn(bytes)
  } catch (error) {
    if (isSecureFieldsError(error)) throw error
    throw new SecureFieldsError('ERR_SEAL_FAILED', 'The runtime’s cryptography failed while sealing; nothing was sealed.')
  } finally {
    if (owned) wipe(given)
    if (bytes !== given) wipe(bytes)
  }
}
