/**
 * The base class of every secure input element: a form-associated Lit element whose value lives in
 * a sandboxed iframe on the frame origin. The host side only ever holds derived state, the masked
 * preview and envelopes.
 *
 * @module
 */
import { LitElement, css } from 'lit'
import type { FieldConfig, FieldKind, FieldState, FrameMessage, HostMessage } from '../protocol/messages.js'
import { SecureFieldsError } from '../errors.js'
import { GATE_PENDING } from '../protocol/consent.js'
import type { FieldDemo } from '../protocol/demo.js'
import { emit, type SecureChangeDetail } from './events.js'
import { FramedElement } from './framed-element.js'
import { FrameController, type CommonConfig } from './frame-controller.js'
import { acceptFieldConfig } from './field-config.js'
import { fieldValidity } from './validity.js'

/** What `public-key` holds: one JWK, a JWKS (`{ "keys": [...] }`), or an array of JWKs. */
export type PublicKeyConfig = object | readonly object[]

/**
 * Parses the `public-key` attribute (JSON: a JWK, a JWKS or an array of JWKs); an unparsable value
 * becomes `null`. The frame checks the keys themselves.
 */
const jwkConverter = {
  fromAttribute(value: string | null): PublicKeyConfig | null {
    if (!value) return null
    try {
      const parsed = JSON.parse(value) as unknown
      return typeof parsed === 'object' && parsed !== null ? (parsed as PublicKeyConfig) : null
    } catch {
      return null
    }
  },
  toAttribute(value: PublicKeyConfig | null): string | null {
    return value ? JSON.stringify(value) : null
  },
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
 * @cssprop --sf-color-scheme - `light` or `dark`: the frame's color scheme; default the page's
 * @cssprop --sf-color-background - input background
 * @cssprop --sf-color-border - input border color
 * @cssprop --sf-color-focus - focus ring color
 * @cssprop --sf-color-error - error text and border color
 * @cssprop --sf-border-radius - input corner radius
 */
export abstract class SecureFieldElement extends FramedElement {
  static formAssociated = true
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override properties = {
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    label: { type: String },
    publicKey: { attribute: 'public-key', converter: jwkConverter },
    context: { type: String },
    placeholder: { type: String },
    expiresIn: { type: Number, attribute: 'expires-in' },
    devMode: { type: Boolean, attribute: 'dev-mode' },
    demo: { attribute: false },
  }

  static override styles = [
    FramedElement.styles,
    css`
      :host {
        min-width: 12em;
      }
      :host([disabled]) {
        opacity: 0.7;
      }
    `,
  ]

  /** Form field name: the envelope is submitted under it. */
  declare name: string
  /** Whether the form requires a value. */
  declare required: boolean
  /** Whether the field is inert. */
  declare disabled: boolean
  /** Visible label inside the frame (default: the text of an associated `<label>`). */
  declare label: string
  /**
   * The recipient's public JWK — X25519 (`HPKE-4`) or post-quantum (`HPKE-9`) — or a key set: a
   * JWKS `{ "keys": [...] }` or an array of up to eight Key Encryption keys (`HPKE-4-KE`,
   * `HPKE-9-KE`), every one of which can open the envelope (attribute: JSON). It may come late (a
   * fetch): the field is refused with `ERR_KEY_MISSING` until it does, then works.
   */
  declare publicKey: PublicKeyConfig | null
  /** Context id (conversation) every envelope is bound to. */
  declare context: string
  /** Placeholder of the main input. */
  declare placeholder: string
  /** Envelope lifetime in seconds (default 900). */
  declare expiresIn: number
  /** Dev mode: frames from this origin in an opaque-origin sandbox. Never in production. */
  declare devMode: boolean
  /**
   * Sample values shown as if typed (`{ number, expiry, cvc }` for a card, `{ value }` otherwise;
   * `touched: false` for mid-typing), for Storybook. Only a demo frame origin uses them; any
   * other ignores them and reports `ERR_POLICY_DEMO`. Property only, never an attribute.
   */
  declare demo: FieldDemo | undefined

  /**
   * The frame page of this element (`card`, `ssn`, `text`).
   * @internal
   */
  protected abstract readonly kind: FieldKind

  /** @internal */
  protected readonly frame: FrameController<FrameMessage, HostMessage> = new FrameController<FrameMessage, HostMessage>(this, {
    page: () => this.kind,
    accepts: acceptFieldConfig,
    sameOriginMessage: 'Frames must come from a different origin than the page (set frame-origin, or dev-mode for local development).',
    followsColorScheme: true,
    title: () => this.frameTitle || this.label || this.labelText() || this.defaultTitle(),
    devMode: () => this.devMode === true,
    config: (common) => this.configMessage(common),
    onMessage: (message) => this.onFrameMessage(message),
    changed: () => this.frameChanged(),
    closed: () => this.frameClosed(),
  })

  private readonly internals: ElementInternals
  private fieldState: FieldState = { empty: true, complete: false, valid: false }
  private currentEnvelope: string | null = null
  private customMessage = ''
  /** The iframe the current state and envelope came from. */
  private shownBy?: HTMLIFrameElement
  private formDisabled = false
  private readonly seals = this.frame.pending<string>()

  constructor() {
    super()
    this.internals = this.attachInternals()
    this.name = ''
    this.required = false
    this.disabled = false
    this.label = ''
    this.publicKey = null
    this.context = ''
    this.placeholder = ''
    this.expiresIn = 0
    this.devMode = false
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
   * As `HTMLInputElement.setCustomValidity()`: a non-empty message makes the field invalid
   * (`customError`, with that message) whatever its value; an empty one clears it.
   */
  setCustomValidity(message: string): void {
    this.customMessage = String(message ?? '')
    this.updateValidity()
  }

  /**
   * Seals the current value now and resolves with the envelope. Waits for the frame to have
   * judged the current configuration (a key or a context set just before is used). Rejects with a
   * `SecureFieldsError` (`ERR_FIELD_EMPTY`, `ERR_FIELD_INVALID`, `ERR_CONSENT_REQUIRED`,
   * `ERR_KEY_MISSING`, `ERR_POLICY_KEY_NOT_PINNED`, `ERR_FRAME_UNREACHABLE`…).
   */
  async seal(): Promise<string> {
    if (!this.isConnected) throw this.frameClosed()
    await this.updateComplete
    await this.frame.settled()
    return this.frame.request(this.seals, (id) => ({ t: 'seal', id }))
  }

  /** Empties the field (inside the frame) and its form value. */
  clear(): void {
    this.frame.send({ t: 'clear' })
    this.setEnvelope(null)
  }

  /** Focuses the field's first input inside the frame. */
  override focus(options?: FocusOptions): void {
    super.focus(options)
    this.frame.send({ t: 'focus' })
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('focusin', this.onFocusIn)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('focusin', this.onFocusIn)
  }

  /** Called by the browser when a fieldset or form disables this field. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled
    this.requestUpdate()
  }

  /** Called by the browser on form reset. */
  formResetCallback(): void {
    this.clear()
  }

  protected override updated(): void {
    this.applyInert()
    this.updateValidity()
  }

  private frameClosed(): SecureFieldsError {
    return new SecureFieldsError('ERR_FIELD_DISCONNECTED', 'The field is not on the page, or its frame was replaced.')
  }

  private onFocusIn = (event: FocusEvent) => {
    // The iframe itself received focus (label click, focus()): put the caret in the first input.
    const iframe = this.frame.iframe
    if (iframe && event.composedPath()[0] === iframe) this.frame.send({ t: 'focus' })
  }

  private labelText(): string {
    const label = this.internals.labels[0] as HTMLElement | undefined
    return label?.textContent?.trim() ?? ''
  }

  /**
   * The configuration message. A property a framework or a removed attribute left `null` or
   * `undefined` counts as unset (an attribute's default), so the frame always gets a well-formed
   * configuration.
   */
  private configMessage({ theme, locale }: CommonConfig): HostMessage {
    const gate = this.gateId()
    const config: FieldConfig = {
      kind: this.kind,
      label: this.label || this.labelText(),
      locale,
      theme,
      publicKey: (this.publicKey ?? null) as FieldConfig['publicKey'],
      context: this.context ?? '',
      required: this.required === true,
      disabled: this.disabled === true || this.formDisabled,
      ...(this.placeholder ? { placeholder: this.placeholder } : {}),
      ...(this.expiresIn ? { expiresIn: this.expiresIn } : {}),
      options: this.fieldOptions(),
      ...(gate ? { gate } : {}),
      ...(this.demo ? { demo: this.demo } : {}),
    }
    return { t: 'config', config }
  }

  /** Not focusable while disabled or locked behind a gate; the frame enforces the lock itself. */
  private applyInert(): void {
    const locked = this.isReady ? this.fieldState.locked === true : this.gateId() !== undefined
    const inert = this.disabled || this.formDisabled || locked
    const iframe = this.frame.iframe
    if (iframe) iframe.tabIndex = inert ? -1 : 0
    this.toggleAttribute('inert', inert)
  }

  /** What depended on the frame follows it: a new or closed frame holds no value yet. */
  private frameChanged(): void {
    const iframe = this.frame.iframe
    if (iframe !== this.shownBy) {
      this.shownBy = iframe
      this.fieldState = { empty: true, complete: false, valid: false }
      this.setEnvelope(null)
    }
    this.applyInert()
    this.updateValidity()
  }

  private onFrameMessage(message: FrameMessage): void {
    switch (message.t) {
      case 'state':
        this.fieldState = message.state
        if (!message.state.valid) this.setEnvelope(null)
        // The first state after configuration means the frame shows a working field (a refused
        // one names its refusal's code).
        this.frame.shows(message.state.code)
        emit(this, 'secure-change', { ...message.state })
        break
      case 'focus':
        emit(this, 'secure-focus', {})
        break
      case 'blur':
        emit(this, 'secure-blur', {})
        break
      case 'submit':
        // Enter in the frame: implicit submission, as in a native input (HTML §4.10.21.2). The
        // frame sealed the value first, so the form value is current.
        this.internals.form?.requestSubmit()
        break
      case 'sealed':
        // An automatic seal (id 0) only counts while the state it was made for still holds.
        if (message.id === 0 && !this.fieldState.valid) break
        this.setEnvelope(message.envelope)
        emit(this, 'secure-sealed', { envelope: message.envelope, preview: message.preview, kind: message.kind })
        this.seals.resolve(message.id, message.envelope)
        break
      case 'seal-error':
        this.seals.reject(message.id, new SecureFieldsError(message.code, message.message))
        break
    }
  }

  private setEnvelope(envelope: string | null): void {
    this.currentEnvelope = envelope
    this.internals.setFormValue(envelope)
    this.updateValidity()
  }

  /** Mirrors the frame's validity into the form (ElementInternals): see `fieldValidity`. */
  private updateValidity(): void {
    const { flags, message } = fieldValidity({
      connection: this.frame.status.connection,
      refusal: this.frame.status.refusal,
      state: this.fieldState,
      sealed: this.currentEnvelope !== null,
      required: this.required === true,
      disabled: this.disabled === true || this.formDisabled,
      customMessage: this.customMessage,
    })
    this.internals.setValidity(flags, message, this.frame.iframe)
  }
}
