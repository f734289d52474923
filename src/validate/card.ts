/**
 * Card number: Luhn, brand detection (delegated to `credit-card-type`), validation and display
 * grouping.
 *
 * @module
 */
import creditCardType from 'credit-card-type'
import type { CardNumberCode } from './codes.js'
import { isDigits, onlyDigits, sanitizeDigits } from './digits.js'
import { MASK_CHAR } from './preview.js'

/** A card scheme as `credit-card-type` describes it, reshaped for the field frame. */
export interface CardBrand {
  /** `credit-card-type`'s stable id, e.g. `'visa'`, `'american-express'`, `'diners-club'`. */
  type: string
  /** The display name, e.g. `'Visa'`, `'American Express'`; used in the preview. */
  niceName: string
  /** Every number length the scheme issues, ascending. */
  lengths: number[]
  /** Indexes before which the display inserts a space, e.g. `[4, 8, 12]`. */
  gaps: number[]
  /** The length of the security code: 3, or 4 for American Express. */
  cvcLength: number
  /** The scheme's name for the security code: `'CVV'`, `'CVC'`, `'CID'`, … */
  cvcName: string
}

/** The result of {@link validateCardNumber}. */
export interface CardNumberResult {
  /** The digits of the input (separators removed); the value to seal. */
  digits: string
  /** The brand, once the digits identify exactly one. */
  brand?: CardBrand
  /** Whether the customer is done typing: nothing longer could be a valid number. */
  complete: boolean
  /** Complete, of a known brand, at one of its lengths and passing Luhn. */
  valid: boolean
  /** Why the number is not valid; absent when it is. */
  code?: CardNumberCode
}

/** The longest primary account number ISO/IEC 7812-1 allows; the limit when no brand is known. */
export const MAX_CARD_NUMBER_LENGTH = 19

/** Grouping when no brand is known: the 4-4-4-4 layout most cards print. */
const DEFAULT_GAPS: readonly number[] = [4, 8, 12]

type LibraryCard = ReturnType<typeof creditCardType>[number]

function toBrand(card: LibraryCard): CardBrand {
  return {
    type: card.type,
    niceName: card.niceType,
    lengths: [...card.lengths].sort((a, b) => a - b),
    gaps: [...card.gaps],
    cvcLength: card.code.size,
    cvcName: card.code.name,
  }
}

/**
 * The schemes whose prefixes `digits` matches. `credit-card-type` narrows the list to the single
 * most specific scheme as soon as the digits are at least as long as every matching prefix, and
 * otherwise returns all candidates.
 */
function candidates(digits: string): LibraryCard[] {
  return isDigits(digits) ? creditCardType(digits) : []
}

/**
 * Whether `digits` passes the Luhn (mod 10) check of ISO/IEC 7812-1 Annex B.
 *
 * @returns `false` for an empty string or anything but ASCII digits, so a caller that forgot to
 *   sanitize gets a rejection rather than a vacuous pass
 */
export function luhn(digits: string): boolean {
  if (!isDigits(digits)) return false
  let sum = 0
  // From the check digit leftwards, every second digit is doubled; a two-digit product counts as
  // the sum of its digits, which for 10..18 is the product minus 9.
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum % 10 === 0
}

/**
 * The brand of a (possibly partial) card number, by `credit-card-type`.
 *
 * A brand is returned only when exactly one scheme remains. While a short prefix still fits
 * several (`4` is Visa but also the start of Elo and Naranja ranges; `3` is Amex, Diners or JCB),
 * the answer is `undefined` rather than a guess, so the frame never flashes a wrong logo; after at
 * most eight digits every number has one brand or none.
 *
 * @param digits - ASCII digits only (see {@link onlyDigits}); anything else gives `undefined`
 */
export function detectBrand(digits: string): CardBrand | undefined {
  const found = candidates(digits)
  return found.length === 1 && found[0] ? toBrand(found[0]) : undefined
}

/**
 * Validates what the customer typed or pasted in the card number field.
 *
 * - `complete` when no longer number is possible (the brand's longest length, or 19 digits when no
 *   brand is known), or when the number sits at one of the brand's lengths and passes Luhn: a
 *   16-digit Visa is complete although Visa also issues 19 digits. A Luhn failure at a length that
 *   could still grow is `card.number.invalid` but not complete, since the customer may be typing
 *   a longer number.
 * - `valid` when complete, of a known brand, at one of its lengths and passing Luhn.
 * - Codes in order of precedence: `card.number.empty`, `card.number.invalid-characters`,
 *   `card.number.unknown-brand`, `card.number.too-long`, `card.number.incomplete`,
 *   `card.number.invalid`.
 *
 * @example
 * ```ts
 * validateCardNumber('4242 4242 4242 4242') // { digits: '4242…', brand: Visa, complete: true, valid: true }
 * validateCardNumber('4242')                // { …, complete: false, valid: false, code: 'card.number.incomplete' }
 * ```
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function validateCardNumber(input: string): CardNumberResult {
  const { digits, hadInvalid } = sanitizeDigits(input)
  if (digits === '' && !hadInvalid) return { digits, complete: false, valid: false, code: 'card.number.empty' }

  const found = candidates(digits)
  const brand = found.length === 1 && found[0] ? toBrand(found[0]) : undefined
  const withBrand = (result: Omit<CardNumberResult, 'digits' | 'brand'>): CardNumberResult =>
    brand ? { digits, brand, ...result } : { digits, ...result }

  if (hadInvalid) return withBrand({ complete: false, valid: false, code: 'card.number.invalid-characters' })

  const length = digits.length
  const maxLength = brand ? Math.max(...brand.lengths) : MAX_CARD_NUMBER_LENGTH
  if (found.length === 0) {
    return withBrand({ complete: length >= maxLength, valid: false, code: 'card.number.unknown-brand' })
  }
  if (length > maxLength) return withBrand({ complete: true, valid: false, code: 'card.number.too-long' })
  // Several candidates only happen below eight digits, so this is a prefix still being typed.
  if (!brand) return withBrand({ complete: false, valid: false, code: 'card.number.incomplete' })

  const luhnOk = luhn(digits)
  const atLength = brand.lengths.includes(length)
  const complete = length === maxLength || (atLength && luhnOk)
  if (!atLength) return withBrand({ complete, valid: false, code: 'card.number.incomplete' })
  if (!luhnOk) return withBrand({ complete, valid: false, code: 'card.number.invalid' })
  return withBrand({ complete: true, valid: true })
}

/**
 * Groups a card number for display inside the frame, e.g. `4242 4242 4242 4242` or, for American
 * Express, `3782 822463 10005`. Non-digits are dropped first.
 *
 * @param digits - the number (separators and stray characters are ignored)
 * @param brand - its brand; without one the number is grouped in fours
 */
export function formatCardNumber(digits: string, brand?: CardBrand): string {
  const clean = onlyDigits(digits)
  const gaps = brand?.gaps ?? DEFAULT_GAPS
  let out = ''
  for (let i = 0; i < clean.length; i++) {
    if (i > 0 && gaps.includes(i)) out += ' '
    out += clean[i]
  }
  return out
}

/**
 * The masked preview of a card number, `"<brand> •••• <last four>"` (e.g. `Visa •••• 4242`),
 * or `''` unless the number is valid: a partial or mistyped number has no preview to show.
 */
export function previewCard(input: string): string {
  const result = validateCardNumber(input)
  if (!result.valid || !result.brand) return ''
  return `${result.brand.niceName} ${MASK_CHAR.repeat(4)} ${result.digits.slice(-4)}`
}
