/**
 * English texts of the SSN frame (`ssn.*`): its validation messages, label, placeholder and ITIN
 * note. Each field page brings only its own part of the English table to `startFieldApp` (see
 * `en-card.ts`); `en.ts` joins every part into the reference table.
 *
 * @module
 */
import type { MessageKey, Messages } from './keys.js'

/** The keys of this part. */
export type SsnMessageKey = Extract<MessageKey, `ssn.${string}`>

/** English of `ssn.*`. */
export const enSsn: Pick<Messages, SsnMessageKey> = {
  'ssn.empty': 'Enter your Social Security number.',
  'ssn.incomplete': 'Your Social Security number is incomplete.',
  'ssn.invalid-area': 'This is not a valid Social Security number (first three digits).',
  'ssn.invalid-group': 'This is not a valid Social Security number (middle two digits).',
  'ssn.invalid-serial': 'This is not a valid Social Security number (last four digits).',
  'ssn.itin-not-allowed': 'This is an ITIN; a Social Security number is required here.',
  'ssn.invalid-itin': 'This is not a valid ITIN.',
  'ssn.invalid-characters': 'Use digits only.',
  'ssn.too-long': 'A Social Security number has nine digits.',
  'ssn.label': 'Social Security number',
  'ssn.placeholder': '123-45-6789',
  'ssn.itin-recognised': 'Recognised as an ITIN.',
}
