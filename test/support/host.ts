/**
 * Helpers for browser tests of the host elements: the test origins and keys, mounting an element
 * against the real frame origin, waiting for events, typing through real key events.
 */
import { sendKeys } from '@web/test-runner-commands'
import type { AnyPrivateJwk, AnyPublicJwk, PrivateJwk, PublicJwk } from '../../src/crypto/jwk.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import type { SecureChangeDetail } from '../../src/host/events.js'
import '../../src/host/define.js'
import '../../src/host/agent.js'

/** What the test server publishes (test/support/wtr-frame-origin.mjs). */
export interface TestConfig {
  hostOrigin: string
  frameBase: string
  frameOrigin: string
  publicJwk: PublicJwk
  privateJwk: PrivateJwk
  unpinnedPublicJwk: PublicJwk
  unpinnedPrivateJwk: PrivateJwk
  /** A frame origin whose policy does not allow this page as a parent. */
  strictFrameBase: string
  /** A frame origin whose policy requires consent for `card` fields. */
  consentFrameBase: string
  /** A frame origin whose policy seals `ssn` and `iban` to post-quantum keys only. */
  pqFrameBase: string
  /** A post-quantum key pair (HPKE-9), pinned on every test origin that pins. */
  pqKey: KeyPair
  /** Two pinned Key Encryption key pairs (HPKE-4-KE): a key set. */
  team: KeyPair[]
  /** Two pinned post-quantum Key Encryption key pairs (HPKE-9-KE): a key set. */
  pqTeam: KeyPair[]
  /** A Key Encryption key pair (HPKE-4-KE) no test origin pins. */
  unpinnedTeamKey: KeyPair
}

/** A public and private JWK. */
export interface KeyPair {
  publicJwk: AnyPublicJwk
  privateJwk: AnyPrivateJwk
}

let config: Promise<TestConfig> | undefined

/** The test origins and keys. */
export function testConfig(): Promise<TestConfig> {
  config ??= fetch('/__sf/config.json').then((r) => r.json() as Promise<TestConfig>)
  return config
}

/** Resolves with the next `type` event on `target` that satisfies `predicate`. */
export function nextEvent<T = unknown>(
  target: EventTarget,
  type: string,
  predicate: (detail: T) => boolean = () => true,
  timeout = 15000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener)
      reject(new Error(`timed out waiting for ${type}`))
    }, timeout)
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<T>).detail
      if (!predicate(detail)) return
      clearTimeout(timer)
      target.removeEventListener(type, listener)
      resolve(detail)
    }
    target.addEventListener(type, listener)
  })
}

/** The default context of test fields. */
export const CONTEXT = 'conversation-42'

/**
 * Creates `<tag>` with the test frame origin, the pinned test key and a context (overridable by
 * `attributes`), appends it to `parent`, and waits until it is ready — or rejects with the code of
 * its first `secure-error`.
 */
export async function mountField<T extends SecureFieldElement = SecureFieldElement>(
  tag: string,
  attributes: Record<string, string | null> = {},
  parent: Element = document.body,
): Promise<T> {
  const cfg = await testConfig()
  const element = document.createElement(tag) as T
  const all: Record<string, string | null> = {
    'frame-origin': cfg.frameBase,
    'public-key': JSON.stringify(cfg.publicJwk),
    context: CONTEXT,
    ...attributes,
  }
  for (const [name, value] of Object.entries(all)) if (value !== null) element.setAttribute(name, value)
  const ready = nextEvent(element, 'secure-ready')
  const failed = nextEvent<{ code: string }>(element, 'secure-error').then((d) => {
    throw Object.assign(new Error(`secure-error ${d.code}`), { code: d.code })
  })
  parent.append(element)
  await Promise.race([ready, failed])
  return element
}

/** Focuses the field's frame and types `text` through real key events. */
export async function typeInto(element: SecureFieldElement, text: string): Promise<void> {
  const focused = nextEvent(element, 'secure-focus')
  element.focus()
  await focused
  await sendKeys({ type: text })
}

/** Waits until the element's state satisfies `predicate` (checks the current state first). */
export async function waitForState(
  element: SecureFieldElement,
  predicate: (s: SecureChangeDetail) => boolean,
  timeout = 15000,
): Promise<SecureChangeDetail> {
  if (predicate(element.state)) return element.state
  return nextEvent<SecureChangeDetail>(element, 'secure-change', predicate, timeout)
}

/**
 * The customer tabs out of the field with a real Tab key from its last input: they say they are
 * done, and a preview that waits for them (a value that could still grow) is released. Focus
 * lands on a host input placed after the element.
 */
export async function tabOut(element: SecureFieldElement): Promise<void> {
  const blurred = nextEvent(element, 'secure-blur')
  element.after(document.createElement('input'))
  await sendKeys({ press: 'Tab' })
  await blurred
}

/**
 * The page moves focus out of the field to a host input (script `focus()`): the frame sees a blur
 * it cannot tell from a customer's, which releases nothing.
 */
export async function leave(element: SecureFieldElement): Promise<void> {
  const blurred = nextEvent(element, 'secure-blur')
  const outside = document.body.appendChild(document.createElement('input'))
  outside.focus()
  await blurred
}

/** Removes every element the test added to the body. */
export function cleanup(): void {
  document.body.replaceChildren()
}
