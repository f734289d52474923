/**
 * The runtime every field frame runs: handshake, policy (parent and pinned key), theme, locale,
 * derived state, sealing, focus and height reporting, audit events. A kind only supplies its
 * {@link FieldView}. What leaves this frame is derived state, envelopes and audit events; the
 * plaintext goes from the view into `sealValue` and nowhere else.
 *
 * @module
 */
import type { FieldConfig, FieldState, HostMessage } from '../../protocol/messages.js'
import { isSecureFieldsError } from '../../errors.js'
import type { Locale, MessageKey, Messages } from '../i18n/index.js'
import { localeFrom, loadLocaleWith } from '../i18n/locale.js'
import { enField } from '../i18n/en-field.js'
import { connectToHost, type HostChannel } from './channel.js'
import { ConsentLink } from './consent-link.js'
import { ConsentErrorCodes } from '../../protocol/consent.js'
import { DEMO_REFUSED, type FieldDemo } from '../../protocol/demo.js'
import { applyTheme } from './theme.js'
import { watchHeight } from './height.js'
import { importRecipients, sealValue, type Recipients } from './seal.js'
import { recipientRefusal } from './recipient-policy.js'
import { paddedSizeFor } from '../../crypto/padding.js'
import type { Evaluation, FieldView } from './view.js'
import { h, uid } from './dom.js'

/** Delay between the last edit of a valid value and its automatic seal (the form value). */
const AUTO_SEAL_MS = 250

/** Configuration members whose change after typing clears the value (see `configure`). */
const RETARGETING = ['options', 'publicKey', 'context', 'kind'] as const

/**
 * Runs a field frame with `view`, whose English texts are `english` (the page's part of the table,
 * e.g. `enCard`: a frame carries no other page's). Resolves once connected (for tests and
 * benchmarks).
 */
export async function startFieldApp(view: FieldView, english: Partial<Messages>): Promise<void> {
  let channel: HostChannel
  try {
    channel = await connectToHost()
  } catch {
    // No parent, or a parent the policy refuses (already told, when it could be): stay inert.
    return
  }
  new FieldApp(channel, view, localeFrom('en', { ...enField, ...english })).start()
}

class FieldApp {
  private config?: FieldConfig
  private locale: Locale
  private key?: Recipients
  /** Set when the policy or the configuration forbids sealing; the code says why. */
  private refusal?: string
  /** Locked while the field's gate has no consent (see {@link ConsentLink}); nothing seals. */
  private locked = false
  private consent!: ConsentLink
  private lastState = ''
  /** Inputs the customer has left: their problems are shown from then on. */
  private left = new WeakSet<HTMLInputElement>()
  /** The form asked for the value (a seal request, Enter): every problem is shown. */
  private submitted = false
  /** The value (see {@link valueKey}) whose preview the customer released, if any. */
  private releasedKey?: string
  /** The customer asked, by a key in this frame, to release the current value's preview. */
  private releaseAsked = false
  /** The last evaluation, made when the value last changed: what a seal request uses. */
  private evaluation?: Evaluation
  private autoSeal?: ReturnType<typeof setTimeout>
  private sealing = Promise.resolve()
  /** The configurations being applied, one after the other (see `onMessage`). */
  private configuring = Promise.resolve()
  /** Demo values waiting to be filled in, and the last ones received (see {@link takeDemo}). */
  private demo?: FieldDemo
  private demoKey = ''
  /** Whether this frame's window has received focus since it last lost it (see {@link focusFirst}). */
  private windowFocused = document.hasFocus()
  private readonly root = h('main', { class: 'sf-root' })
  private readonly errorBox = h('div', { class: 'sf-error', id: uid('sf-error'), 'aria-live': 'polite' })
  private readonly noteBox = h('div', { class: 'sf-note', id: uid('sf-note'), 'aria-live': 'polite' })

  constructor(
    private readonly channel: HostChannel,
    private readonly view: FieldView,
    private readonly english: Locale,
  ) {
    this.locale = english
  }

  start(): void {
    addEventListener('focus', () => (this.windowFocused = true))
    addEventListener('blur', () => (this.windowFocused = false))
    this.consent = new ConsentLink(() => this.onConsent(), this.channel.drops)
    this.channel.onMessage((m) => this.onMessage(m))
    this.channel.send({ t: 'ready', kind: document.documentElement.dataset.kind ?? 'field' })
  }

  private onMessage(message: HostMessage): void {
    if (message.t !== 'config' && !this.config) {
      this.channel.drops.drop('out-of-order')
      return
    }
    switch (message.t) {
      case 'config': {
        // One configuration at a time, in order. Each waits on its locale, its rules and its key
        // import (a key set's code loads on demand); a later one — the gate's id, once the gate
        // has told it — must never be overtaken by an earlier one still waiting, or the field
        // would end bound to the earlier state (a pending gate: locked for good).
        const { config } = message
        this.configuring = this.configuring.then(() => this.configure(config)).catch(() => undefined)
        break
      }
      case 'focus':
        this.focusFirst()
        break
      case 'clear':
        this.clear()
        break
      case 'seal':
        void this.seal(message.id)
        break
      case 'destroy':
        this.clear()
        this.root.remove()
        break
    }
  }

  private async configure(config: FieldConfig): Promise<void> {
    const first = !this.config
    const previous = this.config
    this.config = config
    if (first) this.mount()
    // What the customer typed belongs to the configuration they typed it under. Changing the
    // validation options would let a host probe the value through the `valid` flag, one option at
    // a time; changing the key, the context or the kind would send it elsewhere (a page script
    // swapping in its own key, then calling seal()). Any of these clears the value.
    if (previous && RETARGETING.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(config[k]))) this.view.clear()
    this.locale = await loadLocaleWith(config.locale, this.english)
    document.documentElement.lang = this.locale.lang
    document.documentElement.dir = this.locale.dir
    for (const { property, reason } of applyTheme(config.theme)) {
      this.report('ERR_THEME_REFUSED', `Theme property ${property} was refused (${reason}).`)
    }
    // Options come from the host: a view that cannot use them throws, and the field is refused.
    let unusable: unknown
    try {
      // A view may load its rules first (the text page fetches its validators on demand).
      await this.view.configure(config, this.locale)
    } catch (error) {
      unusable = error ?? new Error('unusable options')
    }
    for (const input of this.view.inputs) input.disabled = config.disabled || this.refusal !== undefined
    if (first || JSON.stringify(previous?.publicKey) !== JSON.stringify(config.publicKey)) await this.checkKey(config)
    if (unusable !== undefined && !this.refusal) {
      // Validator messages name the option, never a value (src/validate/assert.ts).
      const error = unusable
      if (isSecureFieldsError(error)) this.refuse(String(error.code), error.message.slice(0, 300))
      else this.refuse('ERR_INPUT_INVALID', 'The field options are not valid.')
    }
    // The page decides what it collects: a config for another kind (to dodge a consent policy
    // written for this page's kind, say) is refused.
    if (config.kind !== this.pageKind() && !this.refusal) this.refuse('ERR_INPUT_INVALID', `This frame collects ${this.pageKind()}, not ${config.kind}.`)
    this.applyConsent(config)
    this.takeDemo(config.demo)
    await this.fillDemo()
    this.publish()
  }

  /** Demo values (Storybook) are kept on a demo origin only; elsewhere dropped, counted and reported. */
  private takeDemo(demo: FieldDemo | undefined): void {
    const key = JSON.stringify(demo ?? null)
    if (!demo || key === this.demoKey) return
    this.demoKey = key
    if (this.channel.policy.demo) this.demo = demo
    else {
      this.channel.drops.drop('policy')
      this.report(DEMO_REFUSED, 'Demo values are ignored: this frame origin is not a demo origin.')
    }
  }

  /** Fills pending demo values in as if typed, once the field is unlocked (locking clears). */
  private async fillDemo(): Promise<void> {
    const demo = this.demo
    if (!demo || this.locked) return
    this.demo = undefined
    const { fillDemo } = await import('./demo-fill.js')
    this.view.clear()
    fillDemo(this.view.inputs, demo)
    if (demo.touched !== false) for (const input of this.view.inputs) this.left.add(input)
    this.onInput()
  }

  /**
   * Binds the field to its gate and locks it until that gate's consent arrives. A kind the frame
   * origin's policy lists in `requireConsent` refuses outright when it sits behind no gate.
   */
  private applyConsent(config: FieldConfig): void {
    this.consent.bind(config.gate)
    if (!this.consent.gated && this.channel.policy.requireConsent.includes(this.pageKind()) && !this.refusal) {
      this.refuse(ConsentErrorCodes.POLICY_CONSENT_REQUIRED, 'The frame origin requires consent for this field, and it sits behind no consent gate.')
    }
    this.setLocked(this.consent.gated && !this.consent.digest)
  }

  /** What this page collects (`card`, `ssn`, `text`): the page's own word, not the host's. */
  private pageKind(): string {
    return document.documentElement.dataset.kind ?? ''
  }

  /** The gate's consent came, went or changed. */
  private onConsent(): void {
    if (!this.config) return
    this.setLocked(this.consent.gated && !this.consent.digest)
    this.publish()
    void this.fillDemo()
  }

  /** Locking clears what was typed: withdrawn consent leaves nothing behind. */
  private setLocked(locked: boolean): void {
    if (locked && !this.locked) {
      clearTimeout(this.autoSeal)
      this.view.clear()
      this.forget()
    }
    this.locked = locked
    for (const input of this.view.inputs) input.disabled = !!this.config?.disabled || this.refusal !== undefined || locked
  }

  /** Imports the recipient key (or key set) and applies the pinned-key and post-quantum policy. */
  private async checkKey(config: FieldConfig): Promise<void> {
    this.key = undefined
    this.refusal = undefined
    if (!config.publicKey) return this.refuse('ERR_KEY_MISSING', 'No public key is configured.')
    try {
      this.key = await importRecipients(config.publicKey)
    } catch (error) {
      return this.refuse(isSecureFieldsError(error) ? String(error.code) : 'ERR_KEY_INVALID', 'The configured public key is not a valid key or key set.')
    }
    const refusal = recipientRefusal(this.channel.policy, this.key, this.pageKind())
    if (refusal) {
      this.key = undefined
      return this.refuse(refusal.code, refusal.message)
    }
    if (!config.context) return this.refuse('ERR_CONTEXT_MISSING', 'No context id is configured.')
    for (const input of this.view.inputs) input.disabled = config.disabled
  }

  /**
   * Puts the caret in the first enabled input. The host focuses the iframe just before it asks,
   * but that focus travels through the browser and may land in this frame after the message
   * (Chromium: a port is faster than a focus change). Placing the caret before it lands would be
   * undone when it does — a blur and a focus the page would see — so while this frame does not have
   * the focus the caret waits for the window's `focus`; when it has, the caret is placed now, and
   * placed again should a focus change still on its way take it. An input that has the caret by
   * then (the customer's choice) keeps it.
   */
  private focusFirst(): void {
    const first = () => {
      if (this.view.inputs.some((i) => i === document.activeElement)) return
      this.view.inputs.find((i) => !i.disabled)?.focus()
    }
    if (document.hasFocus()) first()
    addEventListener('focus', first, { once: true })
  }

  private refuse(code: string, message: string): void {
    this.refusal = code
    for (const input of this.view.inputs) input.disabled = true
    this.channel.send({ t: 'error', code, message, fatal: true })
    this.channel.send({ t: 'audit', event: 'refused', detail: { code, kind: this.config?.kind ?? '' } })
  }

  private report(code: string, message: string): void {
    this.channel.send({ t: 'error', code, message })
  }

  private mount(): void {
    this.root.append(this.errorBox, this.noteBox)
    document.body.append(this.root)
    this.view.mount(this.root, () => this.onInput())
    this.root.insertBefore(this.errorBox, null)
    this.root.insertBefore(this.noteBox, null)
    for (const input of this.view.inputs) {
      input.setAttribute('aria-describedby', `${this.errorBox.id} ${this.noteBox.id}`)
      input.addEventListener('blur', () => {
        this.left.add(input)
        this.publish()
      })
      input.addEventListener('keydown', (e) => this.onKey(e, input))
    }
    // Focus and blur of the field as a whole: moving between its own inputs is neither.
    this.root.addEventListener('focusin', (e) => {
      if (!this.root.contains(e.relatedTarget as Node | null)) this.channel.send({ t: 'focus' })
    })
    this.root.addEventListener('focusout', (e) => {
      if (this.root.contains(e.relatedTarget as Node | null)) return
      this.channel.send({ t: 'blur' })
    })
    watchHeight((px) => this.channel.send({ t: 'height', px }))
  }

  /**
   * Keys the customer presses in this frame — events no page script can send into it. Enter asks
   * the host's form to submit, as in a native input (implicit submission): the value's preview is
   * released and the value sealed first, so the form carries both. Tab out of the field (from its
   * last input, or Shift+Tab from its first) releases the preview: the customer says they are done.
   */
  private onKey(event: KeyboardEvent, input: HTMLInputElement): void {
    if (!event.isTrusted || event.isComposing) return
    if (event.key === 'Enter') {
      event.preventDefault()
      void this.submit()
      return
    }
    if (event.key !== 'Tab') return
    const enabled = this.view.inputs.filter((i) => !i.disabled)
    if (input === (event.shiftKey ? enabled[0] : enabled.at(-1))) this.release()
  }

  /** Releases the current value's preview, when the value is valid (see {@link publish}). */
  private release(): void {
    this.releaseAsked = true
    // Publishes, and reseals the form value so that it carries the preview now released.
    this.onInput()
  }

  /** Enter: release, seal the form value, then ask the host to submit its form. */
  private async submit(): Promise<void> {
    this.submitted = true
    this.release()
    clearTimeout(this.autoSeal)
    if (this.evaluation?.valid && this.canSeal()) await this.seal(0)
    this.channel.send({ t: 'submit' })
  }

  private onInput(): void {
    const evaluation = this.publish()
    clearTimeout(this.autoSeal)
    if (evaluation.valid && this.canSeal()) this.autoSeal = setTimeout(() => void this.seal(0), AUTO_SEAL_MS)
  }

  private canSeal(): boolean {
    return !!this.key && !this.refusal && !this.locked && !this.config?.disabled
  }

  /** What identifies the value being typed: what its inputs hold. */
  private valueKey(): string {
    return this.view.inputs.map((i) => i.value).join('\u0000')
  }

  /** Forgets what the customer did with the last value: nothing left, submitted or released. */
  private forget(): void {
    this.left = new WeakSet()
    this.submitted = false
    this.releasedKey = undefined
    this.releaseAsked = false
  }

  /**
   * Evaluates, renders errors, and sends the state when it changed.
   *
   * The preview follows one rule (docs/architecture.md, "What the page may learn"): it is a
   * function of a value the customer has finished, released once per value by something only the
   * customer can do — the value reaching a length that cannot grow, Enter, or Tab out of the field
   * — and nothing the page does (focus games, `focus()`, `seal()`, timing) releases it. A blur is
   * not enough: inside the frame, a blur the page caused looks exactly like one the customer did.
   */
  private publish(): Evaluation {
    const evaluation = this.view.evaluate(new Date())
    this.evaluation = evaluation
    const key = this.valueKey()
    if (evaluation.valid && (evaluation.final === true || this.releaseAsked)) this.releasedKey = key
    this.releaseAsked = false
    const released = evaluation.valid && this.releasedKey === key
    const shown = this.shownProblems(evaluation)
    const shownCode = evaluation.empty ? (this.submitted && this.config?.required ? 'field.required' : undefined) : shown[0]?.code
    const message = this.messageFor(evaluation)
    this.errorBox.textContent = this.refusal || this.locked ? (message ?? '') : shownCode ? this.locale.t(shownCode as MessageKey) : ''
    this.noteBox.textContent = evaluation.note ? this.locale.t(evaluation.note as MessageKey) : ''
    for (const input of this.view.inputs) input.setAttribute('aria-invalid', String(shown.some((p) => p.input === input)))
    const state: FieldState = {
      empty: evaluation.empty,
      complete: evaluation.complete,
      valid: evaluation.valid && !this.refusal,
      ...(evaluation.brand ? { brand: evaluation.brand } : {}),
      ...(released && evaluation.preview ? { preview: evaluation.preview } : {}),
      ...(this.refusal ? { code: this.refusal } : evaluation.code ? { code: evaluation.code } : {}),
      ...(message ? { message } : {}),
      ...(this.locked ? { locked: true } : {}),
    }
    const serialized = JSON.stringify(state)
    if (serialized !== this.lastState) {
      this.lastState = serialized
      this.channel.send({ t: 'state', state })
    }
    return evaluation
  }

  /**
   * The problems to show: an input's once the customer left it, once it is complete (a number
   * typed to its end that fails Luhn), or once the form asked for the value — never while the
   * customer is still on the way to it (moving on to an empty expiry is no reason to complain).
   */
  private shownProblems(evaluation: Evaluation): NonNullable<Evaluation['problems']> {
    if (evaluation.empty) return []
    return (evaluation.problems ?? []).filter((p) => p.complete || this.submitted || this.left.has(p.input))
  }

  private messageFor(evaluation: Evaluation): string | undefined {
    if (this.refusal) return this.locale.t('field.refused')
    if (this.locked) return this.locale.t('field.locked')
    if (evaluation.empty) return this.config?.required ? this.locale.t('field.required') : undefined
    return evaluation.code ? this.locale.t(evaluation.code as MessageKey) : undefined
  }

  /** Seals the current value. `id` 0 is the automatic seal that keeps the form value current. */
  private seal(id: number): Promise<void> {
    // One seal at a time, in request order.
    this.sealing = this.sealing.then(() => this.sealNow(id))
    return this.sealing
  }

  private async sealNow(id: number): Promise<void> {
    const fail = (code: string, message: string) => {
      if (id !== 0) this.channel.send({ t: 'seal-error', id, code, message })
    }
    if (id !== 0 && !this.submitted) {
      // The form asked for the value: every problem shows from now on.
      this.submitted = true
      this.publish()
    }
    if (this.refusal) return fail(this.refusal, 'This field is refused by the frame origin policy.')
    if (this.locked) return fail('ERR_CONSENT_REQUIRED', 'The field waits for consent from its gate.')
    if (this.config?.disabled) return fail('ERR_FIELD_DISABLED', 'The field is disabled.')
    // The evaluation made when the value last changed: a seal request costs the same whatever the
    // value, and its reply says nothing about how long validating it takes.
    const evaluation = this.evaluation
    if (!evaluation?.valid || !this.key || !this.config) {
      return fail(evaluation?.empty !== false ? 'ERR_FIELD_EMPTY' : 'ERR_FIELD_INVALID', evaluation?.empty !== false ? 'The field is empty.' : 'The field is not valid.')
    }
    // The policy names envelope kinds too (a text field's `iban`): no consent, no envelope.
    const consent = this.consent.digest
    if (!consent && (this.channel.policy.requireConsent.includes(evaluation.kind) || this.channel.policy.requireConsent.includes(this.pageKind()))) {
      return fail(ConsentErrorCodes.POLICY_CONSENT_REQUIRED, 'The frame origin requires consent for this field.')
    }
    // And post-quantum keys, for the kinds it reserves to them (a text field's `iban` too).
    const keyRefusal = recipientRefusal(this.channel.policy, this.key, evaluation.kind)
    if (keyRefusal) return fail(keyRefusal.code, keyRefusal.message)
    // Only a released preview goes into the envelope: a page could otherwise call seal() after
    // every keystroke and read each new character in the header.
    const preview = this.releasedKey === this.valueKey() ? evaluation.preview : ''
    try {
      const envelope = await sealValue(this.view.plaintext(), this.key, {
        kind: evaluation.kind,
        context: this.config.context,
        preview,
        padTo: paddedSizeFor(this.view.maxBytes()),
        ...(consent ? { consent } : {}),
        ...(this.config.expiresIn ? { expiresIn: this.config.expiresIn } : {}),
      })
      // Consent withdrawn (or replaced) while sealing: this envelope no longer stands for it.
      if (this.consent.digest !== consent) return fail(ConsentErrorCodes.CONSENT_REQUIRED, 'Consent was withdrawn while the value was being sealed.')
      this.channel.send({ t: 'sealed', id, envelope, preview, kind: evaluation.kind })
      const { kids } = this.key
      this.channel.send({ t: 'audit', event: 'sealed', detail: { kind: evaluation.kind, kid: kids[0]!, ...(kids.length > 1 ? { recipients: String(kids.length) } : {}) } })
    } catch (error) {
      fail(isSecureFieldsError(error) ? String(error.code) : 'ERR_SEAL_FAILED', 'The value could not be sealed.')
    }
  }

  private clear(): void {
    clearTimeout(this.autoSeal)
    this.view.clear()
    this.forget()
    this.publish()
  }
}
