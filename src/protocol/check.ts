/**
 * What every message of every page's protocol is checked for before its own guard looks at it —
 * the version stamp, the size, a string `t` — and the small checks every guard is built from.
 * Dropped messages are counted by a {@link DropCounter}, never thrown across.
 *
 * Imports nothing: every other protocol module builds on this one.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */

/** Protocol version. A frame and a host of different versions refuse each other. */
export const PROTOCOL_VERSION = 1

/** Largest serialized message accepted, in characters (an envelope is at most 24 KiB). */
export const MAX_MESSAGE_CHARS = 32 * 1024

/** Why a message was dropped. */
export type DropReason = 'malformed' | 'version' | 'unknown' | 'oversized' | 'out-of-order' | 'origin' | 'policy'

/** Counts dropped messages by reason; a debugging aid and what tests assert on. */
export class DropCounter {
  // `policy`: a well-formed member the frame origin's policy does not allow (demo values on a
  // production origin), dropped while the rest of the message is used.
  readonly counts: Record<DropReason, number> = { malformed: 0, version: 0, unknown: 0, oversized: 0, 'out-of-order': 0, origin: 0, policy: 0 }

  /** Records one dropped message. */
  drop(reason: DropReason): undefined {
    this.counts[reason]++
    return undefined
  }

  /** Total dropped. */
  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0)
  }
}

/** A message as it arrived: a plain object, not yet checked beyond its envelope. */
export type Rec = Record<string, unknown>
/** A plain object (not null, not an array). Shared by the guards of every page's protocol. */
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
/** A string of at most `max` characters. */
export const isStr = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max
/** A boolean. */
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean'
/** A request id: a safe, non-negative integer. */
export const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/** A record of at most `maxEntries` short keys to strings of at most `maxValue` characters. */
export function isStringRecord(v: unknown, maxEntries: number, maxValue: number): v is Record<string, string> {
  if (!isRec(v)) return false
  const entries = Object.entries(v)
  return entries.length <= maxEntries && entries.every(([k, x]) => k.length <= 64 && isStr(x, maxValue))
}

/** Size of a structured-clone payload, approximated by its JSON length; non-JSON data is malformed. */
function sizeOf(data: unknown): number | undefined {
  try {
    return JSON.stringify(data)?.length
  } catch {
    return undefined
  }
}

/** Checks the version stamp and size; returns the record or a drop reason. */
export function frame(data: unknown): Rec | DropReason {
  if (!isRec(data)) return 'malformed'
  if (data.sf !== PROTOCOL_VERSION) return typeof data.sf === 'number' ? 'version' : 'malformed'
  const size = sizeOf(data)
  if (size === undefined) return 'malformed'
  if (size > MAX_MESSAGE_CHARS) return 'oversized'
  if (typeof data.t !== 'string') return 'malformed'
  return data
}

/**
 * A guard for one message type: the message rebuilt from its checked members, or `undefined` when
 * a member is wrong (the message is then dropped as malformed).
 */
export type MessageGuard<M> = (m: Rec) => M | undefined

/**
 * One guard per message type of a union: the compiler holds a table to every member of the union
 * (`satisfies GuardTable<M>`), so a message added to a protocol without a guard does not compile.
 */
export type GuardTable<M extends { t: string }> = { readonly [T in M['t']]: MessageGuard<Extract<M, { t: T }>> }

/**
 * Parses `data` with the guard its `t` names: the message, or `undefined` and a count (`unknown`
 * for a type the table has no guard for, `malformed` for one its guard refuses).
 */
export function parseWith<M extends { t: string }>(guards: GuardTable<M>, data: unknown, drops: DropCounter): M | undefined {
  const m = frame(data)
  if (typeof m === 'string') return drops.drop(m)
  const guard = Object.hasOwn(guards, m.t as string) ? (guards as Record<string, MessageGuard<M>>)[m.t as string] : undefined
  if (!guard) return drops.drop('unknown')
  return guard(m) ?? drops.drop('malformed')
}

/** Stamps a message with the protocol version for sending. */
export function stamp<M extends { t: string }>(message: M): M & { sf: typeof PROTOCOL_VERSION } {
  return { ...message, sf: PROTOCOL_VERSION }
}
