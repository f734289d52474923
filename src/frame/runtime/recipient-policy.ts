/**
 * The frame origin's policy applied to a field's keys: every key of the set must be pinned, and a
 * kind the policy reserves for post-quantum keys seals to post-quantum keys only.
 *
 * @module
 */
import { keyAllowed, pqRequired, type FramePolicy } from '../../protocol/policy.js'
import type { Recipients } from './seal.js'
import type { Refusal } from './shell.js'

/** Why `recipients` may not receive envelopes of `kind` on this frame origin, or `undefined`. */
export function recipientRefusal(policy: FramePolicy, recipients: Recipients, kind: string): Refusal | undefined {
  if (!recipients.kids.every((kid) => keyAllowed(policy, kid))) {
    return { code: 'ERR_POLICY_KEY_NOT_PINNED', message: 'A configured public key is not pinned by the frame origin.' }
  }
  if (pqRequired(policy, kind) && !recipients.pq) {
    return { code: 'ERR_POLICY_PQ_REQUIRED', message: `The frame origin seals ${kind} to post-quantum keys only (HPKE-9, HPKE-9-KE).` }
  }
  return undefined
}
