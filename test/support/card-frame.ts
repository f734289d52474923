/**
 * Driving the real card frame as customers do: typing (real keys), an input method's composition,
 * a paste from the clipboard, a password manager's autofill (value + `input` event), clicks into
 * an input — and reading back what its three inputs hold, through the DevTools protocol.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands'
import { pasteIntoFrame } from './frame-probe.js'
import { nextEvent, testConfig } from './host.js'
import { countEdits, editsHandled, frameFocused, inFrame } from './frame-eval.js'

export { inFrame } from './frame-eval.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'

/** What the card frame's number, expiry and code inputs hold. */
export function cardInputs(): Promise<string[]> {
  return inFrame('card', () => [...document.querySelectorAll('input')].map((i) => i.value))
}

/** Fills the card frame's inputs as a password manager or the browser's autofill does. */
export function autofillCard(values: Array<string | null>): Promise<void> {
  return inFrame(
    'card',
    (v: Array<string | null>) => {
      const inputs = [...document.querySelectorAll('input')]
      v.forEach((value, i) => {
        if (value === null) return
        inputs[i]!.value = value
        inputs[i]!.dispatchEvent(new Event('input', { bubbles: true }))
        inputs[i]!.dispatchEvent(new Event('change', { bubbles: true }))
      })
    },
    values,
  )
}

/** A real click into the card frame's `part` input. */
export async function clickInto(part: 'number' | 'expiry' | 'cvc'): Promise<void> {
  await executeServerCommand('sf-frame-click', { page: 'card', selector: `.sf-${part} input` })
}

/** An input method composing `text` into the focused input, then committing it. */
export async function compose(text: string): Promise<void> {
  await executeServerCommand('sf-ime', { text })
}

let clipboardGranted = false

/** Puts `text` on the clipboard and pastes it into the input of the card frame that has focus. */
export async function pasteText(text: string): Promise<void> {
  if (!clipboardGranted) {
    await executeServerCommand('sf-grant-clipboard', { origin: (await testConfig()).hostOrigin })
    clipboardGranted = true
  }
  // Writing to the clipboard needs the host document focused for a moment; the frame is focused
  // again right after by the caller.
  await navigator.clipboard.writeText(text)
  await pasteIntoFrame('card')
}

/** {@link countEdits} in the card frame. */
export const countCardEdits = () => countEdits('card')

/** {@link editsHandled} in the card frame. */
export const cardEditsHandled = (edits: number, timeout?: number) => editsHandled('card', edits, timeout)

/** Number of decimal digits (any script) in `text`. */
export const digitCount = (text: string) => (text.match(/\p{Nd}/gu) ?? []).length

/** Waits until the frame's inputs hold `digits` digits in all: every key or paste has been handled. */
export async function framesHold(digits: number, timeout = 10000): Promise<string[]> {
  const deadline = Date.now() + timeout
  for (;;) {
    const values = await cardInputs()
    if (digitCount(values.join('')) === digits) return values
    if (Date.now() > deadline) throw new Error(`the card frame holds ${JSON.stringify(values.map((v) => v.length))} characters, not ${digits} digits`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Focuses the field (the host's `focus()`, as a click on its label does) and waits for the frame to have it. */
export async function focusField(element: SecureFieldElement): Promise<void> {
  const focused = nextEvent(element, 'secure-focus', () => true, 5000)
  element.focus()
  try {
    await focused
    await frameFocused('card')
  } catch (error) {
    const { probeFrame } = await import('./frame-probe.js')
    const frame = await probeFrame('card')
    throw new Error(`${String(error)}; host active ${document.activeElement?.tagName}/${element.shadowRoot?.activeElement?.tagName}, host has focus ${document.hasFocus()}, frame ${JSON.stringify({ hasFocus: frame.hasFocus, active: frame.active })}`)
  }
}

/** Types `text` with real key events (characters outside the keyboard layout are inserted as text). */
export async function typeText(text: string): Promise<void> {
  await sendKeys({ type: text })
}
