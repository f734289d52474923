/**
 * Key sets and the other suites, loaded by `seal.ts` only when the configured key needs them:
 * several recipients (one JSON envelope any of whose keys opens it), Key Encryption keys, and
 * post-quantum keys, whose suite (`HPKE_9`) is a chunk of its own, loaded on first use.
 *
 * @module
 */
import { sealTo, recipientList } from '../../crypto/seal-to.js'
import { checkRecipientCount, envelopeKind } from '../../crypto/seal-general.js'
import { loadHpke9, resolvePublic, type SuiteChoice } from '../../crypto/resolve.js'
import { HPKE_4_WEB, type SenderSuite } from '../../crypto/suite.js'
import type { Recipients } from './recipients.js'

const SUITES: SuiteChoice<SenderSuite> = { x25519: HPKE_4_WEB, pq: loadHpke9 }

/**
 * Imports every key of a set (or one key that is not a plain X25519 one) and checks that they can
 * share one envelope, before anything is typed: a set the crypto layer would refuse is refused at
 * configuration time.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`, `ERR_RECIPIENTS_INVALID`
 */
export async function importKeySet(value: unknown): Promise<Recipients> {
  const list = recipientList(value)
  checkRecipientCount(list.length)
  const keys = await Promise.all(list.map((jwk) => resolvePublic(jwk, SUITES)))
  envelopeKind(keys)
  return {
    kids: keys.map((k) => k.kid),
    pq: keys.every((k) => k.suite.pq),
    seal: (bytes, claims) => sealTo(SUITES, bytes, keys, claims, Date.now()),
  }
}
