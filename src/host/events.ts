/**
 * The events every secure element dispatches. None ever holds plaintext: state is derived
 * (empty, complete, valid, brand, masked preview, error code), envelopes are ciphertext.
 * All bubble and cross shadow roots (`composed`).
 *
 * @module
 */
import type { ConsentReceipt } from '../protocol/consent.js'
import type { FieldState } from '../protocol/messages.js'

/**
 * `secure-change`: the field's derived state changed — exactly the frame's `FieldState`:
 * `empty`, `complete`, `valid`, and when they apply `brand` (`visa`, `mastercard`,
 * `american-express`…, or `itin` when an SSN field holds an ITIN), `preview` (only when valid),
 * `code` (stable validation code), `message` (its localized text), `locked` (waiting for consent).
 */
export type SecureChangeDetail = FieldState

/** `secure-ready` (no detail): the frame is connected, configured and showing its field. */

/** `secure-sealed`: an envelope was made (on `seal()`, and automatically as the form value). */
export interface SecureSealedDetail {
  /** JWE Compact Serialization (HPKE-4). */
  envelope: string
  preview: string
  kind: string
}

/** `secure-error`: something the developer should know; `code` is stable. */
export interface SecureErrorDetail {
  code: string
  /** English, for developers; never plaintext. */
  message: string
  /**
   * What the frame showed the person in front of it, in their language, when it showed them
   * something (a consent gesture that did not count, a refused reveal).
   */
  text?: string
}

/** `secure-audit`: an audit event for the chat server's log (sealed, refused, consent…). */
export interface SecureAuditDetail {
  event: string
  detail: Record<string, string>
}

/**
 * `secure-consent`: the customer consented in a `<consent-gate>`. `digest` is the base64url
 * SHA-256 of the receipt's canonical JSON (docs/envelope.md, "Consent"), the `consent` claim of
 * every envelope sealed behind the gate.
 */
export interface SecureConsentDetail {
  receipt: ConsentReceipt
  digest: string
}

/** `secure-gate-change`: a `<consent-gate>`'s consent or visibility changed. */
export interface SecureGateChangeDetail {
  /** Whether the customer's consent stands. */
  consented: boolean
  /** Whether the consent box is wholly visible and unobscured (long enough), so it can take a consent gesture. */
  visible: boolean
}

/**
 * `secure-revealed`: a `<secure-reveal>` shows a value (inside its frame, after the step-up).
 * Only the envelope's id, kind and preview — never the value.
 */
export interface SecureRevealedDetail {
  /** The envelope's `jti`: what the server deletes from its store. */
  jti: string
  kind: string
  preview: string
}

/** `secure-wiped`: the value shown by `<secure-reveal>` was removed from its frame (timeout or Hide). */
export type SecureWipedDetail = SecureRevealedDetail

/** `secure-enrolled`: a `<secure-reveal>` desk has its key and credential; its public JWK is ready. */
export interface SecureEnrolledDetail {
  desk: string
  /** RFC 7638 thumbprint of the desk's public key. */
  kid: string
  /** `prf`: the key is wrapped under the authenticator's PRF output; `device`: a non-extractable key. */
  protection: string
}

/**
 * `secure-detected`: the composer guard masked a number typed, pasted or filled into a plain chat
 * composer (see `guardComposer`). Only its kind and preview — never the digits — so the chat can
 * offer the matching secure field.
 */
export interface SecureDetectedDetail {
  /** `card`, `ssn` or `iban`. */
  kind: 'card' | 'ssn' | 'iban'
  /** The preview it was replaced by: `Visa •••• 4242`, `•••-••-6789`, `DE •••• 3000`. */
  preview: string
}

/** Every event name and its detail type. */
export interface SecureEventMap {
  'secure-ready': CustomEvent<Record<string, never>>
  'secure-change': CustomEvent<SecureChangeDetail>
  'secure-focus': CustomEvent<Record<string, never>>
  'secure-blur': CustomEvent<Record<string, never>>
  'secure-sealed': CustomEvent<SecureSealedDetail>
  'secure-error': CustomEvent<SecureErrorDetail>
  'secure-audit': CustomEvent<SecureAuditDetail>
  'secure-consent': CustomEvent<SecureConsentDetail>
  'secure-gate-change': CustomEvent<SecureGateChangeDetail>
  'secure-revealed': CustomEvent<SecureRevealedDetail>
  'secure-wiped': CustomEvent<SecureWipedDetail>
  'secure-enrolled': CustomEvent<SecureEnrolledDetail>
  'secure-detected': CustomEvent<SecureDetectedDetail>
}

/** Dispatches a typed secure event from `target`. */
export function emit<K extends keyof SecureEventMap>(
  target: EventTarget,
  type: K,
  detail: SecureEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SecureEventMap {}
}
