/**
 * Defines every secure element. Importing this module (or the loader) registers the tags.
 *
 * @module
 */
import { defineSecureCardInput } from './secure-card-input.js'

/** Registers all secure elements that are not yet defined. */
export function defineSecureFields(): void {
  defineSecureCardInput()
}

defineSecureFields()
