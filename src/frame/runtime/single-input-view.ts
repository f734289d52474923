/**
 * The view of every one-input field (SSN, the text presets): a label, one input and, when the
 * kind asks for one, an `imask` pattern. A kind brings only its {@link SingleInputRules} — how it
 * reads its options, what its input looks like, how it validates — and this helper does the DOM,
 * the mask and the plumbing to the runtime ({@link FieldView}).
 *
 * Options come from the host page, so they are untrusted: rules that cannot use them throw a
 * `SecureFieldsError` (`ERR_INPUT_INVALID`) from `configure`, the runtime refuses the field, and
 * until a usable configuration arrives the view reports itself empty and never valid.
 *
 * @module
 */
import InputMask from 'imask/controls/input'
import MaskedPattern from 'imask/masked/pattern'
import type { FieldConfig } from '../../protocol/messages.js'
import { ErrorCodes, SecureFieldsError, isSecureFieldsError } from '../../errors.js'
import type { Locale, MessageKey } from '../i18n/index.js'
import type { Evaluation, FieldView } from './view.js'
import { h, uid } from './dom.js'

/** The `imask` pattern options a kind may ask for (imask's `MaskedPattern` options). */
export type PatternMask = ConstructorParameters<typeof MaskedPattern>[0]

/** How a kind's input looks, decided from its options. */
export interface SingleInputSetup {
  /** Default visible label (when the host gives no `label`). */
  labelKey: MessageKey
  /** Default placeholder (when the host gives no `placeholder`). */
  placeholderKey?: MessageKey
  /** The mask, or none: the input then takes what is typed and the rules judge it. */
  mask?: PatternMask
  /** `inputmode`: the virtual keyboard to offer. */
  inputMode: 'numeric' | 'text'
  /** `autocomplete` token; `off` for values a browser should not offer to save. */
  autocomplete: string
  /** `autocapitalize` hint for virtual keyboards (e.g. `characters` for an IBAN). */
  autocapitalize?: 'off' | 'characters'
}

/** What is in the input right now, as the rules see it. */
export interface SingleInputValue {
  /** The text as displayed (with the mask's fixed characters). */
  display: string
  /** Without the mask's fixed characters (the display itself when there is no mask). */
  unmasked: string
  /** Whether the mask is filled (always `true` without a mask). */
  maskComplete: boolean
}

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
}

/** A stable key of a mask's options, to rebuild the mask only when it really changes. */
function maskKey(mask: PatternMask | undefined): string {
  if (!mask) return ''
  // Functions (prepareChar) and RegExps (definitions) have no JSON: name them by their source.
  return JSON.stringify(mask, (_key, value: unknown) => (typeof value === 'function' || value instanceof RegExp ? String(value) : value))
}

/** Builds the {@link FieldView} of a one-input kind from its rules. */
export function createSingleInputView<Options>(className: string, rules: SingleInputRules<Options>): FieldView {
  let label: HTMLLabelElement
  let input: HTMLInputElement
  let notify: () => void = () => {}
  let mask: InputMask<MaskedPattern> | undefined
  let currentMaskKey = ''
  let current: Options | undefined
  /** Bumped by every configuration, so a slower, older one never overwrites a newer one. */
  let generation = 0

  const onPlainInput = () => {
    if (!mask) notify()
  }

  function read(): SingleInputValue {
    if (!mask) return { display: input.value, unmasked: input.value, maskComplete: true }
    return { display: mask.value, unmasked: mask.unmaskedValue, maskComplete: mask.masked.isComplete }
  }

  function applyMask(next: PatternMask | undefined): void {
    const key = maskKey(next)
    if (key === currentMaskKey) return
    mask?.destroy()
    mask = undefined
    currentMaskKey = ''
    input.value = ''
    if (!next) return
    try {
      mask = new InputMask(input, new MaskedPattern({ lazy: true, placeholderChar: ' ', ...next }))
    } catch (cause) {
      throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'options.mask is not a valid mask pattern.', { cause })
    }
    currentMaskKey = key
    mask.on('accept', () => notify())
  }

  const view: FieldView = {
    inputs: [],
    mount(root, onInput) {
      notify = onInput
      const id = uid(className)
      label = h('label', { class: 'sf-label', for: id })
      input = h('input', { id, class: 'sf-input', type: 'text', spellcheck: 'false', autocorrect: 'off', autocomplete: 'off' })
      input.addEventListener('input', onPlainInput)
      view.inputs.push(input)
      root.prepend(h('div', { class: 'sf-row' }, h('div', { class: `sf-group sf-single ${className}` }, label, input)))
    },
    async configure(config: FieldConfig, locale: Locale) {
      const mine = ++generation
      let parsed: SingleInputParsed<Options>
      try {
        parsed = await rules.parse(config)
        if (mine !== generation) return
        applyMask(parsed.setup.mask)
      } catch (error) {
        if (mine !== generation) return
        // Nothing typed survives options that cannot be used, and nothing is valid until fixed.
        current = undefined
        applyMask(undefined)
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
      if (current === undefined) return { empty: value.display === '', complete: false, valid: false, preview: '', kind: rules.fallbackKind }
      const evaluation = rules.evaluate(value, current)
      return evaluation.code ? { ...evaluation, input } : evaluation
    },
    plaintext() {
      return rules.plaintext(read(), current!)
    },
    clear() {
      if (mask) mask.value = ''
      else input.value = ''
    },
  }
  return view
}
