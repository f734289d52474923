/**
 * The reveal desk frame, in the frame shell (`shell.ts`): the desk's storage and enrolment, each
 * reveal (checked, stepped up and opened by `open-envelope.ts`), the bounded display and the
 * wipe. What leaves this frame is the desk's public JWK, phases, envelope ids, kinds, previews,
 * codes and audit events; the private key stays in this origin's IndexedDB and the plaintext in
 * `value`.
 *
 * @module
 */
import { fromUtf8, wipe } from '../../crypto/bytes.js'
import type { EnvelopeHeader } from '../../crypto/header.js'
import { inspect } from '../../crypto/inspect.js'
import { isSecureFieldsError, type ErrorCode } from '../../errors.js'
import {
  clampShowFor,
  parseRevealHostMessage,
  type RevealConfig,
  type RevealFrameMessage,
  type RevealHostMessage,
  type RevealPhase,
} from '../../protocol/reveal.js'
import type { RevealDemo } from '../../protocol/demo.js'
import { ENGLISH, loadLocale, type Locale, type MessageKey } from '../i18n/index.js'
import { connectShell, type FrameShell, type Refusal } from '../runtime/shell.js'
import { deskInfo, enrolOrAdopt } from './desk.js'
import { deskBroadcast } from './desk-broadcast.js'
import { DeskStore, storedKeyForm, type DeskRecord } from './desk-store.js'
import { formatRevealed, type RevealRow } from './format.js'
import { openForAgent } from './open-envelope.js'
import { refusalFor } from './refusals.js'
import { afterPaint, createRevealView } from './reveal-view.js'

type Shell = FrameShell<RevealHostMessage, RevealFrameMessage>

/** Why a shown value was wiped. */
type WipeReason = 'timeout' | 'hidden' | 'replaced' | 'destroyed'

/** Runs the reveal frame. Resolves once connected. */
export async function startRevealApp(): Promise<void> {
  const shell = await connectShell<RevealHostMessage, RevealFrameMessage>(parseRevealHostMessage, 'reveal')
  // No parent, or one the policy refuses (told, when it could be): stay inert.
  if (shell) new RevealApp(shell).start()
}

class RevealApp {
  private config?: RevealConfig
  private locale: Locale = ENGLISH
  private store?: DeskStore
  private record?: DeskRecord
  private phase: RevealPhase = 'loading'
  private revealing = false
  private shown?: { jti: string; kind: string; preview: string; timer: ReturnType<typeof setTimeout>; tick: ReturnType<typeof setInterval> }
  /** Why the desk's storage could not be opened for the last configuration, if it could not. */
  private storageRefusal?: Refusal
  private readonly view = createRevealView()
  // Another tab enrolled a desk: if it is ours and we are still waiting to enrol, adopt it.
  private readonly desks = deskBroadcast((desk) => {
    if (desk === this.config?.desk && this.phase === 'enrol') this.shell.inTurn(async () => void (await this.loadDesk(desk)))
  })

  constructor(private readonly shell: Shell) {}

  start(): void {
    document.body.append(this.view.root)
    this.render()
    this.shell.watchHeight()
    this.shell.start({
      // One configuration at a time, in order (the shell queues them): each may open storage and
      // load a locale.
      configure: (config) => this.configure(config),
      message: (message) => {
        switch (message.t) {
          case 'reveal':
            return void this.shell.afterConfiguring(() => this.reveal(message.id))
          case 'hide':
            return this.wipeShown('hidden')
          case 'status':
            return void this.shell.afterConfiguring(() => this.sendStatus(message.id))
          case 'destroy':
            this.wipeShown('destroyed')
            this.view.root.remove()
            this.store?.close()
            this.desks.close()
        }
      },
    })
  }

  private async configure(next: RevealConfig): Promise<Refusal | undefined> {
    const previous = this.config
    this.config = { ...next, showFor: clampShowFor(next.showFor) }
    this.locale = await loadLocale(next.locale)
    this.shell.applyLocale(this.locale)
    this.shell.applyTheme(next.theme)
    // A desk whose storage could not be opened is tried again with each configuration: the
    // refusal lasts only as long as its cause.
    if (previous?.desk !== next.desk || this.storageRefusal) {
      this.wipeShown('replaced')
      this.storageRefusal = await this.loadDesk(next.desk)
    } else if (previous.envelope !== next.envelope) {
      // A new envelope: whatever was shown goes, and the desk is ready for the next one.
      this.wipeShown('replaced')
      if (this.phase === 'done') this.setPhase('idle')
    }
    if (next.demo && JSON.stringify(next.demo) !== JSON.stringify(previous?.demo)) this.showDemo(next.demo)
    this.render()
    return this.storageRefusal
  }

  /**
   * Demo origin only (Storybook): shows a sample value with its countdown, without envelope or
   * step-up. Elsewhere the demo member is dropped, counted and reported.
   */
  private showDemo(demo: RevealDemo): void {
    if (!this.shell.demoAllowed('Demo values are')) return
    this.wipeShown('replaced')
    this.display(0, { jti: 'demo', kind: demo.kind, preview: demo.preview ?? '' }, formatRevealed(demo.kind, demo.value, this.locale))
  }

  /** Opens the desk's storage and loads its record; resolves with the refusal when storage is unavailable. */
  private async loadDesk(desk: string): Promise<Refusal | undefined> {
    try {
      this.store ??= await DeskStore.open()
      void this.store.prune()
      this.record = await this.store.get(desk)
    } catch (error) {
      const refusal: Refusal = {
        code: isSecureFieldsError(error) ? (error.code as ErrorCode) : 'ERR_DESK_STORAGE',
        message: 'The desk storage on the frame origin is unavailable.',
      }
      // The fatal `error` hosts reported this by before `configured`; delete this line once every
      // host derives its failure from `configured`.
      this.shell.send({ t: 'error', code: refusal.code, message: refusal.message, fatal: true })
      return refusal
    }
    // Shown before announced: a click that follows the announcement must find the button on
    // screen (the browser routes a click to a new frame only once that frame has painted).
    this.phase = this.record ? 'idle' : 'enrol'
    this.render()
    await afterPaint()
    // The desk before the phase: when the host hears the desk is ready, it knows its key too.
    if (this.record) this.shell.send({ t: 'desk', desk: deskInfo(this.record) })
    this.setPhase(this.phase)
    return undefined
  }

  /** Runs inside the button's click: `create` needs that user activation in a cross-origin frame. */
  private enrol(): void {
    const { store, config } = this
    if (this.phase !== 'enrol' || !store || !config) return
    this.setPhase('enrolling')
    enrolOrAdopt(store, config.desk, config.keyAlg, (desk) => this.config?.desk === desk).then(
      ({ record, adopted }) => {
        this.record = record
        this.setPhase('idle')
        this.shell.send({ t: 'desk', desk: deskInfo(record) })
        if (!adopted) this.desks.enrolled(record.desk)
      },
      (error: unknown) => {
        const code = isSecureFieldsError(error) ? (error.code as ErrorCode) : 'ERR_ENROL_FAILED'
        this.setPhase('enrol', code, this.locale.t('reveal.failed'))
        this.shell.report(code, 'The desk could not be enrolled.')
      },
    )
  }

  /** One reveal at a time: the flag is set before the first `await`, so two requests never both start. */
  private async reveal(id: number): Promise<void> {
    if (this.revealing || this.phase === 'shown') {
      // Not a refusal of anything: the reveal under way goes on undisturbed.
      return this.shell.send({ t: 'reveal-error', id, code: 'ERR_REVEAL_BUSY', message: 'A reveal is already under way.' })
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
    if (!record || !store || !config) return this.refuse(id, 'ERR_DESK_NOT_ENROLLED')
    const envelope = config.envelope
    if (!envelope) return this.refuse(id, 'ERR_REVEAL_NO_ENVELOPE')
    const outcome = await openForAgent({
      envelope,
      context: config.context,
      record,
      store,
      verifying: () => this.setPhase('verifying', undefined, this.locale.t('reveal.step-up')),
      current: () => this.config?.envelope === envelope,
    })
    if ('code' in outcome) return this.refuse(id, outcome.code, outcome.header, outcome.cause)
    try {
      this.show(id, outcome.header, outcome.plaintext)
    } finally {
      wipe(outcome.plaintext)
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
    this.shell.audit('revealed', { jti, kind, desk: this.config!.desk })
    this.shell.send({ t: 'revealed', id, jti, kind, preview })
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
    if (reason === 'hidden') this.shell.audit('hidden', { jti, kind })
    this.shell.audit('wiped', { jti, kind, reason })
    this.shell.send({ t: 'wiped', jti, kind, preview })
  }

  /**
   * Tells the agent why nothing is shown (in their language), the host why (the code, an English
   * message — the failure's own when it has one, it never holds a value — and the text the agent
   * read), and the audit log.
   */
  private refuse(id: number, code: string, header?: EnvelopeHeader, cause?: unknown): void {
    const refusal = refusalFor(code)
    const text = this.locale.t(refusal.key)
    const message = isSecureFieldsError(cause) ? cause.message.slice(0, 300) : refusal.message
    // A refusal while idle leaves the desk idle (the next envelope may be fine).
    if (this.phase === 'verifying') this.setPhase('idle', code, text)
    else this.setPhase(this.phase, code, text)
    this.shell.audit(refusal.event, { code, ...(header ? { jti: header.jti, kind: header.kind } : {}) })
    this.shell.send({ t: 'reveal-error', id, code, message, text })
  }

  private async sendStatus(id: number): Promise<void> {
    const stored = this.config && this.store ? await this.store.get(this.config.desk).catch(() => undefined) : undefined
    this.shell.send({ t: 'status', id, status: { phase: this.phase, valueNodeEmpty: this.view.valueEmpty, storedKey: storedKeyForm(stored) } })
  }

  /** Enters `phase`, showing the agent `text` (localized); `code` when a refusal brought it here. */
  private setPhase(phase: RevealPhase, code?: string, text?: string): void {
    this.phase = phase
    this.view.setStatus(text ?? '')
    this.shell.send({ t: 'phase', phase, ...(code ? { code } : {}), ...(text ? { text } : {}) })
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
