/**
 * Validator presets of `<secure-text-input>`: `iban`, `account` (a bank account number) and `id`
 * (any identifier described by a pattern).
 *
 * Options come from the integrator (host page attributes), so they are checked once, when the
 * validator is created, and a bad option throws; what the customer types never throws.
 *
 * @module
 */
import { RE2JS } from 're2js'
import { invalidArgument, optionalInteger, requireString } from './assert.js'
import type { AccountCode, IbanCode, IdCode } from './codes.js'
import { sanitizeDigits } from './digits.js'
import { previewIban, validateIban } from './iban.js'
import { maskedTail } from './preview.js'
import type { TextPreset } from '../protocol/kinds.js'

/** The validator presets of `<secure-text-input>`: the registry's (`src/protocol/kinds.ts`). */
export type { TextPreset }

/** Options of {@link validateText} and {@link createTextValidator}. */
export interface TextOptions {
  /** Which rules apply. */
  preset: TextPreset
  /** Fewest characters (`account`: digits, default 4; `id`: default 1). Not for `iban`. */
  minLength?: number
  /** Most characters (`account`: digits, default 17; `id`: default 64). Not for `iban`. */
  maxLength?: number
  /**
   * `id` only: a regular expression the whole value must match, as the HTML `pattern` attribute
   * describes it — valid with the `v` flag, anchored at both ends (`^` and `$` may be given but are
   * not needed). At most {@link MAX_PATTERN_LENGTH} characters. It runs on RE2's linear-time
   * engine (`re2js`), so its running time never depends on the value in a way a page could
   * measure: lookarounds and backreferences, which need backtracking, are refused.
   */
  pattern?: string
  /** `'none'` keeps the preview empty, for values of which not even the last four may show. */
  preview?: 'default' | 'none'
}

/** The result of a text validator. */
export interface TextResult {
  /** The normalized value, the one to seal: IBAN electronic format, account digits, trimmed ID. */
  value: string
  /** Whether the value is long enough to be finished (`iban`: the country's length). */
  complete: boolean
  /** Whether the value satisfies the preset. */
  valid: boolean
  /**
   * Valid, and no longer value could be: an IBAN (its country fixes its length), an account or ID
   * at `maxLength`. The frame releases such a value's preview at once.
   */
  final: boolean
  /** Why the value is not valid; absent when it is. */
  code?: IbanCode | AccountCode | IdCode
  /** The masked preview of a valid value (`•••• 6789`, `DE •••• 3000`), else `''`. */
  preview: string
}

/**
 * A validator built by {@link createTextValidator}; `maxBytes` is the most UTF-8 bytes a valid value
 * can have under its options (34 for an IBAN, `maxLength` for an account, four per code point of
 * `maxLength` for an ID), the size a frame pads every envelope of the field to.
 */
export type TextValidator = ((input: string) => TextResult) & { readonly maxBytes: number }

/** The longest `pattern` accepted: longer ones are more likely mistakes than identifiers. */
export const MAX_PATTERN_LENGTH = 256

/** Defaults and bounds of the length options, per preset. */
const LENGTHS = {
  // 4 to 17 digits covers US account numbers (the ACH field is 17 wide).
  account: { min: 4, max: 17, limit: 64 },
  // The upper limit also bounds the input a pattern runs on, which caps backtracking.
  id: { min: 1, max: 64, limit: 256 },
} as const

/** The options each preset takes: one entry per registered preset (the compiler holds it to them). */
const OPTION_NAMES: Readonly<Record<TextPreset, readonly string[]>> = {
  iban: ['preset', 'preview'],
  account: ['preset', 'minLength', 'maxLength', 'preview'],
  id: ['preset', 'minLength', 'maxLength', 'pattern', 'preview'],
}

/** The longest IBAN, in characters (ISO 13616). */
const IBAN_MAX_LENGTH = 34

/** Control characters have no place in an identifier and could hide one value inside another. */
const CONTROL = /\p{Cc}/u

/** Whether a whole value matches a `pattern`. */
type PatternMatcher = (value: string) => boolean

function compilePattern(source: unknown): PatternMatcher {
  if (typeof source !== 'string' || source === '') invalidArgument('options.pattern must be a non-empty string.')
  if (source.length > MAX_PATTERN_LENGTH) {
    invalidArgument(`options.pattern must be at most ${MAX_PATTERN_LENGTH} characters.`)
  }
  try {
    // Compiled alone first, as HTML does: `a)|(b` would otherwise become a valid but unanchored
    // `^(?:a)|(b)$`. The browser's engine checks the syntax an HTML `pattern` allows …
    new RegExp(source, 'v')
  } catch (cause) {
    return invalidArgument('options.pattern is not a valid regular expression (v flag).', cause)
  }
  try {
    // … and RE2 runs it: time linear in the value, whatever the pattern.
    const re = RE2JS.compile(`^(?:${source})$`)
    return (value) => re.matches(value)
  } catch (cause) {
    return invalidArgument('options.pattern needs backtracking (a lookaround or a backreference): use a pattern RE2 accepts.', cause)
  }
}

function checkLengths(options: TextOptions, preset: 'account' | 'id'): { min: number; max: number } {
  const bounds = LENGTHS[preset]
  const min = optionalInteger(options.minLength, bounds.min, 1, bounds.limit, 'options.minLength')
  const max = optionalInteger(options.maxLength, bounds.max, 1, bounds.limit, 'options.maxLength')
  if (min > max) invalidArgument('options.minLength must not exceed options.maxLength.')
  return { min, max }
}

type PresetResult = Omit<TextResult, 'preview' | 'final'>

function accountValidator(min: number, max: number): (input: string) => PresetResult {
  return (input) => {
    const { digits: value, hadInvalid } = sanitizeDigits(input)
    const complete = !hadInvalid && value.length >= min
    if (value === '' && !hadInvalid) return { value, complete, valid: false, code: 'account.empty' }
    if (hadInvalid) return { value, complete, valid: false, code: 'account.invalid-characters' }
    if (value.length > max) return { value, complete, valid: false, code: 'account.too-long' }
    if (value.length < min) return { value, complete, valid: false, code: 'account.too-short' }
    return { value, complete, valid: true }
  }
}

function idValidator(min: number, max: number, pattern: PatternMatcher | undefined): (input: string) => PresetResult {
  return (input) => {
    requireString(input, 'input')
    // NFC, so that an accented letter matches the pattern however the keyboard composed it.
    const value = input.normalize('NFC').trim()
    const length = Array.from(value).length
    const complete = length >= min
    if (value === '') return { value, complete, valid: false, code: 'id.empty' }
    // Length first: the pattern only ever runs on a bounded string.
    if (length > max) return { value, complete, valid: false, code: 'id.too-long' }
    if (length < min) return { value, complete, valid: false, code: 'id.too-short' }
    if (CONTROL.test(value) || (pattern && !pattern(value))) return { value, complete, valid: false, code: 'id.invalid' }
    return { value, complete, valid: true }
  }
}

/**
 * Checks `options` once and returns the validator they describe.
 *
 * - `iban`: {@link validateIban}; the value is the electronic format; preview `DE •••• 3000`.
 * - `account`: digits only (separators dropped), `minLength` 4 and `maxLength` 17 by default;
 *   codes `account.empty`, `account.invalid-characters`, `account.too-long`, `account.too-short`;
 *   preview `•••• 6789`.
 * - `id`: the trimmed, NFC-normalized value, lengths in code points (`minLength` 1, `maxLength` 64
 *   by default, at most 256), optionally a `pattern`; codes `id.empty`, `id.too-long`,
 *   `id.too-short`, `id.invalid` (pattern mismatch or a control character); preview `•••• AB12`.
 *
 * Previews show at most the last four characters and never more than half the value (see
 * {@link visibleTail}).
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` for an unknown preset or option, an option
 *   the preset does not take, a length out of bounds or `minLength > maxLength`, and a pattern
 *   that is empty, longer than {@link MAX_PATTERN_LENGTH} or not a valid `v`-flag expression
 */
export function createTextValidator(options: TextOptions): TextValidator {
  if (typeof options !== 'object' || options === null) invalidArgument('options must be an object.')
  const { preset } = options
  if (typeof preset !== 'string' || !Object.hasOwn(OPTION_NAMES, preset)) {
    invalidArgument(`options.preset must be one of ${Object.keys(OPTION_NAMES).map((p) => `'${p}'`).join(', ')}.`)
  }
  for (const [name, value] of Object.entries(options)) {
    // An option set to `undefined` counts as absent, as with optional properties in TypeScript.
    if (value !== undefined && !OPTION_NAMES[preset].includes(name)) invalidArgument(`options.${name} does not apply to the ${preset} preset.`)
  }
  const previewMode = options.preview ?? 'default'
  if (previewMode !== 'default' && previewMode !== 'none') invalidArgument("options.preview must be 'default' or 'none'.")
  const showPreview = previewMode === 'default'

  if (preset === 'iban') {
    return Object.assign((input: string): TextResult => {
      const { electronic: value, complete, valid, code } = validateIban(input)
      const preview = valid && showPreview ? previewIban(value) : ''
      // A country fixes its IBAN's length: a valid IBAN is final.
      return code ? { value, complete, valid, final: false, code, preview } : { value, complete, valid, final: valid, preview }
    }, { maxBytes: IBAN_MAX_LENGTH })
  }
  const { min, max } = checkLengths(options, preset)
  const validate =
    preset === 'account'
      ? accountValidator(min, max)
      : idValidator(min, max, options.pattern === undefined ? undefined : compilePattern(options.pattern))
  return Object.assign(
    (input: string): TextResult => {
      const result = validate(input)
      const final = result.valid && Array.from(result.value).length === max
      return { ...result, final, preview: result.valid && showPreview ? maskedTail(result.value) : '' }
    },
    // An account's digits are ASCII; an ID's code points take up to four UTF-8 bytes each.
    { maxBytes: preset === 'account' ? max : max * 4 },
  )
}

/**
 * Validates `input` with the preset of `options`: `createTextValidator(options)(input)`. Prefer
 * {@link createTextValidator} on every keystroke, so the options (and pattern) are checked once.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` as {@link createTextValidator}, or when
 *   `input` is not a string
 */
export function validateText(input: string, options: TextOptions): TextResult {
  return createTextValidator(options)(input)
}
