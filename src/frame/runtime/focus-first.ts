/**
 * Putting the caret in a field's first enabled input when the host asks (`focus()` on the element).
 *
 * @module
 */

/**
 * Puts the caret in the first enabled input of `inputs`. The host focuses the iframe just before
 * it asks, but that focus travels through the browser and may land in this frame after the
 * message (Chromium: a port is faster than a focus change). Placing the caret before it lands
 * would be undone when it does — a blur and a focus the page would see — so while this frame does
 * not have the focus the caret waits for the window's `focus`; when it has, the caret is placed
 * now, and placed again should a focus change still on its way take it. An input that has the
 * caret by then (the customer's choice) keeps it.
 */
export function focusFirst(inputs: readonly HTMLInputElement[]): void {
  const first = () => {
    if (inputs.some((i) => i === document.activeElement)) return
    inputs.find((i) => !i.disabled)?.focus()
  }
  if (document.hasFocus()) first()
  addEventListener('focus', first, { once: true })
}
