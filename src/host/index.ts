/**
 * `secure-fields`: the customer-side elements for chat pages — `<secure-card-input>`,
 * `<secure-ssn-input>`, `<secure-text-input>` and `<consent-gate>` — defined on import, with their
 * types, events, error codes and theme presets — and `guardComposer`, which keeps numbers typed
 * into the chat's own composer from being sent. The agent's `<secure-reveal>` is in
 * `secure-fields/agent`, so a customer bundle never carries agent code.
 *
 * @packageDocumentation
 */
// Defines the elements: a bare import, so a bundler keeps it even when only a type or `configure`
// is used from this entry (package.json lists this file and define.js under `sideEffects`).
import './define.js'

export { SecureFieldElement, type PublicKeyConfig } from './secure-field-element.js'
export { SecureCardInput, defineSecureCardInput } from './secure-card-input.js'
export { SecureSsnInput, defineSecureSsnInput } from './secure-ssn-input.js'
export { SecureTextInput, defineSecureTextInput } from './secure-text-input.js'
export { ConsentGate, defineConsentGate } from './consent-gate.js'
export { ConsentErrorCodes, type ConsentReceipt, type GateState } from '../protocol/consent.js'
export { defineSecureFields } from './define.js'
export { guardComposer, type ComposerGuard, type ComposerGuardOptions } from './composer-guard.js'
export { configure, type SecureFieldsSettings } from './frame-url.js'
export { THEMES, type ThemePreset } from './themes.js'
export type { ThemeProperty } from '../protocol/theme.js'
export type {
  SecureChangeDetail,
  SecureSealedDetail,
  SecureErrorDetail,
  SecureAuditDetail,
  SecureConsentDetail,
  SecureGateChangeDetail,
  SecureDetectedDetail,
  SecureEventMap,
} from './events.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
