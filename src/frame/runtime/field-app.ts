/**
 * The runtime every field frame runs, in the frame shell (`shell.ts`): the inputs' events, the
 * configuration judged afresh each time (`field-judgement.ts`, the key through `key-import.ts`),
 * consent, the derived state (`field-state.ts`) under the preview rule (`preview-release.ts`), and
 * the seal requests (`field-seal.ts`), in order. A kind only supplies its {@link FieldView}. What leaves this frame is derived state, envelopes and audit
 * events; the plaintext goes from the view into `sealValue` and nowhere else.
 *
 * @module
 */
import type { FieldKind } from '../../protocol/kinds.js'
import type { FieldConfig, FrameMessage, HostMessage } from '../../protocol/messages.js'
import { parseHostMessage } from '../../protocol/guards.js'
import type { MessageKey, Messages } from '../i18n/keys.js'
import { localeFrom, loadLocaleWith, type Locale } from '../i18n/locale.js'
import { enField } from '../i18n/en-field.js'
import { ConsentLink } from './consent-link.js'
import type { Recipients } from './seal.js'
import { configRefusal, inputsDisabled } from './field-judgement.js'
import { FieldSeals } from './field-seal.js'
import { DemoValues } from './field-demo.js'
import { FieldDom } from './field-dom.js'
import { deriveState } from './field-state.js'
import { focusFirst } from './focus-first.js'
import { KeyImports } from './key-import.js'
import { PreviewRelease } from './preview-release.js'
import { connectShell, type FrameShell, type Refusal } from './shell.js'
import { configureView, type Evaluation, type FieldView } from './view.js'

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

class FieldApp {
  private config?: FieldConfig
  private locale: Locale
  private readonly keys = new KeyImports()
  /** The key of the last configuration, imported and allowed; only while that one is not refused. */
  private recipients?: Recipients
  /** Why the last configuration cannot be used, if it cannot: nothing seals meanwhile. */
  private refusal?: Refusal
  /**
   * Why the current value could not be sealed, if the cryptography failed: the state says so (not
   * valid, the failure's code) until the value or the configuration changes, so that the host is
   * never left waiting for an envelope that will not come.
   */
  private sealFailure?: Refusal
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
  private readonly seals: FieldSeals
  private readonly demo = new DemoValues()
  private readonly dom = new FieldDom()

  constructor(
    private readonly shell: FrameShell<HostMessage, FrameMessage>,
    /** What this page collects: the page's own word, never the host's. */
    private readonly pageKind: FieldKind,
    private readonly view: FieldView,
    private readonly english: Locale,
  ) {
    this.locale = english
    this.consent = new ConsentLink(() => this.onConsent(), shell.channel.drops)
    this.seals = new FieldSeals({
      shell,
      view,
      // The evaluation made when the value last changed: a seal request costs the same whatever
      // the value, and its reply says nothing about how long validating it takes. Only a released
      // preview goes into the envelope: a page could otherwise call seal() after every keystroke
      // and read each new character in the header.
      facts: () => ({
        refusal: this.refusal,
        locked: this.locked,
        disabled: !!this.config?.disabled,
        evaluation: this.evaluation,
        consent: this.consent.digest,
        consentNow: () => this.consent.digest,
        policy: shell.channel.policy,
        pageKind,
        recipients: this.recipients,
        config: this.config,
        preview: this.preview.isReleased(this.valueKey()) ? (this.evaluation?.preview ?? '') : '',
      }),
      asked: () => {
        if (this.submitted) return
        this.submitted = true
        this.publish()
      },
      failed: (refusal) => {
        this.sealFailure = refusal
        this.publish()
      },
    })
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
            return focusFirst(this.view.inputs)
          case 'clear':
            return this.clear()
          case 'seal':
            return void this.seals.request(message.id)
          case 'destroy':
            this.clear()
            this.dom.root.remove()
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
    const options = await configureView(this.view, config, this.locale)
    const key = await this.keys.of(config.publicKey)
    this.sealFailure = undefined
    this.consent.bind(config.gate)
    const refusal = configRefusal({ config, pageKind: this.pageKind, policy: this.shell.channel.policy, key, options, gated: this.consent.gated })
    this.recipients = !refusal && key && 'recipients' in key ? key.recipients : undefined
    this.setRefusal(refusal)
    this.setLocked(this.consent.gated && !this.consent.digest)
    this.demo.take(config.demo, () => this.shell.demoAllowed('Demo values are'))
    await this.fillDemo()
    this.publish()
    return refusal
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

  /** Fills pending demo values in as if typed, once the field is unlocked (locking clears). */
  private async fillDemo(): Promise<void> {
    const demo = await this.demo.fill(this.view.inputs, () => this.view.clear(), this.locked)
    if (!demo) return
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
      this.seals.cancel()
      this.view.clear()
      this.forget()
    }
    this.locked = locked
    this.syncInputs()
  }

  private mount(): void {
    this.dom.mount(this.view, {
      input: () => this.onInput(),
      left: (input) => {
        this.left.add(input)
        this.publish()
      },
      // Enter releases the value's preview and seals it first, so that the form carries both.
      submit: () => void this.submit(),
      release: () => this.release(),
      focus: () => this.shell.send({ t: 'focus' }),
      blur: () => this.shell.send({ t: 'blur' }),
    })
    this.shell.watchHeight()
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
    this.seals.cancel()
    if (this.evaluation?.valid && this.canSeal()) await this.seals.request(0)
    this.shell.send({ t: 'submit' })
  }

  private onInput(): void {
    // A new value (or a released preview) is sealed afresh: an earlier failure was that value's.
    this.sealFailure = undefined
    const evaluation = this.publish()
    this.seals.cancel()
    if (evaluation.valid && this.canSeal()) this.seals.schedule()
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
      refusal: this.refusal ?? this.sealFailure,
      locked: this.locked,
      required: !!this.config?.required,
      submitted: this.submitted,
      left: (input) => this.left.has(input),
      t: (key) => this.locale.t(key),
    })
    this.dom.show(this.view.inputs, errorText, evaluation.note ? this.locale.t(evaluation.note as MessageKey) : '', invalid)
    const serialized = JSON.stringify(state)
    if (serialized !== this.lastState) {
      this.lastState = serialized
      this.shell.send({ t: 'state', state })
    }
    return evaluation
  }

  private clear(): void {
    this.seals.cancel()
    this.view.clear()
    this.sealFailure = undefined
    this.forget()
    this.publish()
  }
}
