/**
 * The reveal desk's DOM: one action button (enrol, reveal or hide, by phase), the envelope's
 * preview, the value while it is shown, a countdown and a status line. Built with `h()` and text
 * nodes only (the frame runs under Trusted Types); the value lives in one node, `value`, which a
 * wipe empties.
 *
 * @module
 */
import { h, uid } from '../runtime/dom.js'
import type { RevealRow } from './format.js'

/** The desk's elements and the few operations the app needs. */
export interface RevealView {
  readonly root: HTMLElement
  /** Sets the action button's text and handler; `undefined` hides it. */
  setAction(label: string | undefined, onClick?: () => void, disabled?: boolean): void
  setPreview(text: string): void
  /** Shows the value's rows. */
  showValue(rows: RevealRow[]): void
  /** Removes every node of the value. */
  clearValue(): void
  /** Whether the value node holds nothing at all. */
  readonly valueEmpty: boolean
  setCountdown(text: string): void
  setStatus(text: string): void
}

/** Resolves after the next frame has been painted (a task after the next animation frame). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/** Creates the view; the caller appends `root` to the body. */
export function createRevealView(): RevealView {
  const action = h('button', { type: 'button', class: 'sf-button sf-action' })
  const preview = h('p', { class: 'sf-preview', id: uid('sf-preview') })
  const value = h('dl', { class: 'sf-value', 'aria-labelledby': preview.id })
  // role=timer is not announced every second (implicit aria-live off): the status line speaks.
  const countdown = h('p', { class: 'sf-countdown', role: 'timer' })
  const status = h('p', { class: 'sf-status', role: 'status', 'aria-live': 'polite' })
  const root = h('main', { class: 'sf-root sf-reveal' }, h('div', { class: 'sf-actions' }, action, preview), value, countdown, status)
  let handler: (() => void) | undefined
  action.addEventListener('click', () => handler?.())
  action.setAttribute('aria-describedby', `${preview.id}`)

  return {
    root,
    setAction(label, onClick, disabled = false) {
      action.hidden = label === undefined
      action.textContent = label ?? ''
      action.disabled = disabled
      handler = onClick
    },
    setPreview(text) {
      preview.textContent = text
    },
    showValue(rows) {
      value.replaceChildren(
        ...rows.map((row) =>
          h('div', { class: 'sf-value-row' }, ...(row.label ? [h('dt', {}, row.label)] : []), h('dd', { class: 'sf-value-text', translate: 'no' }, row.value)),
        ),
      )
    },
    clearValue() {
      value.replaceChildren()
    },
    get valueEmpty() {
      return value.childNodes.length === 0 && value.textContent === ''
    },
    setCountdown(text) {
      countdown.textContent = text
    },
    setStatus(text) {
      status.textContent = text
    },
  }
}
