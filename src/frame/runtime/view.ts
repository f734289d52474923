/**
 * The contract between the generic field runtime and a kind's page (card, SSN, text). A view owns
 * its inputs and their masks; the runtime owns the channel, policy, theme, state, sealing and
 * audit. The plaintext leaves a view only through {@link FieldView.plaintext}, straight into the
 * envelope.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import type { Locale } from '../i18n/index.js'

/** The outcome of validating what is in the view right now. */
export interface Evaluation {
  empty: boolean
  complete: boolean
  valid: boolean
  brand?: string
  /** Masked preview; only when valid. */
  preview: string
  /**
   * The value is at its longest (an SSN's nine digits, an IBAN at its country's length, a card
   * number at its brand's longest length…): typing more cannot make another valid value, so its
   * preview is final. Until then the runtime publishes the preview only once the customer has
   * left the field — a preview per keystroke would show every character as it is typed.
   */
  final?: boolean
  /** First validation code, if any. */
  code?: string
  /** The input the code is about (to mark it `aria-invalid`). */
  input?: HTMLInputElement
  /** Envelope `kind` claim for this value (e.g. `card`, `ssn`, `iban`). */
  kind: string
  /** A non-error note to announce (e.g. "Recognised as an ITIN"). */
  note?: string
}

/** A kind's page. */
export interface FieldView {
  /** The inputs, in tab order. */
  readonly inputs: HTMLInputElement[]
  /** Builds the DOM into `root`; `onInput` is called on every edit. */
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
  /** Empties every input. */
  clear(): void
}
