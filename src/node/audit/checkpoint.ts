/**
 * Checkpoints of an audit log: `<seq>:<hash>` of an entry, kept somewhere else (another system's
 * log, a ticket, a periodic message). A hash chain in one file cannot show that entries were cut
 * off its end, or that the chain was rewritten from some entry on; a later
 * `verifyAuditLog(file, { since })` against a checkpoint can: the entry must still be there, with
 * the same hash.
 *
 * @module
 */
import { SecureFieldsError } from '../../errors.js'
import { AuditErrorCodes } from './types.js'

/** An entry's place in the chain and its hash. */
export interface AuditCheckpoint {
  seq: number
  hash: string
}

const CHECKPOINT = /^(0|[1-9]\d{0,15}):([A-Za-z0-9_-]{43})$/

/** `seq:hash`, as `secure-fields audit head` prints it. */
export function formatCheckpoint(checkpoint: AuditCheckpoint): string {
  return `${checkpoint.seq}:${checkpoint.hash}`
}

/**
 * Parses `seq:hash`.
 *
 * @throws {@link SecureFieldsError} `ERR_AUDIT_INVALID` when it is not one
 */
export function parseCheckpoint(text: string): AuditCheckpoint {
  const m = CHECKPOINT.exec(text.trim())
  const seq = m ? Number(m[1]) : NaN
  if (!m || !Number.isSafeInteger(seq)) throw new SecureFieldsError(AuditErrorCodes.INVALID, 'A checkpoint is <seq>:<hash>, as `secure-fields audit head` prints it.')
  return { seq, hash: m[2]! }
}
