/**
 * Records what the gate frame sees of pointers — where the frame was on the screen for each event,
 * whether the event was on the consent control, how far it was from the frame's edges and the
 * link — and judges a click with the rules of `gesture-rules.ts`. Also notices a tap the browser
 * swallowed: Chromium discards the tap on a frame that just moved, after delivering its
 * `pointerdown` and `pointerup` (Blink `EventHandler::HandleGestureEvent`), so a touch lifted on
 * the control with no click after it means the customer's tap was dropped, and they are told.
 *
 * @module
 */
import { judgePointerClick, type Placement, type PointerKind, type PointerRefusal, type PointerSample, type Sample } from './gesture-rules.js'

/** How long after a touch is lifted on the control its click may still come. */
export const TAP_CLICK_MS = 500

/** The most samples kept (minutes of a resting pointer, seconds of a moving one). */
const MAX_SAMPLES = 400

/** What {@link watchGestures} needs to know of the gate's page. */
export interface GestureTargets {
  /** Whether an event target is part of the consent control (the checkbox or its label). */
  isControl(target: EventTarget | null): boolean
  /** The elements a tap must keep its distance from, besides the frame's edges (the policy link). */
  keepClear(): readonly Element[]
  /** A touch lifted on the control was not followed by its click: the browser dropped the tap. */
  onDroppedTap(): void
}

/** Watches the pointers of one document. */
export interface GestureWatch {
  /** Why a trusted pointer click does not count, or `undefined` when it does. */
  judge(click: MouseEvent, kind: PointerKind): PointerRefusal | undefined
  /** The content inside the frame moved without the frame moving (new text, a new locale). */
  relayout(): void
  stop(): void
}

/** The pointer type of a trusted click: `undefined` for a click that no pointer made (keyboard, assistive technology). */
export function pointerKindOf(event: MouseEvent): PointerKind | undefined {
  const type = (event as PointerEvent).pointerType
  if (type === 'mouse' || type === 'pen' || type === 'touch') return type
  // A browser whose click is not a PointerEvent: a pointer click counts clicks (`detail` ≥ 1).
  return type === undefined && event.detail > 0 ? 'mouse' : undefined
}

const TYPES: Record<string, PointerSample['type']> = {
  pointerover: 'over',
  pointermove: 'move',
  pointerdown: 'down',
  pointerup: 'up',
  pointerout: 'out',
  pointercancel: 'cancel',
}

/** Starts recording pointer events in `win` (capture phase, trusted events only). */
export function watchGestures(targets: GestureTargets, win: Window = window): GestureWatch {
  const samples: Sample[] = []
  let epoch = 0
  let tapTimer: ReturnType<typeof setTimeout> | undefined
  let lastDown: PointerSample | undefined

  const placement = (e: MouseEvent): Placement => ({ x: Math.round(e.screenX - e.clientX), y: Math.round(e.screenY - e.clientY), epoch })
  const push = (s: Sample) => {
    samples.push(s)
    if (samples.length > MAX_SAMPLES) samples.splice(0, samples.length - MAX_SAMPLES)
  }
  /** Distance from the point to the frame's edges and to the boxes to keep clear of. */
  const clearance = (x: number, y: number): number => {
    let d = Math.min(x, y, win.innerWidth - x, win.innerHeight - y)
    for (const el of targets.keepClear()) {
      for (const r of el.getClientRects()) {
        const dx = Math.max(r.left - x, 0, x - r.right)
        const dy = Math.max(r.top - y, 0, y - r.bottom)
        d = Math.min(d, Math.hypot(dx, dy))
      }
    }
    return d
  }
  const cancelTap = () => {
    clearTimeout(tapTimer)
    tapTimer = undefined
  }

  const onPointer = (e: PointerEvent) => {
    const type = TYPES[e.type]
    const kind = e.pointerType
    if (!e.isTrusted || !type || (kind !== 'mouse' && kind !== 'pen' && kind !== 'touch')) return
    const sample: PointerSample = {
      type,
      kind,
      time: performance.now(),
      at: placement(e),
      onControl: targets.isControl(e.target),
      clearance: type === 'down' ? clearance(e.clientX, e.clientY) : 0,
      ...(type === 'out' && e.relatedTarget === null ? { left: true } : {}),
    }
    push(sample)
    if (type === 'down') {
      cancelTap()
      lastDown = sample
    } else if (type === 'up' && kind === 'touch' && sample.onControl && lastDown?.kind === 'touch' && lastDown.onControl) {
      // The click of a tap follows its pointerup at once; one that never comes was dropped.
      tapTimer = setTimeout(() => {
        tapTimer = undefined
        targets.onDroppedTap()
      }, TAP_CLICK_MS)
    } else if (type === 'cancel') {
      cancelTap()
    }
  }
  /** The content moved inside the frame: what was under the pointer may not be any more. */
  const onLayout = () => {
    epoch++
    push({ type: 'layout', time: performance.now() })
  }
  const types = Object.keys(TYPES)
  for (const type of types) win.addEventListener(type, onPointer as EventListener, true)
  // A click of any kind, or a long press's menu, answers the lifted touch.
  win.addEventListener('click', cancelTap, true)
  win.addEventListener('contextmenu', cancelTap, true)
  win.addEventListener('resize', onLayout)

  return {
    judge(click, kind) {
      cancelTap()
      return judgePointerClick(samples, { kind, at: placement(click) })
    },
    relayout: onLayout,
    stop() {
      cancelTap()
      for (const type of types) win.removeEventListener(type, onPointer as EventListener, true)
      win.removeEventListener('click', cancelTap, true)
      win.removeEventListener('contextmenu', cancelTap, true)
      win.removeEventListener('resize', onLayout)
    },
  }
}
