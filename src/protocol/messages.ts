/**
 * The message union spoken between a host element and its field frame, and the messages every
 * frame page shares. Versioned, typed, and shared by both sides: `src/host/` sends
 * {@link HostMessage}s and reads {@link FrameMessage}s, `src/frame/` the reverse. The gate and the
 * reveal desk have their own unions (`consent.ts`, `reveal.ts`) built on {@link CommonFrameMessage}.
 * Nothing here is ever plaintext: frames send derived state (empty, complete, valid, brand, masked
 * preview, error code), envelopes and audit events only.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import type { FieldDemo } from './demo.js'
import type { FieldKind } from './kinds.js'

export { PROTOCOL_VERSION } from './check.js'
export type { FieldKind, TextPreset } from './kinds.js'

/** A public JWK as it travels to the frame (validated there by the crypto layer). */
export type PublicJwkLike = Record<string, unknown>

/** A refusal or a failure as a frame reports it: a stable code and an English sentence for developers. */
export interface Problem {
  /** A registered code (`ERRORS`, `src/errors.ts`). */
  code: string
  /** English, for developers; never plaintext. */
  message: string
}

/** The frame page is running and listens: the host sends its configuration. */
export interface ReadyMessage {
  t: 'ready'
  /** The page (`card`, `gate`, `reveal`…). */
  kind: string
}

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
  refused?: Problem
}

/** The frame's content height in CSS pixels, so the iframe fits it. */
export interface HeightMessage {
  t: 'height'
  px: number
}

/**
 * Something the developer should know (a refused theme property, demo values ignored); `fatal`
 * when nothing can fix it (a parent the frame origin does not allow).
 */
export interface ErrorMessage extends Problem {
  t: 'error'
  fatal?: boolean
}

/** An audit event for the server's log: an event name and string details, never a value. */
export interface AuditMessage {
  t: 'audit'
  event: string
  detail: Record<string, string>
}

/** What every frame page may send, whatever its own protocol. */
export type CommonFrameMessage = ReadyMessage | ConfiguredMessage | HeightMessage | ErrorMessage | AuditMessage

/** What the host may send every frame page: the page tears down (the element left the page). */
export interface DestroyMessage {
  t: 'destroy'
}

/** Focus: host → field frame, put the caret in the first input; field frame → host, the field gained it. */
export interface FocusMessage {
  t: 'focus'
}

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
  /**
   * Stable code of the first problem: a validation code (e.g. `card.number.invalid`), or the
   * refusal's code (`ERR_KEY_MISSING`…) while the configuration is refused.
   */
  code?: string
  /** The localized message for `code`, for the host's validity UI: what the customer reads. */
  message?: string
  /** True when the field waits for consent from its gate. */
  locked?: boolean
}

/** Host → field frame. */
export type HostMessage = { t: 'config'; config: FieldConfig } | FocusMessage | { t: 'clear' } | { t: 'seal'; id: number } | DestroyMessage

/** Field frame → host. */
export type FrameMessage =
  | CommonFrameMessage
  | { t: 'state'; state: FieldState }
  | FocusMessage
  | { t: 'blur' }
  /** Enter in the frame: the host submits its form, as Enter in a native input does. */
  | { t: 'submit' }
  | { t: 'sealed'; id: number; envelope: string; preview: string; kind: string }
  | ({ t: 'seal-error'; id: number } & Problem)

// The handshake before any port exists — `{ sf, t: 'boot' }` frame → parent, `{ sf, t: 'hello' }`
// parent → frame with one MessagePort — is checked by `isBoot` and `isHello` (guards.ts).
