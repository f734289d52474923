/**
 * Sealing one value to several recipients (or to one Key Encryption key): the JSON envelope of
 * `general.ts`. The content is encrypted once with a random CEK; HPKE seals that CEK to each
 * recipient (draft-ietf-jose-hpke-encrypt-20 §7.1).
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { b64uEncode, randomId, utf8, wipe } from './bytes.js'
import { CONTENT_ENC, algorithmInfo } from './algorithms.js'
import { ENVELOPE_TYP, LIMITS, type CheckedSealClaims } from './header.js'
import { contentAad } from './general.js'
import { encryptContent, newCek, wrapCek } from './key-encryption.js'
import type { SenderKey } from './jwk.js'

const invalidSet = (why: string) => new SecureFieldsError(ErrorCodes.RECIPIENTS_INVALID, `These keys cannot share one envelope: ${why}.`)

/** Refuses an empty set or one larger than `LIMITS.recipients`: `ERR_RECIPIENTS_INVALID`. */
export function checkRecipientCount(count: number): void {
  if (count === 0) throw invalidSet('there are none')
  if (count > LIMITS.recipients) throw invalidSet(`there are more than ${LIMITS.recipients}`)
}

/**
 * Checks that `keys` can be the recipients of one envelope and says which kind: `compact` for one
 * Integrated Encryption key (or one X25519 JWK without `alg`), `json` otherwise.
 *
 * @throws {@link SecureFieldsError} `ERR_RECIPIENTS_INVALID`
 */
export function envelopeKind(keys: readonly SenderKey[]): 'compact' | 'json' {
  checkRecipientCount(keys.length)
  const modes = keys.map((k) => algorithmInfo(k.alg)?.mode)
  if (keys.length === 1 && modes[0] !== 'key-encryption') return 'compact'
  // draft-ietf-jose-hpke-encrypt-20 §5: Integrated Encryption has exactly one recipient.
  if (modes.includes('integrated')) {
    throw invalidSet('an Integrated Encryption key (HPKE-4, HPKE-9) seals to itself alone; make Key Encryption keys (HPKE-4-KE, HPKE-9-KE) for several recipients')
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) throw invalidSet('the same key is given twice')
  // draft-ietf-jose-hpke-pq-pqt-01 §5: all recipients MUST be quantum-resistant when any is.
  if (keys.some((k) => k.suite.pq) && !keys.every((k) => k.suite.pq)) {
    throw invalidSet('post-quantum and quantum-vulnerable keys cannot share an envelope (the weakest would open it)')
  }
  return 'json'
}

/**
 * Seals `plaintext` (already padded when `claims.padTo` is set, by `withBytes`) to every key of
 * `keys` (checked with {@link envelopeKind}) as a JSON envelope. The CEK is wiped on every path.
 *
 * @param aad - optional JWE AAD: authenticated, not encrypted, carried as `aad`
 */
export async function sealGeneral(
  keys: readonly SenderKey[],
  plaintext: Uint8Array,
  claims: CheckedSealClaims,
  now: number,
  aad?: Uint8Array,
): Promise<string> {
  const iat = Math.floor(now / 1000)
  // The claims are shared and protected; `alg`, `kid` and `ek` are per recipient (RFC 7516 §7.2.1).
  const header = {
    enc: CONTENT_ENC,
    typ: ENVELOPE_TYP,
    kind: claims.kind,
    preview: claims.preview,
    ctx: claims.context,
    iat,
    exp: iat + claims.expiresIn,
    jti: randomId(),
    ...(claims.consent ? { consent: claims.consent } : {}),
    // The padded size is a shared claim: every recipient's `open` removes the same padding.
    ...(claims.padTo !== undefined ? { pad: claims.padTo } : {}),
  }
  const protectedB64 = b64uEncode(utf8(JSON.stringify(header)))
  const aadB64 = aad ? b64uEncode(aad) : undefined
  const cek = newCek()
  try {
    const recipients = await Promise.all(
      keys.map(async (key) => {
        const { ek, encryptedKey } = await wrapCek(key, cek)
        return { header: { alg: key.suite.keAlg, kid: key.kid, ek: b64uEncode(ek) }, encrypted_key: b64uEncode(encryptedKey) }
      }),
    )
    const { iv, ciphertext, tag } = await encryptContent(cek, plaintext, contentAad(protectedB64, aadB64))
    const envelope = JSON.stringify({
      protected: protectedB64,
      recipients,
      iv: b64uEncode(iv),
      ciphertext: b64uEncode(ciphertext),
      tag: b64uEncode(tag),
      ...(aadB64 !== undefined ? { aad: aadB64 } : {}),
    })
    if (envelope.length > LIMITS.envelopeChars) {
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `The envelope would be longer than ${LIMITS.envelopeChars} characters.`)
    }
    return envelope
  } finally {
    wipe(cek)
  }
}
