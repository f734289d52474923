/**
 * The one owner of an element's frame: a Lit reactive controller (the pattern of Shoelace's
 * `FormControlController`) that every element adds once. It opens the sandboxed iframe when the
 * element is first rendered, opens a new one when what the frame is changes (`frame-origin`,
 * `dev-mode`) or the element is re-connected, and closes it when the element leaves the page. It
 * sends the element's configuration after the handshake and on every change, fits the iframe's
 * height, says `secure-ready` once per frame, forwards audit events, and keeps the element's
 * {@link FrameStatus}: a connection failure or a refusal of the current configuration, derived
 * from the configuration and the frame's last reports, so that fixing the cause clears it. Each
 * distinct problem becomes one `secure-error`, and rejects what was waiting on the frame.
 *
 * The element keeps only what is its own: its configuration, its page's messages, its API.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { DropCounter, stamp } from '../protocol/check.js'
import type { FrameMessage } from '../protocol/messages.js'
import { COLOR_SCHEME_PROPERTY, isFrameColorScheme, type FrameColorScheme } from '../protocol/theme.js'
import { SecureFieldsError } from '../errors.js'
import { emit } from './events.js'
import { FrameConnection } from './frame-connection.js'
import { frameBase } from './frame-url.js'
import { FrameStatus, type Problem } from './frame-status.js'
import { localeOf } from './locale.js'
import { Pending } from './pending.js'
import { collectTheme } from './theme.js'

/** The element a {@link FrameController} serves: its shared attributes. */
export interface FrameHost extends ReactiveControllerHost, HTMLElement {
  /** Message language; default: the closest `lang` attribute. */
  locale: string
  /** Base URL of the frame origin; default: beside the loader script. */
  frameOrigin: string
  /** Theme overrides (allow-listed `--sf-*` properties). */
  theme: Record<string, string>
  readonly renderRoot: HTMLElement | DocumentFragment
  readonly hasUpdated: boolean
}

/** What every frame page says in the same shapes; the controller answers these itself. */
type CommonMessage = Extract<FrameMessage, { t: 'ready' | 'configured' | 'height' | 'error' | 'audit' }>

/** The parts of a configuration every page takes, computed by the controller. */
export interface CommonConfig {
  theme: Record<string, string>
  locale: string
}

/** How an element's frame is made, configured and heard. */
export interface FrameOptions<In extends { t: string }, Out extends { t: string }> {
  /** The frame page (`card`, `gate`, `reveal`…), asked when a frame is opened. */
  page(): string
  /** The guard for what the page sends (default: the field protocol's). */
  parse?: (data: unknown, drops: DropCounter) => In | undefined
  /**
   * The page's own guard for what it receives: a configuration it would drop is refused here, with
   * `ERR_INPUT_INVALID`, instead of being lost on the way.
   */
  accepts: (data: unknown, drops: DropCounter) => unknown
  /** Permissions Policy (`allow`), e.g. WebAuthn for the reveal desk. */
  allow?: string
  /** Extra sandbox tokens, e.g. popups for the gate's policy link. */
  sandbox?: string
  /** The developer-facing sentence of `ERR_FRAME_SAME_ORIGIN` for this element. */
  sameOriginMessage: string
  /**
   * Whether the frame renders in the page's color scheme (`--sf-color-scheme`, sent with the
   * theme). Otherwise it is always light (the consent gate's fixed appearance).
   */
  followsColorScheme?: boolean
  /** The iframe's accessible title (follows changes). */
  title(): string
  /** Dev mode: opaque-origin sandbox, frames from the page's own origin allowed (fields only). */
  devMode?(): boolean
  /** The configuration message, from the element's properties now. */
  config(common: CommonConfig): Out
  /** The host's own verdict on the configuration (e.g. a desk id the frame would not take). */
  judge?(): Problem | undefined
  /** A message of the element's own page protocol. */
  onMessage(message: In): void
  /** The status, the readiness or the frame changed: re-derive what depends on them. */
  changed?(): void
  /** The error for what is still waiting when the frame goes away (for an element that sends requests). */
  closed?(): SecureFieldsError
}

/** A configuration the page's guard would drop: too long, or of the wrong type. */
const MALFORMED: Problem = {
  code: 'ERR_INPUT_INVALID',
  message: 'The configuration is not valid (an attribute or property too long or of the wrong type): it was not sent to the frame.',
}

const sameProblem = (a: Problem | undefined, b: Problem) => a?.code === b.code && a.message === b.message

/** One element's frame, from first render to removal. */
export class FrameController<In extends { t: string }, Out extends { t: string }> implements ReactiveController {
  /** The element's connection failure and refusal. */
  readonly status = new FrameStatus()
  private connection?: FrameConnection<In, Out>
  /** What the current frame is (base URL and mode): another value needs another frame. */
  private identity?: string
  /** The page said `ready`: it takes configurations. */
  private pageReady = false
  /** The page shows its element (its first state); `secure-ready` said for this frame. */
  private showing = false
  private announced = false
  /** A state named a refusal before its verdict arrived: `secure-ready` waits for it. */
  private heldFor?: string
  /** The configuration last sent to this frame (JSON): the same one is not sent again. */
  private lastConfig?: string
  private readonly waiting = new Set<Pending<never>>()
  private readonly judged = new Pending<void>()
  // The user's preference can change the page's scheme (`color-scheme: light dark`).
  private readonly schemeQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)')
  private readonly onSchemeChange = () => this.configure()
  // The language may come from a `lang` attribute on the element or an ancestor, which is no
  // property of the element: a change anywhere is re-read (configure() sends only what changed).
  private readonly langObserver = typeof MutationObserver === 'function' ? new MutationObserver(() => this.configure()) : undefined

  constructor(
    private readonly host: FrameHost,
    private readonly options: FrameOptions<In, Out>,
  ) {
    host.addController(this)
  }

  /** Whether the frame shows a working element (after `secure-ready`). */
  get isReady(): boolean {
    return this.announced
  }

  /** The iframe, while there is one. */
  get iframe(): HTMLIFrameElement | undefined {
    return this.connection?.iframe
  }

  /** Messages from the frame that failed the protocol guards (a diagnostic; should stay 0). */
  get droppedMessages(): number {
    return this.connection?.drops.total ?? 0
  }

  /** What keeps the element from working now, if anything. */
  get problem(): Problem | undefined {
    return this.status.problem
  }

  hostConnected(): void {
    this.schemeQuery?.addEventListener('change', this.onSchemeChange)
    this.langObserver?.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true })
    // Moved or re-inserted: the old frame is gone (an iframe reloads when moved), open a new one.
    if (this.host.hasUpdated) this.update()
  }

  hostDisconnected(): void {
    this.schemeQuery?.removeEventListener('change', this.onSchemeChange)
    this.langObserver?.disconnect()
    this.close()
    this.status.reset()
    this.options.changed?.()
  }

  hostUpdated(): void {
    this.update()
  }

  /** A promise list that the controller rejects when a problem arises or the frame goes away. */
  pending<T>(): Pending<T> {
    const pending = new Pending<T>()
    this.waiting.add(pending as Pending<never>)
    return pending
  }

  /**
   * Resolves once the verdict on the current configuration is known — the frame shows its
   * element and has judged every configuration sent to it, or the host refused it — or once the
   * frame has failed or gone. Callers then look at {@link problem}.
   */
  settled(): Promise<void> {
    return this.isSettled() ? Promise.resolve() : this.judged.wait()
  }

  /** Sends a message of the element's page now (or once the port is up). */
  send(message: Out): void {
    if (!this.status.connection) this.connection?.send(message)
  }

  /** Sends a request with a new id of `pending`, or rejects at once when there is no working frame. */
  request<T>(pending: Pending<T>, message: (id: number) => Out): Promise<T> {
    const connection = this.connection
    const problem = this.status.problem
    if (problem) return Promise.reject(new SecureFieldsError(problem.code, problem.message))
    if (!connection) return Promise.reject(this.closedError())
    return pending.start((id) => connection.send(message(id)))
  }

  /**
   * The element's page shows its element, in a state that names `code` (a field's refusal code,
   * or a validation code). The first time, this is `secure-ready`.
   */
  shows(code?: string): void {
    this.status.shows(code)
    if (!this.showing && this.status.awaitsVerdict(code)) this.heldFor = code
    this.showing = true
    this.changed()
  }

  /**
   * Re-reads the `--sf-*` custom properties and the page's color scheme and sends the
   * configuration if it changed.
   */
  configure(): void {
    const common = this.common()
    const config = this.options.config(common)
    this.status.judgedLocally(this.options.judge?.() ?? (this.options.accepts(stamp(config), new DropCounter()) === undefined ? MALFORMED : undefined))
    const connection = this.connection
    if (connection && this.pageReady && !this.status.connection && !this.status.localRefusal) {
      const json = JSON.stringify(config)
      if (json !== this.lastConfig) {
        // A frame that predates `configured` keeps its refusal: a new frame judges the new configuration.
        if (this.status.legacyRefused) return this.open(this.identity!)
        this.lastConfig = json
        for (const r of common.refused) emit(this.host, 'secure-error', { code: 'ERR_THEME_REFUSED', message: `Theme property ${r.property} was refused (${r.reason}).` })
        connection.send(config)
        this.status.configSent()
      }
    }
    this.changed()
  }

  /** Opens, replaces or reconfigures the frame to match the element now. */
  private update(): void {
    if (!this.host.isConnected) return
    const identity = this.identityNow()
    if (identity !== this.identity) return this.open(identity)
    if (this.connection) this.connection.iframe.title = this.options.title()
    this.configure()
  }

  /** What the frame is: where it comes from and in which mode. */
  private identityNow(): string {
    let base: string
    try {
      base = frameBase(this.host.frameOrigin)
    } catch {
      base = ''
    }
    return JSON.stringify([base, this.options.devMode?.() ?? false])
  }

  private open(identity: string): void {
    this.close()
    this.identity = identity
    this.status.opened()
    const [base, devMode] = JSON.parse(identity) as [string, boolean]
    if (!base) return this.fail(undefined, { code: 'ERR_INPUT_INVALID', message: 'frame-origin is not a valid URL.' })
    const connection: FrameConnection<In, Out> = new FrameConnection<In, Out>({
      base,
      page: this.options.page(),
      title: this.options.title(),
      devMode,
      ...(this.options.allow ? { allow: this.options.allow } : {}),
      ...(this.options.sandbox ? { sandbox: this.options.sandbox } : {}),
      ...(this.options.parse ? { parse: this.options.parse } : {}),
      onMessage: (m) => this.receive(connection, m),
      onFailure: (code, message) => this.fail(connection, { code, message }),
    })
    if (connection.sameOrigin && !devMode) return this.fail(undefined, { code: 'ERR_FRAME_SAME_ORIGIN', message: this.options.sameOriginMessage })
    this.connection = connection
    this.host.renderRoot.querySelector('.frame-slot')!.append(connection.iframe)
    // The scheme goes into the frame's URL too, so it renders in it from its first paint.
    if (this.options.followsColorScheme) this.colorScheme(collectTheme(this.host, this.host.theme).theme[COLOR_SCHEME_PROPERTY])
    connection.open()
    this.configure()
  }

  /** Tells the frame it goes, removes it, and rejects what waited on it. */
  private close(): void {
    const connection = this.connection
    this.connection = undefined
    this.identity = undefined
    this.pageReady = this.showing = this.announced = false
    this.heldFor = this.lastConfig = undefined
    if (connection) {
      connection.send({ t: 'destroy' } as Out)
      connection.close()
      connection.iframe.remove()
    }
    const error = this.closedError()
    for (const pending of this.waiting) pending.rejectAll(error)
    this.judged.resolveAll()
    this.options.changed?.()
  }

  private closedError(): SecureFieldsError {
    return this.options.closed?.() ?? new SecureFieldsError('ERR_FRAME_UNREACHABLE', 'The element is not on the page, or its frame was replaced.')
  }

  /** This frame cannot work: it is given up (its iframe stays until another replaces it). */
  private fail(connection: FrameConnection<In, Out> | undefined, problem: Problem): void {
    if (connection && connection !== this.connection) return
    connection?.close()
    this.status.failed(problem)
    this.changed()
  }

  private receive(connection: FrameConnection<In, Out>, message: In): void {
    if (connection !== this.connection || this.status.connection) return
    const m = message as unknown as CommonMessage
    switch (m.t) {
      case 'ready':
        this.pageReady = true
        this.configure()
        break
      case 'configured':
        this.status.configured(m.refused)
        this.heldFor = undefined
        this.changed()
        break
      case 'height':
        connection.iframe.style.height = `${m.px}px`
        break
      case 'error': {
        const problem = { code: m.code, message: m.message }
        if (m.fatal) {
          this.status.fatal(problem)
          if (this.status.connection) connection.close()
          this.heldFor = undefined
          this.changed()
        } else if (!sameProblem(this.status.refusal, problem)) {
          // A refusal already reported is not news; anything else (a refused theme property, demo
          // values on a production origin) is.
          emit(this.host, 'secure-error', problem)
          this.status.told(problem)
        }
        break
      }
      case 'audit':
        emit(this.host, 'secure-audit', { event: m.event, detail: m.detail })
        break
      default:
        this.options.onMessage(message)
    }
  }

  /**
   * After any change: the element re-derives its state, a new problem is reported (and rejects
   * what waits), `secure-ready` is said once the frame shows its element, and waiters for the
   * verdict are released.
   */
  private changed(): void {
    const announce = this.showing && !this.announced && !(this.heldFor !== undefined && this.status.awaitsVerdict(this.heldFor))
    if (announce) {
      this.announced = true
      this.heldFor = undefined
    }
    this.options.changed?.()
    const report = this.status.takeReport()
    if (report) {
      emit(this.host, 'secure-error', { code: report.code, message: report.message })
      const error = new SecureFieldsError(report.code, report.message)
      for (const pending of this.waiting) pending.rejectAll(error)
    }
    if (announce) emit(this.host, 'secure-ready', {})
    if (this.isSettled()) this.judged.resolveAll()
  }

  private isSettled(): boolean {
    const { status } = this
    return !this.host.isConnected || !this.connection || status.connection !== undefined || status.localRefusal !== undefined || (this.announced && status.judgedAll)
  }

  /** The theme (allow-listed; refusals kept to report) and language the frame gets. */
  private common(): CommonConfig & { refused: ReturnType<typeof collectTheme>['refused'] } {
    const { theme, refused } = collectTheme(this.host, this.host.theme ?? {})
    if (this.options.followsColorScheme) theme[COLOR_SCHEME_PROPERTY] = this.colorScheme(theme[COLOR_SCHEME_PROPERTY])
    return { theme, refused, locale: localeOf(this.host, this.host.locale) }
  }

  /**
   * The scheme the frame renders in — the theme's `--sf-color-scheme`, else the page's used scheme
   * where the element sits — applied to the iframe too: a browser paints a frame opaque when its
   * iframe's color scheme and its document's differ.
   */
  private colorScheme(fromTheme: string | undefined): FrameColorScheme {
    const probe = this.host.renderRoot.querySelector('.frame-slot')
    // `rgb(r, g, b)`: CanvasText's red channel tells black from white.
    const scheme = isFrameColorScheme(fromTheme) ? fromTheme : probe && parseInt(getComputedStyle(probe).color.slice(4)) > 128 ? 'dark' : 'light'
    if (this.connection) this.connection.iframe.style.colorScheme = scheme
    return scheme
  }
}
