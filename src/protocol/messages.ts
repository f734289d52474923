/**
 * The message union spoken between a host element and its frame. Versioned, typed, and shared by
 * both sides: `src/host/` sends {@link HostMessage}s and reads {@link FrameMessage}s, `src/frame/`
 * the reverse. Nothing here is ever plaintext: frames send derived state (empty, complete, valid,
 * brand, masked preview, error code), envelopes and audit events only.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import type { FieldDemo } from './demo.js'

/** Protocol version. A frame and a host of different versions refuse each other. */
export const PROTOCOL_VERSION = 1

/** Field kinds with a frame page. */
export type FieldKind = 'card' | 'ssn' | 'text'

/** Presets of the generic text field. */
export type TextPreset = 'iban' | 'account' | 'id'

/** A public JWK as it travels to the frame (validated there by the crypto layer). */
export type PublicJwkLike = Record<string, unknown>

/** Everything a field frame needs to know, sent once after the handshake and again on change. */
export interface FieldConfig {
  kind: FieldKind
  /** Visible label inside the frame. */
  label: string
  /** BCP 47 language tag; the frame falls back to `en`. */
  locale: string
  /** Allow-listed CSS custom properties (`--sf-*`) and their values; validated again by the frame. */
  theme: Record<string, string>
  /**
   * The recipient public key (JWK), or a key set: a JWKS (`{ keys: [...] }`) or an array of up to
   * eight JWKs, every one of which can open what the field seals.
   */
  publicKey: PublicJwkLike | PublicJwkLike[] | null
  /** Context id (conversation) every envelope is bound to. */
  context: string
  required: boolean
  disabled: boolean
  /** Placeholder text per input, optional. */
  placeholder?: string
  /** Envelope lifetime in seconds. */
  expiresIn?: number
  /** Kind-specific options (text preset, pattern, lengths, ITIN). */
  options: Record<string, string | number | boolean>
  /** The consent gate this field sits behind, if any: its id on the frame origin. */
  gate?: string
  /** Sample values shown as if typed; used only by a demo frame origin (`src/protocol/demo.ts`). */
  demo?: FieldDemo
}

/** Derived, non-secret state of a field. */
export interface FieldState {
  empty: boolean
  complete: boolean
  valid: boolean
  /** Card brand (credit-card-type's type, e.g. `visa`), when known; `itin` for an SSN field holding an ITIN. */
  brand?: string
  /** Masked preview, only when valid (e.g. `Visa •••• 4242`). */
  preview?: string
  /** Stable validation code of the first problem (e.g. `card.number.invalid`). */
  code?: string
  /** The localized message for `code`, for the host's validity UI. */
  message?: string
  /** True when the field waits for consent from its gate. */
  locked?: boolean
}

/** Host → frame. */
export type HostMessage =
  | { t: 'config'; config: FieldConfig }
  | { t: 'focus' }
  | { t: 'clear' }
  | { t: 'seal'; id: number }
  | { t: 'destroy' }

/**
 * What a frame makes of the configuration it was last sent, sent after it has applied each one,
 * in order (every page: field, gate, desk). `refused` names why the configuration cannot be used
 * (no key, a key the frame origin does not pin, options the kind cannot use…) in an English
 * sentence for developers; absent, the configuration is usable. A refusal is never permanent: the
 * next configuration is judged afresh, so fixing the cause clears it. (An `error` with `fatal` is
 * only for what no configuration can fix: a parent the frame origin does not allow.)
 */
export interface ConfiguredMessage {
  t: 'configured'
  refused?: { code: string; message: string }
}

/** Frame → host. */
export type FrameMessage =
  | ConfiguredMessage
  | { t: 'ready'; kind: string }
  | { t: 'state'; state: FieldState }
  | { t: 'focus' }
  | { t: 'blur' }
  /** Enter in the frame: the host submits its form, as Enter in a native input does. */
  | { t: 'submit' }
  | { t: 'height'; px: number }
  | { t: 'sealed'; id: number; envelope: string; preview: string; kind: string }
  | { t: 'seal-error'; id: number; code: string; message: string }
  | { t: 'error'; code: string; message: string; fatal?: boolean }
  | { t: 'audit'; event: string; detail: Record<string, string> }

// The handshake before any port exists — `{ sf, t: 'boot' }` frame → parent, `{ sf, t: 'hello' }`
// parent → frame with one MessagePort — is checked by `isBoot` and `isHello` (guards.ts).
