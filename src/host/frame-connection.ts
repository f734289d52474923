/**
 * The host's end of a frame: creates the sandboxed iframe, answers the frame's `boot` with the
 * `hello` that carries one end of a MessageChannel — posted only to the frame origin — and then
 * speaks only over the port. Messages are checked by the protocol guards; anything else is
 * dropped and counted.
 *
 * @module
 */
import { DropCounter, isBoot, parseFrameMessage, stamp, type FrameMessage, type HostMessage } from '../protocol/index.js'
import { ErrorCodes } from '../errors.js'
import { frameUrl } from './frame-url.js'

/** How long a frame has to say `boot` before the element reports it unreachable. */
export const FRAME_TIMEOUT_MS = 10_000

/**
 * How long after the iframe's `load` a frame may still say `boot`. A frame the origin refuses to
 * be embedded here (CSP `frame-ancestors`) loads as an error page and never boots: this turns
 * that into a prompt `ERR_FRAME_REFUSED` instead of a ten-second wait.
 */
export const BOOT_AFTER_LOAD_MS = 1_500

/** Options of a {@link FrameConnection}; `In` is what the frame's page sends. */
export interface FrameConnectionOptions<In = FrameMessage> {
  /** Frame base URL (see `frameBase`). */
  base: string
  /** Page name, e.g. `card`. */
  page: string
  /** The iframe's accessible title. */
  title: string
  /** Dev mode: opaque-origin sandbox, same-origin frames allowed. */
  devMode: boolean
  /** Extra `allow` (Permissions Policy) tokens, e.g. WebAuthn for the reveal frame. */
  allow?: string
  /**
   * Extra sandbox tokens, e.g. `allow-popups allow-popups-to-escape-sandbox` for the consent
   * gate, whose policy link opens in a new window.
   */
  sandbox?: string
  onMessage(message: In): void
  /**
   * The guard for what arrives on the port (default: the field protocol's `parseFrameMessage`);
   * a page with its own protocol, like the reveal desk, passes its own.
   */
  parse?: (data: unknown, drops: DropCounter) => In | undefined
  /** The frame did not boot in time, or was refused by the element. */
  onFailure(code: string, message: string): void
}

const SANDBOX = 'allow-scripts allow-same-origin allow-forms'
const SANDBOX_DEV = 'allow-scripts allow-forms'

/** One frame and its port; `In`/`Out` are the page's frame → host and host → frame messages. */
export class FrameConnection<In = FrameMessage, Out extends { t: string } = HostMessage> {
  readonly iframe: HTMLIFrameElement
  readonly drops = new DropCounter()
  readonly origin: string
  private port?: MessagePort
  private readonly queue: Out[] = []
  private timer?: ReturnType<typeof setTimeout>
  private loadTimer?: ReturnType<typeof setTimeout>
  private readonly onWindowMessage = (event: MessageEvent) => this.handleWindowMessage(event)
  private readonly onLoad = () => {
    if (this.port) return
    this.loadTimer = setTimeout(() => {
      if (this.port) return
      clearTimeout(this.timer)
      this.options.onFailure(ErrorCodes.FRAME_REFUSED, `The frame origin ${this.origin} refused to show its frame here: check that its policy allows this page (${location.origin}) as a parent.`)
    }, BOOT_AFTER_LOAD_MS)
  }

  constructor(private readonly options: FrameConnectionOptions<In>) {
    this.origin = new URL(options.base).origin
    this.iframe = document.createElement('iframe')
    this.iframe.title = options.title
    this.iframe.setAttribute('part', 'frame')
    this.iframe.setAttribute('sandbox', [options.devMode ? SANDBOX_DEV : SANDBOX, options.sandbox].filter(Boolean).join(' '))
    this.iframe.setAttribute('allow', options.allow ?? '')
    this.iframe.setAttribute('referrerpolicy', 'no-referrer')
    this.iframe.setAttribute('loading', 'eager')
  }

  /** Whether this frame would load from the host page's own origin. */
  get sameOrigin(): boolean {
    return this.origin === location.origin
  }

  /** Starts loading the frame; call after the iframe is in the document. */
  open(): void {
    window.addEventListener('message', this.onWindowMessage)
    this.iframe.addEventListener('load', this.onLoad)
    this.timer = setTimeout(() => {
      this.options.onFailure('ERR_FRAME_UNREACHABLE', `The frame at ${this.origin} did not load in time: check that the frame origin serves it and allows this page as a parent.`)
    }, FRAME_TIMEOUT_MS)
    this.iframe.src = frameUrl(this.options.base, this.options.page, this.iframe.style.colorScheme)
  }

  /** Sends a message now, or when the port is up. */
  send(message: Out): void {
    if (this.port) this.port.postMessage(stamp(message))
    else this.queue.push(message)
  }

  /** Whether the handshake is done. */
  get connected(): boolean {
    return this.port !== undefined
  }

  /** Stops listening and closes the port. */
  close(): void {
    clearTimeout(this.timer)
    clearTimeout(this.loadTimer)
    this.iframe.removeEventListener('load', this.onLoad)
    window.removeEventListener('message', this.onWindowMessage)
    this.port?.close()
    this.port = undefined
  }

  private handleWindowMessage(event: MessageEvent): void {
    // Only the boot of our own iframe, from the frame origin (an opaque origin in dev mode).
    if (event.source !== this.iframe.contentWindow) return
    const expected = this.options.devMode ? 'null' : this.origin
    if (event.origin !== expected) return void this.drops.drop('origin')
    if (!isBoot(event.data)) return void this.drops.drop('malformed')
    if (this.port) return void this.drops.drop('out-of-order')
    clearTimeout(this.timer)
    clearTimeout(this.loadTimer)
    const channel = new MessageChannel()
    this.port = channel.port1
    const parse = this.options.parse ?? (parseFrameMessage as unknown as (data: unknown, drops: DropCounter) => In | undefined)
    this.port.onmessage = (e: MessageEvent) => {
      const message = parse(e.data, this.drops)
      if (message !== undefined) this.options.onMessage(message)
    }
    this.iframe.contentWindow!.postMessage(stamp({ t: 'hello' }), this.options.devMode ? '*' : this.origin, [channel.port2])
    for (const m of this.queue.splice(0)) this.port.postMessage(stamp(m))
  }
}
