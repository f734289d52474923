/**
 * The frame's end of the handshake (DESIGN.md: Frames and messages). The frame announces itself to
 * its parent with `boot`, posted only to the origin the parent named in the URL fragment (so a page
 * that lies about its origin simply never hears it); it then accepts exactly one `hello` — from
 * `window.parent`, from that origin, allowed by the policy, carrying one MessagePort — and from then
 * on talks only over that port. Everything else is dropped and counted.
 *
 * @module
 */
import { DropCounter, isHello, parseHostMessage, stamp, type FrameMessage, type HostMessage } from '../../protocol/index.js'
import { SecureFieldsError } from '../../errors.js'
import { loadPolicy, parentAllowed, type FramePolicy } from './policy.js'
import { applyDeclaredColorScheme } from './color-scheme.js'

/**
 * An open channel to the host. Field frames speak {@link HostMessage}/{@link FrameMessage}; another
 * page (the reveal desk) brings its own message types and guard to {@link connectWith}.
 */
export interface HostChannel<In = HostMessage, Out = FrameMessage> {
  /** The parent's origin, checked against the policy. */
  readonly parentOrigin: string
  readonly policy: FramePolicy
  readonly drops: DropCounter
  send(message: Out): void
  /** Called with every valid host message, in order. */
  onMessage(handler: (message: In) => void): void
}

/** A page's guard for what arrives on the port: the message, or `undefined` (and a count). */
export type HostMessageParser<In> = (data: unknown, drops: DropCounter) => In | undefined

/** Why the frame refused to connect: no parent, or a parent the frame origin's policy refuses. */
export class ChannelRefused extends SecureFieldsError {
  declare readonly code: 'ERR_POLICY_PARENT' | 'ERR_FRAME_NO_PARENT'

  constructor(code: 'ERR_POLICY_PARENT' | 'ERR_FRAME_NO_PARENT') {
    super(code, code === 'ERR_POLICY_PARENT' ? 'This page is not allowed to embed secure fields.' : 'This frame has no parent page.')
    this.name = 'ChannelRefused'
  }
}

/** The origin the parent declared in the fragment (`#o=…`), cross-checked where the browser tells. */
export function declaredParentOrigin(loc: Location = location): string | undefined {
  const declared = new URLSearchParams(loc.hash.slice(1)).get('o') ?? undefined
  if (!declared) return undefined
  // Chromium and WebKit expose the real ancestor chain; where they do, it must agree.
  const actual = loc.ancestorOrigins?.[0]
  if (actual !== undefined && actual !== declared) return undefined
  return declared
}

/**
 * Connects to the host. Resolves once the hello has arrived; rejects with {@link ChannelRefused}
 * when the frame has no parent or the parent is not allowed by the policy. In the refused case
 * the frame still completes the handshake when it can, so the host learns why (`error` message).
 */
export function connectToHost(drops = new DropCounter()): Promise<HostChannel> {
  return connectWith<HostMessage, FrameMessage>(parseHostMessage, drops)
}

/** {@link connectToHost} for a page with its own protocol: `parse` guards every port message. */
export async function connectWith<In, Out extends { t: string }>(parse: HostMessageParser<In>, drops = new DropCounter()): Promise<HostChannel<In, Out>> {
  applyDeclaredColorScheme()
  if (window.parent === window) throw new ChannelRefused('ERR_FRAME_NO_PARENT')
  const parentOrigin = declaredParentOrigin()
  if (!parentOrigin) throw new ChannelRefused('ERR_POLICY_PARENT')
  const policyPromise = loadPolicy()

  const port = await new Promise<MessagePort>((resolve) => {
    const onWindowMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== parentOrigin) return void drops.drop('origin')
      if (!isHello(event.data) || event.ports.length !== 1) return void drops.drop('malformed')
      window.removeEventListener('message', onWindowMessage)
      resolve(event.ports[0]!)
    }
    window.addEventListener('message', onWindowMessage)
    window.parent.postMessage(stamp({ t: 'boot' }), parentOrigin)
  })

  const policy = await policyPromise
  let handler: ((m: In) => void) | undefined
  const channel: HostChannel<In, Out> = {
    parentOrigin,
    policy,
    drops,
    send: (message) => port.postMessage(stamp(message)),
    onMessage: (h) => {
      handler = h
    },
  }
  if (!parentAllowed(policy, parentOrigin)) {
    // Every page's protocol has this `error` message (see `parseFrameMessage`).
    const refused = new ChannelRefused('ERR_POLICY_PARENT')
    port.postMessage(stamp({ t: 'error', code: refused.code, message: refused.message, fatal: true }))
    port.close()
    throw refused
  }
  port.onmessage = (event: MessageEvent) => {
    const message = parse(event.data, drops)
    if (message !== undefined) handler?.(message)
  }
  return channel
}
