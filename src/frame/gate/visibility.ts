/**
 * Clickjacking defence of the consent gate: IntersectionObserver v2 ("Intersection Observer"
 * spec, §3.2.8 "Compute the Visibility", the `trackVisibility` and `delay` options). With
 * `trackVisibility`, `isVisible` is true only when the target is painted unclipped, at full
 * opacity, untransformed, and nothing of the host page is drawn over it — so a transparent overlay
 * with `pointer-events: none`, a faded gate or a scaled one all read as not visible.
 *
 * The target is the consent box — what the customer must see to agree: title, purpose, policy
 * link, checkbox — not the room kept below it for "Consent given." and the withdraw button, which
 * may be scrolled out of view.
 *
 * Guards against timing tricks, because observations arrive at most every `delay` ms: the box
 * counts as visible ("armed") only after {@link ARM_AFTER_MS} of unbroken visibility (a bait
 * overlay pulled away just before the click does not work), and the gate page confirms a gesture
 * only if no loss of visibility is reported within {@link CONFIRM_MS} after it (an overlay dropped
 * just before the click does not work either). A resized frame arms again only after
 * {@link ARM_AFTER_MS}: the browser itself drops taps on a frame resized moments ago.
 *
 * @module
 */

/** `delay` of the observer: the smallest the spec allows with `trackVisibility` (§3.2.1: 100). */
export const VISIBILITY_DELAY_MS = 100

/**
 * Unbroken visibility needed before a gesture counts. Longer than the 500 ms during which Chromium
 * discards input to a cross-origin frame that moved or was resized (it starts counting when its
 * hit-test data catches up with the new layout, a few frames later than the frame's `resize`), so
 * that an armed gate is one the browser lets taps reach.
 */
export const ARM_AFTER_MS = 800

/** How long after a gesture a report of lost visibility still cancels it (two observer periods). */
export const CONFIRM_MS = 2 * VISIBILITY_DELAY_MS + 50

/** IntersectionObserver v2 members, not yet in every DOM typing. */
interface V2Init extends IntersectionObserverInit {
  trackVisibility: boolean
  delay: number
}
interface V2Entry extends IntersectionObserverEntry {
  readonly isVisible?: boolean
}

/** Watches `target`; what {@link watchVisibility} returns. */
export interface VisibilityWatch {
  /** Whether the target has been wholly visible and unobscured for {@link ARM_AFTER_MS}. */
  readonly armed: boolean
  /** Whether it was armed, is still wholly visible, and the frame was resized less than {@link ARM_AFTER_MS} ago. */
  readonly settling: boolean
  /** The frame was resized: the target arms again {@link ARM_AFTER_MS} from now. */
  resized(): void
  disconnect(): void
}

/**
 * Calls `onChange` whenever the armed state flips. Without IntersectionObserver v2 the gate is
 * never armed: a browser that cannot tell whether the gate is covered cannot take consent in it.
 */
export function watchVisibility(target: Element, onChange: (armed: boolean) => void): VisibilityWatch {
  let armed = false
  let fully = false
  let settling = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const set = (value: boolean) => {
    if (value === armed) return
    armed = value
    onChange(value)
  }
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      settling = false
      set(true)
    }, ARM_AFTER_MS)
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1] as V2Entry | undefined
      if (!entry) return
      // threshold 1.0: wholly inside the viewport and every clipping ancestor (§3.2.7).
      fully = entry.isIntersecting && entry.intersectionRatio >= 0.99 && entry.isVisible === true
      settling = false
      if (fully) return arm()
      clearTimeout(timer)
      set(false)
    },
    { threshold: [1.0], trackVisibility: true, delay: VISIBILITY_DELAY_MS } as V2Init,
  )
  observer.observe(target)
  return {
    get armed() {
      return armed
    },
    get settling() {
      return settling
    },
    resized() {
      if (!fully) return
      // Only a box that had been visible long enough is "settling": one still arming stays so.
      if (armed) settling = true
      set(false)
      arm()
    },
    disconnect() {
      clearTimeout(timer)
      observer.disconnect()
    },
  }
}
