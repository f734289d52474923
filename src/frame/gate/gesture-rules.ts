/**
 * When a pointer gesture on the consent box counts, per pointer type: pure rules over what the
 * gate frame saw of the pointer (no DOM; `gesture-watch.ts` records the samples). Visibility —
 * covered, faded, transformed, clipped — is judged apart, by IntersectionObserver v2
 * (`visibility.ts`); these rules are about the other trick: moving the gate so that its checkbox
 * comes under a pointer or finger the customer aimed at something else.
 *
 * What a frame can know of its own place on the screen: each pointer event carries it
 * (`screenX − clientX`, `screenY − clientY`: the frame's offset, its "placement"). Between events it
 * knows nothing, so the rules lean on what the frame did see, and on Chromium's own intervention
 * for cross-origin frames that use IntersectionObserver v2: input to such a frame that moved or was
 * resized by 30 device-independent pixels or more within the last 500 ms is discarded by the browser
 * (`ShouldDiscardEventTargetingFrame`, Blink `event_handling_util.cc`; measured here on taps).
 *
 * - Every pointer: the press and the click happen at one placement (the gate did not move during
 *   the press), and the frame saw no other placement, nor a layout change, in the {@link STABLE_MS}
 *   before the press.
 * - Touch: a finger gives no sign before it lands, so the tap must land at least {@link EDGE_PX}
 *   inside the frame and as far from the gate's link. A slide smaller than that cannot bring the
 *   checkbox under a finger aimed at something outside the gate (or at the link); a larger one is
 *   discarded by the browser for 500 ms.
 * - Mouse and pen (which hover): the pointer must have been seen moving over another part of the
 *   gate at this placement before it reached the checkbox — the customer brought it there. A pointer
 *   first seen on the checkbox itself (the gate came to it, or it jumped there) counts only after it
 *   has been over the gate at this placement for {@link STABLE_MS}.
 *
 * @module
 */

/** The pointer types the rules know (Pointer Events §4.1.1, `pointerType`). */
export type PointerKind = 'mouse' | 'pen' | 'touch'

/**
 * How long the frame must have been seen at one placement before a press: Chromium's own window
 * for discarding input to a frame that moved (500 ms), so that the two rules agree.
 */
export const STABLE_MS = 500

/**
 * How far inside the frame, and from the gate's link, a tap must land: more than the 30 DIP a frame
 * may move without the browser discarding the next tap.
 */
export const EDGE_PX = 32

/** Offsets closer than this are one placement (touch and its compatibility click round apart by 1 px). */
export const SAME_PLACE_PX = 2

/** Where the frame was on the screen, as an event saw it, and the layout inside it. */
export interface Placement {
  /** `screenX − clientX` of the event. */
  x: number
  /** `screenY − clientY` of the event. */
  y: number
  /** Counts layout changes inside the frame (resize, new text): content moved without the frame moving. */
  epoch: number
}

/** One pointer event, as the rules need it. */
export interface PointerSample {
  type: 'over' | 'move' | 'down' | 'up' | 'out' | 'cancel'
  kind: PointerKind
  /** `performance.now()` when the frame handled it (a replayed event keeps an old `timeStamp`). */
  time: number
  at: Placement
  /** Whether it was on the consent control (the checkbox or its label). */
  onControl: boolean
  /** Distance to the nearest frame edge or link box, CSS pixels. */
  clearance: number
  /** `out` only: the pointer left the frame's document. */
  left?: boolean
}

/** The layout inside the frame changed at `time` (the frame was resized, or its text changed). */
export interface LayoutSample {
  type: 'layout'
  time: number
}

/** What the frame saw, oldest first. */
export type Sample = PointerSample | LayoutSample

/** Why a pointer click does not count. */
export type PointerRefusal =
  /** The gate moved, or its content did, under the pointer: during the press or just before it. */
  | 'moved'
  /** The frame never saw the press that made this click. */
  | 'no-press'

/** Whether two placements are the same. */
export function samePlace(a: Placement, b: Placement): boolean {
  return a.epoch === b.epoch && Math.abs(a.x - b.x) <= SAME_PLACE_PX && Math.abs(a.y - b.y) <= SAME_PLACE_PX
}

const isPointer = (s: Sample): s is PointerSample => s.type !== 'layout'

/**
 * Judges a trusted pointer click on the consent control: `undefined` when it counts, else why not.
 * `samples` is what the frame saw before the click, oldest first; `click` is the click itself.
 */
export function judgePointerClick(samples: readonly Sample[], click: { kind: PointerKind; at: Placement }): PointerRefusal | undefined {
  // The press that made this click: the last press of this pointer type, on the control.
  let d = samples.length - 1
  for (; d >= 0; d--) {
    const s = samples[d]!
    if (isPointer(s) && s.type === 'down' && s.kind === click.kind) break
  }
  const down = samples[d] as PointerSample | undefined
  if (!down || !down.onControl) return 'no-press'

  // During the press: one placement, no layout change, up to the click.
  for (const s of samples.slice(d + 1)) {
    if (!isPointer(s)) return 'moved'
    if (s.kind === click.kind && !samePlace(s.at, down.at)) return 'moved'
  }
  if (!samePlace(click.at, down.at)) return 'moved'

  // Before it: no other placement, no layout change, within STABLE_MS.
  for (let i = d - 1; i >= 0; i--) {
    const s = samples[i]!
    if (down.time - s.time >= STABLE_MS) break
    if (!isPointer(s) || !samePlace(s.at, down.at)) return 'moved'
  }

  if (click.kind === 'touch') return down.clearance >= EDGE_PX ? undefined : 'moved'
  return arrived(samples, d) ? undefined : 'moved'
}

/**
 * Mouse and pen: whether the pointer that pressed at `samples[d]` came onto the control across the
 * gate at this placement, or has been over the gate at this placement for {@link STABLE_MS}.
 */
function arrived(samples: readonly Sample[], d: number): boolean {
  const down = samples[d] as PointerSample
  let since = down.time
  for (let i = d - 1; i >= 0; i--) {
    const s = samples[i]!
    // This visit at this placement began after a layout change, a move, or the pointer coming in.
    if (!isPointer(s) || s.kind !== down.kind || !samePlace(s.at, down.at) || (s.type === 'out' && s.left)) break
    if (s.type === 'move' && !s.onControl) return true
    since = s.time
  }
  return down.time - since >= STABLE_MS
}
