/**
 * The runtime every field frame runs, in the frame shell (`shell.ts`): the inputs' events, the
 * configuration judged afresh each time (`field-judgement.ts`), consent, the derived state
 * (`field-state.ts`) under the preview rule (`preview-release.ts`), sealing, focus. A kind only
 * supplies its {@link FieldView}. What leaves this frame is derived state, envelopes and audit
 * events; the plaintext goes from the view into `sealValue` and nowhere else.
 *
 * @module
 */
import type { FieldKind } from '../../protocol/kinds.js'
import type { FieldConfig, FrameMessage, HostMessage } from '../../protocol/messages.js'
import type { FieldDemo } from '../../protocol/demo.js'
import { parseHostMessage } from '../../protocol/guards.js'
import { isSecureFieldsError, type ErrorCode } from '../../errors.js'
import { paddedSizeFor } from '../../crypto/padding.js'
import type { MessageKey, Messages } from '../i18n/keys.js'
import { localeFrom, loadLocaleWith, type Locale } from '../i18n/locale.js'
import { enField } from '../i18n/en-field.js'
import { ConsentLink } from './consent-link.js'
import { importRecipients, sealValue, type Recipients } from './seal.js'
import { configRefusal, inputsDisabled, sealRefusal, type KeyImport } from './field-judgement.js'
import { deriveState } from './field-state.js'
import { PreviewRelease } from './preview-release.js'
import { connectShell, type FrameShell, type Refusal } from './shell.js'
import type { Evaluation, FieldView } from './view.js'
import { h, uid } from './dom.js'

/** Delay between the last edit of a valid value and its automatic seal (the form value). */
const AUTO_SEAL_MS = 250

/** Configuration members whose change after typing clears the value (see `configure`). */
const RETARGETING = ['options', 'publicKey', 'context', 'kind'] as const

/**
 * Runs the field frame of `kind` with `view`, whose English texts are `english` (the page's part
 * of the table, e.g. `enCard`: a frame carries no other page's). Resolves once connected (for
 * tests and benchmarks).
 */
export async function startFieldApp(kind: FieldKind, view: FieldView, english: Partial<Messages>): Promise<void> {
  const shell = await connectShell<HostMessage, FrameMessage>(parseHostMessage, kind)
  // No parent, or a parent the policy refuses (already told, when it could be): stay inert.
  if (shell) new FieldApp(shell, kind, view, localeFrom('en', { ...enField, ...english })).start()
}

/** The configured key's import: kept while `publicKey` stays the same, judged again each time. */
interface KeyCache {
  json: string
  result: Promise<KeyImport>
}

class FieldApp {
  private config?: FieldConfig
  private locale: Locale
  private keyCache?: KeyCache
  /** The key of the last configuration, imported and allowed; only while that one is not refused. */
  private recipients?: Recipients
  /** Why the last configuration cannot be used, if it cannot: nothing seals meanwhile. */
  private refusal?: Refusal
  /** Locked while the field's gate has no consent (see {@link ConsentLink}); nothing seals. */
  private locked = false
  private readonly consent: ConsentLink
  private lastState = ''
  /** Inputs the customer has left: their problems are shown from then on. */
  private left = new WeakSet<HTMLInputElement>()
  /** The form asked for the value (a seal request, Enter): every problem is shown. */
  private submitted = false
  private readonly preview = new PreviewRelease()
  /** The last evaluation, made when the value last changed: what a seal request uses. */
  private evaluation?: Evaluation
  private autoSeal?: ReturnType<typeof setTimeout>
  private sealing = Promise.resolve()
  /** Demo values waiting to be filled in, and the last ones received (see {@link takeDemo}). */
  private demo?: FieldDemo
  private demoKey = ''
  private readonly root = h('main', { class: 'sf-root' })
  private readonly errorBox = h('div', { class: 'sf-error', id: uid('sf-error'), 'aria-live': 'polite' })
  private readonly noteBox = h('div', { class: 'sf-note', id: uid('sf-note'), 'aria-live': 'polite' })

  constructor(
    private readonly shell: FrameShell<HostMessage, FrameMessage>,
    /** What this page collects: the page's own word, never the host's. */
    private readonly pageKind: FieldKind,
    private readonly view: FieldView,
    private readonly english: Locale,
  ) {
    this.locale = english
    this.consent = new ConsentLink(() => this.onConsent(), shell.channel.drops)
  }

  start(): void {
    this.shell.start({
      // One configuration at a time, in order (the shell queues them). Each waits on its locale,
      // its rules and its key import (a key set's code loads on demand); a later one — the gate's
      // id, once the gate has told it — must never be overtaken by an earlier one still waiting,
      // or the field would end bound to the earlier state (a pending gate: locked for good).
      configure: (config) => this.configure(config),
      message: (message) => {
        switch (message.t) {
          case 'focus':
            return this.focusFirst()
          case 'clear':
            return this.clear()
          case 'seal':
            return void this.seal(message.id)
          case 'destroy':
            this.clear()
            this.root.remove()
        }
      },
    })
  }

  private async configure(config: FieldConfig): Promise<Refusal | undefined> {
    const previous = this.config
    this.config = config
    if (!previous) this.mount()
    // What the customer typed belongs to the configuration they typed it under. Changing the
    // validation options would let a host probe the value through the `valid` flag, one option at
    // a time; changing the key, the context or the kind would send it elsewhere (a page script
    // swapping in its own key, then calling seal()). Any of these clears the value.
    if (previous && RETARGETING.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(config[k]))) this.view.clear()
    this.locale = await loadLocaleWith(config.locale, this.english)
    this.shell.applyLocale(this.locale)
    this.shell.applyTheme(config.theme)
    const options = await this.configureView(config)
    const key = await this.importKey(config)
    this.consent.bind(config.gate)
    const refusal = configRefusal({ config, pageKind: this.pageKind, policy: this.shell.channel.policy, key, options, gated: this.consent.gated })
    this.recipients = !refusal && key && 'recipients' in key ? key.recipients : undefined
    this.setRefusal(refusal)
    this.setLocked(this.consent.gated && !this.consent.digest)
    this.takeDemo(config.demo)
    await this.fillDemo()
    this.publish()
    return refusal
  }

  /**
   * Applies labels, locale and options to the view, which may load its rules first (the text page
   * fetches its validators on demand). Options come from the host: a view that cannot use them
   * throws, and the configuration is refused.
   */
  private async configureView(config: FieldConfig): Promise<Refusal | undefined> {
    try {
      await this.view.configure(config, this.locale)
      return undefined
    } catch (error) {
      // Validator messages name the option, never a value (src/validate/assert.ts).
      if (isSecureFieldsError(error)) return { code: error.code as ErrorCode, message: error.message.slice(0, 300) }
      return { code: 'ERR_INPUT_INVALID', message: 'The field options are not valid.' }
    }
  }

  /** Imports the configured key or key set, once per distinct `publicKey` (the import is all it costs). */
  private importKey({ publicKey }: FieldConfig): Promise<KeyImport> | undefined {
    if (!publicKey) return undefined
    const json = JSON.stringify(publicKey)
    if (this.keyCache?.json !== json) {
      const result = importRecipients(publicKey).then(
        (recipients): KeyImport => ({ recipients }),
        (error: unknown): KeyImport => ({
          refusal: isSecureFieldsError(error)
            ? { code: error.code as ErrorCode, message: error.message.slice(0, 300) }
            : { code: 'ERR_KEY_INVALID', message: 'The configured public key is not a valid key or key set.' },
        }),
      )
      this.keyCache = { json, result }
    }
    return this.keyCache.result
  }

  /** Takes the configuration's refusal (or its absence): inputs, state and seals follow it. */
  private setRefusal(refusal: Refusal | undefined): void {
    const changed = refusal?.code !== this.refusal?.code
    this.refusal = refusal
    this.syncInputs()
    if (!refusal || !changed) return
    // The fatal `error` hosts reported the refusal by before `configured`; delete this line once
    // every host derives its failure from `configured`.
    this.shell.send({ t: 'error', code: refusal.code, message: refusal.message, fatal: true })
    this.shell.audit('refused', { code: refusal.code, kind: this.config?.kind ?? '' })
  }

  /** The inputs take input unless the host disabled the field, its configuration is refused, or it waits for consent. */
  private syncInputs(): void {
    const disabled = inputsDisabled({ disabled: !!this.config?.disabled, refused: !!this.refusal, locked: this.locked })
    for (const input of this.view.inputs) input.disabled = disabled
  }

  /** Demo values (Storybook) are kept on a demo origin only; elsewhere dropped, counted and reported. */
  private takeDemo(demo: FieldDemo | undefined): void {
    const key = JSON.stringify(demo ?? null)
    if (!demo || key === this.demoKey) return
    this.demoKey = key
    if (this.shell.demoAllowed('Demo values are')) this.demo = demo
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
    this.syncInputs()
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
      if (!this.root.contains(e.relatedTarget as Node | null)) this.shell.send({ t: 'focus' })
    })
    this.root.addEventListener('focusout', (e) => {
      if (this.root.contains(e.relatedTarget as Node | null)) return
      this.shell.send({ t: 'blur' })
    })
    this.shell.watchHeight()
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
    this.preview.ask()
    // Publishes, and reseals the form value so that it carries the preview now released.
    this.onInput()
  }

  /** Enter: release, seal the form value, then ask the host to submit its form. */
  private async submit(): Promise<void> {
    this.submitted = true
    this.release()
    clearTimeout(this.autoSeal)
    if (this.evaluation?.valid && this.canSeal()) await this.seal(0)
    this.shell.send({ t: 'submit' })
  }

  private onInput(): void {
    const evaluation = this.publish()
    clearTimeout(this.autoSeal)
    if (evaluation.valid && this.canSeal()) this.autoSeal = setTimeout(() => void this.seal(0), AUTO_SEAL_MS)
  }

  private canSeal(): boolean {
    return !!this.recipients && !this.refusal && !this.locked && !this.config?.disabled
  }

  /** What identifies the value being typed: what its inputs hold. */
  private valueKey(): string {
    return this.view.inputs.map((i) => i.value).join('\u0000')
  }

  /** Forgets what the customer did with the last value: nothing left, submitted or released. */
  private forget(): void {
    this.left = new WeakSet()
    this.submitted = false
    this.preview.forget()
  }

  /** Evaluates, renders errors, and sends the state when it changed (the preview under the rule of `preview-release.ts`). */
  private publish(): Evaluation {
    const evaluation = this.view.evaluate(new Date())
    this.evaluation = evaluation
    const released = this.preview.judge(this.valueKey(), evaluation.valid, evaluation.final === true)
    const { state, errorText, invalid } = deriveState({
      evaluation,
      released,
      refusal: this.refusal,
      locked: this.locked,
      required: !!this.config?.required,
      submitted: this.submitted,
      left: (input) => this.left.has(input),
      t: (key) => this.locale.t(key),
    })
    this.errorBox.textContent = errorText
    this.noteBox.textContent = evaluation.note ? this.locale.t(evaluation.note as MessageKey) : ''
    for (const input of this.view.inputs) input.setAttribute('aria-invalid', String(invalid.has(input)))
    const serialized = JSON.stringify(state)
    if (serialized !== this.lastState) {
      this.lastState = serialized
      this.shell.send({ t: 'state', state })
    }
    return evaluation
  }

  /** Seals the current value. `id` 0 is the automatic seal that keeps the form value current. */
  private seal(id: number): Promise<void> {
    // One seal at a time, in request order.
    this.sealing = this.sealing.then(() => this.sealNow(id))
    return this.sealing
  }

  private async sealNow(id: number): Promise<void> {
    const fail = (code: string, message: string) => {
      if (id !== 0) this.shell.send({ t: 'seal-error', id, code, message })
    }
    if (id !== 0 && !this.submitted) {
      // The form asked for the value: every problem shows from now on.
      this.submitted = true
      this.publish()
    }
    // The evaluation made when the value last changed: a seal request costs the same whatever the
    // value, and its reply says nothing about how long validating it takes.
    const { evaluation, recipients, config } = this
    const consent = this.consent.digest
    const refused = sealRefusal({ refusal: this.refusal, locked: this.locked, disabled: !!config?.disabled, evaluation, consent, policy: this.shell.channel.policy, pageKind: this.pageKind, recipients })
    if (refused || !evaluation || !recipients || !config) return fail(refused?.code ?? 'ERR_FIELD_INVALID', refused?.message ?? 'The field is not valid.')
    // Only a released preview goes into the envelope: a page could otherwise call seal() after
    // every keystroke and read each new character in the header.
    const preview = this.preview.isReleased(this.valueKey()) ? evaluation.preview : ''
    try {
      const envelope = await sealValue(this.view.plaintext(), recipients, {
        kind: evaluation.kind,
        context: config.context,
        preview,
        padTo: paddedSizeFor(this.view.maxBytes()),
        ...(consent ? { consent } : {}),
        ...(config.expiresIn ? { expiresIn: config.expiresIn } : {}),
      })
      // Consent withdrawn (or replaced) while sealing: this envelope no longer stands for it.
      if (this.consent.digest !== consent) return fail('ERR_CONSENT_REQUIRED', 'Consent was withdrawn while the value was being sealed.')
      this.shell.send({ t: 'sealed', id, envelope, preview, kind: evaluation.kind })
      const { kids } = recipients
      this.shell.audit('sealed', { kind: evaluation.kind, kid: kids[0]!, ...(kids.length > 1 ? { recipients: String(kids.length) } : {}) })
    } catch (error) {
      // `sealValue` throws SecureFieldsErrors only (crypto/seal-with-suite.ts). The automatic seal
      // has no request to answer: the developer is told, and the form value stays empty.
      const code = isSecureFieldsError(error) ? String(error.code) : 'ERR_SEAL_FAILED'
      if (id === 0) this.shell.report(code as ErrorCode, 'The value could not be sealed.')
      fail(code, 'The value could not be sealed.')
    }
  }

  private clear(): void {
    clearTimeout(this.autoSeal)
    this.view.clear()
    this.forget()
    this.publish()
  }
}
