/**
 * English texts of the text frame (`iban.*`, `account.*`, `id.*`): the validation messages and
 * labels of its presets. Each field page brings only its own part of the English table to
 * `startFieldApp` (see `en-card.ts`); `en.ts` joins every part into the reference table.
 *
 * @module
 */
import type { MessageKey, Messages } from './keys.js'

/** The keys of this part. */
export type TextMessageKey = Extract<MessageKey, `iban.${string}` | `account.${string}` | `id.${string}`>

/** English of `iban.*`, `account.*`, `id.*`. */
export const enText: Pick<Messages, TextMessageKey> = {
  'iban.empty': 'Enter your IBAN.',
  'iban.incomplete': 'Your IBAN is incomplete.',
  'iban.invalid-characters': 'An IBAN has only letters and digits.',
  'iban.invalid-country': 'This IBAN country code is not recognised.',
  'iban.invalid-checksum': 'This IBAN is not valid; check the digits.',
  'iban.invalid': 'This IBAN is not valid.',
  'iban.too-long': 'This IBAN is too long.',
  'account.empty': 'Enter your account number.',
  'account.too-short': 'Your account number is too short.',
  'account.too-long': 'Your account number is too long.',
  'account.invalid-characters': 'Use digits only for the account number.',
  'id.empty': 'Enter your ID.',
  'id.too-short': 'Your ID is too short.',
  'id.invalid': 'Your ID is not in the expected format.',
  'id.too-long': 'Your ID is too long.',
  'iban.label': 'IBAN',
  'account.label': 'Account number',
  'id.label': 'ID number',
}
