/**
 * Helpers for `<secure-reveal>` browser tests: virtual WebAuthn authenticators (CDP, through
 * test/support/wtr-commands.mjs), real clicks on the frame's action button, desk key registration
 * with the test frame origin (its admin route, through test/support/wtr-frame-origin.mjs), and
 * envelopes sealed to a desk.
 */
import { executeServerCommand, sendMouse } from '@web/test-runner-commands'
import { seal } from '../../src/crypto/index.js'
import type { SealClaims } from '../../src/crypto/header.js'
import type { DeskPublicJwk, SecureReveal } from '../../src/host/secure-reveal.js'
import type { SecureEnrolledDetail } from '../../src/host/events.js'
import { cleanup, CONTEXT, mountField, nextEvent } from './host.js'

/** Adds a virtual authenticator (user verification and PRF on unless said otherwise); returns its id. */
export function addAuthenticator(options: { userVerified?: boolean; prf?: boolean } = {}): Promise<string> {
  return executeServerCommand<string, { userVerified: boolean; prf: boolean }>('sf-webauthn-add', {
    userVerified: options.userVerified ?? true,
    prf: options.prf ?? true,
  }) as Promise<string>
}

/** Removes a virtual authenticator (its credentials go with it). */
export async function removeAuthenticator(id: string | undefined): Promise<void> {
  if (id) await executeServerCommand('sf-webauthn-remove', { id })
}

/** Makes the authenticator's next user verification succeed or fail. */
export async function setUserVerified(id: string, verified: boolean): Promise<void> {
  await executeServerCommand('sf-webauthn-verified', { id, verified })
}

/** A desk id no other test uses (desks persist in the frame origin's IndexedDB). */
export function uniqueDesk(): string {
  return `desk-${crypto.randomUUID().slice(0, 8)}`
}

/**
 * Creates `<secure-reveal>` on the test frame origin with a fresh desk and the test context
 * (overridable), appends it and waits for `secure-ready` (the frame has loaded its desk), or
 * rejects with the code of its first `secure-error`.
 */
export async function mountReveal(attributes: Record<string, string> = {}, parent: Element = document.body): Promise<SecureReveal> {
  const element = await mountField('secure-reveal', { 'public-key': null, desk: uniqueDesk(), ...attributes }, parent)
  return element as unknown as SecureReveal
}

/**
 * Registers an `afterEach` that empties the page and removes every virtual authenticator added
 * through the returned function (after one failed verification an authenticator stays failed, so
 * each test gets its own).
 */
export function authenticatorPerTest(): (options?: { userVerified?: boolean; prf?: boolean }) => Promise<string> {
  const added: string[] = []
  afterEach(async () => {
    cleanup()
    for (const id of added.splice(0)) await removeAuthenticator(id)
  })
  return async (options) => {
    const id = await addAuthenticator(options)
    added.push(id)
    return id
  }
}

/** The `code` a promise rejects with (`undefined` when it resolves). */

/**
 * A real mouse click on the frame's action button (enrol, Reveal or Hide): the button is the first
 * thing in the frame, at its top left, inside the root's focus-ring padding.
 */
export async function clickAction(element: SecureReveal): Promise<void> {
  // The page's compositor must have the iframe where layout says it is (frames above it may just
  // have changed height): two painted frames.
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r))
  const rect = element.shadowRoot!.querySelector('iframe')!.getBoundingClientRect()
  await sendMouse({ type: 'click', position: [Math.round(rect.left + 30), Math.round(rect.top + 20)] })
  await sendMouse({ type: 'move', position: [0, 0] })
}

/** Enrols the desk by a real click inside the frame; resolves with the enrolment event. */
export async function enrol(element: SecureReveal): Promise<SecureEnrolledDetail> {
  const enrolled = nextEvent<SecureEnrolledDetail>(element, 'secure-enrolled')
  await clickAction(element)
  return enrolled
}

/** Registers a desk key with the test frame origin through its admin route; resolves with the HTTP status. */
export function pinDesk(jwk: DeskPublicJwk): Promise<number> {
  return executeServerCommand('sf-frame-pin', { jwk }) as Promise<number>
}

/** Removes a desk key from the test frame origin; resolves with the HTTP status. */
export function unpinDesk(kid: string): Promise<number> {
  return executeServerCommand('sf-frame-unpin', { kid }) as Promise<number>
}

/** Seals `value` to a desk key in the test page (as a field frame would), with the test context. */
export function sealTo(jwk: DeskPublicJwk, value: string, claims: Partial<SealClaims> = {}, now?: number): Promise<string> {
  return seal(value, jwk, { kind: 'text', context: CONTEXT, preview: '•••', ...claims }, now === undefined ? {} : { now })
}

/**
 * Sets the desk's envelope and waits until its frame has taken the configuration (a status round
 * trip queues behind it), so a click that follows finds the Reveal button enabled.
 */
export async function setEnvelope(element: SecureReveal, envelope: string): Promise<void> {
  element.envelope = envelope
  await element.updateComplete
  await element.frameStatus()
}

/** Records the secure-* events of `element` in order: `[type, detail]`. */
export function recordEvents(element: EventTarget, types = ['secure-revealed', 'secure-wiped', 'secure-audit', 'secure-error']): Array<[string, Record<string, unknown>]> {
  const log: Array<[string, Record<string, unknown>]> = []
  for (const type of types) element.addEventListener(type, (e) => log.push([type, (e as CustomEvent<Record<string, unknown>>).detail]))
  return log
}

export { rejectionCode } from './sealed.js'
