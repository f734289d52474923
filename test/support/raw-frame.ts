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
  /** Performs the real handshake from this (the parent) window; resolves once the frame says `ready`. */
  hello(): Promise<MessagePort>
  /** Sends the hello without waiting for `ready` (a frame that refuses never sends it). */
  sendHello(): MessagePort
  /** Waits for a port message satisfying `predicate`. */
  next(predicate: (m: FrameMessage) => boolean, timeout?: number): Promise<FrameMessage>
  send(message: unknown): void
}

/**
 * Loads `page` from the test frame origin (or from `base`, another deployment of the frames) into a
 * sandboxed iframe and waits for its boot.
 */
export async function rawFrame(page = 'card', declaredOrigin = location.origin, base?: string): Promise<RawFrame> {
  const cfg = await testConfig()
  const frameBase = base ?? cfg.frameBase
  const iframe = document.createElement('iframe')
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms')
  iframe.src = `${frameBase}${page}.html#o=${encodeURIComponent(declaredOrigin)}`
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
      const ready = frame.next((m) => m.t === 'ready')
      const port = frame.sendHello()
      await ready
      return port
    },
    sendHello() {
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
      iframe.contentWindow!.postMessage({ sf: 1, t: 'hello' }, new URL(frameBase).origin, [channel.port2])
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
