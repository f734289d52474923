/**
 * English messages: the reference locale. Every other locale has exactly these keys (a test
 * checks it). Messages never interpolate what the customer typed. The texts live in one part per
 * page (`en-card.ts`, `en-ssn.ts`, `en-text.ts`, `en-field.ts`, `en-desk.ts`), so each frame
 * carries only the English it shows; this table joins them.
 *
 * @module
 */
import type { ValidationCode } from '../../validate/codes.js'
import { enCard } from './en-card.js'
import { enDesk } from './en-desk.js'
import { enField } from './en-field.js'
import { enSsn } from './en-ssn.js'
import { enText } from './en-text.js'

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

/** The whole English table: the reference every other locale matches key for key. */
export const en: Messages = { ...enCard, ...enSsn, ...enText, ...enField, ...enDesk }
