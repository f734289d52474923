/**
 * `<secure-reveal>`: the agent's desk. Opens an envelope inside its own frame on the frame origin,
 * with a desk key that was generated there and never leaves it, after a WebAuthn step-up; shows
 * the value for a bounded time, then wipes it. The host page sees the desk's public JWK, phases,
 * envelope ids, kinds, previews, codes and audit events — never the value, never the private key.
 *
 * @module
 */
import { css, type PropertyValues } from 'lit'
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import {
  clampShowFor,
  isDeskId,
  parseRevealFrameMessage,
  parseRevealHostMessage,
  RevealErrorCodes,
  SHOW_FOR,
  type DeskInfo,
  type RevealConfig,
  DESK_KEY_ALGS,
  type DeskKeyAlg,
  type RevealFrameMessage,
  type RevealHostMessage,
  type RevealPhase,
  type RevealStatus,
} from '../protocol/reveal.js'
import type { RevealDemo } from '../protocol/demo.js'
import { emit, type SecureRevealedDetail } from './events.js'
import { FramedElement } from './framed-element.js'
import { FrameController, type CommonConfig } from './frame-controller.js'
import type { Pending } from './pending.js'

/**
 * The public JWK of a desk, as `publicKey()` gives it: X25519 (`OKP`, `alg` `HPKE-4` or
 * `HPKE-4-KE`) or post-quantum (`AKP`, `alg` `HPKE-9` or `HPKE-9-KE`), `kid` = RFC 7638 thumbprint.
 */
export type DeskPublicJwk = Record<string, unknown> &
  ({ kty: 'OKP'; crv: 'X25519'; x: string; kid: string; alg: 'HPKE-4' | 'HPKE-4-KE' } | { kty: 'AKP'; pub: string; kid: string; alg: 'HPKE-9' | 'HPKE-9-KE' })

/** WebAuthn inside the cross-origin frame: Permissions Policy for both ceremonies. */
const ALLOW = 'publickey-credentials-get; publickey-credentials-create'

/**
 * A reveal desk for agents. Set `envelope` (an envelope sealed to this desk's key, alone or among
 * other recipients) and `context`; the agent clicks Reveal inside the frame (or the page calls
 * `reveal()`), confirms with the desk's authenticator, reads the value for `show-for` seconds or
 * until Hide, and it is wiped.
 *
 * Desk lifecycle: the first time, the agent clicks "Set up this desk" inside the frame (a WebAuthn
 * credential with user verification, and the desk's key — X25519, or post-quantum with
 * `key-alg="HPKE-9"` or `"HPKE-9-KE"` — both on the frame origin);
 * `await el.publicKey()` gives the public JWK for the chat server, which registers it with the
 * frame origin (`POST /policy/keys`) and hands it to customers' fields.
 *
 * @summary Reveals one envelope inside an isolated frame after a WebAuthn step-up, then wipes it.
 * @tag secure-reveal
 * @fires secure-ready - the frame is connected, configured and has loaded the desk (enrolled or not)
 * @fires secure-enrolled - the desk has its key and credential: `{ desk, kid, protection }`
 * @fires secure-revealed - the value is showing inside the frame: `{ jti, kind, preview }`
 * @fires secure-wiped - the value was removed from the frame (timeout or Hide): `{ jti, kind, preview }`
 * @fires secure-error - a stable `{ code, message }`: refusal (`ERR_ALREADY_REVEALED`, `ERR_STEP_UP_FAILED`, `ERR_ENVELOPE_EXPIRED`…), unreachable frame
 * @fires secure-audit - an audit event for the server's log: `{ event, detail }` with event `revealed`, `hidden`, `wiped`, `failed` or `refused`
 * @csspart frame - the iframe
 * @cssprop --sf-font-family - font stack inside the frame
 * @cssprop --sf-font-size - base font size inside the frame
 * @cssprop --sf-color-text - text color
 * @cssprop --sf-color-label - preview, labels and status text
 * @cssprop --sf-color-accent - the action button's background
 * @cssprop --sf-color-accent-text - the action button's text
 * @cssprop --sf-color-focus - focus ring color
 * @cssprop --sf-border-radius - button corner radius
 * @cssprop --sf-frame-initial-height - the iframe's height before the frame reports its own
 * @cssprop --sf-color-scheme - `light` or `dark`: the frame's color scheme; default the page's
 */
export class SecureReveal extends FramedElement {
  static override properties = {
    envelope: { type: String },
    showFor: { type: Number, attribute: 'show-for' },
    context: { type: String },
    desk: { type: String },
    keyAlg: { type: String, attribute: 'key-alg' },
    demo: { attribute: false },
  }

  static override styles = [
    FramedElement.styles,
    css`
      :host {
        min-width: 16em;
      }
      iframe {
        height: var(--sf-frame-initial-height, 6em);
      }
    `,
  ]

  /** The envelope to reveal (sealed to this desk's key, alone or among other recipients); empty for none. */
  declare envelope: string
  /** Seconds the value stays visible: default 30, at most 300. */
  declare showFor: number
  /** The context (conversation) the envelope must have been sealed for. */
  declare context: string
  /** Desk id (`[A-Za-z0-9._-]{1,64}`): which key and credential on the frame origin; default `default`. */
  declare desk: string
  /**
   * The algorithm of the key the desk makes when it enrols: `HPKE-4` (X25519, the default),
   * `HPKE-9` (post-quantum hybrid, MLKEM768-X25519), or `HPKE-4-KE` / `HPKE-9-KE` for a desk that
   * shares envelopes with other recipients (a team lead, the back office). An enrolled desk keeps
   * the key it has.
   */
  declare keyAlg: DeskKeyAlg
  /**
   * `{ value, kind, preview? }`: a sample value to show with its countdown, without envelope or
   * step-up, for Storybook. Only a demo frame origin uses it; any other ignores it and reports
   * `ERR_POLICY_DEMO`. Property only, never an attribute.
   */
  declare demo: RevealDemo | undefined

  /** @internal */
  protected readonly frame: FrameController<RevealFrameMessage, RevealHostMessage> = new FrameController<RevealFrameMessage, RevealHostMessage>(this, {
    page: () => 'reveal',
    parse: parseRevealFrameMessage,
    accepts: parseRevealHostMessage,
    // No dev mode: a desk key in an opaque-origin frame would have no storage and no WebAuthn.
    allow: ALLOW,
    sameOriginMessage: 'The reveal frame must come from a different origin than the page (set frame-origin).',
    followsColorScheme: true,
    title: () => this.frameTitle || 'Reveal desk',
    config: (common) => this.configMessage(common),
    judge: () => (isDeskId(this.desk) ? undefined : { code: ErrorCodes.INPUT_INVALID, message: 'The desk id must be 1 to 64 letters, digits, dots, dashes or underscores.' }),
    onMessage: (message) => this.onFrameMessage(message),
    changed: () => this.frameChanged(),
    closed: () => new SecureFieldsError(RevealErrorCodes.CANCELLED, 'The desk was removed from the page.'),
  })
  private currentPhase: RevealPhase = 'loading'
  private deskInfo?: DeskInfo
  private readonly reveals = this.frame.pending<SecureRevealedDetail>()
  private readonly statuses = this.frame.pending<RevealStatus>()
  private readonly keys = this.frame.pending<DeskPublicJwk>()
  /** The iframe the phase came from. */
  private shownBy?: HTMLIFrameElement

  constructor() {
    super()
    this.envelope = ''
    this.showFor = SHOW_FOR.default
    this.context = ''
    this.desk = 'default'
    this.keyAlg = 'HPKE-4'
  }

  /** Where the desk frame is: `loading`, `enrol`, `enrolling`, `idle`, `verifying`, `shown`, `done`. */
  get phase(): RevealPhase {
    return this.currentPhase
  }

  /** Whether the desk has its key and credential. */
  get enrolled(): boolean {
    return this.deskInfo !== undefined
  }

  /**
   * The desk's public JWK ({@link DeskPublicJwk}, `kid` = RFC 7638 thumbprint): what customers'
   * fields seal to, alone or in a key set. Resolves once the desk is enrolled — at once when it
   * was enrolled before on this frame origin — and rejects if the frame fails, the desk id is
   * refused, or the element is removed.
   */
  async publicKey(): Promise<DeskPublicJwk> {
    await this.updateComplete
    const problem = this.frame.problem
    if (problem) throw new SecureFieldsError(problem.code, problem.message)
    if (this.deskInfo) return { ...this.deskInfo.publicJwk } as DeskPublicJwk
    return this.keys.wait()
  }

  /**
   * Starts the step-up and the reveal of `envelope`, as the frame's own Reveal button does.
   * Resolves when the value shows; rejects with the refusal's code (`ERR_STEP_UP_FAILED`,
   * `ERR_ALREADY_REVEALED`, `ERR_ENVELOPE_EXPIRED`, `ERR_ENVELOPE_WRONG_CONTEXT`,
   * `ERR_DESK_NOT_ENROLLED`, `ERR_REVEAL_NO_ENVELOPE`…).
   */
  async reveal(): Promise<SecureRevealedDetail> {
    return this.request(this.reveals, (id) => ({ t: 'reveal', id }))
  }

  /** Hides (and wipes) a value being shown now, as the frame's Hide button does. */
  hide(): void {
    this.frame.send({ t: 'hide' })
  }

  /**
   * Diagnostics from inside the frame, without reaching into it: its phase, whether the value node
   * is empty, and how the desk key is stored (`wrapped` with PRF, `crypto-key` without). Never a value.
   */
  async frameStatus(): Promise<RevealStatus> {
    return this.request(this.statuses, (id) => ({ t: 'status', id }))
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('desk') && this.deskInfo?.desk !== this.desk) this.deskInfo = undefined
  }

  /** A request to the frame, once it has judged the configuration as it is now (an envelope just set is the one revealed). */
  private async request<T>(pending: Pending<T>, message: (id: number) => RevealHostMessage): Promise<T> {
    await this.updateComplete
    await this.frame.settled()
    return this.frame.request(pending, message)
  }

  /** A new or closed frame has loaded no desk yet. */
  private frameChanged(): void {
    const iframe = this.frame.iframe
    if (iframe === this.shownBy) return
    this.shownBy = iframe
    this.currentPhase = 'loading'
  }

  private configMessage({ theme, locale }: CommonConfig): RevealHostMessage {
    const config: RevealConfig = {
      desk: this.desk,
      // An unknown value is not sent: the desk then enrols with the default, and says which key it made.
      ...((DESK_KEY_ALGS as readonly string[]).includes(this.keyAlg) ? { keyAlg: this.keyAlg } : {}),
      envelope: this.envelope || null,
      context: this.context ?? '',
      showFor: clampShowFor(this.showFor),
      locale,
      theme,
      ...(this.demo ? { demo: this.demo } : {}),
    }
    return { t: 'config', config }
  }

  private onFrameMessage(message: RevealFrameMessage): void {
    switch (message.t) {
      case 'phase':
        this.currentPhase = message.phase
        if (message.phase !== 'loading') this.frame.shows()
        break
      case 'desk': {
        if (message.desk.desk !== this.desk) break
        this.deskInfo = message.desk
        const jwk = message.desk.publicJwk as DeskPublicJwk
        emit(this, 'secure-enrolled', { desk: message.desk.desk, kid: jwk.kid, protection: message.desk.protection })
        this.keys.resolveAll({ ...jwk })
        break
      }
      case 'revealed': {
        const detail = { jti: message.jti, kind: message.kind, preview: message.preview }
        emit(this, 'secure-revealed', detail)
        this.reveals.resolve(message.id, detail)
        break
      }
      case 'reveal-error':
        if (message.code !== RevealErrorCodes.BUSY) emit(this, 'secure-error', { code: message.code, message: message.message, ...(message.text ? { text: message.text } : {}) })
        this.reveals.reject(message.id, new SecureFieldsError(message.code, message.message))
        break
      case 'wiped':
        emit(this, 'secure-wiped', { jti: message.jti, kind: message.kind, preview: message.preview })
        break
      case 'status':
        this.statuses.resolve(message.id, message.status)
        break
    }
  }
}

/** Defines `<secure-reveal>` once. */
export function defineSecureReveal(): void {
  if (!customElements.get('secure-reveal')) customElements.define('secure-reveal', SecureReveal)
}

declare global {
  interface HTMLElementTagNameMap {
    'secure-reveal': SecureReveal
  }
}
