/**
 * Running a script inside a cross-origin frame of the test page, through the DevTools protocol
 * (test/support/wtr-commands.mjs `sf-frame-eval`): what a test needs to see or do inside a frame —
 * read its inputs, count the edits it handled, fill it as autofill does, measure its layout.
 */
import { executeServerCommand } from '@web/test-runner-commands'

/**
 * Runs `script` (a self-contained function: it is serialized) with `arg` inside the one frame of
 * `page` (`card`, `ssn`, `text`, `gate`…). The protocol attaches to a new out-of-process frame a
 * moment after it loads: a frame not listed yet is waited for.
 */
export async function inFrame<T>(page: string, script: (arg: never) => T, arg?: unknown): Promise<T> {
  const deadline = Date.now() + 5000
  for (;;) {
    const results = (await executeServerCommand('sf-frame-eval', { page, script: script.toString(), arg })) as T[]
    if (results.length === 1) return results[0]!
    if (results.length > 1 || Date.now() > deadline) throw new Error(`expected one ${page} frame, found ${results.length}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * Starts counting, inside the frame of `page`, the edits the browser delivers to its inputs: each
 * typed character or deletion, paste, autofill `input` event or committed composition counts one.
 * A test then waits for the count ({@link editsHandled}) rather than for a time: once the frame has
 * counted them all, its own handlers — which run first, in the same task — have seen them too.
 */
export function countEdits(page: string): Promise<void> {
  return inFrame(page, () => {
    const w = window as unknown as { __sfEdits?: number; __sfCounting?: boolean }
    w.__sfEdits = 0
    if (w.__sfCounting) return
    w.__sfCounting = true
    document.addEventListener('input', (e) => {
      if (!(e as InputEvent).isComposing) w.__sfEdits!++
    })
    document.addEventListener('compositionend', () => w.__sfEdits!++)
  })
}

/** Waits until the frame of `page` has counted at least `edits` edits since {@link countEdits}. */
export async function editsHandled(page: string, edits: number, timeout = 10000): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    const seen = await inFrame(page, () => (window as unknown as { __sfEdits: number }).__sfEdits)
    if (seen >= edits) return
    if (Date.now() > deadline) throw new Error(`the ${page} frame handled ${seen} edits, not ${edits}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Waits until the frame of `page` has the focus, in one of its inputs: a host `focus()` travels
 * through the browser, and keys sent before it lands would go nowhere.
 */
export async function frameFocused(page: string, timeout = 10000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await inFrame(page, () => document.hasFocus() && document.activeElement?.tagName === 'INPUT'))) {
    if (Date.now() > deadline) throw new Error(`the ${page} frame never had the focus in an input`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
