/**
 * The keys of the frames' message tables: every validation code and every interface text. Each
 * English part (`en-card.ts`…) and every other locale is typed by these, and `en.ts` joins the
 * English parts; this module imports none of them, so no part imports the table that imports it.
 *
 * @module
 */
import type { ValidationCode } from '../../validate/codes.js'

/** Interface texts of the frames that are not validation messages. */
export const UI_KEYS = [
  'card.label.number',
  'card.label.expiry',
  'card.label.cvc',
  'card.placeholder.number',
  'card.placeholder.expiry',
  'card.placeholder.cvc',
  'ssn.label',
  'ssn.placeholder',
  'ssn.itin-recognised',
  'iban.label',
  'account.label',
  'id.label',
  'field.required',
  'field.locked',
  'field.refused',
  'consent.title',
  'consent.policy',
  'consent.version',
  'consent.agree',
  'consent.given',
  'consent.withdraw',
  'consent.hidden.tap',
  'consent.hidden.click',
  'consent.hidden.key',
  'consent.moved.tap',
  'consent.moved.click',
  'consent.opens-new-window',
  'reveal.button',
  'reveal.enrol',
  'reveal.hide',
  'reveal.countdown',
  'reveal.hidden',
  'reveal.wiped',
  'reveal.step-up',
  'reveal.step-up-failed',
  'reveal.already',
  'reveal.expired',
  'reveal.failed',
  'reveal.no-envelope',
  'reveal.card.number',
  'reveal.card.expiry',
  'reveal.card.cvc',
] as const

/** A message key: a validation code or an interface text. */
export type MessageKey = ValidationCode | (typeof UI_KEYS)[number]

/** A full locale: one string per key. `{n}` in a message is replaced by a number. */
export type Messages = Record<MessageKey, string>
