/**
 * Tells the other reveal frames of this frame origin (other agent tabs of the same site, the same
 * storage partition) that a desk was just enrolled, so a second tab on that desk leaves its
 * "Set up this desk" state and uses the same key instead of making another. Same-origin
 * `BroadcastChannel`: the host pages can neither post into it nor read it.
 *
 * @module
 */
import { isDeskId } from '../../protocol/reveal.js'

const CHANNEL = 'secure-fields:desk:v1'

/** Listens for enrolments; returns a function that posts one. */
export function deskBroadcast(onEnrolled: (desk: string) => void): { enrolled(desk: string): void; close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { enrolled: () => undefined, close: () => undefined }
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent) => {
    const m = event.data as { t?: unknown; desk?: unknown } | null
    if (m && m.t === 'enrolled' && isDeskId(m.desk)) onEnrolled(m.desk)
  }
  return {
    enrolled: (desk) => channel.postMessage({ t: 'enrolled', desk }),
    close: () => channel.close(),
  }
}
