/**
 * Clickjacking defence of the consent gate, second half: a pointer must have rested inside the
 * gate's frame for a moment before its click counts. IntersectionObserver v2 tells whether the
 * gate is covered or faded, not whether it has just been moved: a page can keep the gate fully
 * visible in a corner and slide it under the pointer an instant before the customer clicks
 * something else. Requiring the pointer to have been inside the frame for {@link DWELL_MS}
 * defeats that, since the gate cannot know where the pointer was before it entered.
 *
 * @module
 */

/** How long the pointer must have been inside the gate's frame before a click counts. */
export const DWELL_MS = 500

/** Tracks how long the pointer has been inside this document, over the same spot of the page. */
export interface PointerDwell {
  /**
   * Milliseconds since the pointer entered this document and the document last moved under it;
   * 0 when outside. Pass the click to check it against where the frame was.
   */
  dwell(event?: MouseEvent): number
  stop(): void
}

/** Where this frame sits on the screen, as an event sees it: its screen minus its frame position. */
const offsetOf = (e: MouseEvent) => `${Math.round(e.screenX - e.clientX)},${Math.round(e.screenY - e.clientY)}`

/**
 * Starts tracking pointer presence in `doc`. A frame that moves under a resting pointer gets no
 * `pointerout` (the pointer did not move), and the browser may replay the last pointer event into
 * it: so the dwell also restarts whenever an event shows the frame at another place on the screen
 * (`screenX - clientX` changed), and a click from such a place counts as just arrived.
 */
export function watchPointerDwell(doc: Document = document): PointerDwell {
  let since: number | undefined
  let offset: string | undefined
  const enter = (e: PointerEvent) => {
    if (!e.isTrusted) return
    const at = offsetOf(e)
    // The time the frame learns of the pointer, not the event's timeStamp (a replayed event keeps
    // the old one, of when the pointer stopped).
    if (since === undefined || at !== offset) since = performance.now()
    offset = at
  }
  const leave = (e: PointerEvent) => {
    // Leaving the document: the pointer went to the page around the frame.
    if (e.relatedTarget === null) since = offset = undefined
  }
  doc.addEventListener('pointerover', enter, true)
  doc.addEventListener('pointermove', enter, true)
  doc.addEventListener('pointerout', leave, true)
  return {
    dwell(event) {
      if (since === undefined) return 0
      if (event && offsetOf(event) !== offset) {
        since = performance.now()
        offset = offsetOf(event)
        return 0
      }
      return performance.now() - since
    },
    stop() {
      doc.removeEventListener('pointerover', enter, true)
      doc.removeEventListener('pointermove', enter, true)
      doc.removeEventListener('pointerout', leave, true)
    },
  }
}

/**
 * Whether the gate's whole content is in its frame's viewport, unscrolled: a page cannot make the
 * frame so small, or scroll it (a `#fragment` in its URL), that the purpose is cut off while the
 * checkbox shows.
 */
export function contentFits(win: Window = window): boolean {
  const root = win.document.documentElement
  return win.scrollX === 0 && win.scrollY === 0 && root.scrollHeight <= win.innerHeight + 1 && root.scrollWidth <= win.innerWidth + 1
}
