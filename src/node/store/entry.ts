/**
 * Checks an envelope and its metadata before any backend stores them. Shared by every backend so
 * that they accept and refuse exactly the same inputs.
 *
 * @module
 */
import { inspect, LIMITS, SecureFieldsError, ErrorCodes, type EnvelopeHeader } from '../../crypto/index.js'
import { CLAIM_TTL, StoreErrorCodes, type ClaimOptions, type EnvelopeMeta, type TakeOptions } from './types.js'

/** A record ready to be written by a backend. */
export interface PreparedEntry {
  /** The id: the envelope's `jti`. */
  id: string
  /** The envelope itself. */
  envelope: string
  /** The metadata, defaults filled in from the header. */
  meta: EnvelopeMeta
  /** When it is being stored, in milliseconds. */
  storedAt: number
  /**
   * The header's `exp` in milliseconds: a taken id stays refused until then, because until then
   * its envelope could still be opened if it were stored again.
   */
  sealedExp: number
}

// The header's jti shape (src/crypto/header.ts). Ids are checked before any lookup so a caller can
// never address a backend's own bookkeeping keys (e.g. Redis index keys, which contain a colon).
const ID = /^[A-Za-z0-9_-]{16,64}$/
const KIND = /^[a-z][a-z0-9-]{0,31}$/
// Printable: metadata is echoed in transcripts, logs and headers.
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/u

/** Whether `id` has the shape of a store id (an envelope `jti`). */
export function isStoreId(id: unknown): id is string {
  return typeof id === 'string' && ID.test(id)
}

const invalid = (why: string) => new SecureFieldsError(ErrorCodes.INPUT_INVALID, `Invalid envelope metadata: ${why}.`)

/**
 * Validates an envelope for storage and derives its metadata.
 *
 * @throws {@link SecureFieldsError} the `inspect` codes, `ERR_ENVELOPE_EXPIRED`, `ERR_INPUT_INVALID`
 */
export function prepareEntry(envelope: string, overrides: Partial<EnvelopeMeta> | undefined, now: number): PreparedEntry {
  const header: EnvelopeHeader = inspect(envelope)
  const sealedExp = header.exp * 1000
  const meta: EnvelopeMeta = {
    conversation: overrides?.conversation ?? header.ctx,
    preview: overrides?.preview ?? header.preview,
    kind: overrides?.kind ?? header.kind,
    expiresAt: overrides?.expiresAt ?? sealedExp,
  }
  checkMeta(meta, sealedExp)
  if (meta.expiresAt <= now) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_EXPIRED, 'The envelope has expired; it was not stored.')
  }
  return { id: header.jti, envelope, meta, storedAt: now, sealedExp }
}

function checkMeta(meta: EnvelopeMeta, sealedExp: number): void {
  const { conversation, preview, kind, expiresAt } = meta
  if (typeof conversation !== 'string' || conversation.length === 0 || !PRINTABLE.test(conversation)) {
    throw invalid('conversation must be a non-empty printable string')
  }
  if (conversation.length > LIMITS.contextChars) throw invalid(`conversation is longer than ${LIMITS.contextChars} characters`)
  if (typeof preview !== 'string' || (preview !== '' && !PRINTABLE.test(preview))) throw invalid('preview must be printable text')
  if (preview.length > LIMITS.previewChars) throw invalid(`preview is longer than ${LIMITS.previewChars} characters`)
  if (typeof kind !== 'string' || !KIND.test(kind)) throw invalid('kind must match [a-z][a-z0-9-]{0,31}')
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) throw invalid('expiresAt must be whole milliseconds since the epoch')
  if (expiresAt > sealedExp) throw invalid('expiresAt may not be later than the envelope\'s own exp')
}

const HOLDER = /^[^\u0000-\u001f\u007f]{1,128}$/u

/**
 * Checks the options of `claim` and returns the holder and the claim's end (never past `expiresAt`
 * is for the backend to apply, which knows the record).
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID`
 */
export function claimTerms(options: ClaimOptions): { holder: string; now: number; until: number } {
  const { holder, ttl = CLAIM_TTL.default, now = Date.now() } = options ?? ({} as ClaimOptions)
  if (typeof holder !== 'string' || !HOLDER.test(holder)) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, 'A claim holder is printable text of 1 to 128 characters.')
  if (!Number.isSafeInteger(ttl) || ttl < 1 || ttl > CLAIM_TTL.max) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `A claim lasts 1 to ${CLAIM_TTL.max} ms.`)
  return { holder, now, until: now + ttl }
}

/** `take`'s options: a bare number is the time, as before claims existed. */
export function takeTerms(options: number | TakeOptions | undefined): { now: number; holder: string | undefined } {
  if (typeof options === 'number' || options === undefined) return { now: options ?? Date.now(), holder: undefined }
  return { now: options.now ?? Date.now(), holder: options.holder }
}

/** The error of `claim` and `take` for an envelope another holder's claim holds. */
export function held(): SecureFieldsError {
  return new SecureFieldsError(StoreErrorCodes.HELD, 'This envelope is being revealed elsewhere (claimed by another holder); try again when that claim ends.')
}

/** The error of `put` for an id that is stored or was taken. */
export function duplicate(taken: boolean): SecureFieldsError {
  return new SecureFieldsError(
    StoreErrorCodes.DUPLICATE,
    taken ? 'This envelope was already taken; it cannot be stored again.' : 'An envelope with this id is already stored.',
  )
}

/** The error of any call on a closed store. */
export function closedError(): SecureFieldsError {
  return new SecureFieldsError(StoreErrorCodes.CLOSED, 'The envelope store is closed.')
}

/** The error for a record that cannot be read back. Never quotes the record. */
export function corrupt(why: string): SecureFieldsError {
  return new SecureFieldsError(StoreErrorCodes.CORRUPT, `A stored record cannot be read: ${why}.`)
}
