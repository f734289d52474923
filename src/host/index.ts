/**
 * `secure-fields`: the elements that run in the host page.
 *
 * @packageDocumentation
 */
export { SecureFieldElement } from './secure-field-element.js'
export { SecureCardInput, defineSecureCardInput } from './secure-card-input.js'
export { defineSecureFields } from './define.js'
export { configure, type SecureFieldsSettings } from './frame-url.js'
export type {
  SecureChangeDetail,
  SecureSealedDetail,
  SecureErrorDetail,
  SecureAuditDetail,
  SecureConsentDetail,
  SecureEventMap,
} from './events.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
