/**
 * The whole card: number, expiry and security code together, as `<secure-card-input>` holds them.
 *
 * @module
 */
import { invalidArgument } from './assert.js'
import { type CardBrand, previewCard, validateCardNumber } from './card.js'
import type { CardNumberCode, CvcCode, ExpiryCode } from './codes.js'
import { validateCvc } from './cvc.js'
import { validateExpiry } from './expiry.js'

/** The three inputs of a card form, as typed. */
export interface CardInput {
  /** The card number, with or without separators. */
  number: string
  /** The expiry date, e.g. `11/26`. */
  expiry: string
  /** The security code. */
  cvc: string
}

/** The state of a card form: what the frame reports to the host, no plaintext in it. */
export interface CardResult {
  /** All three parts complete. */
  complete: boolean
  /** All three parts valid. */
  valid: boolean
  /** The brand, once the number identifies one. */
  brand?: CardBrand
  /** The code of each part that is not valid. */
  errors: { number?: CardNumberCode; expiry?: ExpiryCode; cvc?: CvcCode }
  /** Whether each part is complete (typed to its end, valid or not): a form shows a part's error once it is. */
  completeParts: { number: boolean; expiry: boolean; cvc: boolean }
  /** `"<brand> •••• <last four>"` when the number is valid, else `''`. */
  preview: string
}

/**
 * Validates a card form. The security code is checked against the brand the number reveals (four
 * digits for American Express, three for the others, three or four while it is unknown).
 *
 * @param card - number, expiry and security code as typed
 * @param now - the current time, for the expiry check
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `card` is not an object, a part is not a string or `now` is not
 *   a valid `Date`
 */
export function validateCard(card: CardInput, now: Date): CardResult {
  if (typeof card !== 'object' || card === null) invalidArgument('card must be an object.')
  const number = validateCardNumber(card.number)
  const expiry = validateExpiry(card.expiry, now)
  const cvc = validateCvc(card.cvc, number.brand)

  const errors: CardResult['errors'] = {}
  if (number.code) errors.number = number.code
  if (expiry.code) errors.expiry = expiry.code
  if (cvc.code) errors.cvc = cvc.code

  const result: CardResult = {
    complete: number.complete && expiry.complete && cvc.complete,
    valid: number.valid && expiry.valid && cvc.valid,
    errors,
    completeParts: { number: number.complete, expiry: expiry.complete, cvc: cvc.complete },
    preview: number.valid ? previewCard(number.digits) : '',
  }
  if (number.brand) result.brand = number.brand
  return result
}
