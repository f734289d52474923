/**
 * The audit log's vocabulary: events, the entry a caller appends, the entry as written, and the
 * error codes. See `docs/audit-log.md`.
 *
 * @module
 */
import type { ErrorCode } from '../../errors.js'

/**
 * Every event the log records, in the order of an envelope's life, then `redacted`: numbers masked
 * in a chat message (by `redact`), counted per kind in `detail`.
 */
export const AUDIT_EVENTS = ['sealed', 'stored', 'claimed', 'released', 'taken', 'revealed', 'hidden', 'wiped', 'expired', 'refused', 'failed', 'redacted'] as const

/** One of {@link AUDIT_EVENTS}. */
export type AuditEvent = (typeof AUDIT_EVENTS)[number]

/**
 * What a caller appends. Only identifiers and non-secret words: the log is read by operators and
 * must never hold a value a customer typed.
 */
export interface AuditInput {
  /** What happened. */
  event: AuditEvent
  /** The envelope concerned (its `jti`). */
  envelopeId?: string
  /** The conversation concerned. */
  conversation?: string
  /** The field kind (`card`, `ssn`…). */
  kind?: string
  /** Who acted: an agent id, a service name. */
  actor?: string
  /** A stable error code for `refused` and `failed` (`ERR_…`). */
  code?: string
  /**
   * A few more non-secret words (at most 16 string values of at most 256 characters). An entry
   * whose conversation, actor or details hold a card number, SSN or IBAN is refused: see
   * `ERR_AUDIT_SUSPECT_VALUE`.
   */
  detail?: Record<string, string>
}

/** An entry as written: the input, its place in the chain, and its hash. */
export interface AuditEntry extends AuditInput {
  /** Position in the log, from 0, with no gaps. */
  seq: number
  /** When it was appended, ISO 8601 UTC. */
  time: string
  /** The previous entry's `hash`, or {@link GENESIS} for the first entry. */
  prev: string
  /** base64url SHA-256 of the canonical JSON of this entry without `hash`. */
  hash: string
}

/** The `prev` of the first entry: 43 × `A`, the base64url of 32 zero bytes. */
export const GENESIS = 'A'.repeat(43)

/**
 * Short names of the audit log's codes (thrown as `SecureFieldsError`). Every value is a
 * registered code; the meanings are in the registry (`ERRORS`, `src/errors.ts`).
 */
export const AuditErrorCodes = {
  INVALID: 'ERR_AUDIT_INVALID',
  SUSPECT_VALUE: 'ERR_AUDIT_SUSPECT_VALUE',
  CLOSED: 'ERR_AUDIT_CLOSED',
  IO: 'ERR_AUDIT_IO',
} as const satisfies Record<string, ErrorCode>
