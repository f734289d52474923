/**
 * The stable validation codes of Secure Fields.
 *
 * A validator never throws on customer input and never echoes it: it answers with one of these
 * codes. The field frame maps each code to a localized message (en, es, fr, de, ar) and the host
 * page sees only the code, so the list is part of the public contract — add codes, never rename
 * or reuse one.
 *
 * @module
 */

/**
 * Every code a validator of `src/validate/` can return, grouped by field.
 *
 * A code names what is wrong, never the value: it is safe to log, to put in an event and to send
 * across the frame boundary.
 */
export const VALIDATION_CODES = [
  // Card number
  'card.number.empty',
  'card.number.incomplete',
  'card.number.invalid',
  'card.number.unknown-brand',
  'card.number.invalid-characters',
  'card.number.too-long',
  // The whole card, typed in one go, reads as two different valid cards (src/validate/card-entry.ts)
  'card.entry.ambiguous',
  // Card expiry
  'card.expiry.empty',
  'card.expiry.incomplete',
  'card.expiry.invalid',
  'card.expiry.invalid-month',
  'card.expiry.past',
  'card.expiry.too-far',
  // Card security code
  'card.cvc.empty',
  'card.cvc.incomplete',
  'card.cvc.invalid',
  // US Social Security Number / ITIN
  'ssn.empty',
  'ssn.incomplete',
  'ssn.invalid-area',
  'ssn.invalid-group',
  'ssn.invalid-serial',
  'ssn.itin-not-allowed',
  'ssn.invalid-itin',
  'ssn.invalid-characters',
  'ssn.too-long',
  // IBAN
  'iban.empty',
  'iban.incomplete',
  'iban.invalid-characters',
  'iban.invalid-country',
  'iban.invalid-checksum',
  'iban.invalid',
  'iban.too-long',
  // Text preset `account`
  'account.empty',
  'account.too-short',
  'account.too-long',
  'account.invalid-characters',
  // Text preset `id`
  'id.empty',
  'id.too-short',
  'id.invalid',
  'id.too-long',
] as const

/** One of {@link VALIDATION_CODES}. */
export type ValidationCode = (typeof VALIDATION_CODES)[number]

/** The codes of the card number field (`card.number.*`). */
export type CardNumberCode = Extract<ValidationCode, `card.number.${string}`>
/** The codes of the card expiry field (`card.expiry.*`). */
export type ExpiryCode = Extract<ValidationCode, `card.expiry.${string}`>
/** The codes of the card security code field (`card.cvc.*`). */
export type CvcCode = Extract<ValidationCode, `card.cvc.${string}`>
/** The codes of the SSN / ITIN field (`ssn.*`). */
export type SsnCode = Extract<ValidationCode, `ssn.${string}`>
/** The codes of the IBAN validator (`iban.*`). */
export type IbanCode = Extract<ValidationCode, `iban.${string}`>
/** The codes of the `account` text preset (`account.*`). */
export type AccountCode = Extract<ValidationCode, `account.${string}`>
/** The codes of the `id` text preset (`id.*`). */
export type IdCode = Extract<ValidationCode, `id.${string}`>

// A Set, not `includes`, because the protocol guard calls this on every state message.
const CODE_SET: ReadonlySet<string> = new Set(VALIDATION_CODES)

/**
 * Whether `value` is one of {@link VALIDATION_CODES}: for guards at the frame boundary, which must
 * drop anything that is not a known code rather than display it.
 */
export function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && CODE_SET.has(value)
}
