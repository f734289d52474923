/**
 * English texts every field frame may show, whatever its kind (`field.*`): required, locked,
 * refused. The field runtime carries them; each page adds its own part (see `en-card.ts`).
 *
 * @module
 */
import type { MessageKey, Messages } from './keys.js'

/** The keys of this part. */
export type FieldMessageKey = Extract<MessageKey, `field.${string}`>

/** English of `field.*`. */
export const enField: Pick<Messages, FieldMessageKey> = {
  'field.required': 'This field is required.',
  'field.locked': 'Give your consent above to fill in this field.',
  'field.refused': 'This field cannot be used on this page.',
}
