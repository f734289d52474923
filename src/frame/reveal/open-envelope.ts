/**
 * Opening the configured envelope for the agent: first the checks `open` makes, on the header
 * alone — addressed to this desk, not expired, this conversation, not revealed before — so that no
 * step-up is asked for an envelope that would be refused anyway; then the step-up that unlocks the
 * desk key, the open (`open` checks all of it again, authenticated), and the view-once record.
 *
 * @module
 */
import { wipe } from '../../crypto/bytes.js'
import type { EnvelopeHeader } from '../../crypto/header.js'
import { inspect } from '../../crypto/inspect.js'
import { openWith } from '../../crypto/open-with.js'
import { loadHpke9 } from '../../crypto/resolve.js'
import { HPKE_4 } from '../../crypto/suite.js'
import { isSecureFieldsError } from '../../errors.js'
import { unlockDesk } from './desk.js'
import type { DeskRecord, DeskStore } from './desk-store.js'

/** What an open needs. */
export interface OpenRequest {
  envelope: string
  context: string
  record: DeskRecord
  store: DeskStore
  /** Called once the header passed, before the step-up: the desk says it is verifying. */
  verifying(): void
  /** Whether `envelope` is still the one configured, once the agent has stepped up. */
  current(): boolean
}

/**
 * The value (its bytes are the caller's to wipe once shown), or why there is none: a registered
 * code, the header when it was read, and the failure it came from, if any.
 */
export type OpenOutcome = { header: EnvelopeHeader; plaintext: Uint8Array } | { code: string; header?: EnvelopeHeader; cause?: unknown }

/** Checks, steps up, opens and records the envelope of `request`. Never throws. */
export async function openForAgent({ envelope, context, record, store, verifying, current }: OpenRequest): Promise<OpenOutcome> {
  let header: EnvelopeHeader
  try {
    header = inspect(envelope)
    if (!header.recipients.some((r) => r.kid === record.publicJwk.kid)) return { code: 'ERR_ENVELOPE_WRONG_KEY' }
    if (header.exp <= Math.floor(Date.now() / 1000)) return { code: 'ERR_ENVELOPE_EXPIRED' }
    if (header.ctx !== context) return { code: 'ERR_ENVELOPE_WRONG_CONTEXT' }
    if (await store.wasRevealed(header.jti)) return { code: 'ERR_ALREADY_REVEALED', header }
  } catch (error) {
    return { code: isSecureFieldsError(error) ? String(error.code) : 'ERR_ENVELOPE_MALFORMED', cause: error }
  }
  verifying()
  let plaintext: Uint8Array | undefined
  try {
    const key = await unlockDesk(store, record)
    if (!current()) return { code: 'ERR_REVEAL_CANCELLED', header }
    // The post-quantum suite is a chunk of its own, loaded for a post-quantum desk only.
    plaintext = (await openWith({ x25519: HPKE_4, pq: loadHpke9 }, envelope, key, { context })).plaintext
    // View once, atomically: of two reveals racing for this envelope only one records it.
    if (!(await store.markRevealed(header.jti, header.exp))) {
      wipe(plaintext)
      return { code: 'ERR_ALREADY_REVEALED', header }
    }
    return { header, plaintext }
  } catch (error) {
    wipe(plaintext)
    return { code: isSecureFieldsError(error) ? String(error.code) : 'ERR_STEP_UP_FAILED', header, cause: error }
  }
}
