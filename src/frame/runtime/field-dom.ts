/**
 * The DOM a field runtime puts around a kind's view — the root, the error line and the note the
 * inputs are described by — and what the customer does in it, as the runtime needs it: an edit,
 * leaving an input, Enter, Tab out of the field, the field gaining or losing the focus. Events are
 * the customer's own: no page script can send a key into this frame.
 *
 * @module
 */
import { h, uid } from './dom.js'
import type { FieldView } from './view.js'

/** What the customer did, as the runtime hears it. */
export interface FieldEvents {
  /** An edit (after the view's input pipeline). */
  input(): void
  /** The customer left `input`: its problems show from now on. */
  left(input: HTMLInputElement): void
  /** Enter: submit the host's form, as in a native input (implicit submission). */
  submit(): void
  /** Tab out of the field (from its last input, or Shift+Tab from its first): the customer is done. */
  release(): void
  /** The field as a whole gained the focus (moving between its own inputs does not count). */
  focus(): void
  /** The field as a whole lost the focus. */
  blur(): void
}

/** The root of a field frame and its error and note lines. */
export class FieldDom {
  readonly root = h('main', { class: 'sf-root' })
  private readonly errorBox = h('div', { class: 'sf-error', id: uid('sf-error'), 'aria-live': 'polite' })
  private readonly noteBox = h('div', { class: 'sf-note', id: uid('sf-note'), 'aria-live': 'polite' })

  /** Builds `view` into the page, the error and note lines after it, and listens with `on`. */
  mount(view: FieldView, on: FieldEvents): void {
    document.body.append(this.root)
    view.mount(this.root, () => on.input())
    this.root.append(this.errorBox, this.noteBox)
    for (const input of view.inputs) {
      input.setAttribute('aria-describedby', `${this.errorBox.id} ${this.noteBox.id}`)
      input.addEventListener('blur', () => on.left(input))
      input.addEventListener('keydown', (event) => {
        if (!event.isTrusted || event.isComposing) return
        if (event.key === 'Enter') {
          event.preventDefault()
          return on.submit()
        }
        if (event.key !== 'Tab') return
        const enabled = view.inputs.filter((i) => !i.disabled)
        if (input === (event.shiftKey ? enabled[0] : enabled.at(-1))) on.release()
      })
    }
    this.root.addEventListener('focusin', (e) => {
      if (!this.root.contains(e.relatedTarget as Node | null)) on.focus()
    })
    this.root.addEventListener('focusout', (e) => {
      if (!this.root.contains(e.relatedTarget as Node | null)) on.blur()
    })
  }

  /** Shows the error line and the note, and marks the inputs whose problem is shown. */
  show(inputs: readonly HTMLInputElement[], errorText: string, noteText: string, invalid: ReadonlySet<HTMLInputElement>): void {
    this.errorBox.textContent = errorText
    this.noteBox.textContent = noteText
    for (const input of inputs) input.setAttribute('aria-invalid', String(invalid.has(input)))
  }
}
