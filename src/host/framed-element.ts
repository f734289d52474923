/**
 * What every Secure Fields element shares: a Lit element that owns one sandboxed iframe on the
 * frame origin and talks to it over a checked `MessageChannel`. Subclasses (the field base class,
 * the consent gate, the reveal desk) supply the page, the protocol, the configuration message and
 * what to do with each frame message.
 *
 * @module
 */
import { LitElement, css, html, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit'
import type { DropCounter } from '../protocol/guards.js'
import { emit } from './events.js'
import { FrameConnection } from './frame-connection.js'
import { frameBase } from './frame-url.js'
import { localeOf } from './locale.js'
import { collectTheme, themeFor } from './theme.js'
import { COLOR_SCHEME_PROPERTY, isFrameColorScheme, type FrameColorScheme } from '../protocol/theme.js'

/** How a subclass wants its frame opened. */
export interface FrameSpec<In> {
  /** The iframe's accessible title. */
  title: string
  /** Dev mode (opaque-origin sandbox, same-origin frames allowed); fields only. */
  devMode?: boolean
  /** Permissions Policy (`allow`), e.g. WebAuthn for the reveal desk. */
  allow?: string
  /** Extra sandbox tokens, e.g. popups for the gate's policy link. */
  sandbox?: string
  /** The guard for what the page sends (default: the field protocol's). */
  parse?: (data: unknown, drops: DropCounter) => In | undefined
  /** The developer-facing sentence of `ERR_FRAME_SAME_ORIGIN` for this element. */
  sameOriginMessage: string
  /**
   * Whether the frame renders in the page's color scheme (`--sf-color-scheme`, sent with the
   * theme). Otherwise it is always light (the consent gate's fixed appearance).
   */
  followsColorScheme?: boolean
}

/**
 * Base class of the elements that own a frame.
 *
 * @csspart frame - the iframe
 * @cssprop --sf-frame-initial-height - the iframe's height before the frame reports its own
 */
export abstract class FramedElement<In extends { t: string }, Out extends { t: string }> extends LitElement {
  // Subclasses declare only their own: Lit merges a class's properties with its superclass's.
  static override properties: PropertyDeclarations = {
    locale: { type: String },
    frameOrigin: { type: String, attribute: 'frame-origin' },
    frameTitle: { type: String, attribute: 'frame-title' },
    theme: { attribute: false },
  }

  // The iframe's color-scheme is set to its frame's own (see colorScheme()), light until then; the
  // slot's color reads the page's used scheme (CanvasText: black in light, white in dark).
  static override styles: CSSResultGroup = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    iframe {
      display: block;
      width: 100%;
      height: var(--sf-frame-initial-height, 4.5em);
      border: 0;
      color-scheme: light;
      background: transparent;
    }
    .frame-slot {
      color: CanvasText;
    }
  `

  /** Message language (`en`, `es`, `fr`, `de`, `ar`); default: the closest `lang` attribute. */
  declare locale: string
  /** Base URL of the frame origin; default: beside the loader script. */
  declare frameOrigin: string
  /** Accessible title of the iframe. */
  declare frameTitle: string
  /** Theme overrides (allow-listed `--sf-*` properties); merged over the CSS custom properties. */
  declare theme: Record<string, string>

  /** The frame and its port, while the element is connected. */
  protected connection?: FrameConnection<In, Out>
  private announced = false

  constructor() {
    super()
    this.locale = ''
    this.frameOrigin = ''
    this.frameTitle = ''
    this.theme = {}
  }

  /**
   * The frame page this element loads (`card`, `gate`, `reveal`…).
   * @internal
   */
  protected abstract readonly page: string
  /** How to open the frame. */
  protected abstract frameSpec(): FrameSpec<In>
  /** The configuration message, sent after the handshake and after every property change. */
  protected abstract configMessage(): Out
  /** Handles a checked message from the frame. */
  protected abstract onFrameMessage(message: In): void
  /** The frame failed (unreachable, refused, same origin): report it the element's way. */
  protected abstract onFrameFailure(code: string, message: string): void

  /** Whether a frame may be opened now (e.g. not after a permanent failure). */
  protected canOpenFrame(): boolean {
    return true
  }

  /** Called once the iframe is in the shadow root, before it loads. */
  protected onFrameOpened(): void {}

  /** Resets the element's frame-related state when its frame goes away (removed or moved). */
  protected onFrameClosed(): void {}

  /** Extra shadow content after the frame (the gate's slot). */
  protected renderExtra(): TemplateResult | string {
    return ''
  }

  /** Whether the frame is connected and configured (after `secure-ready`). */
  get isReady(): boolean {
    return this.announced
  }

  /** Messages from the frame that failed the protocol guards (a diagnostic; should stay 0). */
  get droppedMessages(): number {
    return this.connection?.drops.total ?? 0
  }

  /**
   * Re-reads the `--sf-*` custom properties and the page's color scheme (call after changing them
   * in CSS, e.g. when the page switches to dark). A change of the user's preferred scheme is
   * picked up by itself.
   */
  refreshTheme(): void {
    this.sendConfig()
  }

  // The user's preference can change the page's scheme (`color-scheme: light dark`).
  private readonly schemeQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)')
  private readonly onSchemeChange = () => this.sendConfig()

  override connectedCallback(): void {
    super.connectedCallback()
    this.schemeQuery?.addEventListener('change', this.onSchemeChange)
    // Moved or re-inserted: the old frame is gone (an iframe reloads when moved), open a new one.
    if (this.hasUpdated && !this.connection && this.canOpenFrame()) this.openFrame()
  }

  override disconnectedCallback(): void {
    this.schemeQuery?.removeEventListener('change', this.onSchemeChange)
    super.disconnectedCallback()
    this.connection?.send({ t: 'destroy' } as Out)
    this.connection?.close()
    this.connection?.iframe.remove()
    this.connection = undefined
    this.announced = false
    this.onFrameClosed()
  }

  protected override render(): TemplateResult {
    return html`<div class="frame-slot"></div>${this.renderExtra()}`
  }

  protected override updated(_changed: PropertyValues): void {
    if (!this.isConnected) return
    if (!this.connection) {
      if (this.canOpenFrame()) this.openFrame()
    } else {
      // `frame-title` (or what a subclass derives the title from) may have changed.
      this.connection.iframe.title = this.frameSpec().title
      this.sendConfig()
    }
  }

  /** Sends the current configuration to the frame. */
  protected sendConfig(): void {
    this.connection?.send(this.configMessage())
  }

  /** Emits `secure-ready` the first time the frame shows a working element. */
  protected announce(): void {
    if (this.announced) return
    this.announced = true
    emit(this, 'secure-ready', {})
  }

  /** Fits the iframe to the height its page reported. */
  protected setFrameHeight(px: number): void {
    if (this.connection) this.connection.iframe.style.height = `${px}px`
  }

  /**
   * The allow-listed theme (refusals become `secure-error`s) and the language for the frame. For a
   * frame that follows the page's color scheme, the theme carries it (`--sf-color-scheme`), and the
   * iframe is set to the same scheme.
   */
  protected themeAndLocale(): { theme: Record<string, string>; locale: string } {
    const theme = themeFor(this, this.theme)
    if (this.frameSpec().followsColorScheme) theme[COLOR_SCHEME_PROPERTY] = this.colorScheme(theme[COLOR_SCHEME_PROPERTY])
    return { theme, locale: localeOf(this, this.locale) }
  }

  /**
   * The scheme the frame renders in — the theme's `--sf-color-scheme`, else the page's used scheme
   * where the element sits — applied to the iframe too: a browser paints a frame opaque when its
   * iframe's color scheme and its document's differ.
   */
  private colorScheme(fromTheme: string | undefined): FrameColorScheme {
    const probe = this.renderRoot?.querySelector('.frame-slot')
    // `rgb(r, g, b)`: CanvasText's red channel tells black from white.
    const scheme = isFrameColorScheme(fromTheme) ? fromTheme : probe && parseInt(getComputedStyle(probe).color.slice(4)) > 128 ? 'dark' : 'light'
    if (this.connection) this.connection.iframe.style.colorScheme = scheme
    return scheme
  }

  private openFrame(): void {
    const spec = this.frameSpec()
    const connection = new FrameConnection<In, Out>({
      base: frameBase(this.frameOrigin),
      page: this.page,
      title: spec.title,
      devMode: spec.devMode ?? false,
      ...(spec.allow ? { allow: spec.allow } : {}),
      ...(spec.sandbox ? { sandbox: spec.sandbox } : {}),
      ...(spec.parse ? { parse: spec.parse } : {}),
      onMessage: (m) => this.onFrameMessage(m),
      onFailure: (code, message) => this.onFrameFailure(code, message),
    })
    if (connection.sameOrigin && !spec.devMode) {
      this.onFrameFailure('ERR_FRAME_SAME_ORIGIN', spec.sameOriginMessage)
      return
    }
    this.connection = connection
    this.renderRoot.querySelector('.frame-slot')!.append(connection.iframe)
    // The scheme goes into the frame's URL too, so it renders in it from its first paint.
    if (spec.followsColorScheme) this.colorScheme(collectTheme(this, this.theme).theme[COLOR_SCHEME_PROPERTY])
    this.onFrameOpened()
    connection.open()
  }
}
