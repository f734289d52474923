/**
 * What an audit entry may hold. Inputs are checked before they are chained, and every line is
 * checked again when the log is read, so a hand-edited line with an odd shape is reported rather
 * than trusted.
 *
 * @module
 */
import { SecureFieldsError } from '../../errors.js'
import { AUDIT_EVENTS, AuditErrorCodes, type AuditEntry, type AuditInput } from './types.js'

const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/u
const ID = /^[A-Za-z0-9_-]{1,64}$/
const KIND = /^[a-z][a-z0-9-]{0,31}$/
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/
const DIGEST = /^[A-Za-z0-9_-]{43}$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
// Twelve digits, optionally split by single spaces, dots or hyphens ("4242 4242 4242 4242"):
// card and account numbers look like this; identifiers and codes of this log never need to.
const LONG_DIGITS = /\d(?:[ .-]?\d){11}/
const MAX_DETAILS = 16
const MAX_DETAIL_CHARS = 256

/** The fields an input may carry, with their shape and size. */
const FIELDS: Record<Exclude<keyof AuditInput, 'event' | 'detail'>, (v: string) => boolean> = {
  envelopeId: (v) => ID.test(v),
  conversation: (v) => v.length > 0 && v.length <= 256 && PRINTABLE.test(v),
  kind: (v) => KIND.test(v),
  actor: (v) => v.length > 0 && v.length <= 128 && PRINTABLE.test(v),
  code: (v) => CODE.test(v),
}

const invalid = (why: string) => new SecureFieldsError(AuditErrorCodes.INVALID, `Invalid audit entry: ${why}.`)

/**
 * Checks an input and returns a copy holding only its known fields.
 *
 * Messages name the field, never its value: a refused value may be exactly what must not be logged.
 *
 * @throws {@link SecureFieldsError} `ERR_AUDIT_INVALID`, `ERR_AUDIT_SUSPECT_VALUE`
 */
export function checkInput(input: AuditInput): AuditInput {
  if (typeof input !== 'object' || input === null) throw invalid('the entry must be an object')
  const out: AuditInput = { event: input.event }
  if (!(AUDIT_EVENTS as readonly unknown[]).includes(input.event)) throw invalid(`event must be one of ${AUDIT_EVENTS.join(', ')}`)
  for (const key of Object.keys(input)) {
    if (key === 'event' || key === 'detail' || (input as unknown as Record<string, unknown>)[key] === undefined) continue
    if (!(key in FIELDS)) throw invalid('it has a field the log does not record')
    const field = key as keyof typeof FIELDS
    const value = input[field]
    if (typeof value !== 'string' || !FIELDS[field](value)) throw invalid(`${field} has the wrong shape or size`)
    // Identifiers (envelope, conversation, actor) are not scanned for long numbers: numeric ids
    // ("order-123456789012", snowflakes) are common, and refusing them would refuse the event.
    out[field] = value
  }
  if (input.detail !== undefined) out.detail = checkDetail(input.detail)
  return out
}

function checkDetail(detail: unknown): Record<string, string> {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) throw invalid('detail must be an object of strings')
  const entries = Object.entries(detail)
  if (entries.length > MAX_DETAILS) throw invalid(`detail has more than ${MAX_DETAILS} members`)
  const out: Record<string, string> = {}
  for (const [key, value] of entries) {
    if (!DETAIL_KEY.test(key)) throw invalid('a detail key has the wrong shape')
    if (typeof value !== 'string' || value.length > MAX_DETAIL_CHARS || !PRINTABLE.test(value)) {
      throw invalid(`detail.${key} must be printable text of at most ${MAX_DETAIL_CHARS} characters`)
    }
    if (LONG_DIGITS.test(key) || LONG_DIGITS.test(value)) {
      throw new SecureFieldsError(
        AuditErrorCodes.SUSPECT_VALUE,
        `Refused audit entry: detail.${LONG_DIGITS.test(key) ? '<key>' : key} looks like it holds a long number (12 or more digits); log identifiers, never values.`,
      )
    }
    out[key] = value
  }
  return out
}

/**
 * Whether a parsed line has the shape of an entry (types and sizes; the hash judges the content).
 */
export function isEntryShape(value: unknown): value is AuditEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const e = value as Record<string, unknown>
  const known = new Set(['seq', 'time', 'event', 'prev', 'hash', 'detail', ...Object.keys(FIELDS)])
  if (Object.keys(e).some((k) => !known.has(k))) return false
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 0) return false
  if (typeof e.time !== 'string' || !ISO_TIME.test(e.time)) return false
  if (!(AUDIT_EVENTS as readonly unknown[]).includes(e.event)) return false
  if (typeof e.prev !== 'string' || !DIGEST.test(e.prev) || typeof e.hash !== 'string' || !DIGEST.test(e.hash)) return false
  for (const key of Object.keys(FIELDS)) if (e[key] !== undefined && typeof e[key] !== 'string') return false
  if (e.detail !== undefined) {
    if (typeof e.detail !== 'object' || e.detail === null || Array.isArray(e.detail)) return false
    if (Object.values(e.detail).some((v) => typeof v !== 'string')) return false
  }
  return true
}
