/**
 * The contract between the generic field runtime and a kind's page (card, SSN, text). A view owns
 * its inputs and their masks; the runtime owns the channel, policy, theme, state, sealing and
 * audit. The plaintext leaves a view only through {@link FieldView.plaintext}, straight into the
 * envelope.
 *
 * @module
 */
import { isSecureFieldsError, type ErrorCode } from '../../errors.js'
import type { FieldConfig } from '../../protocol/messages.js'
import type { Locale } from '../i18n/index.js'
import type { Refusal } from './shell.js'

/** The outcome of validating what is in the view right now. */
export interface Evaluation {
  empty: boolean
  complete: boolean
  valid: boolean
  brand?: string
  /** Masked preview; only when valid. */
  preview: string
  /**
   * The value cannot grow into another valid value: an SSN's nine digits, an IBAN at its
   * country's length, an account or ID at its `maxLength`, a card whose security code is typed in
   * full and whose number no further typing can change. Its preview is final and released at
   * once. Any other valid value's preview waits for the customer to say they are done (Enter, or
   * Tab out of the field): a preview released earlier would show the tail of a value still being
   * typed (docs/architecture.md, "What the page may learn").
   */
  final?: boolean
  /** First validation code, if any. */
  code?: string
  /** The input the code is about (to mark it `aria-invalid`). */
  input?: HTMLInputElement
  /**
   * Every input's problem, in tab order, and whether that input is complete (typed to its end). The
   * runtime shows an input's problem once the customer left that input, once it is complete, or
   * once the form asked for the value — never while the customer is still on the way to it.
   */
  problems?: Array<{ input: HTMLInputElement; code: string; complete: boolean }>
  /** Envelope `kind` claim for this value (e.g. `card`, `ssn`, `iban`). */
  kind: string
  /** A non-error note to announce (e.g. "Recognised as an ITIN"). */
  note?: string
}

/** A kind's page. */
export interface FieldView {
  /** The inputs, in tab order. */
  readonly inputs: HTMLInputElement[]
  /** Builds the DOM into `root`; `onInput` is called after every edit (see `input-pipeline.ts`). */
  mount(root: HTMLElement, onInput: () => void): void
  /**
   * Applies labels, placeholders, locale and kind options. May return a promise, when the view
   * loads what its options need (a chunk from the frame origin); the runtime waits for it.
   *
   * @throws `SecureFieldsError` `ERR_INPUT_INVALID` (or rejects with it) when the host's `options`
   *   cannot be used (a bad pattern, an unknown preset…): the runtime then refuses the field.
   */
  configure(config: FieldConfig, locale: Locale): void | Promise<void>
  /** Validates the current value. */
  evaluate(now: Date): Evaluation
  /** The normalized value to seal (only called when `evaluate` says valid). */
  plaintext(): string
  /**
   * The most UTF-8 bytes a valid value of this field can have under its configuration: every
   * envelope is padded to it (`src/crypto/padding.ts`), so its length tells nothing of the value's.
   */
  maxBytes(): number
  /** Empties every input. */
  clear(): void
}

/**
 * Applies a configuration to `view` — labels, locale, options; the view may load its rules first
 * (the text page fetches its validators on demand) — and resolves with why its options cannot be
 * used, if they cannot: options come from the host, and a view that cannot use them throws.
 */
export async function configureView(view: FieldView, config: FieldConfig, locale: Locale): Promise<Refusal | undefined> {
  try {
    await view.configure(config, locale)
    return undefined
  } catch (error) {
    // Validator messages name the option, never a value (src/validate/assert.ts).
    if (isSecureFieldsError(error)) return { code: error.code as ErrorCode, message: error.message.slice(0, 300) }
    return { code: 'ERR_INPUT_INVALID', message: 'The field options are not valid.' }
  }
}
