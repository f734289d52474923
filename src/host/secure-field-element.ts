/**
 * The base class of every secure input element: a form-associated Lit element whose value lives in
 * a sandboxed iframe on the frame origin. The host side only ever holds derived state, the masked
 * preview and envelopes.
 *
 * @module
 */
import { LitElement, css, html } from 'lit'
import type { FieldConfig, FieldKind, FieldState, FrameMessage } from '../protocol/messages.js'
import { SecureFieldsError } from '../errors.js'
import { GATE_PENDING } from '../protocol/consent.js'
import { emit, type SecureChangeDetail } from './events.js'
import { FrameConnection } from './frame-connection.js'
import { frameBase } from './frame-url.js'
import { themeFor } from './theme.js'
import { localeOf } from './locale.js'

/** Parses the `public-key` attribute (a JSON JWK); an unparsable value becomes `null`. */
const jwkConverter = {
  fromAttribute(value: string | null): Record<string, unknown> | null {
    if (!value) return null
    try {
      const parsed = JSON.parse(value) as unknown
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
    } catch {
      return null
    }
  },
  toAttribute(value: Record<string, unknown> | null): string | null {
    return value ? JSON.stringify(value) : null
  },
}

interface PendingSeal {
  resolve(envelope: string): void
  reject(error: SecureFieldsError): void
}

/**
 * Shared behaviour of `<secure-card-input>`, `<secure-ssn-input>` and `<secure-text-input>`.
 *
 * @fires secure-ready - the frame is connected and configured
 * @fires secure-change - derived state changed: `{ empty, complete, valid, brand?, preview?, code?, message?, locked? }`
 * @fires secure-focus - the field gained focus
 * @fires secure-blur - the field lost focus
 * @fires secure-sealed - an envelope was made: `{ envelope, preview, kind }`
 * @fires secure-error - a stable `{ code, message }`: policy refusal, unreachable frame, refused theme…
 * @fires secure-audit - an audit event for the server's log: `{ event, detail }`
 * @csspart frame - the iframe
 * @cssprop --sf-font-family - font stack inside the frame
 * @cssprop --sf-font-size - base font size inside the frame
 * @cssprop --sf-color-text - text color
 * @cssprop --sf-color-background - input background
 * @cssprop --sf-color-border - input border color
 * @cssprop --sf-color-focus - focus ring color
 * @cssprop --sf-color-error - error text and border color
 * @cssprop --sf-border-radius - input corner radius
 */
export abstract class SecureFieldElement extends LitElement {
  static formAssociated = true
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override properties = {
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    label: { type: String },
    locale: { type: String },
    publicKey: { attribute: 'public-key', converter: jwkConverter },
    context: { type: String },
    frameOrigin: { type: String, attribute: 'frame-origin' },
    frameTitle: { type: String, attribute: 'frame-title' },
    placeholder: { type: String },
    expiresIn: { type: Number, attribute: 'expires-in' },
    devMode: { type: Boolean, attribute: 'dev-mode' },
    theme: { attribute: false },
  }

  static override styles = css`
    :host {
      display: block;
      min-width: 12em;
    }
    :host([hidden]) {
      display: none;
    }
    :host([disabled]) {
      opacity: 0.7;
    }
    iframe {
      display: block;
      width: 100%;
      height: var(--sf-frame-initial-height, 4.5em);
      border: 0;
      color-scheme: normal;
      background: transparent;
    }
  `

  /** Form field name: the envelope is submitted under it. */
  declare name: string
  /** Whether the form requires a value. */
  declare required: boolean
  /** Whether the field is inert. */
  declare disabled: boolean
  /** Visible label inside the frame (default: the text of an associated `<label>`). */
  declare label: string
  /** Message language (`en`, `es`, `fr`, `de`, `ar`); default: the closest `lang` attribute. */
  declare locale: string
  /** The recipient's public X25519 JWK (attribute: JSON). */
  declare publicKey: Record<string, unknown> | null
  /** Context id (conversation) every envelope is bound to. */
  declare context: string
  /** Base URL of the frame origin; default: beside the loader script. */
  declare frameOrigin: string
  /** Accessible title of the iframe; default: the label. */
  declare frameTitle: string
  /** Placeholder of the main input. */
  declare placeholder: string
  /** Envelope lifetime in seconds (default 900). */
  declare expiresIn: number
  /** Dev mode: frames from this origin in an opaque-origin sandbox. Never in production. */
  declare devMode: boolean
  /** Theme overrides (allow-listed `--sf-*` properties); merged over the CSS custom properties. */
  declare theme: Record<string, string>

  /** The frame page of this element (`card`, `ssn`, `text`). */
  protected abstract readonly kind: FieldKind

  private readonly internals: ElementInternals
  private connection?: FrameConnection
  private fieldState: FieldState = { empty: true, complete: false, valid: false }
  private currentEnvelope: string | null = null
  private ready = false
  private announced = false
  private failure?: { code: string; message: string }
  private formDisabled = false
  private nextSealId = 1
  private readonly pendingSeals = new Map<number, PendingSeal>()
  private readonly readyWaiters: Array<() => void> = []

  constructor() {
    super()
    this.internals = this.attachInternals()
    this.name = ''
    this.required = false
    this.disabled = false
    this.label = ''
    this.locale = ''
    this.publicKey = null
    this.context = ''
    this.frameOrigin = ''
    this.frameTitle = ''
    this.placeholder = ''
    this.expiresIn = 0
    this.devMode = false
    this.theme = {}
  }

  /**
   * The iframe's accessible title when neither `frame-title`, `label` nor a `<label>` gives one
   * (the host has no message tables, so this is English; set `frame-title` to localize it).
   */
  protected defaultTitle(): string {
    return this.kind
  }

  /** Kind-specific options sent to the frame (preset, pattern, lengths…). */
  protected fieldOptions(): Record<string, string | number | boolean> {
    return {}
  }

  /**
   * The consent gate this field sits behind: the closest `<consent-gate>`'s id, or `GATE_PENDING`
   * while that gate's frame has not told it yet (the field frame stays locked meanwhile).
   */
  protected gateId(): string | undefined {
    const gate = this.closest('consent-gate') as { gateId?: string } | null
    return gate ? (gate.gateId ?? GATE_PENDING) : undefined
  }

  /** The current derived state (never plaintext). */
  get state(): SecureChangeDetail {
    return { ...this.fieldState }
  }

  /** Whether the frame is connected and configured (after `secure-ready`). */
  get isReady(): boolean {
    return this.announced
  }

  /** Messages from the frame that failed the protocol guards (a diagnostic; should stay 0). */
  get droppedMessages(): number {
    return this.connection?.drops.total ?? 0
  }

  /** The last envelope, when the field holds a valid sealed value; else `null`. */
  get envelope(): string | null {
    return this.currentEnvelope
  }

  /** The form this field belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form
  }

  /** The field's validity, mirroring the frame's. */
  get validity(): ValidityState {
    return this.internals.validity
  }

  /** The localized validation message. */
  get validationMessage(): string {
    return this.internals.validationMessage
  }

  /** Whether the field takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate
  }

  /** As `HTMLInputElement.checkValidity()`. */
  checkValidity(): boolean {
    return this.internals.checkValidity()
  }

  /** As `HTMLInputElement.reportValidity()`. */
  reportValidity(): boolean {
    return this.internals.reportValidity()
  }

  /**
   * Seals the current value now and resolves with the envelope. Rejects with a
   * `SecureFieldsError` (`ERR_FIELD_EMPTY`, `ERR_FIELD_INVALID`, `ERR_CONSENT_REQUIRED`,
   * `ERR_POLICY_KEY_NOT_PINNED`, `ERR_FRAME_UNREACHABLE`…).
   */
  async seal(): Promise<string> {
    await this.whenReady()
    if (this.failure) throw new SecureFieldsError(this.failure.code, this.failure.message)
    const id = this.nextSealId++
    return new Promise<string>((resolve, reject) => {
      this.pendingSeals.set(id, { resolve, reject })
      this.connection!.send({ t: 'seal', id })
    })
  }

  /** Empties the field (inside the frame) and its form value. */
  clear(): void {
    this.connection?.send({ t: 'clear' })
    this.setEnvelope(null)
  }

  /** Focuses the field's first input inside the frame. */
  override focus(options?: FocusOptions): void {
    super.focus(options)
    this.connection?.send({ t: 'focus' })
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('focusin', this.onFocusIn)
    // Moved or re-inserted (React StrictMode mounts twice): the old frame is gone, open a new one.
    if (this.hasUpdated && !this.connection && !this.failure) this.openFrame()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('focusin', this.onFocusIn)
    this.connection?.send({ t: 'destroy' })
    this.connection?.close()
    this.connection?.iframe.remove()
    this.connection = undefined
    this.ready = false
    this.announced = false
    this.setEnvelope(null)
    for (const p of this.pendingSeals.values()) p.reject(new SecureFieldsError('ERR_FIELD_DISCONNECTED', 'The field was removed from the page.'))
    this.pendingSeals.clear()
  }

  protected override render() {
    return html`<div class="frame-slot"></div>`
  }

  protected override updated(): void {
    if (!this.isConnected) return
    if (!this.connection) this.openFrame()
    else this.sendConfig()
  }

  /** Called by the browser when a fieldset or form disables this field. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled
    this.sendConfig()
  }

  /** Called by the browser on form reset. */
  formResetCallback(): void {
    this.clear()
  }

  /** Re-reads the `--sf-*` custom properties (call after changing them in CSS). */
  refreshTheme(): void {
    this.sendConfig()
  }

  private onFocusIn = (event: FocusEvent) => {
    // The iframe itself received focus (label click, focus()): put the caret in the first input.
    const connection = this.connection
    if (connection && event.composedPath()[0] === connection.iframe) connection.send({ t: 'focus' })
  }

  private openFrame(): void {
    const base = frameBase(this.frameOrigin)
    const connection = new FrameConnection({
      base,
      page: this.kind,
      title: this.frameTitle || this.label || this.labelText() || this.defaultTitle(),
      devMode: this.devMode,
      onMessage: (m) => this.onFrameMessage(m),
      onFailure: (code, message) => this.fail(code, message),
    })
    if (connection.sameOrigin && !this.devMode) {
      this.fail('ERR_FRAME_SAME_ORIGIN', 'Frames must come from a different origin than the page (set frame-origin, or dev-mode for local development).')
      return
    }
    this.connection = connection
    this.renderRoot.querySelector('.frame-slot')!.append(connection.iframe)
    this.updateValidity()
    connection.open()
  }

  private fail(code: string, message: string): void {
    this.failure = { code, message }
    this.updateValidity()
    emit(this, 'secure-error', { code, message })
    for (const p of this.pendingSeals.values()) p.reject(new SecureFieldsError(code, message))
    this.pendingSeals.clear()
    this.readyWaiters.splice(0).forEach((w) => w())
  }

  private whenReady(): Promise<void> {
    if (this.ready || this.failure) return Promise.resolve()
    return new Promise((resolve) => this.readyWaiters.push(resolve))
  }

  private labelText(): string {
    const label = this.internals.labels[0] as HTMLElement | undefined
    return label?.textContent?.trim() ?? ''
  }


  private effectiveLocale(): string {
    return localeOf(this, this.locale)
  }

  private config(): FieldConfig {
    const theme = themeFor(this, this.theme)
    const gate = this.gateId()
    return {
      kind: this.kind,
      label: this.label || this.labelText(),
      locale: this.effectiveLocale(),
      theme,
      publicKey: this.publicKey,
      context: this.context,
      required: this.required,
      disabled: this.disabled || this.formDisabled,
      ...(this.placeholder ? { placeholder: this.placeholder } : {}),
      ...(this.expiresIn ? { expiresIn: this.expiresIn } : {}),
      options: this.fieldOptions(),
      ...(gate ? { gate } : {}),
    }
  }

  private sendConfig(): void {
    if (!this.connection) return
    this.applyInert()
    this.connection.send({ t: 'config', config: this.config() })
  }

  /** Not focusable while disabled or locked behind a gate; the frame enforces the lock itself. */
  private applyInert(): void {
    const locked = this.announced ? this.fieldState.locked === true : this.gateId() !== undefined
    const inert = this.disabled || this.formDisabled || locked
    this.connection!.iframe.tabIndex = inert ? -1 : 0
    this.toggleAttribute('inert', inert)
  }

  private onFrameMessage(message: FrameMessage): void {
    switch (message.t) {
      case 'ready':
        this.ready = true
        this.sendConfig()
        this.readyWaiters.splice(0).forEach((w) => w())
        break
      case 'state':
        this.fieldState = message.state
        this.applyInert()
        if (!message.state.valid) this.setEnvelope(null)
        this.updateValidity()
        // The first state after configuration means the frame shows a working field.
        if (!this.announced) {
          this.announced = true
          emit(this, 'secure-ready', {})
        }
        emit(this, 'secure-change', { ...message.state })
        break
      case 'focus':
        emit(this, 'secure-focus', {})
        break
      case 'blur':
        emit(this, 'secure-blur', {})
        break
      case 'height':
        this.connection!.iframe.style.height = `${message.px}px`
        break
      case 'sealed': {
        // An automatic seal (id 0) only counts while the state it was made for still holds.
        if (message.id === 0 && !this.fieldState.valid) break
        this.setEnvelope(message.envelope)
        emit(this, 'secure-sealed', { envelope: message.envelope, preview: message.preview, kind: message.kind })
        const pending = this.pendingSeals.get(message.id)
        this.pendingSeals.delete(message.id)
        pending?.resolve(message.envelope)
        break
      }
      case 'seal-error': {
        const pending = this.pendingSeals.get(message.id)
        this.pendingSeals.delete(message.id)
        pending?.reject(new SecureFieldsError(message.code, message.message))
        break
      }
      case 'error':
        // A fatal error (policy refusal) ends the field's usefulness: seals reject, validity fails.
        if (message.fatal) this.fail(message.code, message.message)
        else emit(this, 'secure-error', { code: message.code, message: message.message })
        break
      case 'audit':
        emit(this, 'secure-audit', { event: message.event, detail: message.detail })
        break
    }
  }

  private setEnvelope(envelope: string | null): void {
    this.currentEnvelope = envelope
    this.internals.setFormValue(envelope)
    this.updateValidity()
  }

  /** Mirrors the frame's validity into the form (ElementInternals). */
  private updateValidity(): void {
    const anchor = this.connection?.iframe
    const s = this.fieldState
    const set = (flags: ValidityStateFlags, message: string) => this.internals.setValidity(flags, message, anchor)
    if (this.failure) set({ customError: true }, this.failure.message)
    else if (s.locked) set({ customError: true }, s.message ?? 'Consent is required first.')
    else if (s.empty) this.required ? set({ valueMissing: true }, s.message ?? 'This field is required.') : this.internals.setValidity({})
    else if (!s.valid) set({ badInput: true }, s.message ?? 'This value is not valid.')
    else if (!this.currentEnvelope) set({ customError: true }, 'The value is being sealed.')
    else this.internals.setValidity({})
  }
}
