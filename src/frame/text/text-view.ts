/**
 * The text page: one input for the presets of `<secure-text-input>` — `iban`, `account`, `id` —
 * validated by `createTextValidator` (`src/validate/text.ts`, `ibantools` underneath for IBANs),
 * which the page fetches once configured rather than preloads. This file only decides how each
 * preset's input looks: IBANs in upper case, grouped in fours; account numbers on a numeric
 * keyboard; IDs with the host's optional `mask`.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import { ErrorCodes, SecureFieldsError } from '../../errors.js'
import { normalizeDigits } from '../../validate/digits.js'
import type { TextOptions, TextPreset, TextValidator } from '../../validate/text.js'
import { createSingleInputView, type PatternMask, type SingleInputParsed, type SingleInputRules, type SingleInputSetup } from '../runtime/single-input-view.js'
import type { FieldView } from '../runtime/view.js'

/** The preset when the host names none: any identifier. */
export const DEFAULT_PRESET: TextPreset = 'id'

/** The longest `mask` accepted (an ID is at most 256 characters). */
export const MAX_MASK_LENGTH = 256

/** The longest IBAN (ISO 13616: 34 characters), shown in groups of four. */
const IBAN_MASK = '#### #### #### #### #### #### #### #### ##'

/**
 * Each character typed into a mask: Arabic-Indic and full-width digits (the `ar` locale, CJK input
 * methods) as ASCII digits, which `0` expects, and letters in upper case where asked.
 */
const upper = (ch: string) => normalizeDigits(ch).toUpperCase()

/**
 * `mask` definitions of the `id` preset, besides imask's own `0` (a digit), `a` (a letter) and
 * `*` (any character): `A`, a Latin letter shown in upper case, as on most printed IDs.
 */
const ID_DEFINITIONS = { A: { mask: /^[A-Z]$/, prepareChar: upper } }

/** What the text field keeps from its options. */
export interface TextFieldOptions {
  preset: TextPreset
  validate: TextValidator
}

function invalid(message: string): never {
  throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, message)
}

/** How each preset's input looks. */
function setupFor(preset: TextPreset, mask: string | undefined): SingleInputSetup {
  switch (preset) {
    case 'iban':
      // ISO 13616 electronic format is upper case: typing or pasting lower case is accepted.
      return { labelKey: 'iban.label', mask: { mask: IBAN_MASK, definitions: { '#': /^[0-9A-Z]$/ }, prepareChar: upper }, inputMode: 'text', autocomplete: 'off', autocapitalize: 'characters' }
    case 'account':
      // No mask: a stray letter is reported (`account.invalid-characters`) rather than swallowed,
      // and a number longer than `maxLength` is reported, never cut to fit.
      return { labelKey: 'account.label', inputMode: 'numeric', autocomplete: 'off' }
    case 'id': {
      const pattern: PatternMask | undefined = mask === undefined ? undefined : { mask, definitions: ID_DEFINITIONS, prepareChar: normalizeDigits }
      return { labelKey: 'id.label', ...(pattern ? { mask: pattern } : {}), inputMode: 'text', autocomplete: 'off' }
    }
  }
}

let validators: Promise<typeof import('../../validate/text.js')> | undefined

/**
 * The validators, fetched from the frame origin on first configuration rather than preloaded with
 * the page: they carry `ibantools` (~4 KB gzipped), and the page stays within its size budget.
 */
function loadValidators(): Promise<typeof import('../../validate/text.js')> {
  validators ??= import('../../validate/text.js').catch((cause: unknown) => {
    validators = undefined // a later configuration tries again
    throw new SecureFieldsError('ERR_FRAME_UNREACHABLE', 'The field rules could not be loaded from the frame origin.', { cause })
  })
  return validators
}

/**
 * Reads the host's options: `preset`, `minLength`, `maxLength`, `pattern`, `preview` go to
 * `createTextValidator`, which checks them; `mask` (the `id` preset only) shapes the input.
 */
export async function parseTextOptions(options: FieldConfig['options']): Promise<SingleInputParsed<TextFieldOptions>> {
  const { createTextValidator } = await loadValidators()
  const { mask, ...rest } = options
  const textOptions = { preset: DEFAULT_PRESET, ...rest } as unknown as TextOptions
  const validate = createTextValidator(textOptions)
  const preset = textOptions.preset
  if (mask !== undefined) {
    if (preset !== 'id') invalid(`options.mask does not apply to the ${preset} preset.`)
    if (typeof mask !== 'string' || mask === '' || mask.length > MAX_MASK_LENGTH) invalid(`options.mask must be a string of 1 to ${MAX_MASK_LENGTH} characters.`)
  }
  return { options: { preset, validate }, setup: setupFor(preset, mask as string | undefined) }
}

/** The text field's rules for {@link createSingleInputView}. */
export const textRules: SingleInputRules<TextFieldOptions> = {
  fallbackKind: 'text',
  parse: (config) => parseTextOptions(config.options),
  evaluate({ display, maskComplete }, { preset, validate }) {
    // The displayed value is what a `pattern` describes (as in HTML) and what is sealed for an
    // ID; the validator drops the IBAN's grouping spaces itself.
    const result = validate(display)
    // An ID mask that is not filled yet (`AB-12` of `AA-000000`) is an ID that is too short, not
    // one in the wrong format. (The IBAN mask only groups: the validator knows each country's
    // length.)
    const short = preset === 'id' && !maskComplete && result.code !== 'id.empty' && result.code !== 'id.too-long'
    return {
      empty: display.trim() === '',
      complete: result.complete && !short,
      valid: result.valid && !short,
      preview: short ? '' : result.preview,
      // A valid IBAN has its country's exact length: final. Accounts and IDs may grow, so their
      // preview waits until the customer leaves the field.
      final: preset === 'iban' && result.valid,
      ...(short ? { code: 'id.too-short' } : result.code ? { code: result.code } : {}),
      kind: preset,
    }
  },
  plaintext({ display }, { validate }) {
    // IBAN: electronic format; account: the digits; ID: trimmed, NFC (src/validate/text.ts).
    return validate(display).value
  },
}

/** Creates the text view. */
export function createTextView(): FieldView {
  return createSingleInputView('sf-text', textRules)
}
