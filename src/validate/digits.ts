/**
 * Digit extraction for numeric fields (card number, CVC, SSN, account number).
 *
 * Customers paste numbers the way they were printed — `4242-4242 4242 4242`, `123 45 6789`,
 * `123.45.6789` — so separators are dropped silently, while any other character is reported so the
 * field can say "only digits" instead of quietly validating something else.
 *
 * @module
 */
import { requireString } from './assert.js'

/**
 * Characters a pasted number may be grouped with: any Unicode white space (tabs, no-break and
 * ideographic spaces come with copies from PDFs and chat apps), ASCII and typographic dashes and
 * the minus sign (word processors turn `-` into `‐` or `–`), dots and slashes (with the full-width
 * and division slashes CJK input methods and word processors type).
 */
export const SEPARATOR_CLASS = '[\\s.\\/\\-\\u2010-\\u2015\\u2212\\u2215\\uFE63\\uFF0D\\uFF0E\\uFF0F]'
const SEPARATOR = new RegExp(SEPARATOR_CLASS, 'u')

/**
 * First code point of each run of ten decimal digits, besides ASCII, that a keyboard in one of our
 * locales may type: Arabic-Indic (the `ar` locale), Extended Arabic-Indic (Persian, Urdu) and
 * full-width (CJK input methods). They are read as the ASCII digit of the same value. Exported for
 * the detector of numbers in free text (`detect.ts`), which looks for these digits only.
 */
export const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0xff10] as const

/** The result of {@link sanitizeDigits}. */
export interface SanitizedDigits {
  /** The decimal digits of the input, in order, as ASCII `0`–`9`. */
  digits: string
  /** Whether the input held a character that is neither a digit nor a {@link SEPARATOR}. */
  hadInvalid: boolean
}

/** The ASCII digit for `codePoint`, or `undefined` when it is not one of {@link DIGIT_ZEROS}' runs. */
function asciiDigit(codePoint: number): string | undefined {
  for (const zero of DIGIT_ZEROS) {
    if (codePoint >= zero && codePoint <= zero + 9) return String.fromCharCode(0x30 + codePoint - zero)
  }
  return undefined
}

/**
 * Splits `input` into its digits and a flag for stray characters.
 *
 * Separators (white space, dashes, dots, slashes) are dropped; digits of the Arabic-Indic,
 * Extended Arabic-Indic and full-width scripts become ASCII; anything else is dropped too but sets
 * `hadInvalid`.
 *
 * @example
 * ```ts
 * sanitizeDigits('4242-4242 4242 4242') // { digits: '4242424242424242', hadInvalid: false }
 * sanitizeDigits('12a3')                // { digits: '123', hadInvalid: true }
 * ```
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function sanitizeDigits(input: string): SanitizedDigits {
  requireString(input, 'input')
  let digits = ''
  let hadInvalid = false
  // for…of walks code points, so an astral character counts as one invalid character.
  for (const char of input) {
    const digit = asciiDigit(char.codePointAt(0) ?? 0)
    if (digit !== undefined) digits += digit
    else if (!SEPARATOR.test(char)) hadInvalid = true
  }
  return { digits, hadInvalid }
}

/**
 * The digits of `input` without separators or any other character: `onlyDigits('123-45 6789')`
 * is `'123456789'`. Use {@link sanitizeDigits} to learn whether non-separators were dropped.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function onlyDigits(input: string): string {
  return sanitizeDigits(input).digits
}

/**
 * `input` with the Arabic-Indic, Extended Arabic-Indic and full-width digits replaced by ASCII
 * digits and every other character kept, for parsers (such as the expiry) that need their
 * separators.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function normalizeDigits(input: string): string {
  requireString(input, 'input')
  let out = ''
  for (const char of input) out += asciiDigit(char.codePointAt(0) ?? 0) ?? char
  return out
}

/** Whether `char` (one code point) groups the digits of a pasted number: see {@link SEPARATOR}. */
export function isSeparator(char: string): boolean {
  return SEPARATOR.test(char)
}

/** The ASCII digit `char` stands for (in any of the digit scripts above), or `undefined`. */
export function digitOf(char: string): string | undefined {
  return asciiDigit(char.codePointAt(0) ?? 0)
}

/** Whether `value` is a non-empty string of ASCII digits only. */
export function isDigits(value: string): boolean {
  return /^[0-9]+$/.test(value)
}
