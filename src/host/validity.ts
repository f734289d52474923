/**
 * A field's form validity, as a native input's would be: one pure function of what the element
 * knows — whether its frame can work, whether its configuration is refused, the frame's last
 * state, whether the current value is sealed, `required`, `disabled`, and the page's own
 * `setCustomValidity()` message. Nothing is remembered here, so fixing a cause clears its error.
 * Pure: tested in Node (test/node/validity.test.ts).
 *
 * @module
 */
import type { FieldState } from '../protocol/messages.js'
import type { Problem } from './frame-status.js'

/** Everything a field's validity depends on. */
export interface FieldValidityInput {
  /** Why the frame cannot work at all, if it cannot. */
  connection?: Problem | undefined
  /** Why the current configuration is refused, if it is. */
  refusal?: Problem | undefined
  /** The frame's last state. */
  state: FieldState
  /** Whether the form value is an envelope of the current value. */
  sealed: boolean
  required: boolean
  /** Disabled by its own attribute or by a disabled fieldset or form. */
  disabled: boolean
  /** The message given to `setCustomValidity()`; empty for none. */
  customMessage: string
}

/** What `ElementInternals.setValidity()` takes: the flags and the message. */
export interface FieldValidity {
  flags: ValidityStateFlags
  message: string
}

const VALID: FieldValidity = { flags: {}, message: '' }

/**
 * The validity of a field. As on a native input: a disabled field is barred from constraint
 * validation and suffers from nothing but a custom error; a custom message adds `customError` to
 * whatever else holds and is the message shown.
 */
export function fieldValidity(input: FieldValidityInput): FieldValidity {
  const own = input.disabled ? VALID : derived(input)
  if (!input.customMessage) return own
  return { flags: { ...own.flags, customError: true }, message: input.customMessage }
}

/** The validity the field's own state gives, most fundamental problem first. */
function derived({ connection, refusal, state, sealed, required }: FieldValidityInput): FieldValidity {
  const problem = connection ?? refusal
  if (problem) return { flags: { customError: true }, message: problem.message }
  if (state.locked) return { flags: { customError: true }, message: state.message ?? 'Consent is required first.' }
  if (state.empty) return required ? { flags: { valueMissing: true }, message: state.message ?? 'This field is required.' } : VALID
  if (!state.valid) return { flags: { badInput: true }, message: state.message ?? 'This value is not valid.' }
  // Valid in the frame, and the envelope on its way: the form must not submit without it.
  if (!sealed) return { flags: { customError: true }, message: 'The value is being sealed.' }
  return VALID
}
