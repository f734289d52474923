/**
 * What `sf-frame-probe` (test/support/wtr-frame-probe.mjs) reports from inside the cross-origin
 * frames of the test page: language, direction, text, focus, and every control's accessible name,
 * `aria-invalid` and descriptions.
 */
import { executeServerCommand } from '@web/test-runner-commands'

/** One control inside a frame. */
export interface ProbedControl {
  tag: string
  id: string
  type: string
  className: string
  /** Accessible name (label, aria-label, aria-labelledby, or a button's text). */
  name: string
  /** `aria-invalid`, as written (`null` when absent). */
  invalid: string | null
  /** The elements named by `aria-describedby`: whether they exist, are live regions, and their text. */
  describedBy: Array<{ id: string; exists: boolean; live: boolean; text: string }>
  disabled: boolean
}

/** One frame, as the probe saw it. */
export interface FrameProbe {
  url: string
  lang: string
  dir: string
  /** The frame's visible text. */
  text: string
  /** Whether the frame's document has focus. */
  hasFocus: boolean
  /** The focused control, if any. */
  active: { tag: string; id: string; className: string; name: string } | null
  /** Whether the focused control matches `:focus-visible` and draws an outline of at least 2px. */
  focusVisible: boolean
  controls: ProbedControl[]
  liveRegions: Array<{ live: string | null; text: string }>
  /** Distinct computed colors of the elements that hold text. */
  textColors: string[]
  /** The computed background color of the frame's root. */
  background: string
}

/** Probes the frames of `page` (`card`, `ssn`, `text`, `gate`, `reveal`), or all frames. */
export async function probeFrames(page?: string): Promise<FrameProbe[]> {
  return (await executeServerCommand<FrameProbe[], { page?: string }>('sf-frame-probe', page ? { page } : {})) as FrameProbe[]
}

/**
 * Probes the one frame of `page`; fails when there is not exactly one. The DevTools protocol
 * attaches to a new out-of-process frame a moment after it loads: a frame not listed yet is
 * waited for.
 */
export async function probeFrame(page: string, timeout = 5000): Promise<FrameProbe> {
  const deadline = Date.now() + timeout
  let frames = await probeFrames(page)
  while (frames.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
    frames = await probeFrames(page)
  }
  if (frames.length !== 1) throw new Error(`expected one ${page} frame, found ${frames.length}`)
  return frames[0]!
}

/** Polls the frames of `page` until `predicate` holds for one of them; resolves with it. */
export async function waitForFrame(page: string, predicate: (probe: FrameProbe) => boolean, timeout = 10000): Promise<FrameProbe> {
  const deadline = Date.now() + timeout
  let last: FrameProbe[] = []
  while (Date.now() < deadline) {
    last = await probeFrames(page)
    const found = last.find(predicate)
    if (found) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no ${page} frame satisfied the condition; last: ${JSON.stringify(last).slice(0, 600)}`)
}

/**
 * Pastes the system clipboard into the field frame of `page` for real (Ctrl+V), once focus has
 * landed on one of its inputs: the host's `secure-focus` can arrive a moment before the input is
 * the focused element of the frame's own document.
 */
export async function pasteIntoFrame(page: string, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    const frame = await probeFrame(page)
    if (frame.hasFocus && frame.active?.tag === 'input') break
    if (Date.now() > deadline) throw new Error(`the ${page} frame never focused an input`)
    await new Promise((r) => setTimeout(r, 50))
  }
  await executeServerCommand('sf-paste')
}
