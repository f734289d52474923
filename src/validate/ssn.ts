/**
 * US Social Security Numbers, with awareness of Individual Taxpayer Identification Numbers.
 *
 * Rules of the SSA (see "Social Security Number Randomization", 2011): the area (first three
 * digits) is never 000, 666 or 900–999; the group (middle two) never 00; the serial (last four)
 * never 0000. IRS ITINs use area 9xx with a group in 50–65, 70–88, 90–92 or 94–99.
 *
 * @module
 */
import { invalidArgument } from './assert.js'
import type { SsnCode } from './codes.js'
import { sanitizeDigits } from './digits.js'
import { MASK_CHAR } from './preview.js'

/** Options of {@link validateSsn}. */
export interface SsnOptions {
  /** Accept ITINs as well as SSNs; default `false`. */
  allowItin?: boolean
}

/** The result of {@link validateSsn}. */
export interface SsnResult {
  /** The digits of the input (separators removed); the value to seal. */
  digits: string
  /** Whether nine (or more) digits are present. */
  complete: boolean
  /** A valid SSN, or a valid ITIN when `allowItin` is set. */
  valid: boolean
  /** Whether the digits typed so far are those of an ITIN (area 9xx, group in an ITIN range). */
  itin: boolean
  /** Why the number is not valid; absent when it is. */
  code?: SsnCode
}

/** The length of an SSN or ITIN. */
export const SSN_LENGTH = 9

/** The group numbers (digits 4–5) the IRS assigns to ITINs, as inclusive ranges. */
const ITIN_GROUPS: readonly (readonly [number, number])[] = [
  [50, 65],
  [70, 88],
  [90, 92],
  [94, 99],
]

function isItinGroup(group: string): boolean {
  const value = Number(group)
  return ITIN_GROUPS.some(([low, high]) => value >= low && value <= high)
}

/**
 * Why the digits break a rule, judged on as many digits as there are: a bad area is reported as
 * soon as three digits are typed, a bad group at five, the serial at nine.
 */
function ruleBroken(digits: string, itin: boolean, allowItin: boolean): SsnCode | undefined {
  const area = digits.slice(0, 3)
  const group = digits.slice(3, 5)
  if (area.length === 3 && (area === '000' || area === '666')) return 'ssn.invalid-area'
  if (area.length === 3 && area.startsWith('9')) {
    // 9xx is never an SSN; whether it is an ITIN is known only once the group is typed.
    if (group.length < 2) return undefined
    // The IRS publishes no serial rule for ITINs, so an allowed ITIN passes whatever its serial.
    if (itin) return allowItin ? undefined : 'ssn.itin-not-allowed'
    // Neither SSN nor ITIN: where ITINs are welcome the customer most likely mistyped one.
    return allowItin ? 'ssn.invalid-itin' : 'ssn.invalid-area'
  }
  if (group === '00') return 'ssn.invalid-group'
  if (digits.length === SSN_LENGTH && digits.slice(5) === '0000') return 'ssn.invalid-serial'
  return undefined
}

/**
 * Validates a US SSN (or ITIN). Pastes such as `123-45-6789`, `123 45 6789` and `123456789` give
 * the same digits.
 *
 * Codes in order of precedence: `ssn.empty`, `ssn.invalid-characters`, `ssn.too-long`, the rule
 * codes (`ssn.invalid-area`, `ssn.itin-not-allowed`, `ssn.invalid-itin`, `ssn.invalid-group`,
 * `ssn.invalid-serial`, reported as soon as enough digits are typed to judge them), then
 * `ssn.incomplete`. A 9xx number whose group is in no ITIN range is `ssn.invalid-itin` when ITINs
 * are allowed and `ssn.invalid-area` when they are not.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string or
 *   `options.allowItin` is not a boolean
 */
export function validateSsn(input: string, options: SsnOptions = {}): SsnResult {
  const allowItin = (options ?? {}).allowItin ?? false
  if (typeof allowItin !== 'boolean') invalidArgument('options.allowItin must be a boolean.')
  const { digits, hadInvalid } = sanitizeDigits(input)
  const itin = digits.length >= 5 && digits.startsWith('9') && isItinGroup(digits.slice(3, 5))
  const complete = !hadInvalid && digits.length >= SSN_LENGTH

  if (digits === '' && !hadInvalid) return { digits, complete, valid: false, itin, code: 'ssn.empty' }
  if (hadInvalid) return { digits, complete, valid: false, itin, code: 'ssn.invalid-characters' }
  if (digits.length > SSN_LENGTH) return { digits, complete, valid: false, itin, code: 'ssn.too-long' }
  const broken = ruleBroken(digits, itin, allowItin)
  if (broken) return { digits, complete, valid: false, itin, code: broken }
  if (!complete) return { digits, complete, valid: false, itin, code: 'ssn.incomplete' }
  return { digits, complete, valid: true, itin }
}

/**
 * The masked preview `•••-••-<last four>` of a valid SSN (or ITIN, when `options.allowItin` is
 * set), else `''`.
 *
 * @throws {@link SecureFieldsError} as {@link validateSsn}
 */
export function previewSsn(input: string, options: SsnOptions = {}): string {
  const result = validateSsn(input, options)
  if (!result.valid) return ''
  return `${MASK_CHAR.repeat(3)}-${MASK_CHAR.repeat(2)}-${result.digits.slice(-4)}`
}
