/**
 * Defines every secure element. Importing this module (or the loader) registers the tags.
 *
 * @module
 */
import { defineSecureCardInput } from './secure-card-input.js'
import { defineSecureSsnInput } from './secure-ssn-input.js'
import { defineSecureTextInput } from './secure-text-input.js'
import { defineConsentGate } from './consent-gate.js'
import { defineSecureReveal } from './secure-reveal.js'

/** Registers all secure elements that are not yet defined. */
export function defineSecureFields(): void {
  defineSecureCardInput()
  defineSecureSsnInput()
  defineSecureTextInput()
  defineConsentGate()
  defineSecureReveal()
}

defineSecureFields()
