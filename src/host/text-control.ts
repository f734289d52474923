/**
 * Which elements the composer guard can rewrite in place. Apart from the rest of the composer's
 * text handling (`composer-text.ts`), which loads with the detector, because the guard checks its
 * argument before anything is loaded.
 *
 * @module
 */

/** An `<input>` or `<textarea>` whose text can be replaced in place. */
export type TextControl = HTMLInputElement | HTMLTextAreaElement

/** Input types with a selection API (`setRangeText`), where a chat message can be typed. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'password'])

/** Whether `element` is a text control the guard can rewrite. */
export function isTextControl(element: Element): element is TextControl {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type))
}
