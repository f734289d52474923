/**
 * English texts of the card frame (`card.*`): its validation messages, labels and placeholders.
 * Each field page brings only its own part of the English table to `startFieldApp`, so a frame's
 * bundle, which has a size budget, carries no other page's texts; `en.ts` joins every part into
 * the reference table.
 *
 * @module
 */
import type { MessageKey, Messages } from './keys.js'

/** The keys of this part. */
export type CardMessageKey = Extract<MessageKey, `card.${string}`>

/** English of `card.*`. */
export const enCard: Pick<Messages, CardMessageKey> = {
  'card.number.empty': 'Enter your card number.',
  'card.number.incomplete': 'Your card number is incomplete.',
  'card.number.invalid': 'Your card number is invalid.',
  'card.number.unknown-brand': 'This card type is not supported.',
  'card.number.invalid-characters': 'Use digits only for the card number.',
  'card.number.too-long': 'Your card number is too long.',
  'card.entry.ambiguous': 'Check your card number and expiry date: they can be read in two ways.',
  'card.expiry.empty': 'Enter the expiry date.',
  'card.expiry.incomplete': 'The expiry date is incomplete.',
  'card.expiry.invalid': 'Enter the expiry date as MM/YY.',
  'card.expiry.invalid-month': 'The expiry month must be between 01 and 12.',
  'card.expiry.past': 'This card has expired.',
  'card.expiry.too-far': 'The expiry date is too far in the future.',
  'card.cvc.empty': 'Enter the security code.',
  'card.cvc.incomplete': 'The security code is incomplete.',
  'card.cvc.invalid': 'The security code is invalid.',
  'card.label.number': 'Card number',
  'card.label.expiry': 'Expiry date (MM/YY)',
  'card.label.cvc': 'Security code',
  'card.placeholder.number': '1234 1234 1234 1234',
  'card.placeholder.expiry': 'MM/YY',
  'card.placeholder.cvc': 'CVC',
}
