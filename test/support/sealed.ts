/**
 * Helpers for browser tests that seal: open an envelope with the test key, read the code a
 * rejected promise carries, and type into a field that may already have focus.
 */
import { sendKeys } from '@web/test-runner-commands'
import { open } from '../../src/crypto/index.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import { CONTEXT, testConfig, typeInto } from './host.js'

/** Opens `envelope` with the pinned test key for the test context: the text and the claims. */
export async function openedText(envelope: string) {
  const { privateJwk } = await testConfig()
  const { plaintext, claims } = await open(envelope, privateJwk, { context: CONTEXT })
  return { value: new TextDecoder().decode(plaintext), claims }
}

/** The `code` a promise rejects with, or `undefined` when it resolves. */
export async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (e) {
    return (e as { code?: string }).code
  }
  return undefined
}

/**
 * Types `keys` through real key events, focusing the field first unless it has focus already
 * (then no new `secure-focus` comes to wait for).
 */
export async function typeMore(element: SecureFieldElement, keys: string): Promise<void> {
  if (document.activeElement === element) await sendKeys({ type: keys })
  else await typeInto(element, keys)
}
