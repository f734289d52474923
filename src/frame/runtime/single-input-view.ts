/**
 * The view of every one-input field (SSN, the text presets): a label and one input on the frame's
 * input pipeline (`input-pipeline.ts`), formatted by the kind's {@link InputFormat}. A kind brings
 * only its {@link SingleInputRules} — how it reads its options, what its input looks like, how it
 * validates — and this helper does the DOM and the plumbing to the runtime ({@link FieldView}).
 *
 * Options come from the host page, so they are untrusted: rules that cannot use them throw a
 * `SecureFieldsError` (`ERR_INPUT_INVALID`) from `configure`, the runtime refuses the field, and
 * until a usable configuration arrives the view reports itself empty and never valid.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import { ErrorCodes, SecureFieldsError, isSecureFieldsError } from '../../errors.js'
import type { Locale, MessageKey } from '../i18n/index.js'
import type { Evaluation, FieldView } from './view.js'
import { attachInput } from './input-pipeline.js'
import { h, uid } from './dom.js'

/** What a kind's format makes of the input's text. */
export interface FormattedInput {
  /** What the input shows: digits in ASCII, grouped as the kind prints them. */
  display: string
  /** Whether a fixed-shape format (an ID `mask`) is filled; `true` for formats of no fixed shape. */
  complete: boolean
  /**
   * Whether every character found its place. `false` when one cannot belong (a letter in an SSN,
   * a digit where an ID mask wants a letter): `display` then keeps the text as typed, for the
   * rules to report, rather than dropping the character.
   */
  fits: boolean
  /** Whether a fixed-shape format is filled to its end: nothing more can be typed into it. */
  full?: boolean
}

/** A kind's format: the second step of the input pipeline, after digit scripts are read. */
export type InputFormat = (raw: string) => FormattedInput

/** How a kind's input looks, decided from its options. */
export interface SingleInputSetup {
  /** Default visible label (when the host gives no `label`). */
  labelKey: MessageKey
  /** Default placeholder (when the host gives no `placeholder`). */
  placeholderKey?: MessageKey
  /** The format, or none: the input then keeps what is typed and the rules judge it. */
  format?: InputFormat
  /** A key naming the format, so the input is reformatted only when the format changes. */
  formatKey?: string
  /** `inputmode`: the virtual keyboard to offer. */
  inputMode: 'numeric' | 'text'
  /** `autocomplete` token; `off` for values a browser should not offer to save. */
  autocomplete: string
  /** `autocapitalize` hint for virtual keyboards (e.g. `characters` for an IBAN). */
  autocapitalize?: 'off' | 'characters'
}

/** What is in the input right now, as the rules see it. */
export type SingleInputValue = FormattedInput

/** What a kind's rules make of its options. */
export interface SingleInputParsed<Options> {
  options: Options
  setup: SingleInputSetup
}

/** A kind's part of a one-input field. */
export interface SingleInputRules<Options> {
  /** Envelope `kind` while no usable configuration exists. */
  readonly fallbackKind: string
  /**
   * Reads and checks `config.options`; may load the rules it needs first (a promise).
   *
   * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` (or rejects with it) when the options
   *   cannot be used
   */
  parse(config: FieldConfig): SingleInputParsed<Options> | Promise<SingleInputParsed<Options>>
  /** Validates the value under `options`; the runtime adds the input the code is about. */
  evaluate(value: SingleInputValue, options: Options): Omit<Evaluation, 'input'>
  /** The normalized value to seal (only called when `evaluate` said valid). */
  plaintext(value: SingleInputValue, options: Options): string
  /** The most UTF-8 bytes a valid value can have under `options` (see {@link FieldView.maxBytes}). */
  maxBytes(options: Options): number
}

/** Builds the {@link FieldView} of a one-input kind from its rules. */
export function createSingleInputView<Options>(className: string, rules: SingleInputRules<Options>): FieldView {
  let label: HTMLLabelElement
  let input: HTMLInputElement
  let format: InputFormat | undefined
  let formatKey = ''
  let reformat: () => void = () => {}
  let current: Options | undefined
  /** The value to seal, worked out by the last `evaluate` that found it valid. */
  let sealable: string | undefined
  /** Bumped by every configuration, so a slower, older one never overwrites a newer one. */
  let generation = 0

  function read(): SingleInputValue {
    return format ? format(input.value) : { display: input.value, complete: true, fits: true }
  }

  /** Uses `next` from now on; a different format empties the input (its text had another shape). */
  function applyFormat(next: InputFormat | undefined, key: string): void {
    if (key === formatKey) return
    format = next
    formatKey = key
    input.value = ''
  }

  const view: FieldView = {
    inputs: [],
    mount(root, onInput) {
      const id = uid(className)
      label = h('label', { class: 'sf-label', for: id })
      input = h('input', { id, class: 'sf-input', type: 'text', spellcheck: 'false', autocorrect: 'off', autocomplete: 'off' })
      reformat = attachInput(input, (raw) => (format ? format(raw).display : raw), () => false, onInput)
      view.inputs.push(input)
      root.prepend(h('div', { class: 'sf-row' }, h('div', { class: `sf-group sf-single ${className}` }, label, input)))
    },
    async configure(config: FieldConfig, locale: Locale) {
      const mine = ++generation
      let parsed: SingleInputParsed<Options>
      try {
        parsed = await rules.parse(config)
        if (mine !== generation) return
        applyFormat(parsed.setup.format, parsed.setup.formatKey ?? '')
      } catch (error) {
        if (mine !== generation) return
        // Nothing typed survives options that cannot be used, and nothing is valid until fixed.
        current = undefined
        applyFormat(undefined, '')
        input.value = ''
        throw isSecureFieldsError(error) ? error : new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'The field options are not valid.', { cause: error })
      }
      current = parsed.options
      const { setup } = parsed
      label.textContent = config.label || locale.t(setup.labelKey)
      input.placeholder = config.placeholder ?? (setup.placeholderKey ? locale.t(setup.placeholderKey) : '')
      input.inputMode = setup.inputMode
      input.autocomplete = setup.autocomplete as AutoFill
      input.setAttribute('autocapitalize', setup.autocapitalize ?? 'off')
      input.required = config.required
    },
    evaluate(): Evaluation {
      const value = read()
      sealable = undefined
      if (current === undefined) return { empty: value.display === '', complete: false, valid: false, preview: '', kind: rules.fallbackKind }
      const evaluation = rules.evaluate(value, current)
      // The value to seal is worked out now, as the customer types, and kept: a seal() the page
      // asks for then costs the same whatever the value (no pattern runs on its clock).
      if (evaluation.valid) sealable = rules.plaintext(value, current)
      if (!evaluation.code) return evaluation
      return { ...evaluation, input, problems: [{ input, code: evaluation.code, complete: evaluation.complete }] }
    },
    plaintext() {
      if (sealable === undefined) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'The field holds no valid value.')
      return sealable
    },
    maxBytes() {
      return current === undefined ? 0 : rules.maxBytes(current)
    },
    clear() {
      input.value = ''
      sealable = undefined
      reformat()
    },
  }
  return view
}
