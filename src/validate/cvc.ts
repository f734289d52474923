/**
 * Card security code (CVC / CVV / CID): its length depends on the brand.
 *
 * @module
 */
import { requireInteger } from './assert.js'
import type { CardBrand } from './card.js'
import type { CvcCode } from './codes.js'
import { sanitizeDigits } from './digits.js'

/** The result of {@link validateCvc}. */
export interface CvcResult {
  /** The digits of the input. */
  digits: string
  /** Whether the customer has typed as many digits as the brand's code has (or more). */
  complete: boolean
  /** Whether the code has exactly the length the brand requires. */
  valid: boolean
  /** Why the code is not valid; absent when it is. */
  code?: CvcCode
}

/** Lengths accepted while the brand is unknown: every scheme uses 3 or 4 digits. */
const UNKNOWN_BRAND_MIN = 3
const UNKNOWN_BRAND_MAX = 4

/**
 * Validates a card security code against the brand's length: 3 digits, 4 for American Express
 * (the length comes from `credit-card-type` via {@link CardBrand.cvcLength}). Without a brand,
 * 3 or 4 digits are accepted and 3 already counts as complete.
 *
 * Codes: `card.cvc.empty`; `card.cvc.incomplete` (too short); `card.cvc.invalid` (too long, or a
 * character that is not a digit).
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string or
 *   `brand.cvcLength` is not an integer from 1 to 8
 */
export function validateCvc(input: string, brand?: CardBrand): CvcResult {
  const { digits, hadInvalid } = sanitizeDigits(input)
  const exact = brand === undefined ? undefined : requireInteger(brand.cvcLength, 1, 8, 'brand.cvcLength')
  const min = exact ?? UNKNOWN_BRAND_MIN
  const max = exact ?? UNKNOWN_BRAND_MAX
  const length = digits.length

  if (hadInvalid) return { digits, complete: false, valid: false, code: 'card.cvc.invalid' }
  if (length === 0) return { digits, complete: false, valid: false, code: 'card.cvc.empty' }
  if (length < min) return { digits, complete: false, valid: false, code: 'card.cvc.incomplete' }
  if (length > max) return { digits, complete: true, valid: false, code: 'card.cvc.invalid' }
  return { digits, complete: true, valid: true }
}
