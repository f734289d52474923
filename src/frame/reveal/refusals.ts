/**
 * What each refusal of a reveal means for the agent (the message they read) and for the audit log
 * (`refused`: the envelope or the request was not acceptable; `failed`: the step-up or the
 * cryptography failed).
 *
 * @module
 */
import { ErrorCodes } from '../../errors.js'
import { RevealErrorCodes } from '../../protocol/reveal.js'
import type { MessageKey } from '../i18n/index.js'

/** A refusal: its code, the message key the agent reads, and the audit event it makes. */
export interface Refusal {
  code: string
  key: MessageKey
  event: 'refused' | 'failed'
}

/** Codes of `open` and of the desk, with what the agent reads and which audit event they make. */
export function refusalFor(code: string): Refusal {
  switch (code) {
    case RevealErrorCodes.ALREADY_REVEALED:
      return { code, key: 'reveal.already', event: 'refused' }
    case ErrorCodes.ENVELOPE_EXPIRED:
      return { code, key: 'reveal.expired', event: 'refused' }
    case RevealErrorCodes.NO_ENVELOPE:
      return { code, key: 'reveal.no-envelope', event: 'refused' }
    case RevealErrorCodes.STEP_UP_FAILED:
      return { code, key: 'reveal.step-up-failed', event: 'failed' }
    case ErrorCodes.DECRYPTION_FAILED:
    case RevealErrorCodes.DESK_STORAGE:
      return { code, key: 'reveal.failed', event: 'failed' }
    default:
      return { code, key: 'reveal.failed', event: 'refused' }
  }
}
