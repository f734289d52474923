/**
 * Sealing to one key or a set of keys of any suite (`seal` is this with the default suites): the
 * compact envelope for one Integrated Encryption key, the JSON envelope otherwise.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { checkSealClaims, type SealClaims } from './header.js'
import { checkRecipientCount, envelopeKind, sealGeneral } from './seal-general.js'
import { resolvePublic, type SuiteChoice } from './resolve.js'
import { sealCompact, withBytes } from './seal-with-suite.js'
import type { SenderSuite } from './suite.js'

/**
 * The recipients as a list: an array, a JWKS (`{ "keys": [ … ] }`, RFC 7517 §5), or one key.
 * Only an array or a JWKS is a set; one key is a set of one.
 */
export function recipientList(recipients: unknown): readonly unknown[] {
  if (Array.isArray(recipients)) return recipients
  if (typeof recipients === 'object' && recipients !== null && !('kty' in recipients) && Array.isArray((recipients as { keys?: unknown }).keys)) {
    return (recipients as { keys: unknown[] }).keys
  }
  return [recipients]
}

/**
 * Seals to one key or a set of keys, each suite taken from `choice` by the key's family. Same
 * contract as `seal`.
 *
 * @param now - the current time in milliseconds
 * @param aad - optional JWE AAD (JSON envelopes only)
 */
export async function sealTo(
  choice: SuiteChoice<SenderSuite>,
  plaintext: string | Uint8Array,
  recipients: unknown,
  claims: SealClaims,
  now: number,
  aad?: Uint8Array,
): Promise<string> {
  const checked = checkSealClaims(claims)
  if (aad !== undefined && !(aad instanceof Uint8Array)) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'aad must be a Uint8Array.')
  return withBytes(plaintext, checked.padTo, async (bytes) => {
    const list = recipientList(recipients)
    checkRecipientCount(list.length) // before importing anything
    const keys = await Promise.all(list.map((k) => resolvePublic(k, choice)))
    if (envelopeKind(keys) === 'json') return sealGeneral(keys, bytes, checked, now, aad)
    if (aad !== undefined) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'A compact envelope carries no JWE AAD; seal to Key Encryption keys for one.')
    return sealCompact(keys[0]!, bytes, checked, now)
  })
}

