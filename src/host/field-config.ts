/**
 * Whether a field frame's guard would take a field's configuration message. A message it would drop
 * is never answered, so the element refuses it here (`ERR_INPUT_INVALID`) instead of sending it and
 * waiting for a verdict that never comes.
 *
 * The same bounds as the frame's guard (`parseHostMessage`, src/protocol/guards.ts), checked
 * without it: that guard names every registered kind, and what the customer loader uses of the
 * registry would be shared with agent pages built beside it. `test/node/field-config.test.ts`
 * holds this check to the guard on random configurations. The demo values (Storybook only) are
 * left to the frame.
 *
 * @module
 */
import { DropCounter, MAX_MESSAGE_CHARS, isBool, isRec, isStr, isStringRecord, stamp } from '../protocol/check.js'
import { isPublicKeyConfig } from '../protocol/guards.js'
import type { HostMessage } from '../protocol/messages.js'

/** Whether the field frame's guard takes `message` (a `config` of the element's own kind). */
export function fieldConfigAccepted(message: HostMessage & { t: 'config' }): boolean {
  const v = message.config
  const options = v.options
  let size: number
  try {
    size = JSON.stringify(stamp(message)).length
  } catch {
    return false // not serializable (a key object that refers to itself): nothing a frame can take
  }
  return (
    size <= MAX_MESSAGE_CHARS &&
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

/** {@link fieldConfigAccepted} in the shape of a guard: the message, or `undefined`. */
export function acceptFieldConfig(data: unknown, _drops: DropCounter): unknown {
  const message = data as HostMessage
  return message.t === 'config' && fieldConfigAccepted(message) ? message : undefined
}
