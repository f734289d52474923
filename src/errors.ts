/**
 * The one error class of Secure Fields and the one registry of its codes.
 *
 * Every failure the library reports — in the browser, in Node, across the frame boundary — is a
 * {@link SecureFieldsError} with a stable code registered in {@link ERRORS}. Messages are written
 * for developers, in English, and never contain plaintext, key material or any value a customer
 * typed: callers may log them. What a frame shows the customer is a separate, localized text.
 *
 * The registry is the only list of codes: `docs/errors.md` is generated from it
 * (`npx tsx scripts/error-table.ts --write`), and a test fails when a code written anywhere under
 * `src/` is not registered, when a registered code is used nowhere, or when the docs differ. Code
 * refers to codes by their string (`'ERR_KEY_INVALID'`), typed {@link ErrorCode}: the registry's
 * meanings stay out of the frames' and the loaders' bundles.
 *
 * @module
 */

/** Who acts on an error. */
export type ErrorAudience =
  /**
   * The page's developer or the operator: the integration, the configuration, the deployment or
   * the environment is wrong. Never shown to a customer as such.
   */
  | 'developer'
  /**
   * The person in front of the frame (the customer, or the agent at the reveal desk): something
   * they did or must do. The frame tells them in their language; the page learns the code.
   */
  | 'customer'

/** Which part of the library reports an error. */
export type ErrorArea = 'envelope' | 'keys' | 'arguments' | 'fields' | 'consent' | 'reveal' | 'frames' | 'policy' | 'store' | 'audit' | 'cli'

/** What the registry says of one code. */
export interface ErrorInfo {
  /** Who acts on it. */
  readonly for: ErrorAudience
  /** Which part of the library reports it. */
  readonly area: ErrorArea
  /** What it means, for the documentation (one or two sentences, English). */
  readonly meaning: string
}

/**
 * Every stable error code, with who acts on it, where it comes from and what it means. Match on
 * codes, never on messages.
 */
export const ERRORS = {
  // The envelope: `seal`, `open`, `inspect` (docs/envelope.md).
  ERR_ENVELOPE_MALFORMED: { for: 'developer', area: 'envelope', meaning: 'The envelope is not a well-formed envelope of this profile (compact or JSON), or its padding is not what its header says.' },
  ERR_ENVELOPE_UNSUPPORTED: { for: 'developer', area: 'envelope', meaning: 'The envelope names an `alg` or `enc` this library does not open, carries a header member the profile forbids, mixes post-quantum and quantum-vulnerable recipients, or declares a key for the other Key Management Mode.' },
  ERR_ENVELOPE_WRONG_KEY: { for: 'developer', area: 'envelope', meaning: 'The envelope was sealed to other keys: no recipient has the key’s `kid` (RFC 7638 thumbprint).' },
  ERR_ENVELOPE_EXPIRED: { for: 'developer', area: 'envelope', meaning: 'The envelope’s `exp` has passed, or its `iat` is in the future (beyond the clock tolerance).' },
  ERR_ENVELOPE_WRONG_CONTEXT: { for: 'developer', area: 'envelope', meaning: 'The envelope was sealed for another context (conversation).' },
  ERR_ENVELOPE_CONSENT: { for: 'developer', area: 'envelope', meaning: 'The envelope lacks the consent digest the caller required, or carries another one.' },
  ERR_ENVELOPE_TOO_LARGE: { for: 'developer', area: 'envelope', meaning: 'The envelope, the plaintext, the preview, the context or the number of recipients exceeds the profile’s limits.' },
  ERR_DECRYPTION_FAILED: { for: 'developer', area: 'envelope', meaning: 'Any failure of the cryptography itself. Deliberately uniform — tag mismatch, bad encapsulated key, tampered header and low-order points look the same — so there is no oracle.' },
  ERR_SEAL_FAILED: { for: 'developer', area: 'envelope', meaning: 'The runtime’s cryptography failed while sealing (WebCrypto refused an operation); nothing was sealed. Never a problem of the value.' },
  // Keys (JWKs, key sets).
  ERR_KEY_INVALID: { for: 'developer', area: 'keys', meaning: 'A JWK is not a usable key of a suite: wrong members or sizes, a private key where a public one is expected, an all-zero or low-order X25519 public key (RFC 7748 §6.1), or an `AKP` private key whose seed does not match its `pub`.' },
  ERR_KEY_MISSING: { for: 'developer', area: 'keys', meaning: 'A field has no `public-key`: it cannot seal until one is configured (setting it later clears the refusal).' },
  ERR_RECIPIENTS_INVALID: { for: 'developer', area: 'keys', meaning: 'The keys cannot share one envelope: none, more than eight, one key twice, an Integrated Encryption key (`HPKE-4`, `HPKE-9`) beside others, or post-quantum beside quantum-vulnerable keys (draft-ietf-jose-hpke-pq-pqt §5).' },
  // Arguments and options, everywhere.
  ERR_INPUT_INVALID: { for: 'developer', area: 'arguments', meaning: 'An argument or option is not acceptable: claims, a plaintext type, an unknown `alg`, a validator option, a field’s options the frame cannot use (a bad `pattern`, an unknown preset), a desk id, a CLI flag.' },
  // Fields (`seal()` of an element, and the frame's refusals).
  ERR_CONTEXT_MISSING: { for: 'developer', area: 'fields', meaning: 'A field has no `context` (conversation id) to bind its envelopes to.' },
  ERR_FIELD_EMPTY: { for: 'customer', area: 'fields', meaning: '`seal()` of a field the customer has not filled in.' },
  ERR_FIELD_INVALID: { for: 'customer', area: 'fields', meaning: '`seal()` of a field whose value is not valid (the state’s `code` says which rule fails).' },
  ERR_FIELD_DISABLED: { for: 'developer', area: 'fields', meaning: '`seal()` of a disabled field (its own `disabled`, or a disabled fieldset).' },
  ERR_FIELD_DISCONNECTED: { for: 'developer', area: 'fields', meaning: '`seal()` of a field that is not, or no longer, on the page.' },
  ERR_THEME_REFUSED: { for: 'developer', area: 'fields', meaning: 'A theme property is not on the allow-list, or its value is not safe; the rest of the theme applies (non-fatal).' },
  // Consent.
  ERR_CONSENT_REQUIRED: { for: 'customer', area: 'consent', meaning: 'The field sits behind a consent gate whose customer has not consented (or withdrew, or the gate’s text changed while sealing).' },
  ERR_CONSENT_OBSCURED: { for: 'customer', area: 'consent', meaning: 'A consent gesture came while the consent box was covered, faded, transformed or partly out of view; the customer was told what to do.' },
  ERR_CONSENT_MOVED: { for: 'customer', area: 'consent', meaning: 'A consent gesture came as the gate moved under the pointer or finger (or its text moved in it); the customer was told what to do.' },
  ERR_GATE_CONFIG: { for: 'developer', area: 'consent', meaning: 'The gate’s configuration cannot be consented to: no purpose, or a policy URL that is not an absolute http(s) URL. Fixing it clears the refusal.' },
  // The reveal desk.
  ERR_ALREADY_REVEALED: { for: 'customer', area: 'reveal', meaning: 'This envelope (`jti`) was revealed on this desk before: view once.' },
  ERR_STEP_UP_FAILED: { for: 'customer', area: 'reveal', meaning: 'The WebAuthn step-up failed, was cancelled, or its assertion did not verify. Nothing was revealed.' },
  ERR_DESK_NOT_ENROLLED: { for: 'developer', area: 'reveal', meaning: 'The desk has no key and credential yet: the agent enrols it first (a click inside the frame).' },
  ERR_ENROL_FAILED: { for: 'customer', area: 'reveal', meaning: 'Enrolment failed: the authenticator refused or was cancelled, or its credential is not usable (ES256 with user verification).' },
  ERR_DESK_STORAGE: { for: 'developer', area: 'reveal', meaning: 'The desk’s storage (IndexedDB on the frame origin) is unavailable or its record unreadable — e.g. a browser that gives a cross-site frame no storage.' },
  ERR_REVEAL_NO_ENVELOPE: { for: 'developer', area: 'reveal', meaning: '`reveal()` with no envelope set.' },
  ERR_REVEAL_BUSY: { for: 'developer', area: 'reveal', meaning: 'A reveal is already under way or showing; the one under way goes on undisturbed.' },
  ERR_REVEAL_CANCELLED: { for: 'developer', area: 'reveal', meaning: 'The element was removed or its envelope replaced before the reveal finished.' },
  // Frames and the frame origin.
  ERR_FRAME_SAME_ORIGIN: { for: 'developer', area: 'frames', meaning: 'The frame would come from the page’s own origin: set `frame-origin` (or `dev-mode` for local development).' },
  ERR_FRAME_UNREACHABLE: { for: 'developer', area: 'frames', meaning: 'The frame (or a chunk it loads) did not load from the frame origin in time.' },
  ERR_FRAME_REFUSED: { for: 'developer', area: 'frames', meaning: 'The frame origin does not allow this page as a parent: its frames refuse to show here, and its loader only says so.' },
  ERR_FRAME_NO_PARENT: { for: 'developer', area: 'frames', meaning: 'A frame page opened on its own, with no parent: it stays inert (reported inside the frame only).' },
  ERR_FRAMES_NOT_BUILT: { for: 'developer', area: 'frames', meaning: 'The frame origin’s folder holds no built frames (`secure-fields serve --dir`, `integrity`).' },
  // The frame origin's policy.
  ERR_POLICY_PARENT: { for: 'developer', area: 'policy', meaning: 'The frame refused the handshake: the policy does not allow this parent origin. Fatal; no configuration can fix it.' },
  ERR_POLICY_KEY_NOT_PINNED: { for: 'developer', area: 'policy', meaning: 'A configured public key is not pinned by the frame origin’s policy. Configuring a pinned key clears the refusal.' },
  ERR_POLICY_PQ_REQUIRED: { for: 'developer', area: 'policy', meaning: 'The policy seals this kind to post-quantum keys only (`requirePq`), and the field’s key or key set is not all post-quantum.' },
  ERR_POLICY_CONSENT_REQUIRED: { for: 'developer', area: 'policy', meaning: 'The policy requires consent for this kind (`requireConsent`), and the field sits behind no consent gate (or, sealing, has no consent).' },
  ERR_POLICY_DEMO: { for: 'developer', area: 'policy', meaning: 'Demo values were ignored: this frame origin is not a demo origin (non-fatal; the element keeps working).' },
  // The envelope store (docs/store.md).
  ERR_STORE_DUPLICATE: { for: 'developer', area: 'store', meaning: '`put` of an id that is stored, or was taken and has not expired yet (view once).' },
  ERR_STORE_CLOSED: { for: 'developer', area: 'store', meaning: 'A call after the store was closed.' },
  ERR_STORE_CORRUPT: { for: 'developer', area: 'store', meaning: 'A stored record cannot be read back (not written by this library, or damaged); the message never quotes it.' },
  ERR_STORE_UNAVAILABLE: { for: 'developer', area: 'store', meaning: 'The backend cannot be loaded or reached: `better-sqlite3` or `ioredis` is not installed (the message names it), or the SQLite file has a newer schema.' },
  ERR_STORE_HELD: { for: 'developer', area: 'store', meaning: 'The envelope is claimed by another holder (another agent tab is revealing it) for as long as the claim lives.' },
  // The audit log (docs/audit-log.md).
  ERR_AUDIT_INVALID: { for: 'developer', area: 'audit', meaning: 'An audit input has the wrong type, shape or size, or is unknown; or a checkpoint is not `seq:hash`.' },
  ERR_AUDIT_SUSPECT_VALUE: { for: 'developer', area: 'audit', meaning: 'A free-text member (conversation, actor, a detail) holds what the shared detector reads as a card number, SSN or IBAN: refused.' },
  ERR_AUDIT_CLOSED: { for: 'developer', area: 'audit', meaning: '`append` after the log was closed.' },
  ERR_AUDIT_IO: { for: 'developer', area: 'audit', meaning: 'The audit file cannot be opened, read, written or flushed.' },
  // The CLI (docs/cli.md).
  ERR_FILE_EXISTS: { for: 'developer', area: 'cli', meaning: 'A file the CLI would write exists already: it never overwrites keys.' },
  ERR_FILE_WRITE: { for: 'developer', area: 'cli', meaning: 'A file could not be written.' },
} as const satisfies Record<`ERR_${string}`, ErrorInfo>

/** A registered error code (a key of {@link ERRORS}). */
export type ErrorCode = keyof typeof ERRORS

/** Whether `value` is a registered error code. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value)
}

/**
 * Short names of the codes of `envelope`, `keys` and the rest, kept for code written against them
 * (`ErrorCodes.ENVELOPE_EXPIRED`). Every value is a registered code (the compiler checks it); the
 * meanings are in {@link ERRORS}.
 */
export const ErrorCodes = {
  ENVELOPE_MALFORMED: 'ERR_ENVELOPE_MALFORMED',
  ENVELOPE_UNSUPPORTED: 'ERR_ENVELOPE_UNSUPPORTED',
  ENVELOPE_WRONG_KEY: 'ERR_ENVELOPE_WRONG_KEY',
  ENVELOPE_EXPIRED: 'ERR_ENVELOPE_EXPIRED',
  ENVELOPE_WRONG_CONTEXT: 'ERR_ENVELOPE_WRONG_CONTEXT',
  ENVELOPE_CONSENT: 'ERR_ENVELOPE_CONSENT',
  ENVELOPE_TOO_LARGE: 'ERR_ENVELOPE_TOO_LARGE',
  DECRYPTION_FAILED: 'ERR_DECRYPTION_FAILED',
  KEY_INVALID: 'ERR_KEY_INVALID',
  RECIPIENTS_INVALID: 'ERR_RECIPIENTS_INVALID',
  FILE_EXISTS: 'ERR_FILE_EXISTS',
  FILE_WRITE: 'ERR_FILE_WRITE',
  INPUT_INVALID: 'ERR_INPUT_INVALID',
  POLICY_PQ_REQUIRED: 'ERR_POLICY_PQ_REQUIRED',
  FRAME_REFUSED: 'ERR_FRAME_REFUSED',
} as const satisfies Record<string, ErrorCode>

/**
 * Short names of the codes only the Node side (the CLI, the frame origin server) reports, kept for
 * code written against them. Registered in {@link ERRORS}.
 */
export const NodeErrorCodes = {
  FRAMES_NOT_BUILT: 'ERR_FRAMES_NOT_BUILT',
} as const satisfies Record<string, ErrorCode>

/**
 * The base class of every error Secure Fields throws or reports.
 *
 * @example
 * ```ts
 * try { await open(envelope, key, { context }) }
 * catch (e) { if (e instanceof SecureFieldsError && e.code === 'ERR_ENVELOPE_EXPIRED') … }
 * ```
 */
export class SecureFieldsError extends Error {
  /**
   * A stable, machine-readable code from {@link ERRORS}. Typed open-ended because a code may come
   * from across the frame boundary (a newer frame origin); the library itself throws registered
   * codes only.
   */
  readonly code: ErrorCode | (string & {})

  /**
   * @param code - a stable code from {@link ERRORS}
   * @param message - a developer-facing English sentence that never holds plaintext or secrets
   * @param options - `cause` is kept for debugging only when it cannot carry secrets
   */
  constructor(code: ErrorCode | (string & {}), message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SecureFieldsError'
    this.code = code
  }
}

/** Whether `value` is a {@link SecureFieldsError}, optionally with the given code. */
export function isSecureFieldsError(value: unknown, code?: ErrorCode | (string & {})): value is SecureFieldsError {
  return value instanceof SecureFieldsError && (code === undefined || value.code === code)
}
