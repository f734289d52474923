/**
 * What a field shows and tells, derived from its last evaluation and what the customer did: the
 * state the host receives, the error line under the inputs and which inputs are marked invalid.
 * Pure: the same facts always give the same state, whatever happened in between.
 *
 * @module
 */
import type { FieldState } from '../../protocol/messages.js'
import type { MessageKey } from '../i18n/keys.js'
import type { Refusal } from './shell.js'
import type { Evaluation } from './view.js'

/** What the state is derived from. */
export interface StateFacts {
  evaluation: Evaluation
  /** Whether the value's preview is released (see `preview-release.ts`). */
  released: boolean
  /** The configuration's refusal, if any. */
  refusal?: Refusal
  locked: boolean
  required: boolean
  /** The form asked for the value (a seal request, Enter): every problem is shown. */
  submitted: boolean
  /** Whether the customer has left `input`: its problems show from then on. */
  left(input: HTMLInputElement): boolean
  /** The frame's translations. */
  t(key: MessageKey): string
}

/** The state and what the frame shows. */
export interface Derived {
  state: FieldState
  /** The error line under the inputs (empty for none). */
  errorText: string
  /** The inputs whose problem is shown (`aria-invalid`). */
  invalid: ReadonlySet<HTMLInputElement>
}

/**
 * The problems to show: an input's once the customer left it, once it is complete (a number typed
 * to its end that fails Luhn), or once the form asked for the value — never while the customer is
 * still on the way to it (moving on to an empty expiry is no reason to complain).
 */
function shownProblems({ evaluation, submitted, left }: StateFacts): NonNullable<Evaluation['problems']> {
  if (evaluation.empty) return []
  return (evaluation.problems ?? []).filter((p) => p.complete || submitted || left(p.input))
}

/** The localized message of the state: the refusal, the lock, `required`, or the first problem. */
function messageFor({ evaluation, refusal, locked, required, t }: StateFacts): string | undefined {
  if (refusal) return t('field.refused')
  if (locked) return t('field.locked')
  if (evaluation.empty) return required ? t('field.required') : undefined
  return evaluation.code ? t(evaluation.code as MessageKey) : undefined
}

/** Derives the state, the error line and the invalid inputs from `facts`. */
export function deriveState(facts: StateFacts): Derived {
  const { evaluation, released, refusal, locked, required, submitted, t } = facts
  const shown = shownProblems(facts)
  const shownCode = evaluation.empty ? (submitted && required ? 'field.required' : undefined) : shown[0]?.code
  const message = messageFor(facts)
  const state: FieldState = {
    empty: evaluation.empty,
    complete: evaluation.complete,
    valid: evaluation.valid && !refusal,
    ...(evaluation.brand ? { brand: evaluation.brand } : {}),
    ...(released && evaluation.preview ? { preview: evaluation.preview } : {}),
    // The refusal's code, as hosts that read the state expect; else the first problem's.
    ...(refusal ? { code: refusal.code } : evaluation.code ? { code: evaluation.code } : {}),
    ...(message ? { message } : {}),
    ...(locked ? { locked: true } : {}),
  }
  return {
    state,
    errorText: refusal || locked ? (message ?? '') : shownCode ? t(shownCode as MessageKey) : '',
    invalid: new Set(shown.map((p) => p.input)),
  }
}
