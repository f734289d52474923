/**
 * A field frame's end of the consent channel: binds the field to its gate (the `gate` of its
 * configuration), asks the gate for its status on binding (late joiners), and follows the gate's
 * status broadcasts. Consent comes only from a gate frame on this same origin, over the frame
 * origin's BroadcastChannel: the host page can name the gate, never speak for it.
 *
 * Why the host cannot forge consent (docs/architecture.md, "Consent"):
 * - a BroadcastChannel only connects same-origin contexts of one storage partition; the host page
 *   is another origin and cannot post into it, and a message it posts to this window arrives on
 *   `window`, not on the channel;
 * - status messages are honoured only for the gate this field is bound to; gate ids are 128-bit
 *   random values made by the gate frame, and a gate frame only ever speaks for its own id;
 * - the binding is sticky: a later configuration without a gate (a host that removes the `gate`
 *   member) keeps the field locked to its gate; a different gate id re-locks and clears.
 * - the digest bound into envelopes is recomputed here from the receipt, not taken on trust.
 *
 * @module
 */
import { CONSENT_CHANNEL, GATE_PENDING, isGateId, parseConsentBroadcast, receiptDigest, type ConsentBroadcast } from '../../protocol/consent.js'
import { DropCounter, stamp } from '../../protocol/guards.js'

/** The field's consent: bound to a gate or not, and the digest of the receipt while consented. */
export class ConsentLink {
  private channel?: BroadcastChannel
  private gateId?: string
  private currentDigest?: string
  /** Bumped on every status and rebinding, so a digest computed for an older one is dropped. */
  private sequence = 0

  constructor(
    private readonly onChange: (digest: string | undefined) => void,
    private readonly drops: DropCounter = new DropCounter(),
  ) {}

  /** Whether the field is bound to a gate (a real one or one still pending). */
  get gated(): boolean {
    return this.gateId !== undefined
  }

  /** The receipt digest while the bound gate's consent stands; `undefined` otherwise. */
  get digest(): string | undefined {
    return this.currentDigest
  }

  /**
   * Applies a configuration's `gate`. Sticky: `undefined` never unbinds. A new id drops any
   * consent (the new gate's customer has not spoken yet) and asks that gate for its status.
   */
  bind(gate: string | undefined): void {
    if (gate === undefined || gate === this.gateId) return
    if (gate !== GATE_PENDING && !isGateId(gate)) gate = GATE_PENDING
    this.gateId = gate
    this.sequence++
    this.set(undefined)
    if (gate === GATE_PENDING) return
    this.open().postMessage(stamp({ t: 'consent-query', gate }))
  }

  /** Stops listening. */
  close(): void {
    this.channel?.close()
    this.channel = undefined
  }

  private open(): BroadcastChannel {
    if (!this.channel) {
      this.channel = new BroadcastChannel(CONSENT_CHANNEL)
      this.channel.onmessage = (event: MessageEvent) => {
        const message = parseConsentBroadcast(event.data, this.drops)
        if (message) void this.onBroadcast(message)
      }
    }
    return this.channel
  }

  private async onBroadcast(message: ConsentBroadcast): Promise<void> {
    // Queries are for gates; a status only counts for the gate this field is bound to.
    if (message.t !== 'consent-status' || message.gate !== this.gateId) return
    const sequence = ++this.sequence
    const digest = message.consented && message.receipt ? await receiptDigest(message.receipt) : undefined
    if (sequence === this.sequence) this.set(digest)
  }

  private set(digest: string | undefined): void {
    if (digest === this.currentDigest) return
    this.currentDigest = digest
    this.onChange(digest)
  }
}
