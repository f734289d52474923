/**
 * The one input pipeline of every field frame input: whatever the browser put into the input —
 * a typed key, an IME's composed text, a paste, a password manager's or the browser's autofill
 * (which set `value` and fire `input`, with no key at all) — is read back, normalized and
 * formatted by the kind's {@link Formatter}, written back with the caret where the customer
 * expects it, and only then validated by the runtime.
 *
 * A formatter never drops a character: digits of any script become ASCII, separators are placed
 * by the format, and a character that cannot belong stays in view for the validator to report.
 *
 * @module
 */
import { isSeparator } from '../../validate/digits.js'

/** Turns what is in an input into what it should show (see the module comment). */
export type Formatter = (raw: string) => string

/** An edit the browser has applied to an input, as the pipeline saw it. */
export interface Edit {
  /** The `inputType` of the edit (`insertText`, `insertFromPaste`, `deleteContentBackward`, …); `''` when unknown (autofill). */
  type: string
  /** The text the edit inserted (empty for a deletion). */
  inserted: string
  /** Whether the edit only appended at the end of what was there (the caret was at the end, nothing selected). */
  atEnd: boolean
  /** The input's value before the edit. */
  before: string
}

/**
 * Called after each edit, before the pipeline formats the input. Returning `true` says the edit
 * was taken over (the card frame re-reads a card typed in one go and sets all its inputs).
 */
export type EditHandler = (edit: Edit) => boolean

/** Whether `char` is content (kept in position by the caret mapping) rather than formatting. */
const isContent = (char: string) => !isSeparator(char)

/** How many content characters `text` has before `index` (code units). */
function contentBefore(text: string, index: number): number {
  let count = 0
  for (const char of text.slice(0, index)) if (isContent(char)) count++
  return count
}

/** The index in `text` just after its `count`-th content character. */
function indexAfterContent(text: string, count: number): number {
  if (count === 0) return 0
  let seen = 0
  let index = 0
  for (const char of text) {
    index += char.length
    if (isContent(char) && ++seen === count) return index
  }
  return text.length
}

/**
 * Writes `display` into `input`, keeping the caret after the same number of content characters as
 * before, or at the end when it was at the end.
 */
export function writeInput(input: HTMLInputElement, display: string): void {
  if (input.value === display) return
  const caret = input.selectionStart ?? input.value.length
  const atEnd = caret >= input.value.length
  const content = contentBefore(input.value, caret)
  input.value = display
  // Only the focused input has a caret a customer sees; moving another's would steal nothing but
  // would scroll it needlessly.
  if (input.ownerDocument.activeElement !== input) return
  const position = atEnd ? display.length : indexAfterContent(display, content)
  input.setSelectionRange(position, position)
}

/** The edit that turned `before` into `after`. */
function diff(before: { value: string; start: number; end: number }, after: string, type: string): Edit {
  const removed = before.end - before.start
  const insertedLength = after.length - (before.value.length - removed)
  const inserted = insertedLength > 0 ? after.slice(before.start, before.start + insertedLength) : ''
  const atEnd = before.start === before.end && before.end === before.value.length && after.startsWith(before.value)
  return { type, inserted, atEnd, before: before.value }
}

/**
 * Runs the pipeline on `input`: after each edit (once an IME's composition has ended), `onEdit`
 * may take the edit over; otherwise the input is formatted with `format`. `onChange` is called
 * after every edit either way.
 *
 * @returns a function that re-formats the input now (after its value was set from outside)
 */
export function attachInput(input: HTMLInputElement, format: Formatter, onEdit: EditHandler, onChange: () => void): () => void {
  let before = { value: input.value, start: input.value.length, end: input.value.length }
  const remember = () => {
    before = { value: input.value, start: input.selectionStart ?? input.value.length, end: input.selectionEnd ?? input.value.length }
  }
  let pendingType = ''
  /** Whether the browser announced this edit (`beforeinput`, `compositionstart`): autofill does not. */
  let announced = false
  let composing = false
  // What was there before a composition is what its final text replaces.
  input.addEventListener('compositionstart', () => {
    remember()
    composing = true
    announced = true
  })
  input.addEventListener('beforeinput', (event) => {
    if (composing) return
    remember()
    pendingType = event.inputType
    announced = true
  })
  const apply = (type: string) => {
    composing = false
    const after = input.value
    if (after === before.value) {
      writeInput(input, format(after))
      return onChange()
    }
    // An edit nobody announced (autofill, a password manager setting `value`) replaced the value:
    // what was there before is not known to have been the customer's.
    const edit: Edit = announced ? diff(before, after, type) : { type: '', inserted: after, atEnd: false, before: '' }
    if (!onEdit(edit)) writeInput(input, format(input.value))
    remember()
    pendingType = ''
    announced = false
    onChange()
  }
  input.addEventListener('input', (event) => {
    // An IME's text is final only at `compositionend`; formatting before would fight the IME.
    if ((event as InputEvent).isComposing) return
    apply((event as InputEvent).inputType || pendingType)
  })
  input.addEventListener('compositionend', () => apply('insertCompositionText'))
  return () => {
    writeInput(input, format(input.value))
    remember()
  }
}
