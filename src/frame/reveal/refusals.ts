/**
 * What each refusal of a reveal means for the agent (the text they read, localized), for the
 * developer (an English message) and for the audit log (`refused`: the envelope or the request was
 * not acceptable; `failed`: the step-up or the cryptography failed).
 *
 * @module
 */
import type { MessageKey } from '../i18n/index.js'

/** A refusal of a reveal: the text key the agent reads, the developer's message, the audit event. */
export interface RevealRefusal {
  code: string
  key: MessageKey
  /** English, for developers (when the failure brings no message of its own). */
  message: string
  event: 'refused' | 'failed'
}

/** Codes of `open` and of the desk, with what the agent reads and which audit event they make. */
export function refusalFor(code: string): RevealRefusal {
  switch (code) {
    case 'ERR_ALREADY_REVEALED':
      return { code, key: 'reveal.already', message: 'This envelope was revealed on this desk before (view once).', event: 'refused' }
    case 'ERR_ENVELOPE_EXPIRED':
      return { code, key: 'reveal.expired', message: 'The envelope has expired.', event: 'refused' }
    case 'ERR_REVEAL_NO_ENVELOPE':
      return { code, key: 'reveal.no-envelope', message: 'No envelope is set to reveal.', event: 'refused' }
    case 'ERR_STEP_UP_FAILED':
      return { code, key: 'reveal.step-up-failed', message: 'The step-up failed or was cancelled.', event: 'failed' }
    case 'ERR_DECRYPTION_FAILED':
      return { code, key: 'reveal.failed', message: 'The envelope could not be decrypted.', event: 'failed' }
    case 'ERR_DESK_STORAGE':
      return { code, key: 'reveal.failed', message: 'The desk storage on the frame origin is unavailable.', event: 'failed' }
    default:
      return { code, key: 'reveal.failed', message: 'The reveal was refused: see the code.', event: 'refused' }
  }
}
