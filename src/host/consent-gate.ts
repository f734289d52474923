/**
 * `<consent-gate>`: asks the customer for consent in a frame of its own, and keeps the secure
 * fields inside it locked until they give it there.
 *
 * @module
 */
import { css, html, type TemplateResult } from 'lit'
import { parseGateFrameMessage, parseGateHostMessage, type ConsentReceipt, type GateFrameMessage, type GateHostMessage, type GateState } from '../protocol/consent.js'
import type { GateDemo } from '../protocol/demo.js'
import { emit } from './events.js'
import { FramedElement } from './framed-element.js'
import { FrameController, type CommonConfig } from './frame-controller.js'
import { SecureFieldElement } from './secure-field-element.js'

/**
 * Wraps secure fields and keeps them locked — not focusable, not sealable, invalid in their form —
 * until the customer consents inside the gate's own frame on the frame origin, with a real tap,
 * click, pen press or key press on a wholly visible consent box that did not just move under them. Consent travels from the gate frame to the field frames on
 * the frame origin, never through this page, so no script here can unlock a field. Every envelope
 * sealed behind the gate carries the receipt's digest (`consent` claim).
 *
 * @summary A consent box in an isolated frame that unlocks the secure fields inside it.
 * @tag consent-gate
 * @slot - the secure fields the gate guards (any depth)
 * @fires secure-ready - the gate's frame is connected and shows the consent box
 * @fires secure-consent - the customer consented: `{ receipt, digest }`
 * @fires secure-gate-change - consent or visibility changed: `{ consented, visible }`
 * @fires secure-error - `{ code, message, text? }`: `ERR_CONSENT_OBSCURED` (a gesture on a covered, faded or cut-off consent box), `ERR_CONSENT_MOVED` (a gesture as the gate moved under the pointer or finger) — `text` is what the customer was told, `message` the English for developers —, `ERR_GATE_CONFIG`, frame errors
 * @fires secure-audit - `consent`, `consent-withdrawn`, `consent-refused` (`reason`, `input`), for the server's log
 * @csspart frame - the gate's iframe
 * @cssprop --sf-gate-initial-height - the iframe's height before the frame reports its own
 *
 * The consent box itself takes no theme from the page: it reads the same everywhere, on an
 * opaque background, so no page can hide its words and show others behind it.
 */
export class ConsentGate extends FramedElement {
  static override properties = {
    purpose: { type: String },
    policyUrl: { type: String, attribute: 'policy-url' },
    policyVersion: { type: String, attribute: 'policy-version' },
    demo: { attribute: false },
  }

  static override styles = [
    FramedElement.styles,
    css`
      iframe {
        height: var(--sf-gate-initial-height, 10em);
      }
    `,
  ]

  /** What the data is for, shown to the customer as written. */
  declare purpose: string
  /** The privacy policy (http or https), linked to open in a new window. */
  declare policyUrl: string
  /** The policy's version, shown and recorded in the receipt. */
  declare policyVersion: string
  /**
   * `{ consented: true }` starts the gate consented, for Storybook. Only a demo frame origin uses
   * it; any other ignores it and reports `ERR_POLICY_DEMO`. Property only, never an attribute.
   */
  declare demo: GateDemo | undefined

  /** @internal */
  protected readonly frame: FrameController<GateFrameMessage, GateHostMessage> = new FrameController<GateFrameMessage, GateHostMessage>(this, {
    page: () => 'gate',
    parse: parseGateFrameMessage,
    accepts: parseGateHostMessage,
    // Consent needs the frame origin's BroadcastChannel, which an opaque origin does not share:
    // no dev mode. The policy link opens in a new window.
    sandbox: 'allow-popups allow-popups-to-escape-sandbox',
    sameOriginMessage: 'A consent gate needs its frame on a different origin than the page (set frame-origin).',
    title: () => this.frameTitle || 'Consent',
    config: (common) => this.configMessage(common),
    onMessage: (message) => this.onFrameMessage(message),
    changed: () => this.frameChanged(),
  })
  private currentGateId?: string
  private gateState: GateState = { consented: false, visible: false, controls: { agree: null, withdraw: null } }
  private agreement?: { receipt: ConsentReceipt; digest: string }
  /** The iframe the gate id and the consent came from. */
  private shownBy?: HTMLIFrameElement

  constructor() {
    super()
    this.purpose = ''
    this.policyUrl = ''
    this.policyVersion = ''
  }

  /**
   * The gate's id on the frame origin, made by its frame; the fields inside send it to their
   * frames. `undefined` until the frame has told it. Knowing it grants nothing: only the gate
   * frame can speak for it.
   */
  get gateId(): string | undefined {
    return this.currentGateId
  }

  /** Whether the customer's consent stands (as last reported by the frame). */
  get consented(): boolean {
    return this.agreement !== undefined
  }

  /** The receipt of the standing consent, or `null`. */
  get receipt(): ConsentReceipt | null {
    return this.agreement ? { ...this.agreement.receipt } : null
  }

  /** The digest of the standing consent's receipt (the envelopes' `consent` claim), or `null`. */
  get digest(): string | null {
    return this.agreement?.digest ?? null
  }

  /** The frame's last reported state: consent, visibility, where its controls and its consent box are (frame pixels). */
  get state(): GateState {
    return structuredClone(this.gateState)
  }

  protected override render(): TemplateResult {
    return html`${super.render()}<slot></slot>`
  }

  /** The frame went or was replaced: its consent and its id went with it, and the fields behind it lock. */
  private frameChanged(): void {
    const iframe = this.frame.iframe
    if (iframe === this.shownBy) return
    this.shownBy = iframe
    // The frame withdraws on `destroy` (and on unload).
    this.agreement = undefined
    if (this.currentGateId !== undefined) {
      this.currentGateId = undefined
      this.refreshFields()
    }
  }

  /** The configuration message; a removed attribute (`null`) is sent as '' and the frame says what is missing. */
  private configMessage({ theme, locale }: CommonConfig): GateHostMessage {
    return {
      t: 'config',
      config: {
        purpose: this.purpose ?? '',
        policyUrl: this.policyUrl ?? '',
        policyVersion: this.policyVersion ?? '',
        locale,
        theme,
        ...(this.demo ? { demo: this.demo } : {}),
      },
    }
  }

  private onFrameMessage(message: GateFrameMessage): void {
    switch (message.t) {
      case 'gate':
        this.currentGateId = message.id
        this.refreshFields()
        break
      case 'state': {
        const before = this.gateState
        this.gateState = message.state
        this.frame.shows()
        if (before.consented !== message.state.consented || before.visible !== message.state.visible) {
          emit(this, 'secure-gate-change', { consented: message.state.consented, visible: message.state.visible })
        }
        break
      }
      case 'consent':
        this.agreement = { receipt: message.receipt, digest: message.digest }
        emit(this, 'secure-consent', { receipt: { ...message.receipt }, digest: message.digest })
        break
      case 'withdrawn':
        this.agreement = undefined
        break
      case 'refused': // a gesture on a hidden or moving gate: the customer was told, the page is told too
        emit(this, 'secure-error', { code: message.code, message: message.message, text: message.text })
        break
    }
  }

  /** Sends the gate id to every field inside (they re-send their configuration). */
  private refreshFields(): void {
    for (const el of this.querySelectorAll('*')) if (el instanceof SecureFieldElement) el.requestUpdate()
  }
}

/** Defines `<consent-gate>` once. */
export function defineConsentGate(): void {
  if (!customElements.get('consent-gate')) customElements.define('consent-gate', ConsentGate)
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-gate': ConsentGate
  }
}
