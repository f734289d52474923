/**
 * The consent gate's protocol. Two channels, two unions:
 *
 * - host ↔ gate frame, over the port of the common handshake (`boot`/`hello`, see `messages.ts`):
 *   {@link GateHostMessage} and {@link GateFrameMessage}. The host configures the text and learns
 *   the gate id, the state, and the receipt — never a way to give consent.
 * - gate frame ↔ field frames, on the frame origin only: a `BroadcastChannel` named
 *   {@link CONSENT_CHANNEL} ({@link ConsentBroadcast}). A BroadcastChannel reaches only contexts of
 *   the same origin in the same storage partition (HTML §9.5 "Broadcasting to other browsing
 *   contexts"), so a host page, which runs on another origin, can neither post into it nor listen.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import { PROTOCOL_VERSION, frame, isBool, isRec, isStr, isStringRecord, parseWith, type DropCounter, type GuardTable } from './check.js'
import { isProblem, withCommonGuards } from './guards.js'
import type { CommonFrameMessage, DestroyMessage, Problem } from './messages.js'
import { isGateDemo, type GateDemo } from './demo.js'
import { b64uEncode, utf8 } from '../crypto/bytes.js'
import type { ErrorCode } from '../errors.js'

/** Name of the frame origin's BroadcastChannel between gate frames and field frames. */
export const CONSENT_CHANNEL = 'secure-fields:consent:v1'

/**
 * The `gate` a field element sends while it sits inside a `<consent-gate>` whose frame has not
 * told its id yet: the field frame locks at once and waits for the real id. Never a real id (those
 * are 22 base64url characters).
 */
export const GATE_PENDING = 'pending'

/**
 * Short names of the consent codes, kept for code written against them. Every value is a
 * registered code; the meanings are in the registry (`ERRORS`, `src/errors.ts`).
 */
export const ConsentErrorCodes = {
  CONSENT_REQUIRED: 'ERR_CONSENT_REQUIRED',
  POLICY_CONSENT_REQUIRED: 'ERR_POLICY_CONSENT_REQUIRED',
  CONSENT_OBSCURED: 'ERR_CONSENT_OBSCURED',
  CONSENT_MOVED: 'ERR_CONSENT_MOVED',
  GATE_CONFIG: 'ERR_GATE_CONFIG',
} as const satisfies Record<string, ErrorCode>

/** What the customer agreed to: every member is shown to them or derived from what was shown. */
export interface ConsentReceipt {
  /** The purpose, as shown. */
  purpose: string
  /** The privacy policy's URL (http or https), as linked. */
  policyUrl: string
  /** The policy's version, as shown. */
  policyVersion: string
  /** base64url SHA-256 of the exact text the gate showed (see {@link consentText}). */
  textDigest: string
  /** When the customer consented, ISO 8601 in UTC (`Date.prototype.toISOString`). */
  time: string
}

const RECEIPT_KEYS = ['policyUrl', 'policyVersion', 'purpose', 'textDigest', 'time'] as const

/**
 * The canonical JSON of a receipt (docs/envelope.md, "Consent"): RFC 8785 (JCS). For an object
 * whose members are all strings, JCS is: members sorted by key (UTF-16 code units, §3.2.3), no
 * white space, strings serialized as `JSON.stringify` does (§3.2.2.2). Only the five receipt
 * members are included, so an extra member can never change the digest.
 */
export function canonicalReceipt(receipt: ConsentReceipt): string {
  return `{${RECEIPT_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(receipt[k])}`).join(',')}}`
}

/** base64url SHA-256 of the UTF-8 of `text` (WebCrypto, in frames, browsers and Node alike). */
export async function digestText(text: string): Promise<string> {
  return b64uEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))))
}

/** The receipt's digest, bound into every envelope sealed behind the gate: SHA-256 of {@link canonicalReceipt}. */
export function receiptDigest(receipt: ConsentReceipt): Promise<string> {
  return digestText(canonicalReceipt(receipt))
}

/**
 * The exact text a gate shows, in reading order, one line each: title, purpose, policy link text,
 * version line, consent label. Its SHA-256 is the receipt's `textDigest`; the gate builds its DOM
 * from these same strings.
 */
export function consentText(lines: { title: string; purpose: string; policy: string; version: string; agree: string }): string {
  return [lines.title, lines.purpose, lines.policy, lines.version, lines.agree].join('\n')
}

/** The policy URL when it is an absolute http(s) URL without credentials; else `undefined`. */
export function safePolicyUrl(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password) return undefined
  return url.href
}

const GATE_ID = /^[A-Za-z0-9_-]{22}$/

/** Whether `v` is a gate id: 16 random bytes, base64url (22 characters). */
export function isGateId(v: unknown): v is string {
  return typeof v === 'string' && GATE_ID.test(v)
}

/** Whether `v` has the five receipt members as strings of sane length. */
export function isReceipt(v: unknown): v is ConsentReceipt {
  return (
    isRec(v) &&
    isStr(v.purpose, 500) &&
    isStr(v.policyUrl, 2048) &&
    isStr(v.policyVersion, 64) &&
    isStr(v.textDigest, 64) &&
    isStr(v.time, 40)
  )
}

/** Configuration of a gate frame, sent after the handshake and again on change. */
export interface GateConfig {
  /** What the data is for, shown as written (at most 500 characters). */
  purpose: string
  /** The privacy policy (http or https), linked to open in a new window. */
  policyUrl: string
  /** The policy's version (at most 64 characters). */
  policyVersion: string
  /** BCP 47 language tag. */
  locale: string
  /** Allow-listed `--sf-*` theme values (checked again in the frame). */
  theme: Record<string, string>
  /** Start consented; used only by a demo frame origin (`src/protocol/demo.ts`). */
  demo?: GateDemo
}

/** A box in the gate frame's viewport, in CSS pixels. */
export interface GateRect {
  x: number
  y: number
  width: number
  height: number
}

/** The gate's derived state. */
export interface GateState {
  /** Whether the customer's consent stands. */
  consented: boolean
  /**
   * Whether the consent box — title, purpose, policy link, checkbox — has been wholly visible and
   * unobscured long enough to accept a gesture (IntersectionObserver v2). The room below it does
   * not count. While false, a gesture is refused and the customer is told what to do.
   */
  visible: boolean
  /** Where the frame's controls are, in the frame's viewport: the consent box and the withdraw button. */
  controls: { agree: GateRect | null; withdraw: GateRect | null }
  /** Where the consent box is in the frame's viewport — what must be visible for a gesture to count. */
  box?: GateRect
}

/** Host → gate frame. */
export type GateHostMessage = { t: 'config'; config: GateConfig } | DestroyMessage

/**
 * A consent gesture that did not count: the code (`ERR_CONSENT_OBSCURED`, `ERR_CONSENT_MOVED`),
 * an English `message` for the developer, and `text`, what the gate told the customer (localized).
 */
export interface GateRefusedMessage extends Problem {
  t: 'refused'
  text: string
}

/** Gate frame → host. */
export type GateFrameMessage =
  | CommonFrameMessage
  /** The gate's id on the frame origin, made by the frame (random): pass it to the fields. */
  | { t: 'gate'; id: string }
  | { t: 'state'; state: GateState }
  /** The customer consented: the receipt and its digest (base64url SHA-256 of the canonical JSON). */
  | { t: 'consent'; receipt: ConsentReceipt; digest: string }
  /** The customer withdrew (or the text changed): fields are locked and cleared. */
  | { t: 'withdrawn'; digest: string }
  | GateRefusedMessage

/** Gate frame ↔ field frames, on {@link CONSENT_CHANNEL}. */
export type ConsentBroadcast =
  /** A field frame asks its gate for the current status (late joiners). */
  | { sf: typeof PROTOCOL_VERSION; t: 'consent-query'; gate: string }
  /** A gate frame tells its status; a receipt only while consented. */
  | { sf: typeof PROTOCOL_VERSION; t: 'consent-status'; from: 'gate'; gate: string; consented: boolean; receipt?: ConsentReceipt }

function isGateConfig(v: unknown): v is GateConfig {
  return (
    isRec(v) &&
    isStr(v.purpose, 500) &&
    isStr(v.policyUrl, 2048) &&
    isStr(v.policyVersion, 64) &&
    isStr(v.locale, 35) &&
    isStringRecord(v.theme, 64, 200) &&
    (v.demo === undefined || isGateDemo(v.demo))
  )
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isRect = (v: unknown): v is GateRect => isRec(v) && isNum(v.x) && isNum(v.y) && isNum(v.width) && isNum(v.height)

function isGateState(v: unknown): v is GateState {
  return (
    isRec(v) &&
    isBool(v.consented) &&
    isBool(v.visible) &&
    isRec(v.controls) &&
    (v.controls.agree === null || isRect(v.controls.agree)) &&
    (v.controls.withdraw === null || isRect(v.controls.withdraw)) &&
    (v.box === undefined || isRect(v.box))
  )
}

const isDigest = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v)

const GATE_HOST_GUARDS: GuardTable<GateHostMessage> = {
  config: (m) => (isGateConfig(m.config) ? { t: 'config', config: m.config } : undefined),
  destroy: () => ({ t: 'destroy' }),
}

/** Parses a message received by a gate frame; `undefined` (and a count) for anything else. */
export function parseGateHostMessage(data: unknown, drops: DropCounter): GateHostMessage | undefined {
  return parseWith(GATE_HOST_GUARDS, data, drops)
}

const GATE_FRAME_GUARDS = /* @__PURE__ */ withCommonGuards<GateFrameMessage>({
  gate: (m) => (isGateId(m.id) ? { t: 'gate', id: m.id } : undefined),
  state: (m) => (isGateState(m.state) ? { t: 'state', state: m.state } : undefined),
  consent: (m) => (isReceipt(m.receipt) && isDigest(m.digest) ? { t: 'consent', receipt: m.receipt, digest: m.digest } : undefined),
  withdrawn: (m) => (isDigest(m.digest) ? { t: 'withdrawn', digest: m.digest } : undefined),
  refused: (m) =>
    isProblem(m) && isStr(m.text, 300) ? { t: 'refused', code: m.code as string, message: m.message as string, text: m.text } : undefined,
})

/** Parses a message received by `<consent-gate>`; `undefined` (and a count) for anything else. */
export function parseGateFrameMessage(data: unknown, drops: DropCounter): GateFrameMessage | undefined {
  return parseWith(GATE_FRAME_GUARDS, data, drops)
}

/** Parses a message of {@link CONSENT_CHANNEL}; `undefined` (and a count) for anything else. */
export function parseConsentBroadcast(data: unknown, drops: DropCounter): ConsentBroadcast | undefined {
  const m = frame(data)
  if (typeof m === 'string') return drops.drop(m)
  if (!isGateId(m.gate)) return drops.drop('malformed')
  switch (m.t) {
    case 'consent-query':
      return { sf: PROTOCOL_VERSION, t: 'consent-query', gate: m.gate }
    case 'consent-status':
      if (m.from !== 'gate' || !isBool(m.consented)) return drops.drop('malformed')
      if (m.consented && !isReceipt(m.receipt)) return drops.drop('malformed')
      return { sf: PROTOCOL_VERSION, t: 'consent-status', from: 'gate', gate: m.gate, consented: m.consented, ...(m.consented ? { receipt: m.receipt as ConsentReceipt } : {}) }
    default:
      return drops.drop('unknown')
  }
}
