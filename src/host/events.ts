/**
 * The events every secure element dispatches. None ever holds plaintext: state is derived
 * (empty, complete, valid, brand, masked preview, error code), envelopes are ciphertext.
 * All bubble and cross shadow roots (`composed`).
 *
 * @module
 */

/** `secure-change`: the field's derived state changed. */
export interface SecureChangeDetail {
  empty: boolean
  complete: boolean
  valid: boolean
  /** Card brand (`visa`, `mastercard`, `american-express`…), when known. */
  brand?: string
  /** Masked preview, when valid (e.g. `Visa •••• 4242`). */
  preview?: string
  /** Stable validation code of the current problem (e.g. `card.number.invalid`). */
  code?: string
  /** Localized message for `code`. */
  message?: string
  /** True while the field waits for consent. */
  locked?: boolean
}

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
  message: string
}

/** `secure-audit`: an audit event for the chat server's log (sealed, refused, consent…). */
export interface SecureAuditDetail {
  event: string
  detail: Record<string, string>
}

/** `secure-consent`: the customer consented in a gate; the receipt and its digest. */
export interface SecureConsentDetail {
  receipt: Record<string, string>
  digest: string
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
