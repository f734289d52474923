/**
 * Demo mode: values a Storybook (or any design review) shows without a keyboard. A host element
 * sends them in its configuration's `demo` member; a frame uses them only when its frame origin's
 * policy says `demo: true` (`FrameServerOptions.demo`, never set by `secure-fields serve`), and
 * otherwise drops them, counts the drop (`policy`) and tells the host `ERR_POLICY_DEMO`. Demo
 * values are the page's own sample data, never a customer's: a production frame origin ignores
 * them, so a page cannot use them to put a value of its choosing into a field.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import { isBool, isRec, isStr } from './check.js'
import { FIELD_KINDS, isFieldKind } from './kinds.js'

/** The code a frame reports (non-fatal) when it ignores demo values: its origin is not a demo origin. */
export const DEMO_REFUSED = 'ERR_POLICY_DEMO'

/**
 * Demo values of a field frame, filled in as if typed. A card takes `number`, `expiry` and `cvc`
 * (any of them); an SSN or text field takes `value`. `touched` (default true) marks the inputs as
 * left, so errors show as they would after the customer moved on; `false` shows a value mid-typing.
 */
export interface FieldDemo {
  number?: string
  expiry?: string
  cvc?: string
  value?: string
  touched?: boolean
}

/** Demo of a consent gate: start consented, emitting the receipt as a real consent would. */
export interface GateDemo {
  consented: true
}

/**
 * Demo of a reveal desk: show `value` as an opened envelope of `kind` would be shown (a card's
 * JSON as labelled rows), with its countdown, and `preview` above it.
 */
export interface RevealDemo {
  value: string
  kind: string
  preview?: string
}

/**
 * Whether `v` is demo values for a field of `kind`: only that kind's members (the registry's
 * `demo`, `src/protocol/kinds.ts`: what each input can hold), as bounded strings, and `touched`.
 */
export function isFieldDemo(kind: unknown, v: unknown): v is FieldDemo {
  if (!isFieldKind(kind) || !isRec(v)) return false
  const limits: Readonly<Record<string, number>> = FIELD_KINDS[kind].demo
  return Object.entries(v).every(([name, x]) => (name === 'touched' ? isBool(x) : Object.hasOwn(limits, name) && isStr(x, limits[name])))
}

/** Whether `v` is a {@link GateDemo}. */
export function isGateDemo(v: unknown): v is GateDemo {
  return isRec(v) && Object.keys(v).length === 1 && v.consented === true
}

/** Whether `v` is a {@link RevealDemo}: a value of at most 512 characters, a kind, maybe a preview. */
export function isRevealDemo(v: unknown): v is RevealDemo {
  return (
    isRec(v) &&
    Object.keys(v).every((k) => k === 'value' || k === 'kind' || k === 'preview') &&
    isStr(v.value, 512) &&
    isStr(v.kind, 32) &&
    (v.preview === undefined || isStr(v.preview, 64))
  )
}
