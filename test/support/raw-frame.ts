/**
 * A frame page loaded without the host element, so a test can play the parent itself: see the
 * boot, send (or forge) the hello, hold the port and speak the protocol directly.
 */
import type { FrameMessage } from '../../src/protocol/messages.js'
import { testConfig } from './host.js'

export interface RawFrame {
  iframe: HTMLIFrameElement
  /** Messages the frame sent on the port. */
  received: FrameMessage[]
  port?: MessagePort
  /** Performs the real handshake from this (the parent) window. */
  hello(): Promise<MessagePort>
  /** Waits for a port message satisfying `predicate`. */
  next(predicate: (m: FrameMessage) => boolean, timeout?: number): Promise<FrameMessage>
  send(message: unknown): void
}

/** Loads `page` from the test frame origin into a sandboxed iframe and waits for its boot. */
export async function rawFrame(page = 'card', declaredOrigin = location.origin): Promise<RawFrame> {
  const cfg = await testConfig()
  const iframe = document.createElement('iframe')
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms')
  iframe.src = `${cfg.frameBase}${page}.html#o=${encodeURIComponent(declaredOrigin)}`
  const booted = new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source === iframe.contentWindow && (e.data as { t?: string })?.t === 'boot') {
        window.removeEventListener('message', onMessage)
        resolve()
      }
    }
    window.addEventListener('message', onMessage)
  })
  document.body.append(iframe)
  await booted
  const received: FrameMessage[] = []
  const waiters: Array<{ predicate: (m: FrameMessage) => boolean; resolve: (m: FrameMessage) => void }> = []
  const frame: RawFrame = {
    iframe,
    received,
    async hello() {
      const channel = new MessageChannel()
      frame.port = channel.port1
      channel.port1.onmessage = (e) => {
        const m = e.data as FrameMessage
        received.push(m)
        for (const w of [...waiters]) {
          if (w.predicate(m)) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(m)
          }
        }
      }
      const ready = frame.next((m) => m.t === 'ready')
      iframe.contentWindow!.postMessage({ sf: 1, t: 'hello' }, cfg.frameOrigin, [channel.port2])
      await ready
      return channel.port1
    },
    next(predicate, timeout = 10000) {
      const existing = received.find(predicate)
      if (existing) return Promise.resolve(existing)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for a frame message')), timeout)
        waiters.push({ predicate, resolve: (m) => (clearTimeout(timer), resolve(m)) })
      })
    },
    send(message) {
      frame.port!.postMessage(message)
    },
  }
  return frame
}
