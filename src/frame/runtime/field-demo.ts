/**
 * A field's demo values (`src/protocol/demo.ts`): taken on a demo origin only (elsewhere dropped,
 * counted and reported by the shell), kept until the field can take input, then filled in as if
 * typed — by `demo-fill.ts`, loaded on demand, so a production field frame never downloads it.
 *
 * @module
 */
import type { FieldDemo } from '../../protocol/demo.js'

/** The demo values a field waits to fill in. */
export class DemoValues {
  private pending?: FieldDemo
  /** The last values received: the same values sent again are not filled in twice. */
  private lastKey = ''

  /** Takes `demo` from a configuration when `allowed()` (asked only for values not seen before). */
  take(demo: FieldDemo | undefined, allowed: () => boolean): void {
    const key = JSON.stringify(demo ?? null)
    if (!demo || key === this.lastKey) return
    this.lastKey = key
    if (allowed()) this.pending = demo
  }

  /**
   * Fills the pending values into `inputs` (cleared first), once, and resolves with them; nothing
   * while `locked` (locking clears the field: they wait for consent).
   */
  async fill(inputs: HTMLInputElement[], clear: () => void, locked: boolean): Promise<FieldDemo | undefined> {
    const demo = this.pending
    if (!demo || locked) return undefined
    this.pending = undefined
    const { fillDemo } = await import('./demo-fill.js')
    clear()
    fillDemo(inputs, demo)
    return demo
  }
}
