/**
 * The customer-side loader (`secure-fields.js`), served from the frame origin: one script tag
 * defines the field elements and the consent gate, and they find their frames beside this file.
 * Agent consoles load `secure-fields-agent.js` for `<secure-reveal>`.
 *
 * @module
 */
import { defineSecureCardInput, SecureCardInput } from './secure-card-input.js'
import { defineSecureSsnInput, SecureSsnInput } from './secure-ssn-input.js'
import { defineSecureTextInput, SecureTextInput } from './secure-text-input.js'
import { defineConsentGate, ConsentGate } from './consent-gate.js'

defineSecureCardInput()
defineSecureSsnInput()
defineSecureTextInput()
defineConsentGate()

export { configure, type SecureFieldsSettings } from './frame-url.js'
export { SecureCardInput, SecureSsnInput, SecureTextInput, ConsentGate }
// Plain chat composers get a guard against numbers typed in the wrong place (detector loaded on use).
export { guardComposer, type ComposerGuard, type ComposerGuardOptions } from './composer-guard.js'
export type { SecureDetectedDetail } from './events.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
