/**
 * The audit log verifier: re-derives every hash and link and reports, by line, each entry that was
 * altered, removed, reordered, damaged or cut short.
 *
 * @module
 */
import { createReadStream } from 'node:fs'
import { SecureFieldsError } from '../../errors.js'
import { entryHash } from './canonical.js'
import { isEntryShape } from './check.js'
import { AuditErrorCodes, GENESIS } from './types.js'
import type { AuditCheckpoint } from './checkpoint.js'

/** What went wrong with a line. */
export type AuditProblemKind = 'altered' | 'removed' | 'reordered' | 'malformed' | 'truncated' | 'checkpoint'

/** Options of {@link verifyAuditLog}. */
export interface AuditVerifyOptions {
  /**
   * A checkpoint taken earlier (`audit head`, {@link AuditLog.head}): the entry it names must still
   * be in the log with the same hash, so entries cut off the end, or a chain rewritten from some
   * entry on, show.
   */
  since?: AuditCheckpoint
}

/** One finding of {@link verifyAuditLog}. */
export interface AuditProblem {
  /** The line (from 1) where the problem shows. */
  line: number
  /** The seq of the entry on that line, when the line could be read. */
  seq?: number
  /** What went wrong. */
  problem: AuditProblemKind
  /** A sentence for the operator; never quotes the line. */
  message: string
}

/** The verdict of {@link verifyAuditLog}. */
export interface AuditVerification {
  /** No problem at all. */
  ok: boolean
  /** How many lines are well-formed entries. */
  entries: number
  /** Every problem, by line. */
  problems: AuditProblem[]
}

interface Record {
  line: number
  seq: number
  prev: string
  hash: string
}

/**
 * Verifies an audit log file.
 *
 * - altered: the entry's hash does not match its content (checked line by line);
 * - removed: a seq is missing before this entry, or its `prev` does not link to the entry before;
 * - reordered: the entry is not where its seq puts it, or repeats an earlier seq;
 * - malformed: the line is not an entry; truncated: the last line stops mid-entry.
 *
 * - checkpoint: with `since`, the checkpoint's entry is missing (entries were cut off the end) or
 *   has another hash (the chain was rewritten).
 *
 * Without a checkpoint, removing entries from the very end, or rewriting the whole chain from
 * some entry on, leaves a consistent file: keep checkpoints elsewhere and pass one as `since`.
 *
 * @throws {@link SecureFieldsError} `ERR_AUDIT_IO` when the file cannot be read
 */
export async function verifyAuditLog(file: string, options: AuditVerifyOptions = {}): Promise<AuditVerification> {
  const problems: AuditProblem[] = []
  const records: Record[] = []
  const damaged: number[] = []
  const firstLineOfSeq = new Map<number, number>()
  let entries = 0
  let lines = 0
  try {
    for await (const { text, line, terminated } of readLines(file)) {
      lines = line
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        value = undefined
      }
      if (!isEntryShape(value)) {
        damaged.push(line)
        problems.push(
          terminated
            ? { line, problem: 'malformed', message: 'not an audit entry (damaged, or written by something else)' }
            : { line, problem: 'truncated', message: 'the last line stops mid-entry (a write cut short?)' },
        )
        continue
      }
      entries++
      if (entryHash(value) !== value.hash) {
        // Its seq and prev are untrusted now: count it as a damaged slot in the chain, not as a link.
        damaged.push(line)
        problems.push({ line, seq: value.seq, problem: 'altered', message: 'the hash does not match the content: the entry was changed' })
        continue
      }
      const earlier = firstLineOfSeq.get(value.seq)
      if (earlier !== undefined) {
        problems.push({ line, seq: value.seq, problem: 'reordered', message: `seq ${value.seq} already appeared on line ${earlier}` })
        continue
      }
      firstLineOfSeq.set(value.seq, line)
      records.push({ line, seq: value.seq, prev: value.prev, hash: value.hash })
    }
  } catch (cause) {
    throw new SecureFieldsError(AuditErrorCodes.IO, 'The audit log cannot be read.', { cause })
  }
  problems.push(...orderProblems(records), ...chainProblems(records, damaged))
  if (options.since) problems.push(...checkpointProblems(records, options.since, lines))
  problems.sort((a, b) => a.line - b.line)
  return { ok: problems.length === 0, entries, problems }
}

/** The checkpoint's entry must be there, intact, with the checkpoint's hash. */
function checkpointProblems(records: Record[], since: AuditCheckpoint, lines: number): AuditProblem[] {
  const at = records.find((r) => r.seq === since.seq)
  if (!at) {
    const last = records.reduce((max, r) => Math.max(max, r.seq), -1)
    return [
      {
        line: lines + 1,
        seq: since.seq,
        problem: 'checkpoint',
        message:
          last < since.seq
            ? `the checkpoint names seq ${since.seq}, but the log ends at ${last < 0 ? 'no entry' : `seq ${last}`}: entries were cut off its end`
            : `the checkpoint's entry, seq ${since.seq}, is not intact in the log`,
      },
    ]
  }
  if (at.hash !== since.hash) {
    return [{ line: at.line, seq: at.seq, problem: 'checkpoint', message: 'this entry has another hash than the checkpoint: the chain was rewritten from here or before' }]
  }
  return []
}

/** Entries that are not where their seq puts them (comparing file order with seq order). */
function orderProblems(records: Record[]): AuditProblem[] {
  const sorted = [...records].sort((a, b) => a.seq - b.seq)
  return records.flatMap((r, i) =>
    r.seq === sorted[i]!.seq
      ? []
      : [{ line: r.line, seq: r.seq, problem: 'reordered' as const, message: `found where seq ${sorted[i]!.seq} belongs` }],
  )
}

/** Gaps in seq and broken links, walking the entries in seq order. */
function chainProblems(records: Record[], damaged: number[]): AuditProblem[] {
  const problems: AuditProblem[] = []
  const sorted = [...records].sort((a, b) => a.seq - b.seq)
  let before: Record = { line: 0, seq: -1, prev: GENESIS, hash: GENESIS }
  for (const r of sorted) {
    const missing = r.seq - before.seq - 1
    if (missing > 0) {
      // A damaged or altered line in between may be the missing entry itself: it is reported already.
      const [lo, hi] = [Math.min(before.line, r.line), Math.max(before.line, r.line)]
      const unexplained = missing - damaged.filter((l) => l > lo && l < hi).length
      if (unexplained > 0) {
        const range = missing === 1 ? `seq ${before.seq + 1} is` : `seq ${before.seq + 1}–${r.seq - 1} are`
        problems.push({ line: r.line, seq: r.seq, problem: 'removed', message: `${range} missing before this entry` })
      }
    } else if (r.prev !== before.hash) {
      problems.push({
        line: r.line,
        seq: r.seq,
        problem: 'removed',
        message: `does not link to seq ${before.seq}: an entry was removed here, or the entry before was rewritten`,
      })
    }
    before = r
  }
  return problems
}

/** The file's lines (split on LF only), numbered from 1, and whether each ends with a LF. */
async function* readLines(file: string): AsyncGenerator<{ text: string; line: number; terminated: boolean }> {
  let line = 0
  let pending = Buffer.alloc(0)
  for await (const chunk of createReadStream(file)) {
    let data = Buffer.concat([pending, chunk as Buffer])
    let cut: number
    while ((cut = data.indexOf(0x0a)) >= 0) {
      yield { text: data.subarray(0, cut).toString('utf8'), line: ++line, terminated: true }
      data = data.subarray(cut + 1)
    }
    pending = Buffer.from(data)
  }
  if (pending.length > 0) yield { text: pending.toString('utf8'), line: ++line, terminated: false }
}
