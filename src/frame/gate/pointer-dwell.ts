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

/** Tracks how long the pointer has been inside this document. */
export interface PointerDwell {
  /** Milliseconds since the pointer entered (and stayed in) this document; 0 when outside. */
  dwell(now?: number): number
  stop(): void
}

/** Starts tracking pointer presence in `doc`. */
export function watchPointerDwell(doc: Document = document): PointerDwell {
  let since: number | undefined
  const enter = (e: PointerEvent) => {
    if (e.isTrusted && since === undefined) since = e.timeStamp
  }
  const leave = (e: PointerEvent) => {
    // Leaving the document: the pointer went to the page around the frame.
    if (e.relatedTarget === null) since = undefined
  }
  doc.addEventListener('pointerover', enter, true)
  doc.addEventListener('pointermove', enter, true)
  doc.addEventListener('pointerout', leave, true)
  return {
    dwell: (now = performance.now()) => (since === undefined ? 0 : now - since),
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
