/**
 * The consent gate's frame: shows what the customer is asked to agree to, takes the agreement only
 * from a real, trusted gesture on a fully visible consent box — judged per input type
 * (`gesture-rules.ts`) — and tells the field frames of the same page — on the frame origin, over
 * {@link CONSENT_CHANNEL} — that they may unlock. The host page configures the text and hears the
 * outcome (the receipt and its digest); it never carries consent to a field, so it cannot forge it.
 *
 * @module
 */
import {
  CONSENT_CHANNEL,
  digestText,
  parseConsentBroadcast,
  parseGateHostMessage,
  receiptDigest,
  safePolicyUrl,
  type ConsentReceipt,
  type GateConfig,
  type GateFrameMessage,
  type GateHostMessage,
} from '../../protocol/consent.js'
import { stamp } from '../../protocol/check.js'
import { b64uEncode } from '../../crypto/bytes.js'
import type { Locale } from '../i18n/locale.js'
import { GATE_ENGLISH, loadGateLocale } from '../i18n/gate.js'
import { connectShell, type FrameShell, type Refusal } from '../runtime/shell.js'
import { GateView } from './gate-view.js'
import { CONFIRM_MS, watchVisibility, type VisibilityWatch } from './visibility.js'
import { pointerKindOf, watchGestures } from './gesture-watch.js'
import type { PointerKind } from './gesture-rules.js'

/** Why a gesture was refused: the box was not wholly visible, or it moved under the pointer. */
type GestureRefusal = 'hidden' | 'moved'

/** The input that made a gesture: a pointer type, or the keyboard (and assistive technology). */
type Input = PointerKind | 'keyboard'

type GateShell = FrameShell<GateHostMessage, GateFrameMessage>

/** Runs the gate frame. Resolves once connected. */
export async function startGateApp(): Promise<void> {
  const shell = await connectShell<GateHostMessage, GateFrameMessage>(parseGateHostMessage, 'gate')
  // No parent, or one the policy refuses (already told when it could be): stay inert.
  if (shell) new GateApp(shell).start()
}

/**
 * Why a gate's configuration cannot be consented to, or `undefined`: it needs a purpose and an
 * absolute http(s) policy URL (`policyUrl`, as `safePolicyUrl` made it). Judged afresh for each
 * configuration: the one that fixes it clears the refusal.
 */
export function gateRefusal(config: GateConfig, policyUrl: string | undefined): Refusal | undefined {
  if (!config.purpose.trim() || policyUrl === undefined) return { code: 'ERR_GATE_CONFIG', message: 'A consent gate needs a purpose and an http(s) policy URL.' }
  return undefined
}

/** The text on screen, the policy it links, and the text's digest. */
interface Shown {
  text: string
  policyUrl: string
  /** The purpose and policy version as shown: the receipt records these, not a later config. */
  purpose: string
  policyVersion: string
  textDigest: Promise<string>
}

/** What the customer agreed to, while it stands. */
interface Agreement {
  receipt: ConsentReceipt
  digest: string
}

class GateApp {
  /** This gate's id on the frame origin: 128 random bits, made here, never taken from the host. */
  private readonly id = b64uEncode(crypto.getRandomValues(new Uint8Array(16)))
  private readonly broadcast = new BroadcastChannel(CONSENT_CHANNEL)
  private readonly view = new GateView()
  private visibility?: VisibilityWatch
  private readonly gestures = watchGestures({
    isControl: (target) => target instanceof Node && (this.view.agree.contains(target) || this.view.label.contains(target)),
    keepClear: () => [this.view.link],
    // The browser dropped a tap on the checkbox: the frame had just moved under the finger.
    onDroppedTap: () => {
      if (!this.agreement && !this.pending && this.shown) this.refuse('moved', 'touch')
    },
  })
  private config?: GateConfig
  private locale: Locale = GATE_ENGLISH
  /** What is shown and may be agreed to; `undefined` while the configuration cannot be. */
  private shown?: Shown
  private agreement?: Agreement
  /** A gesture waiting for its confirmation period (see `CONFIRM_MS`). */
  private pending?: { shown: Shown; time: string; timer: ReturnType<typeof setTimeout>; input: Input }

  constructor(private readonly shell: GateShell) {}

  start(): void {
    this.broadcast.onmessage = (event: MessageEvent) => {
      const message = parseConsentBroadcast(event.data, this.shell.channel.drops)
      // A late-joining field asks for the status of its gate: answer for this gate only.
      if (message?.t === 'consent-query' && message.gate === this.id) this.publishStatus()
    }
    this.view.agree.addEventListener('click', (e) => this.onAgreeClick(e))
    this.view.withdraw.addEventListener('click', (e) => {
      if (e.isTrusted) this.withdraw('customer')
    })
    // A gate that goes away takes its consent with it: the fields behind it lock.
    addEventListener('pagehide', () => this.withdraw('closed'))
    // One configuration at a time, in order (the shell queues them).
    this.shell.start({
      configure: (config) => this.configure(config),
      message: () => {
        // `destroy`, the only other message.
        this.withdraw('closed')
        this.visibility?.disconnect()
        this.gestures.stop()
        this.broadcast.close()
        this.view.root.remove()
      },
    })
    this.shell.send({ t: 'gate', id: this.id })
  }

  private async configure(config: GateConfig): Promise<Refusal | undefined> {
    const first = !this.config
    this.config = config
    this.locale = await loadGateLocale(config.locale)
    this.shell.applyLocale(this.locale)
    // The consent box looks the same on every page: no host theme applies to it. A page that
    // could make the gate's text transparent could show its own words behind a real checkbox.
    const policyUrl = safePolicyUrl(config.policyUrl)
    const text = this.view.render(config, this.locale, policyUrl)
    const refusal = gateRefusal(config, policyUrl)
    const usable = !refusal
    if (!usable || text !== this.shown?.text || policyUrl !== this.shown.policyUrl) {
      // What the customer agreed to (or is about to) is no longer what is shown: it ends. The new
      // text moved the checkbox inside the frame, whatever the pointer was resting on.
      this.gestures.relayout()
      this.cancelPending()
      this.withdraw('changed')
      this.shown = usable && policyUrl !== undefined ? { text, policyUrl, purpose: config.purpose, policyVersion: config.policyVersion, textDigest: digestText(text) } : undefined
    }
    // The non-fatal `error` hosts reported the refusal by before `configured`; delete this line
    // once every host derives it from `configured`.
    if (refusal) this.shell.report(refusal.code, refusal.message)
    this.view.agree.disabled = !usable
    this.view.showConsented(!!this.agreement, this.locale)
    if (config.demo) this.demoConsent()
    if (first) {
      this.visibility = watchVisibility(this.view.box, (armed) => {
        // Covered, faded or cut off during the confirmation period: the gesture does not count.
        // (A resize then is no reason: the gesture was made on a box that stood still.)
        if (!armed && this.pending && !this.visibility?.settling) {
          const { input } = this.pending
          this.cancelPending()
          this.refuse('hidden', input)
        }
        this.sendState()
      })
      // A resized frame: the browser drops taps on it for a moment, and its text may have reflowed.
      addEventListener('resize', () => this.visibility?.resized())
      this.shell.watchHeight(() => this.sendState())
    }
    this.sendState()
    return refusal
  }

  /**
   * The consent gesture: a trusted click on the checkbox (or its label), made by a pointer the
   * rules of its type accept (`gesture-rules.ts`) or by the keyboard, on a consent box that is
   * wholly visible and unobscured ("armed"), then confirmed. Unticking the box withdraws, like the
   * withdraw button.
   */
  private onAgreeClick(event: MouseEvent): void {
    if (!event.isTrusted || this.pending || !this.shown) {
      event.preventDefault()
      return
    }
    if (this.agreement) return this.withdraw('customer')
    const kind = pointerKindOf(event)
    const input: Input = kind ?? 'keyboard'
    // What the customer must see — purpose, policy link, checkbox — must be in view, unobscured,
    // unfaded, untransformed, and have been so for a while (visibility.ts). A click no pointer made
    // (Space, or assistive technology) has no position to check, and a resized frame does not move
    // it; a pointer's must be its own, on a gate that did not move under it.
    const settling = this.visibility?.settling === true
    let refusal: GestureRefusal | undefined
    if (!(this.visibility?.armed || (!kind && settling)) || !this.view.boxInView()) refusal = kind && settling ? 'moved' : 'hidden'
    else if (kind && this.gestures.judge(event, kind)) refusal = 'moved'
    if (refusal) {
      event.preventDefault() // the box stays unticked
      return this.refuse(refusal, input)
    }
    // Accepted only if the box is still armed once the observer has reported on the moment of the
    // click: an overlay laid over the gate just before it is caught here.
    const shown = this.shown
    const time = new Date().toISOString()
    const timer = setTimeout(() => {
      this.pending = undefined
      if ((this.visibility?.armed || this.visibility?.settling) && this.shown === shown) void this.agree(shown, time)
      else this.view.agree.checked = false
    }, CONFIRM_MS)
    this.pending = { shown, time, timer, input }
  }

  /**
   * Demo origin only (Storybook): starts consented, as a real consent would — receipt, broadcast
   * to the fields, events. Elsewhere the demo member is dropped, counted and reported.
   */
  private demoConsent(): void {
    if (!this.shell.demoAllowed('Demo consent is')) return
    if (this.shown && !this.agreement && !this.pending) void this.agree(this.shown, new Date().toISOString())
  }

  /** Drops a gesture still in its confirmation period; the box is unticked. */
  private cancelPending(): void {
    if (!this.pending) return
    clearTimeout(this.pending.timer)
    this.pending = undefined
    this.view.agree.checked = false
  }

  /**
   * Tells the customer why their gesture did not count and what to do (announced: assertive live
   * region, in their language), and the page why (`refused`: the code, an English message, and
   * the text the customer was shown; an audit event).
   */
  private refuse(refusal: GestureRefusal, input: Input): void {
    const verb = input === 'keyboard' ? 'key' : input === 'mouse' ? 'click' : 'tap'
    const text = refusal === 'hidden' ? this.locale.t(`consent.hidden.${verb}`) : this.locale.t(input === 'mouse' ? 'consent.moved.click' : 'consent.moved.tap')
    this.view.announce(text)
    const { code, message } =
      refusal === 'hidden'
        ? ({ code: 'ERR_CONSENT_OBSCURED', message: `The consent box was covered, faded, transformed or out of view when the ${input} gesture came; it did not count.` } as const)
        : ({ code: 'ERR_CONSENT_MOVED', message: `The gate moved under the ${input === 'keyboard' ? 'pointer' : input} as the gesture came; it did not count.` } as const)
    this.shell.send({ t: 'refused', code, message, text })
    this.shell.audit('consent-refused', { reason: refusal === 'hidden' ? 'obscured' : 'moved', input })
  }

  private async agree(shown: Shown, time: string): Promise<void> {
    const receipt: ConsentReceipt = {
      purpose: shown.purpose,
      policyUrl: shown.policyUrl,
      policyVersion: shown.policyVersion,
      textDigest: await shown.textDigest,
      time,
    }
    const digest = await receiptDigest(receipt)
    if (this.shown !== shown || this.agreement) return // the text changed while hashing
    this.agreement = { receipt, digest }
    this.view.showConsented(true, this.locale)
    this.publishStatus()
    this.shell.send({ t: 'consent', receipt, digest })
    this.shell.audit('consent', { digest, policyVersion: receipt.policyVersion })
    this.sendState()
  }

  /** Ends the agreement: fields lock and clear. `reason` goes to the audit log. */
  private withdraw(reason: 'customer' | 'changed' | 'closed'): void {
    const agreement = this.agreement
    if (!agreement) return
    this.agreement = undefined
    this.view.showConsented(false, this.locale)
    this.view.agree.disabled = !this.shown
    this.publishStatus()
    this.shell.send({ t: 'withdrawn', digest: agreement.digest })
    this.shell.audit('consent-withdrawn', { digest: agreement.digest, reason })
    this.sendState()
  }

  /** Tells every field frame of this origin (and partition) this gate's status. */
  private publishStatus(): void {
    const a = this.agreement
    this.broadcast.postMessage(stamp({ t: 'consent-status', from: 'gate', gate: this.id, consented: !!a, ...(a ? { receipt: a.receipt } : {}) }))
  }

  private sendState(): void {
    if (!this.config) return
    this.shell.send({ t: 'state', state: { consented: !!this.agreement, visible: this.visibility?.armed ?? false, controls: this.view.controls(), box: this.view.boxRect() } })
  }
}
