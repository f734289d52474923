/**
 * The reveal desk frame: handshake (the common channel with the reveal protocol's guard),
 * enrolment, the step-up and open before each reveal, the bounded display and the wipe. What
 * leaves this frame is the desk's public JWK, phases, envelope ids, kinds, previews, codes and
 * audit events; the private key stays in this origin's IndexedDB and the plaintext in `value`.
 *
 * @module
 */
import { fromUtf8, wipe } from '../../crypto/bytes.js'
import type { EnvelopeHeader } from '../../crypto/header.js'
import { inspect } from '../../crypto/inspect.js'
import { openWith } from '../../crypto/open-with.js'
import { loadHpke9 } from '../../crypto/resolve.js'
import { HPKE_4 } from '../../crypto/suite.js'
import { ErrorCodes, isSecureFieldsError } from '../../errors.js'
import {
  clampShowFor,
  parseRevealHostMessage,
  RevealErrorCodes,
  type RevealConfig,
  type RevealFrameMessage,
  type RevealHostMessage,
  type RevealPhase,
} from '../../protocol/reveal.js'
import { DEMO_REFUSED, type RevealDemo } from '../../protocol/demo.js'
import { ENGLISH, loadLocale, type Locale, type MessageKey } from '../i18n/index.js'
import { connectWith, type HostChannel } from '../runtime/channel.js'
import { watchHeight } from '../runtime/height.js'
import { applyTheme } from '../runtime/theme.js'
import { deskInfo, enrolDesk, unlockDesk } from './desk.js'
import { deskBroadcast } from './desk-broadcast.js'
import { DeskStore, storedKeyForm, type DeskRecord } from './desk-store.js'
import { formatRevealed, type RevealRow } from './format.js'
import { refusalFor } from './refusals.js'
import { afterPaint, createRevealView } from './reveal-view.js'

type Channel = HostChannel<RevealHostMessage, RevealFrameMessage>

/** Why a shown value was wiped. */
type WipeReason = 'timeout' | 'hidden' | 'replaced' | 'destroyed'

/** Runs the reveal frame. Resolves once connected. */
export async function startRevealApp(): Promise<void> {
  let channel: Channel
  try {
    channel = await connectWith<RevealHostMessage, RevealFrameMessage>(parseRevealHostMessage)
  } catch {
    return // no parent, or one the policy refuses (told, when it could be): stay inert
  }
  new RevealApp(channel).start()
}

class RevealApp {
  private config?: RevealConfig
  private locale: Locale = ENGLISH
  private store?: DeskStore
  private record?: DeskRecord
  private phase: RevealPhase = 'loading'
  private revealing = false
  private shown?: { jti: string; kind: string; preview: string; timer: ReturnType<typeof setTimeout>; tick: ReturnType<typeof setInterval> }
  private configuring = Promise.resolve()
  private readonly view = createRevealView()
  // Another tab enrolled a desk: if it is ours and we are still waiting to enrol, adopt it.
  private readonly desks = deskBroadcast((desk) => {
    if (desk === this.config?.desk && this.phase === 'enrol') this.configuring = this.configuring.then(() => this.loadDesk(desk))
  })

  constructor(private readonly channel: Channel) {}

  start(): void {
    document.body.append(this.view.root)
    this.render()
    watchHeight((px) => this.channel.send({ t: 'height', px }))
    this.channel.onMessage((m) => this.onMessage(m))
    this.channel.send({ t: 'ready', kind: 'reveal' })
  }

  private onMessage(message: RevealHostMessage): void {
    if (message.t !== 'config' && !this.config) return void this.channel.drops.drop('out-of-order')
    switch (message.t) {
      case 'config':
        // One configuration at a time, in order: each may open storage and load a locale.
        this.configuring = this.configuring.then(() => this.configure(message.config))
        break
      case 'reveal':
        void this.configuring.then(() => this.reveal(message.id))
        break
      case 'hide':
        this.wipeShown('hidden')
        break
      case 'status':
        void this.configuring.then(() => this.sendStatus(message.id))
        break
      case 'destroy':
        this.wipeShown('destroyed')
        this.view.root.remove()
        this.store?.close()
        this.desks.close()
        break
    }
  }

  private async configure(next: RevealConfig): Promise<void> {
    const previous = this.config
    this.config = { ...next, showFor: clampShowFor(next.showFor) }
    this.locale = await loadLocale(next.locale)
    document.documentElement.lang = this.locale.lang
    document.documentElement.dir = this.locale.dir
    for (const { property, reason } of applyTheme(next.theme)) {
      this.channel.send({ t: 'error', code: 'ERR_THEME_REFUSED', message: `Theme property ${property} was refused (${reason}).` })
    }
    if (previous?.desk !== next.desk) {
      this.wipeShown('replaced')
      await this.loadDesk(next.desk)
    } else if (previous.envelope !== next.envelope) {
      // A new envelope: whatever was shown goes, and the desk is ready for the next one.
      this.wipeShown('replaced')
      if (this.phase === 'done') this.setPhase('idle')
    }
    if (next.demo && JSON.stringify(next.demo) !== JSON.stringify(previous?.demo)) this.showDemo(next.demo)
    this.render()
  }

  /**
   * Demo origin only (Storybook): shows a sample value with its countdown, without envelope or
   * step-up. Elsewhere the demo member is dropped, counted and reported.
   */
  private showDemo(demo: RevealDemo): void {
    if (!this.channel.policy.demo) {
      this.channel.drops.drop('policy')
      return this.channel.send({ t: 'error', code: DEMO_REFUSED, message: 'Demo values are ignored: this frame origin is not a demo origin.' })
    }
    this.wipeShown('replaced')
    this.display(0, { jti: 'demo', kind: demo.kind, preview: demo.preview ?? '' }, formatRevealed(demo.kind, demo.value, this.locale))
  }

  private async loadDesk(desk: string): Promise<void> {
    try {
      this.store ??= await DeskStore.open()
      void this.store.prune()
      this.record = await this.store.get(desk)
    } catch (error) {
      const code = isSecureFieldsError(error) ? String(error.code) : RevealErrorCodes.DESK_STORAGE
      this.channel.send({ t: 'error', code, message: 'The desk storage on the frame origin is unavailable.', fatal: true })
      return
    }
    // Shown before announced: a click that follows the announcement must find the button on
    // screen (the browser routes a click to a new frame only once that frame has painted).
    this.phase = this.record ? 'idle' : 'enrol'
    this.render()
    await afterPaint()
    // The desk before the phase: when the host hears the desk is ready, it knows its key too.
    if (this.record) this.channel.send({ t: 'desk', desk: deskInfo(this.record) })
    this.setPhase(this.phase)
  }

  /** Runs inside the button's click: `create` needs that user activation in a cross-origin frame. */
  private enrol(): void {
    const { store, config } = this
    if (this.phase !== 'enrol' || !store || !config) return
    this.setPhase('enrolling')
    enrolDesk(store, config.desk, config.keyAlg).then(
      (record) => {
        this.record = record
        this.setPhase('idle')
        this.channel.send({ t: 'desk', desk: deskInfo(record) })
        this.desks.enrolled(record.desk)
      },
      async (error: unknown) => {
        // Another tab may have enrolled this desk meanwhile (its ceremony held the authenticator):
        // then this one adopts that key rather than reporting a failure.
        const existing = await store.get(config.desk).catch(() => undefined)
        if (existing && this.config?.desk === existing.desk) {
          this.record = existing
          this.setPhase('idle')
          this.channel.send({ t: 'desk', desk: deskInfo(existing) })
          return
        }
        const code = isSecureFieldsError(error) ? String(error.code) : RevealErrorCodes.ENROL_FAILED
        this.setPhase('enrol', code, this.locale.t('reveal.failed'))
        this.channel.send({ t: 'error', code, message: 'The desk could not be enrolled.' })
      },
    )
  }

  /** One reveal at a time: the flag is set before the first `await`, so two requests never both start. */
  private async reveal(id: number): Promise<void> {
    if (this.revealing || this.phase === 'shown') {
      // Not a refusal of anything: the reveal under way goes on undisturbed.
      return this.channel.send({ t: 'reveal-error', id, code: RevealErrorCodes.BUSY, message: 'A reveal is already under way.' })
    }
    this.revealing = true
    try {
      await this.revealNow(id)
    } finally {
      this.revealing = false
    }
  }

  private async revealNow(id: number): Promise<void> {
    const { config, record, store } = this
    if (!record || !store || !config) return this.refuse(id, RevealErrorCodes.DESK_NOT_ENROLLED)
    const envelope = config.envelope
    if (!envelope) return this.refuse(id, RevealErrorCodes.NO_ENVELOPE)
    let header: EnvelopeHeader
    try {
      header = inspect(envelope)
      // The same checks `open` makes, before the agent is asked for anything: no step-up for an
      // envelope that would be refused anyway. `open` makes them again, authenticated.
      if (!header.recipients.some((r) => r.kid === record.publicJwk.kid)) return this.refuse(id, ErrorCodes.ENVELOPE_WRONG_KEY)
      if (header.exp <= Math.floor(Date.now() / 1000)) return this.refuse(id, ErrorCodes.ENVELOPE_EXPIRED)
      if (header.ctx !== config.context) return this.refuse(id, ErrorCodes.ENVELOPE_WRONG_CONTEXT)
      if (await store.wasRevealed(header.jti)) return this.refuse(id, RevealErrorCodes.ALREADY_REVEALED, header)
    } catch (error) {
      return this.refuse(id, isSecureFieldsError(error) ? String(error.code) : ErrorCodes.ENVELOPE_MALFORMED)
    }
    this.setPhase('verifying', undefined, this.locale.t('reveal.step-up'))
    let plaintext: Uint8Array | undefined
    try {
      const key = await unlockDesk(store, record)
      if (this.config?.envelope !== envelope) return this.refuse(id, RevealErrorCodes.CANCELLED, header)
      // The post-quantum suite is a chunk of its own, loaded for a post-quantum desk only.
      plaintext = (await openWith({ x25519: HPKE_4, pq: loadHpke9 }, envelope, key, { context: config.context })).plaintext
      // View once, atomically: of two reveals racing for this envelope only one records it.
      if (!(await store.markRevealed(header.jti, header.exp))) return this.refuse(id, RevealErrorCodes.ALREADY_REVEALED, header)
      this.show(id, header, plaintext)
    } catch (error) {
      return this.refuse(id, isSecureFieldsError(error) ? String(error.code) : RevealErrorCodes.STEP_UP_FAILED, header)
    } finally {
      wipe(plaintext)
    }
  }

  /** Puts the value on screen for `showFor` seconds. The bytes are wiped by the caller right after. */
  private show(id: number, header: EnvelopeHeader, plaintext: Uint8Array): void {
    this.display(id, header, formatRevealed(header.kind, fromUtf8(plaintext), this.locale))
  }

  /** Shows `rows` for `showFor` seconds with a countdown, and tells the host (audit first). */
  private display(id: number, { jti, kind, preview }: { jti: string; kind: string; preview: string }, rows: RevealRow[]): void {
    const showFor = this.config!.showFor
    this.view.showValue(rows)
    const deadline = Date.now() + showFor * 1000
    const countdown = () => this.view.setCountdown(this.locale.t('reveal.countdown', { n: Math.max(0, Math.ceil((deadline - Date.now()) / 1000)) }))
    countdown()
    this.shown = { jti, kind, preview, timer: setTimeout(() => this.wipeShown('timeout'), showFor * 1000), tick: setInterval(countdown, 1000) }
    this.setPhase('shown')
    // Audit first: a host that acts on the outcome has the audit event already.
    this.audit('revealed', { jti, kind, desk: this.config!.desk })
    this.channel.send({ t: 'revealed', id, jti, kind, preview })
  }

  /** Removes the value from the DOM and tells the host; a no-op when nothing is shown. */
  private wipeShown(reason: WipeReason): void {
    const shown = this.shown
    if (!shown) return
    this.shown = undefined
    clearTimeout(shown.timer)
    clearInterval(shown.tick)
    this.view.clearValue()
    this.view.setCountdown('')
    const said = reason === 'hidden' ? `${this.locale.t('reveal.hidden')} ${this.locale.t('reveal.wiped')}` : this.locale.t('reveal.wiped')
    this.setPhase('done', undefined, said)
    const { jti, kind, preview } = shown
    if (reason === 'hidden') this.audit('hidden', { jti, kind })
    this.audit('wiped', { jti, kind, reason })
    this.channel.send({ t: 'wiped', jti, kind, preview })
  }

  private refuse(id: number, code: string, header?: EnvelopeHeader): void {
    const refusal = refusalFor(code)
    const message = this.locale.t(refusal.key)
    // A refusal while idle leaves the desk idle (the next envelope may be fine).
    if (this.phase === 'verifying') this.setPhase('idle', code, message)
    else this.setPhase(this.phase, code, message)
    this.audit(refusal.event, { code, ...(header ? { jti: header.jti, kind: header.kind } : {}) })
    this.channel.send({ t: 'reveal-error', id, code, message })
  }

  private async sendStatus(id: number): Promise<void> {
    let stored: DeskRecord | undefined
    try {
      stored = this.config && this.store ? await this.store.get(this.config.desk) : undefined
    } catch {
      stored = undefined
    }
    this.channel.send({ t: 'status', id, status: { phase: this.phase, valueNodeEmpty: this.view.valueEmpty, storedKey: storedKeyForm(stored) } })
  }

  private audit(event: string, detail: Record<string, string>): void {
    this.channel.send({ t: 'audit', event, detail })
  }

  private setPhase(phase: RevealPhase, code?: string, message?: string): void {
    this.phase = phase
    this.view.setStatus(message ?? '')
    this.channel.send({ t: 'phase', phase, ...(code ? { code } : {}), ...(message ? { message } : {}) })
    this.render()
  }

  /** The action button and preview for the current phase. */
  private render(): void {
    const t = (key: MessageKey) => this.locale.t(key)
    const envelope = this.config?.envelope
    let preview = ''
    if (envelope) {
      try {
        preview = inspect(envelope).preview
      } catch {
        preview = ''
      }
    }
    preview ||= this.shown?.preview ?? ''
    this.view.setPreview(preview || (this.phase === 'enrol' || this.phase === 'enrolling' ? '' : t('reveal.no-envelope')))
    switch (this.phase) {
      case 'loading':
        return this.view.setAction(undefined)
      case 'enrol':
      case 'enrolling':
        return this.view.setAction(t('reveal.enrol'), () => this.enrol(), this.phase === 'enrolling')
      case 'idle':
        return this.view.setAction(t('reveal.button'), () => void this.reveal(0), !envelope)
      case 'verifying':
      case 'done':
        return this.view.setAction(t('reveal.button'), undefined, true)
      case 'shown':
        return this.view.setAction(t('reveal.hide'), () => this.wipeShown('hidden'))
    }
  }
}
