/**
 * The one error class of Secure Fields.
 *
 * Every failure the library reports — in the browser, in Node, across the frame boundary — is a
 * {@link SecureFieldsError} with a stable {@link ErrorCode}. Messages are written for developers and
 * never contain plaintext, key material or any value a customer typed: callers may log them.
 *
 * @module
 */

/**
 * Stable error codes. Match on these, never on messages.
 *
 * Envelope codes (`ERR_ENVELOPE_*`) come from `seal`, `open` and `inspect`; key codes from JWK
 * handling; the rest from the elements, the frame server and the Node helpers.
 */
export const ErrorCodes = {
  /** The envelope is not a well-formed envelope of this profile (compact or JSON), or its padding is not what its header says. */
  ENVELOPE_MALFORMED: 'ERR_ENVELOPE_MALFORMED',
  /** The envelope names an `alg` this suite does not open, or carries a header the profile forbids. */
  ENVELOPE_UNSUPPORTED: 'ERR_ENVELOPE_UNSUPPORTED',
  /** The envelope was sealed to another key (`kid` differs from the key's thumbprint). */
  ENVELOPE_WRONG_KEY: 'ERR_ENVELOPE_WRONG_KEY',
  /** The envelope's `exp` has passed. */
  ENVELOPE_EXPIRED: 'ERR_ENVELOPE_EXPIRED',
  /** The envelope was sealed for another context (conversation). */
  ENVELOPE_WRONG_CONTEXT: 'ERR_ENVELOPE_WRONG_CONTEXT',
  /** The envelope lacks a consent digest that the caller required, or carries another one. */
  ENVELOPE_CONSENT: 'ERR_ENVELOPE_CONSENT',
  /** The envelope or the plaintext exceeds the profile's size limits. */
  ENVELOPE_TOO_LARGE: 'ERR_ENVELOPE_TOO_LARGE',
  /**
   * Any failure of the cryptography itself. Deliberately uniform: tag mismatch, bad encapsulated
   * key, tampered header and low-order points all look the same, so there is no oracle.
   */
  DECRYPTION_FAILED: 'ERR_DECRYPTION_FAILED',
  /** A JWK is not a usable key of this suite. */
  KEY_INVALID: 'ERR_KEY_INVALID',
  /**
   * The keys given to `seal` cannot share one envelope: none, more than eight, the same key twice,
   * an Integrated Encryption key (`HPKE-4`, `HPKE-9`) beside others, or quantum-vulnerable
   * recipients beside post-quantum ones (draft-ietf-jose-hpke-pq-pqt §5 forbids the mix).
   */
  RECIPIENTS_INVALID: 'ERR_RECIPIENTS_INVALID',
  /** A file the CLI would write exists already (it never overwrites keys). */
  FILE_EXISTS: 'ERR_FILE_EXISTS',
  /** A file could not be written. */
  FILE_WRITE: 'ERR_FILE_WRITE',
  /** An argument (claims, options, plaintext type) is not acceptable. */
  INPUT_INVALID: 'ERR_INPUT_INVALID',
  /**
   * The frame origin's policy seals this kind to post-quantum keys only (`requirePq`), and the
   * field's key or key set is not (or not only) post-quantum.
   */
  POLICY_PQ_REQUIRED: 'ERR_POLICY_PQ_REQUIRED',
  /**
   * The frame origin does not allow this page as a parent: its frames refuse to show here, and a
   * loader requested from such a page is a module that only says so (console and `secure-error`).
   */
  FRAME_REFUSED: 'ERR_FRAME_REFUSED',
} as const

/**
 * Codes only the Node side (the CLI, the frame origin server) reports: apart from
 * {@link ErrorCodes}, so browser bundles do not carry them.
 */
export const NodeErrorCodes = {
  /** The frame origin's folder holds no built frames (`secure-fields serve --dir`, `integrity`). */
  FRAMES_NOT_BUILT: 'ERR_FRAMES_NOT_BUILT',
} as const

/** One of the stable codes of {@link ErrorCodes}. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

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
  /** A stable, machine-readable code. */
  readonly code: ErrorCode | (string & {})

  /**
   * @param code - a stable code from {@link ErrorCodes} (or a module's own documented code)
   * @param message - a developer-facing sentence that never holds plaintext or secrets
   * @param options - `cause` is kept for debugging only when it cannot carry secrets
   */
  constructor(code: ErrorCode | (string & {}), message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SecureFieldsError'
    this.code = code
  }
}

/** Whether `value` is a {@link SecureFieldsError}, optionally with the given code. */
export function isSecureFieldsError(value: unknown, code?: string): value is SecureFieldsError {
  return value instanceof SecureFieldsError && (code === undefined || value.code === code)
}
