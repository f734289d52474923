/**
 * What a field frame decides, as pure functions of what it knows — never of the order things
 * happened in: whether its configuration is refused, whether its inputs take input, and whether a
 * seal request may go ahead. The field runtime (`field-app.ts`) gathers the facts and applies the
 * answers; nothing here is remembered, so a configuration that fixes a cause clears its refusal.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import type { FramePolicy } from '../../protocol/policy.js'
import { recipientRefusal } from './recipient-policy.js'
import type { Recipients } from './seal.js'
import type { Refusal } from './shell.js'

/** What became of the configured key: the imported recipients, or why they could not be imported. */
export type KeyImport = { recipients: Recipients } | { refusal: Refusal }

/** What a configuration is judged on. */
export interface ConfigFacts {
  config: FieldConfig
  /** What this page collects (`card`, `ssn`, `text`): the page's own word, not the host's. */
  pageKind: string
  policy: FramePolicy
  /** The import of `config.publicKey` (absent when there is none). */
  key?: KeyImport
  /** Why the view cannot use `config.options`, if it cannot. */
  options?: Refusal
  /** Whether the field is bound to a consent gate. */
  gated: boolean
}

/**
 * Why this configuration cannot be used on this page, or `undefined`. The first cause wins: the
 * key (missing, not a key, not allowed by the policy), the context, the options, the kind, consent.
 */
export function configRefusal({ config, pageKind, policy, key, options, gated }: ConfigFacts): Refusal | undefined {
  if (!config.publicKey || !key) return { code: 'ERR_KEY_MISSING', message: 'No public key is configured.' }
  if ('refusal' in key) return key.refusal
  // Every key pinned, and post-quantum keys for the kinds the policy reserves to them.
  const keyRefusal = recipientRefusal(policy, key.recipients, pageKind)
  if (keyRefusal) return keyRefusal
  if (!config.context) return { code: 'ERR_CONTEXT_MISSING', message: 'No context id is configured.' }
  // Validator messages name the option, never a value (src/validate/assert.ts).
  if (options) return options
  // The page decides what it collects: a config for another kind (to dodge a consent policy
  // written for this page's kind, say) is refused.
  if (config.kind !== pageKind) return { code: 'ERR_INPUT_INVALID', message: `This frame collects ${pageKind}, not ${config.kind}.` }
  if (!gated && policy.requireConsent.includes(pageKind)) {
    return { code: 'ERR_POLICY_CONSENT_REQUIRED', message: 'The frame origin requires consent for this field, and it sits behind no consent gate.' }
  }
  return undefined
}

/** Whether the field's inputs are disabled: the host disabled it, its configuration is refused, or it waits for consent. */
export function inputsDisabled({ disabled, refused, locked }: { disabled: boolean; refused: boolean; locked: boolean }): boolean {
  return disabled || refused || locked
}

/** What a seal request is judged on. */
export interface SealFacts {
  /** The configuration's refusal, if any. */
  refusal?: Refusal
  locked: boolean
  disabled: boolean
  /** The evaluation made when the value last changed (absent before any). */
  evaluation?: { empty: boolean; valid: boolean; kind: string }
  /** The receipt digest while the gate's consent stands. */
  consent?: string
  policy: FramePolicy
  pageKind: string
  recipients?: Recipients
}

/**
 * Why a seal request cannot go ahead, or `undefined`: the refusal, the lock, `disabled`, an empty
 * or invalid value, and the policy for the envelope's own kind (a text field's `iban`): consent
 * required, post-quantum keys required.
 */
export function sealRefusal({ refusal, locked, disabled, evaluation, consent, policy, pageKind, recipients }: SealFacts): Refusal | undefined {
  if (refusal) return refusal
  if (locked) return { code: 'ERR_CONSENT_REQUIRED', message: 'The field waits for consent from its gate.' }
  if (disabled) return { code: 'ERR_FIELD_DISABLED', message: 'The field is disabled.' }
  if (!evaluation || evaluation.empty) return { code: 'ERR_FIELD_EMPTY', message: 'The field is empty.' }
  if (!evaluation.valid || !recipients) return { code: 'ERR_FIELD_INVALID', message: 'The field is not valid.' }
  // The policy names envelope kinds too (a text field's `iban`): no consent, no envelope.
  if (!consent && (policy.requireConsent.includes(evaluation.kind) || policy.requireConsent.includes(pageKind))) {
    return { code: 'ERR_POLICY_CONSENT_REQUIRED', message: 'The frame origin requires consent for this field.' }
  }
  // And post-quantum keys, for the kinds it reserves to them (a text field's `iban` too).
  return recipientRefusal(policy, recipients, evaluation.kind)
}
