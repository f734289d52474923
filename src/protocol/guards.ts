/**
 * Guards at the message boundary. Every message is checked here before either side acts on it:
 * anything malformed, unknown, oversized or out of place is dropped and counted by a
 * {@link DropCounter}, never thrown across. Each union has one guard per message type
 * ({@link GuardTable}), the common messages' guards ({@link COMMON_FRAME_GUARDS}) shared by every
 * page's protocol.
 *
 * @module
 */
import { PROTOCOL_VERSION, isBool, isId, isRec, isStr, isStringRecord, parseWith, type DropCounter, type GuardTable, type Rec } from './check.js'
import { isFieldDemo } from './demo.js'
import { isFieldKind } from './kinds.js'
import type { CommonFrameMessage, FieldConfig, FieldState, FrameMessage, HostMessage, Problem } from './messages.js'

export {
  DropCounter,
  MAX_MESSAGE_CHARS,
  frame,
  isBool,
  isId,
  isRec,
  isStr,
  isStringRecord,
  parseWith,
  stamp,
  type DropReason,
  type GuardTable,
  type MessageGuard,
} from './check.js'
export { isFieldDemo } from './demo.js'

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

/** A code and an English message, as every refusal and failure carries them. */
export const isProblem = (v: Rec): boolean => isStr(v.code, 64) && isStr(v.message, 300)

/** A localized text shown to the customer, when a message carries one beside its `message`. */
export const isText = (v: unknown): boolean => v === undefined || isStr(v, 300)

/** The guards of the messages every frame page may send ({@link CommonFrameMessage}). */
export const COMMON_FRAME_GUARDS: GuardTable<CommonFrameMessage> = {
  ready: (m) => (isStr(m.kind, 32) ? { t: 'ready', kind: m.kind } : undefined),
  configured: (m) => {
    const r = m.refused
    if (r === undefined) return { t: 'configured' }
    return isRec(r) && isProblem(r) ? { t: 'configured', refused: { code: r.code as string, message: r.message as string } } : undefined
  },
  height: (m) => (typeof m.px === 'number' && m.px >= 0 && m.px <= 4000 ? { t: 'height', px: m.px } : undefined),
  error: (m) =>
    isProblem(m) && (m.fatal === undefined || isBool(m.fatal))
      ? { t: 'error', code: m.code as string, message: m.message as string, ...(m.fatal ? { fatal: true } : {}) }
      : undefined,
  audit: (m) => (isStr(m.event, 32) && isStringRecord(m.detail, 16, 200) ? { t: 'audit', event: m.event, detail: m.detail } : undefined),
}

/**
 * A union's guard table: `own` for its page's messages, and {@link COMMON_FRAME_GUARDS}. A call
 * (marked pure) rather than a spread, so that a bundle that never parses this union drops it.
 */
export function withCommonGuards<M extends { t: string }>(own: GuardTable<Exclude<M, CommonFrameMessage>>): GuardTable<M> {
  return Object.assign({}, COMMON_FRAME_GUARDS, own) as unknown as GuardTable<M>
}

/**
 * Every member of a field configuration but its kind and demo values, in bounds. Apart from
 * {@link isConfig} because those two need the kinds registry: the host checks a configuration with
 * this before sending it (src/host/field-config.ts) without bundling the registry into a loader
 * that agent pages share.
 */
export function isFieldConfigBody(v: Rec): boolean {
  const options = v.options
  return (
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
    (v.gate === undefined || isStr(v.gate, 64))
  )
}

function isConfig(v: unknown): v is FieldConfig {
  return isRec(v) && isFieldKind(v.kind) && isFieldConfigBody(v) && (v.demo === undefined || isFieldDemo(v.kind, v.demo))
}

const HOST_GUARDS: GuardTable<HostMessage> = {
  config: (m) => (isConfig(m.config) ? { t: 'config', config: m.config } : undefined),
  focus: () => ({ t: 'focus' }),
  clear: () => ({ t: 'clear' }),
  destroy: () => ({ t: 'destroy' }),
  seal: (m) => (isId(m.id) ? { t: 'seal', id: m.id } : undefined),
}

/** Parses a message received by a field frame; `undefined` (and a count) for anything else. */
export function parseHostMessage(data: unknown, drops: DropCounter): HostMessage | undefined {
  return parseWith(HOST_GUARDS, data, drops)
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

const FRAME_GUARDS = /* @__PURE__ */ withCommonGuards<FrameMessage>({
  state: (m) => (isState(m.state) ? { t: 'state', state: m.state } : undefined),
  focus: () => ({ t: 'focus' }),
  blur: () => ({ t: 'blur' }),
  submit: () => ({ t: 'submit' }),
  sealed: (m) =>
    isId(m.id) && isStr(m.envelope, MAX_ENVELOPE_CHARS) && isStr(m.preview, 64) && isStr(m.kind, 32)
      ? { t: 'sealed', id: m.id, envelope: m.envelope, preview: m.preview, kind: m.kind }
      : undefined,
  'seal-error': (m) => (isId(m.id) && isProblem(m) ? { t: 'seal-error', id: m.id, code: m.code as string, message: m.message as string } : undefined),
})

/** Parses a message received by a field element; `undefined` (and a count) for anything else. */
export function parseFrameMessage(data: unknown, drops: DropCounter): FrameMessage | undefined {
  return parseWith(FRAME_GUARDS, data, drops)
}

/** Whether `data` is the frame's boot message. */
export function isBoot(data: unknown): boolean {
  return isRec(data) && data.sf === PROTOCOL_VERSION && data.t === 'boot'
}

/** Whether `data` is the host's hello. */
export function isHello(data: unknown): boolean {
  return isRec(data) && data.sf === PROTOCOL_VERSION && data.t === 'hello'
}

