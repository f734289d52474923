/**
 * Defines the customer-side elements — the fields and the consent gate. Importing this module
 * (or `secure-fields`, or the customer loader) registers their tags. `<secure-reveal>` is the
 * agent side's: `secure-fields/agent` defines it.
 *
 * @module
 */
import { defineSecureCardInput } from './secure-card-input.js'
import { defineSecureSsnInput } from './secure-ssn-input.js'
import { defineSecureTextInput } from './secure-text-input.js'
import { defineConsentGate } from './consent-gate.js'

/** Registers the customer-side elements that are not yet defined. */
export function defineSecureFields(): void {
  defineSecureCardInput()
  defineSecureSsnInput()
  defineSecureTextInput()
  defineConsentGate()
}

defineSecureFields()
