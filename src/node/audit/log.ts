/**
 * The audit log writer: an append-only JSON-lines file in which every entry carries the hash of the
 * one before it, so that a removed, altered or reordered entry shows (see `verifyAuditLog`).
 *
 * One process writes a given file; within it, appends are serialized so concurrent callers never
 * interleave lines or fork the chain.
 *
 * @module
 */
import { mkdirSync } from 'node:fs'
import { open, readFile, type FileHandle } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { SecureFieldsError } from '../../errors.js'
import { entryHash } from './canonical.js'
import { checkInput, isEntryShape } from './check.js'
import { AuditErrorCodes, GENESIS, type AuditEntry, type AuditInput } from './types.js'

/** Options of {@link openAuditLog}. */
export interface AuditLogOptions {
  /**
   * Flush every entry to the disk (`fdatasync`) before `append` resolves; default `true`, so an
   * acknowledged entry survives power loss. `false` trades that for speed.
   */
  sync?: boolean
  /** The clock, in milliseconds since the epoch (default `Date.now`); for tests. */
  clock?: () => number
}

/** An open audit log. */
export interface AuditLog {
  /**
   * Appends an entry and resolves with it as written (seq, time, prev, hash filled in).
   *
   * @throws {@link SecureFieldsError} `ERR_AUDIT_INVALID`, `ERR_AUDIT_SUSPECT_VALUE`,
   *   `ERR_AUDIT_CLOSED`, `ERR_AUDIT_IO`
   */
  append(input: AuditInput): Promise<AuditEntry>
  /**
   * Every well-formed entry in file order. Damaged lines are skipped: use `verifyAuditLog` to
   * judge the log's integrity.
   */
  entries(): Promise<AuditEntry[]>
  /** The last entry's seq and hash (what the next entry will link to); keep a copy elsewhere to detect truncation. */
  readonly head: { seq: number; hash: string } | undefined
  /** Waits for pending appends and closes the file. Idempotent. */
  close(): Promise<void>
}

// Entries are small (bounded fields), so the last complete one is found within the final chunks.
const TAIL_CHUNK = 64 * 1024

/**
 * Opens (creating if needed) an audit log and continues its chain from the last entry on disk.
 *
 * A damaged last line (a write cut short by a crash) is left in place — the log is append-only and
 * the verifier will report it — and the next entry starts on a fresh line, linked to the last intact
 * entry.
 *
 * @throws {@link SecureFieldsError} `ERR_AUDIT_IO` when the file cannot be opened
 */
export async function openAuditLog(file: string, options: AuditLogOptions = {}): Promise<AuditLog> {
  const { sync = true, clock = Date.now } = options
  let fh: FileHandle
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true })
    fh = await open(file, 'a+', 0o640)
  } catch (cause) {
    throw new SecureFieldsError(AuditErrorCodes.IO, 'The audit log cannot be opened.', { cause })
  }
  let { head, unterminated } = await readTail(fh)
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  async function write(input: AuditInput): Promise<AuditEntry> {
    if (closed) throw new SecureFieldsError(AuditErrorCodes.CLOSED, 'The audit log is closed.')
    // Absent fields are left out, not set to undefined: the entry returned equals the line written.
    const body = Object.fromEntries(
      Object.entries({
        seq: head ? head.seq + 1 : 0,
        time: new Date(clock()).toISOString(),
        event: input.event,
        envelopeId: input.envelopeId,
        conversation: input.conversation,
        kind: input.kind,
        actor: input.actor,
        code: input.code,
        detail: input.detail,
        prev: head ? head.hash : GENESIS,
      }).filter(([, v]) => v !== undefined),
    ) as Omit<AuditEntry, 'hash'>
    const entry: AuditEntry = { ...body, hash: entryHash(body) }
    // One buffer, written with O_APPEND: a line is never split by another write of this process.
    const bytes = Buffer.from(`${unterminated ? '\n' : ''}${JSON.stringify(entry)}\n`, 'utf8')
    let written = 0
    try {
      while (written < bytes.length) written += (await fh.write(bytes, written)).bytesWritten
    } catch (cause) {
      // Half a line may be on disk: the next entry must start on a line of its own.
      if (written > 0) unterminated = true
      throw new SecureFieldsError(AuditErrorCodes.IO, 'The audit entry could not be written.', { cause })
    }
    unterminated = false
    head = { seq: entry.seq, hash: entry.hash }
    if (sync) {
      try {
        await fh.datasync()
      } catch (cause) {
        throw new SecureFieldsError(AuditErrorCodes.IO, 'The audit entry was written but not flushed to disk.', { cause })
      }
    }
    return entry
  }

  return {
    append(input) {
      let checked: AuditInput
      try {
        checked = checkInput(input)
      } catch (error) {
        return Promise.reject(error)
      }
      const run = queue.then(() => write(checked))
      queue = run.catch(() => undefined)
      return run
    },
    async entries() {
      const text = await readFile(file, 'utf8')
      return text.split('\n').flatMap((line) => {
        const entry = parseLine(line)
        return entry ? [entry] : []
      })
    },
    get head() {
      return head ? { ...head } : undefined
    },
    async close() {
      if (closed) return
      closed = true
      await queue
      await fh.close()
    },
  }
}

/**
 * The last intact entry's seq and hash, read from the end of the file without opening it for
 * writing: what `secure-fields audit head` prints as a checkpoint. Undefined for an empty log.
 *
 * @throws {@link SecureFieldsError} `ERR_AUDIT_IO` when the file cannot be read
 */
export async function readAuditHead(file: string): Promise<{ seq: number; hash: string } | undefined> {
  let fh: FileHandle
  try {
    fh = await open(file, 'r')
  } catch (cause) {
    throw new SecureFieldsError(AuditErrorCodes.IO, 'The audit log cannot be read.', { cause })
  }
  try {
    return (await readTail(fh)).head
  } catch (cause) {
    throw new SecureFieldsError(AuditErrorCodes.IO, 'The audit log cannot be read.', { cause })
  } finally {
    await fh.close()
  }
}

function parseLine(line: string): AuditEntry | undefined {
  if (line === '') return undefined
  try {
    const value: unknown = JSON.parse(line)
    return isEntryShape(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Finds the last intact entry by reading the file backwards, and whether the file ends mid-line. */
async function readTail(fh: FileHandle): Promise<{ head: { seq: number; hash: string } | undefined; unterminated: boolean }> {
  const { size } = await fh.stat()
  if (size === 0) return { head: undefined, unterminated: false }
  const last = Buffer.alloc(1)
  await fh.read(last, 0, 1, size - 1)
  const unterminated = last[0] !== 0x0a
  let end = size
  // Bytes of a line that begins in an earlier chunk; kept as bytes so a UTF-8 character split
  // across chunks is decoded whole.
  let carry = Buffer.alloc(0)
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK)
    const chunk = Buffer.alloc(end - start)
    await fh.read(chunk, 0, chunk.length, start)
    let text = Buffer.concat([chunk, carry])
    let cut = text.lastIndexOf(0x0a)
    let tail = text.length
    while (cut >= 0) {
      const entry = parseLine(text.subarray(cut + 1, tail).toString('utf8'))
      if (entry) return { head: { seq: entry.seq, hash: entry.hash }, unterminated }
      tail = cut
      cut = cut === 0 ? -1 : text.lastIndexOf(0x0a, cut - 1)
    }
    text = text.subarray(0, tail)
    if (start === 0) {
      const entry = parseLine(text.toString('utf8'))
      return { head: entry ? { seq: entry.seq, hash: entry.hash } : undefined, unterminated }
    }
    carry = Buffer.from(text)
    end = start
  }
  return { head: undefined, unterminated }
}
