/**
 * Guards at the message boundary. Every message is checked here before either side acts on it:
 * anything malformed, unknown, oversized or out of place is dropped and counted by a
 * {@link DropCounter}, never thrown across.
 *
 * @module
 */
import {
  PROTOCOL_VERSION,
  type FieldConfig,
  type FieldState,
  type FrameMessage,
  type HostMessage,
} from './messages.js'
import type { FieldDemo } from './demo.js'

/** Largest serialized message accepted, in characters (an envelope is at most 24 KiB). */
export const MAX_MESSAGE_CHARS = 32 * 1024

/**
 * Longest envelope a message may carry: the crypto layer's `LIMITS.envelopeChars` (24 KiB, room
 * for eight post-quantum recipients), repeated here so that the host bundles no crypto code.
 */
export const MAX_ENVELOPE_CHARS = 24576

/** Most keys in a field's key set (the crypto layer's `LIMITS.recipients`). */
export const MAX_RECIPIENT_KEYS = 8

/** A public key as configured: one JWK, a JWKS (`{ keys }`), or an array of 1–8 JWKs. */
export const isPublicKeyConfig = (v: unknown): boolean =>
  isRec(v) || (Array.isArray(v) && v.length >= 1 && v.length <= MAX_RECIPIENT_KEYS && v.every(isRec))

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

type Rec = Record<string, unknown>
/** A plain object (not null, not an array). Shared by the guards of every page's protocol. */
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
/** A string of at most `max` characters. */
export const isStr = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max
/** A boolean. */
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean'
/** A request id: a safe, non-negative integer. */
export const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

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

/** A record of at most `maxEntries` short keys to strings of at most `maxValue` characters. */
export function isStringRecord(v: unknown, maxEntries: number, maxValue: number): v is Record<string, string> {
  if (!isRec(v)) return false
  const entries = Object.entries(v)
  return entries.length <= maxEntries && entries.every(([k, x]) => k.length <= 64 && isStr(x, maxValue))
}

/** Longest demo string per field kind and member: what each input can hold (`src/protocol/demo.ts`). */
const DEMO_LIMITS: Record<string, Record<string, number>> = {
  card: { number: 32, expiry: 8, cvc: 8 },
  ssn: { value: 16 },
  text: { value: 256 },
}

/** Whether `v` is demo values for a field of `kind`: only that kind's members, bounded strings. */
export function isFieldDemo(kind: unknown, v: unknown): v is FieldDemo {
  const limits = typeof kind === 'string' ? DEMO_LIMITS[kind] : undefined
  if (!limits || !isRec(v)) return false
  return Object.entries(v).every(([name, x]) => (name === 'touched' ? isBool(x) : Object.hasOwn(limits, name) && isStr(x, limits[name])))
}

function isConfig(v: unknown): v is FieldConfig {
  if (!isRec(v)) return false
  const options = v.options
  return (
    (v.kind === 'card' || v.kind === 'ssn' || v.kind === 'text') &&
    isStr(v.label, 200) &&
    isStr(v.locale, 35) &&
    isStringRecord(v.theme, 64, 200) &&
    (v.publicKey === null || isPublicKeyConfig(v.publicKey)) &&
    isStr(v.context, 256) &&
    isBool(v.required) &&
    isBool(v.disabled) &&
    (v.placeholder === undefined || isStr(v.placeholder, 200)) &&
    (v.expiresIn === undefined || (typeof v.expiresIn === 'number' && Number.isInteger(v.expiresIn))) &&
    isRec(options) &&
    Object.keys(options).length <= 16 &&
    Object.values(options).every((x) => isStr(x, 512) || typeof x === 'number' || isBool(x)) &&
    (v.gate === undefined || isStr(v.gate, 64)) &&
    (v.demo === undefined || isFieldDemo(v.kind, v.demo))
  )
}

/** Parses a message received by a frame; `undefined` (and a count) for anything else. */
export function parseHostMessage(data: unknown, drops: DropCounter): HostMessage | undefined {
  const m = frame(data)
  if (typeof m === 'string') return drops.drop(m)
  switch (m.t) {
    case 'config':
      return isConfig(m.config) ? { t: 'config', config: m.config } : drops.drop('malformed')
    case 'focus':
    case 'clear':
    case 'destroy':
      return { t: m.t }
    case 'seal':
      return isId(m.id) ? { t: 'seal', id: m.id } : drops.drop('malformed')
    default:
      return drops.drop('unknown')
  }
}

function isState(v: unknown): v is FieldState {
  return (
    isRec(v) &&
    isBool(v.empty) &&
    isBool(v.complete) &&
    isBool(v.valid) &&
    (v.brand === undefined || isStr(v.brand, 64)) &&
    (v.preview === undefined || isStr(v.preview, 64)) &&
    (v.code === undefined || isStr(v.code, 64)) &&
    (v.message === undefined || isStr(v.message, 300)) &&
    (v.locked === undefined || isBool(v.locked))
  )
}

/** Parses a message received by a host; `undefined` (and a count) for anything else. */
export function parseFrameMessage(data: unknown, drops: DropCounter): FrameMessage | undefined {
  const m = frame(data)
  if (typeof m === 'string') return drops.drop(m)
  switch (m.t) {
    case 'ready':
      return isStr(m.kind, 32) ? { t: 'ready', kind: m.kind } : drops.drop('malformed')
    case 'configured': {
      const r = m.refused
      if (r === undefined) return { t: 'configured' }
      return isRec(r) && isStr(r.code, 64) && isStr(r.message, 300) ? { t: 'configured', refused: { code: r.code, message: r.message } } : drops.drop('malformed')
    }
    case 'state':
      return isState(m.state) ? { t: 'state', state: m.state } : drops.drop('malformed')
    case 'focus':
    case 'blur':
    case 'submit':
      return { t: m.t }
    case 'height':
      return typeof m.px === 'number' && m.px >= 0 && m.px <= 4000 ? { t: 'height', px: m.px } : drops.drop('malformed')
    case 'sealed':
      return isId(m.id) && isStr(m.envelope, MAX_ENVELOPE_CHARS) && isStr(m.preview, 64) && isStr(m.kind, 32)
        ? { t: 'sealed', id: m.id, envelope: m.envelope, preview: m.preview, kind: m.kind }
        : drops.drop('malformed')
    case 'seal-error':
      return isId(m.id) && isStr(m.code, 64) && isStr(m.message, 300) ? { t: 'seal-error', id: m.id, code: m.code, message: m.message } : drops.drop('malformed')
    case 'error':
      return isStr(m.code, 64) && isStr(m.message, 300) && (m.fatal === undefined || isBool(m.fatal))
        ? { t: 'error', code: m.code, message: m.message, ...(m.fatal ? { fatal: true } : {}) }
        : drops.drop('malformed')
    case 'audit':
      return isStr(m.event, 32) && isStringRecord(m.detail, 16, 200) ? { t: 'audit', event: m.event, detail: m.detail } : drops.drop('malformed')
    default:
      return drops.drop('unknown')
  }
}

/** Whether `data` is the frame's boot message. */
export function isBoot(data: unknown): boolean {
  return isRec(data) && data.sf === PROTOCOL_VERSION && data.t === 'boot'
}

/** Whether `data` is the host's hello. */
export function isHello(data: unknown): boolean {
  return isRec(data) && data.sf === PROTOCOL_VERSION && data.t === 'hello'
}

/** Stamps a message with the protocol version for sending. */
export function stamp<M extends { t: string }>(message: M): M & { sf: typeof PROTOCOL_VERSION } {
  return { ...message, sf: PROTOCOL_VERSION }
}
