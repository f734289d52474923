/**
 * The text page: one input for the presets of `<secure-text-input>` — `iban`, `account`, `id` —
 * validated by `createTextValidator` (`src/validate/text.ts`, `ibantools` underneath for IBANs),
 * which the page fetches once configured rather than preloads. This file only decides how each
 * preset's input looks: IBANs in upper case, grouped in fours; account numbers on a numeric
 * keyboard; IDs with the host's optional `mask`.
 *
 * @module
 */
import MaskedPattern from 'imask/masked/pattern'
import type { FieldConfig } from '../../protocol/messages.js'
import { ErrorCodes, SecureFieldsError } from '../../errors.js'
import { isSeparator, normalizeDigits } from '../../validate/digits.js'
import type { TextOptions, TextPreset, TextValidator } from '../../validate/text.js'
import { createSingleInputView, type FormattedInput, type InputFormat, type SingleInputParsed, type SingleInputRules, type SingleInputSetup } from '../runtime/single-input-view.js'
import type { FieldView } from '../runtime/view.js'

/** The preset when the host names none: any identifier. */
export const DEFAULT_PRESET: TextPreset = 'id'

/** The longest `mask` accepted (an ID is at most 256 characters). */
export const MAX_MASK_LENGTH = 256

/**
 * An IBAN in upper case and groups of four, as ISO 13616 prints it; separators typed or pasted
 * are regrouped, and a character that is neither letter, digit nor separator stays in view.
 */
export function formatIbanInput(raw: string): FormattedInput {
  let chars = ''
  for (const char of normalizeDigits(raw).toUpperCase()) {
    if (/^[0-9A-Z]$/.test(char)) chars += char
    else if (!isSeparator(char)) return { display: normalizeDigits(raw), complete: false, fits: false }
  }
  return { display: chars.replace(/(.{4})(?=.)/g, '$1 '), complete: true, fits: true }
}

/** An account number's digits in ASCII; separators and strays stay for the validator to judge. */
export function formatAccountInput(raw: string): FormattedInput {
  return { display: normalizeDigits(raw), complete: true, fits: true }
}

/**
 * `mask` definitions of the `id` preset, besides imask's own `0` (a digit), `a` (a letter) and
 * `*` (any character): `A`, a Latin letter shown in upper case, as on most printed IDs.
 */
const ID_DEFINITIONS = { A: { mask: /^[A-Z]$/, prepareChar: (ch: string) => ch.toUpperCase() } }

/** One character of each kind an ID mask may take: a digit, a letter, anything else. */
const PROBES = ['0', 'a', '~']

/** The part of imask's `MaskedPattern` the format uses (its published types omit the inherited members). */
interface PatternState {
  resolve(value: string): void
  append(text: string, flags: { input: boolean; raw: boolean }): { inserted: string; rawInserted: string }
  readonly value: string
  readonly isComplete: boolean
}

/**
 * The `id` preset's format for a host `mask` (imask's pattern language). Each character is offered
 * to the mask in turn, digits of any script as ASCII; when the mask refuses one, the text stays as
 * typed and the value is reported invalid — a refused character is never silently dropped.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `mask` is not a pattern imask accepts
 */
export function idMaskFormat(mask: string): InputFormat {
  let masked: PatternState
  try {
    masked = new MaskedPattern({ mask, definitions: ID_DEFINITIONS, lazy: true, placeholderChar: ' ' }) as unknown as PatternState
  } catch (cause) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'options.mask is not a valid mask pattern.', { cause })
  }
  return (raw) => {
    const text = normalizeDigits(raw)
    masked.resolve('')
    for (const char of text) {
      const details = masked.append(char, { input: true, raw: true })
      if (!details.inserted && !details.rawInserted) return { display: text, complete: false, fits: false }
    }
    const display = masked.value
    const complete = masked.isComplete
    // Full when the mask takes no further digit, letter or other character: the ID cannot grow.
    const full = complete && PROBES.every((probe) => {
      masked.resolve(text)
      const details = masked.append(probe, { input: true, raw: true })
      return !details.inserted && !details.rawInserted
    })
    return { display, complete, fits: true, full }
  }
}

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
      return { labelKey: 'iban.label', format: formatIbanInput, formatKey: 'iban', inputMode: 'text', autocomplete: 'off', autocapitalize: 'characters' }
    case 'account':
      // No fixed shape: a stray letter is reported (`account.invalid-characters`) rather than
      // swallowed, and a number longer than `maxLength` is reported, never cut to fit.
      return { labelKey: 'account.label', format: formatAccountInput, formatKey: 'account', inputMode: 'numeric', autocomplete: 'off' }
    case 'id':
      return {
        labelKey: 'id.label',
        ...(mask === undefined ? {} : { format: idMaskFormat(mask), formatKey: `id:${mask}` }),
        inputMode: 'text',
        autocomplete: 'off',
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
  evaluate({ display, complete: maskComplete, fits, full }, { preset, validate }) {
    // The displayed value is what a `pattern` describes (as in HTML) and what is sealed for an
    // ID; the validator drops the IBAN's grouping spaces itself.
    const result = validate(display)
    // A character the ID mask refused makes the value invalid, whatever else it matches.
    const refused = preset === 'id' && !fits && result.code !== 'id.empty' && result.code !== 'id.too-long'
    // An ID mask that is not filled yet (`AB-12` of `AA-000000`) is an ID that is too short, not
    // one in the wrong format. (The IBAN format only groups: the validator knows each country's
    // length.)
    const short = preset === 'id' && fits && !maskComplete && result.code !== 'id.empty' && result.code !== 'id.too-long'
    const code = refused ? 'id.invalid' : short ? 'id.too-short' : result.code
    const valid = result.valid && !refused && !short
    return {
      empty: display.trim() === '',
      complete: result.complete && !short,
      valid,
      preview: valid ? result.preview : '',
      // Final at `maxLength`, or when a fixed-shape mask is filled to its end.
      final: valid && (result.final || full === true),
      ...(code ? { code } : {}),
      kind: preset,
    }
  },
  plaintext({ display }, { validate }) {
    // IBAN: electronic format; account: the digits; ID: trimmed, NFC (src/validate/text.ts).
    return validate(display).value
  },
  maxBytes: ({ validate }) => validate.maxBytes,
}

/** Creates the text view. */
export function createTextView(): FieldView {
  return createSingleInputView('sf-text', textRules)
}
