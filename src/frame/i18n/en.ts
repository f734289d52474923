/**
 * English messages: the reference locale. Every other locale has exactly these keys (a test
 * checks it). Messages never interpolate what the customer typed. The texts live in one part per
 * page (`en-card.ts`, `en-ssn.ts`, `en-text.ts`, `en-field.ts`, `en-desk.ts`), so each frame
 * carries only the English it shows; this table joins them. The keys are in `keys.ts`.
 *
 * @module
 */
import type { Messages } from './keys.js'
import { enCard } from './en-card.js'
import { enDesk } from './en-desk.js'
import { enField } from './en-field.js'
import { enSsn } from './en-ssn.js'
import { enText } from './en-text.js'

export { UI_KEYS, type MessageKey, type Messages } from './keys.js'

/** The whole English table: the reference every other locale matches key for key. */
export const en: Messages = { ...enCard, ...enSsn, ...enText, ...enField, ...enDesk }
