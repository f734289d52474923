/**
 * A field's seal requests: the host's (`seal`, with an id) and the automatic one that keeps the
 * form value current (id 0), one at a time and in order. Each, start to end: whether it may go
 * ahead (`sealRefusal`), the envelope made from the view's plaintext, whether the consent it was
 * made under still stands, and the answer — `sealed`, or `seal-error` with the code and an English
 * message. Nothing here throws: the field always learns how a seal ended, and a failure is never
 * left as a value "being sealed".
 *
 * @module
 */
import { isSecureFieldsError, type ErrorCode } from '../../errors.js'
import { paddedSizeFor } from '../../crypto/padding.js'
import type { FieldConfig, FrameMessage, HostMessage } from '../../protocol/messages.js'
import { sealRefusal, type SealFacts } from './field-judgement.js'
import { sealValue } from './seal.js'
import type { FrameShell, Refusal } from './shell.js'
import type { FieldView } from './view.js'

/** Delay between the last edit of a valid value and its automatic seal (the form value). */
const AUTO_SEAL_MS = 250

/** What a seal request is made with, besides the facts it is judged on. */
export interface SealInput extends SealFacts {
  config?: FieldConfig
  view: FieldView
  /** The preview the envelope may carry: the released one, or `''`. */
  preview: string
  /** The gate's consent digest now (read again once sealed). */
  consentNow(): string | undefined
}

/** How a seal ended: the envelope, or why there is none (`sealing`: the cryptography failed). */
export type SealOutcome =
  | { envelope: string; kind: string; preview: string; kids: readonly string[] }
  | { refusal: Refusal; sealing?: true }

/** Seals the field's current value when its facts allow it. */
export async function sealField(input: SealInput): Promise<SealOutcome> {
  const { evaluation, recipients, config, consent, view, preview } = input
  const refusal = sealRefusal(input)
  if (refusal || !evaluation || !recipients || !config) return { refusal: refusal ?? { code: 'ERR_FIELD_INVALID', message: 'The field is not valid.' } }
  try {
    const envelope = await sealValue(view.plaintext(), recipients, {
      kind: evaluation.kind,
      context: config.context,
      preview,
      padTo: paddedSizeFor(view.maxBytes()),
      ...(consent ? { consent } : {}),
      ...(config.expiresIn ? { expiresIn: config.expiresIn } : {}),
    })
    // Consent withdrawn (or replaced) while sealing: this envelope no longer stands for it.
    if (input.consentNow() !== consent) return { refusal: { code: 'ERR_CONSENT_REQUIRED', message: 'Consent was withdrawn while the value was being sealed.' } }
    return { envelope, kind: evaluation.kind, preview, kids: recipients.kids }
  } catch (error) {
    // `sealValue` throws SecureFieldsErrors only (crypto/seal-with-suite.ts); their messages
    // never hold the value, and neither does this one.
    const code = isSecureFieldsError(error) ? (error.code as ErrorCode) : 'ERR_SEAL_FAILED'
    return { refusal: { code, message: 'The value could not be sealed.' }, sealing: true }
  }
}

/** What the seal requests of a field need from it. */
export interface SealContext {
  readonly shell: FrameShell<HostMessage, FrameMessage>
  readonly view: FieldView
  /** The facts a request is judged and made with, as they are when its turn comes. */
  facts(): Omit<SealInput, 'view'>
  /** The form asked for the value (a request with an id): every problem shows from then on. */
  asked(): void
  /** The cryptography failed for the current value: the field's state must say so. */
  failed(refusal: Refusal): void
}

/** The seal requests of one field, in order. */
export class FieldSeals {
  private chain = Promise.resolve()
  private timer?: ReturnType<typeof setTimeout>

  constructor(private readonly ctx: SealContext) {}

  /** Seals the current value once the requests before it are done; `id` 0 is the automatic seal. */
  request(id: number): Promise<void> {
    this.chain = this.chain.then(() => this.run(id))
    return this.chain
  }

  /** Seals the form value {@link AUTO_SEAL_MS} after the last edit, unless another edit comes first. */
  schedule(): void {
    this.cancel()
    this.timer = setTimeout(() => void this.request(0), AUTO_SEAL_MS)
  }

  /** Drops the automatic seal waiting, if any. */
  cancel(): void {
    clearTimeout(this.timer)
  }

  private async run(id: number): Promise<void> {
    if (id !== 0) this.ctx.asked()
    const { shell } = this.ctx
    const outcome = await sealField({ ...this.ctx.facts(), view: this.ctx.view })
    if ('envelope' in outcome) {
      const { envelope, preview, kind, kids } = outcome
      shell.send({ t: 'sealed', id, envelope, preview, kind })
      shell.audit('sealed', { kind, kid: kids[0]!, ...(kids.length > 1 ? { recipients: String(kids.length) } : {}) })
      return
    }
    const { code, message } = outcome.refusal
    if (outcome.sealing) {
      // The cryptography failed: the state says so, and the automatic seal, which has no request
      // to answer, tells the developer; the form value stays empty.
      this.ctx.failed(outcome.refusal)
      if (id === 0) shell.report(code, message)
    }
    if (id !== 0) shell.send({ t: 'seal-error', id, code, message })
  }
}
