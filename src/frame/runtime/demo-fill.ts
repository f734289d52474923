/**
 * Demo mode of the field frames (`src/protocol/demo.ts`): fills the inputs with sample values as
 * if they were typed. Loaded on demand, and only by a frame whose origin's policy says `demo:
 * true`, so a production field frame never even downloads it (and stays within its size budget).
 *
 * @module
 */
import type { FieldDemo } from '../../protocol/demo.js'

/**
 * Fills `demo`'s values into `inputs`, in tab order: the card's number, expiry and security code,
 * or a one-input field's `value`. Each input gets the `input` event autofill fires, so the input
 * pipeline formats and validates each value as a whole value of its own input.
 */
export function fillDemo(inputs: HTMLInputElement[], demo: FieldDemo): void {
  const values = inputs.length === 1 ? [demo.value] : [demo.number, demo.expiry, demo.cvc]
  inputs.forEach((input, i) => {
    const value = values[i]
    if (value === undefined) return
    input.value = value
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: value }))
  })
}
