/**
 * `secure-fields`: the elements that run in the host page.
 *
 * @packageDocumentation
 */
export { SecureFieldElement, type PublicKeyConfig } from './secure-field-element.js'
export { SecureCardInput, defineSecureCardInput } from './secure-card-input.js'
export { SecureSsnInput, defineSecureSsnInput } from './secure-ssn-input.js'
export { SecureTextInput, defineSecureTextInput } from './secure-text-input.js'
export { ConsentGate, defineConsentGate } from './consent-gate.js'
export { ConsentErrorCodes, type ConsentReceipt, type GateState } from '../protocol/consent.js'
export { SecureReveal, defineSecureReveal, type DeskPublicJwk } from './secure-reveal.js'
export { RevealErrorCodes, SHOW_FOR, type RevealPhase, type RevealStatus } from '../protocol/reveal.js'
export { defineSecureFields } from './define.js'
export { configure, type SecureFieldsSettings } from './frame-url.js'
export type {
  SecureChangeDetail,
  SecureSealedDetail,
  SecureErrorDetail,
  SecureAuditDetail,
  SecureConsentDetail,
  SecureGateChangeDetail,
  SecureRevealedDetail,
  SecureWipedDetail,
  SecureEnrolledDetail,
  SecureEventMap,
} from './events.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
