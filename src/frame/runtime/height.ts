/**
 * Reports the frame's content height to the host whenever it changes, so the iframe fits its
 * content (errors appear and disappear) without scrollbars.
 *
 * @module
 */

/** Observes the document and calls `report` with each new height in CSS pixels. */
export function watchHeight(report: (px: number) => void, root: HTMLElement = document.documentElement): () => void {
  let last = -1
  const measure = () => {
    const px = Math.ceil(root.getBoundingClientRect().height)
    if (px !== last) {
      last = px
      report(px)
    }
  }
  const observer = new ResizeObserver(measure)
  observer.observe(root)
  measure()
  return () => observer.disconnect()
}
