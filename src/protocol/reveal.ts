/**
 * The reveal page's protocol: what `<secure-reveal>` and its frame say to each other over the
 * port opened by the common handshake (`boot`/`hello`, see `messages.ts`). Like the field
 * protocol it is versioned, typed and checked at the boundary on both sides; unlike it, the frame
 * holds a private key and, for a bounded time, plaintext — neither ever appears here. What the
 * host learns is the desk's public JWK, the phase, envelope ids (`jti`), kinds, previews, stable
 * codes and audit events.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import { isBool, isId, isRec, isStr, isStringRecord, parseWith, type DropCounter, type GuardTable } from './check.js'
import { MAX_ENVELOPE_CHARS, isProblem, isText, withCommonGuards } from './guards.js'
import type { CommonFrameMessage, DestroyMessage, Problem, PublicJwkLike } from './messages.js'
import { isRevealDemo, type RevealDemo } from './demo.js'
import type { ErrorCode } from '../errors.js'

/** Seconds a value stays visible: the default, and the bounds `show-for` is clamped to. */
export const SHOW_FOR = { default: 30, min: 1, max: 300 } as const

/** Clamps a `show-for` value to {@link SHOW_FOR}; anything not a number gets the default. */
export function clampShowFor(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return SHOW_FOR.default
  return Math.min(SHOW_FOR.max, Math.max(SHOW_FOR.min, Math.round(value)))
}

/**
 * Short names of the reveal desk's codes, kept for code written against them. The desk also
 * reports the envelope codes of `open` unchanged (`ERR_ENVELOPE_EXPIRED`, `ERR_DECRYPTION_FAILED`…).
 * Every value is a registered code; the meanings are in the registry (`ERRORS`, `src/errors.ts`).
 */
export const RevealErrorCodes = {
  ALREADY_REVEALED: 'ERR_ALREADY_REVEALED',
  STEP_UP_FAILED: 'ERR_STEP_UP_FAILED',
  DESK_NOT_ENROLLED: 'ERR_DESK_NOT_ENROLLED',
  ENROL_FAILED: 'ERR_ENROL_FAILED',
  DESK_STORAGE: 'ERR_DESK_STORAGE',
  NO_ENVELOPE: 'ERR_REVEAL_NO_ENVELOPE',
  BUSY: 'ERR_REVEAL_BUSY',
  CANCELLED: 'ERR_REVEAL_CANCELLED',
} as const satisfies Record<string, ErrorCode>

/** Where a desk frame is in its life. */
export type RevealPhase =
  /** Connected, waiting for the configuration and the desk record. */
  | 'loading'
  /** No desk key yet: the frame shows its enrol button. */
  | 'enrol'
  /** Creating the credential and the desk key. */
  | 'enrolling'
  /** Enrolled; an envelope may be revealed. */
  | 'idle'
  /** Waiting for the step-up (WebAuthn) and opening. */
  | 'verifying'
  /** The value is visible, counting down. */
  | 'shown'
  /** The value was shown and wiped; this envelope is done. */
  | 'done'

/** How the desk's private key is kept on the frame origin. */
export type DeskProtection =
  /** Wrapped (AES-GCM) under a key derived from the authenticator's PRF output: useless without it. */
  | 'prf'
  /** A non-extractable CryptoKey (the authenticator offered no PRF). */
  | 'device'

/** What the frame reports about its desk once it has a key. */
export interface DeskInfo {
  /** The desk id (`desk` attribute). */
  desk: string
  /**
   * The desk's public JWK, `kid` = RFC 7638 thumbprint: an X25519 `OKP` key (`alg` `HPKE-4` or
   * `HPKE-4-KE`) or a post-quantum `AKP` key (`HPKE-9`, `HPKE-9-KE`).
   */
  publicJwk: PublicJwkLike
  protection: DeskProtection
}

/** Configuration of a desk frame, sent after the handshake and again on change. */
export interface RevealConfig {
  /** Desk id: which key and credential on the frame origin (`[A-Za-z0-9._-]{1,64}`). */
  desk: string
  /**
   * The algorithm of the key made when the desk enrols ({@link DESK_KEY_ALGS}; default `HPKE-4`).
   * An enrolled desk keeps the key it has.
   */
  keyAlg?: DeskKeyAlg
  /** The envelope to reveal, or null. */
  envelope: string | null
  /** The context (conversation) the envelope must have been sealed for. */
  context: string
  /** Seconds the value stays visible (clamped to {@link SHOW_FOR}). */
  showFor: number
  /** BCP 47 language tag. */
  locale: string
  /** Allow-listed `--sf-*` theme values (checked again in the frame). */
  theme: Record<string, string>
  /** A value to show without envelope or step-up; used only by a demo frame origin (`src/protocol/demo.ts`). */
  demo?: RevealDemo
}

/**
 * Diagnostics the frame reports on request: booleans and a word, never a value. Lets tests and
 * operators check, without reaching into the cross-origin frame, that the value node is empty
 * after a wipe and how the desk key is stored.
 */
export interface RevealStatus {
  /** The frame's phase. */
  phase: RevealPhase
  /** Whether the value node of the frame's DOM holds no text and no elements. */
  valueNodeEmpty: boolean
  /**
   * What the desk record in IndexedDB holds: `wrapped` bytes and no private CryptoKey (PRF),
   * a private `crypto-key` (X25519, no PRF), a `sealed` post-quantum seed (encrypted under a
   * non-extractable AES-GCM key kept beside it; no PRF), or `none` (not enrolled).
   */
  storedKey: 'wrapped' | 'crypto-key' | 'sealed' | 'none'
}

/**
 * The desk key algorithms: X25519 (`HPKE-4`, or `HPKE-4-KE` for envelopes with several
 * recipients) or the post-quantum hybrid (`HPKE-9`, `HPKE-9-KE`).
 */
export const DESK_KEY_ALGS = ['HPKE-4', 'HPKE-4-KE', 'HPKE-9', 'HPKE-9-KE'] as const

/** One of {@link DESK_KEY_ALGS}. */
export type DeskKeyAlg = (typeof DESK_KEY_ALGS)[number]

/** Host → reveal frame. */
export type RevealHostMessage =
  | { t: 'config'; config: RevealConfig }
  /** Start the step-up and reveal the configured envelope; answered by `revealed` or `reveal-error` with `id`. */
  | { t: 'reveal'; id: number }
  /** Hide (and wipe) the value now. */
  | { t: 'hide' }
  /** Ask for {@link RevealStatus}; answered by `status` with `id`. */
  | { t: 'status'; id: number }
  | DestroyMessage

/**
 * A reveal that did not happen: the code, an English `message` for the developer, and `text`, what
 * the desk told the agent (localized), when it told them anything.
 */
export interface RevealErrorMessage extends Problem {
  t: 'reveal-error'
  id: number
  text?: string
}

/** Frame → host. `id` 0 marks what the agent started inside the frame (a click). */
export type RevealFrameMessage =
  | CommonFrameMessage
  /** The desk's phase; `code` when a refusal brought it there, `text` what the desk shows the agent (localized). */
  | { t: 'phase'; phase: RevealPhase; code?: string; text?: string }
  | { t: 'desk'; desk: DeskInfo }
  | { t: 'revealed'; id: number; jti: string; kind: string; preview: string }
  | RevealErrorMessage
  | { t: 'wiped'; jti: string; kind: string; preview: string }
  | { t: 'status'; id: number; status: RevealStatus }

const PHASES: readonly string[] = ['loading', 'enrol', 'enrolling', 'idle', 'verifying', 'shown', 'done']
const DESK_ID = /^[A-Za-z0-9._-]{1,64}$/
const isPhase = (v: unknown): v is RevealPhase => typeof v === 'string' && PHASES.includes(v)

/** Whether `v` is a valid desk id. */
export function isDeskId(v: unknown): v is string {
  return typeof v === 'string' && DESK_ID.test(v)
}

function isRevealConfig(v: unknown): v is RevealConfig {
  return (
    isRec(v) &&
    isDeskId(v.desk) &&
    (v.keyAlg === undefined || (DESK_KEY_ALGS as readonly unknown[]).includes(v.keyAlg)) &&
    (v.envelope === null || isStr(v.envelope, MAX_ENVELOPE_CHARS)) &&
    isStr(v.context, 256) &&
    typeof v.showFor === 'number' &&
    isStr(v.locale, 35) &&
    isStringRecord(v.theme, 64, 200) &&
    (v.demo === undefined || isRevealDemo(v.demo))
  )
}

function isDeskInfo(v: unknown): v is DeskInfo {
  return isRec(v) && isDeskId(v.desk) && isRec(v.publicJwk) && !('d' in v.publicJwk) && !('priv' in v.publicJwk) && (v.protection === 'prf' || v.protection === 'device')
}

function isStatus(v: unknown): v is RevealStatus {
  return (
    isRec(v) &&
    isPhase(v.phase) &&
    isBool(v.valueNodeEmpty) &&
    (v.storedKey === 'wrapped' || v.storedKey === 'crypto-key' || v.storedKey === 'sealed' || v.storedKey === 'none')
  )
}

const REVEAL_HOST_GUARDS: GuardTable<RevealHostMessage> = {
  config: (m) => (isRevealConfig(m.config) ? { t: 'config', config: m.config } : undefined),
  reveal: (m) => (isId(m.id) ? { t: 'reveal', id: m.id } : undefined),
  status: (m) => (isId(m.id) ? { t: 'status', id: m.id } : undefined),
  hide: () => ({ t: 'hide' }),
  destroy: () => ({ t: 'destroy' }),
}

/** Parses a message received by a reveal frame; `undefined` (and a count) for anything else. */
export function parseRevealHostMessage(data: unknown, drops: DropCounter): RevealHostMessage | undefined {
  return parseWith(REVEAL_HOST_GUARDS, data, drops)
}

/** The envelope facts the frame may tell the host: all three are in the envelope's header. */
const isEnvelopeFacts = (m: Record<string, unknown>) => isStr(m.jti, 64) && isStr(m.kind, 32) && isStr(m.preview, 64)

const REVEAL_FRAME_GUARDS = /* @__PURE__ */ withCommonGuards<RevealFrameMessage>({
  phase: (m) =>
    isPhase(m.phase) && (m.code === undefined || isStr(m.code, 64)) && isText(m.text)
      ? { t: 'phase', phase: m.phase, ...(m.code ? { code: m.code } : {}), ...(m.text ? { text: m.text as string } : {}) }
      : undefined,
  desk: (m) => (isDeskInfo(m.desk) ? { t: 'desk', desk: m.desk } : undefined),
  revealed: (m) =>
    isId(m.id) && isEnvelopeFacts(m) ? { t: 'revealed', id: m.id, jti: m.jti as string, kind: m.kind as string, preview: m.preview as string } : undefined,
  wiped: (m) => (isEnvelopeFacts(m) ? { t: 'wiped', jti: m.jti as string, kind: m.kind as string, preview: m.preview as string } : undefined),
  'reveal-error': (m) =>
    isId(m.id) && isProblem(m) && isText(m.text)
      ? { t: 'reveal-error', id: m.id, code: m.code as string, message: m.message as string, ...(m.text ? { text: m.text as string } : {}) }
      : undefined,
  status: (m) => (isId(m.id) && isStatus(m.status) ? { t: 'status', id: m.id, status: m.status } : undefined),
})

/** Parses a message received by `<secure-reveal>`; `undefined` (and a count) for anything else. */
export function parseRevealFrameMessage(data: unknown, drops: DropCounter): RevealFrameMessage | undefined {
  return parseWith(REVEAL_FRAME_GUARDS, data, drops)
}
