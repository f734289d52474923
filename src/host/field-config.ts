/**
 * Whether a field frame's guard would take a field's configuration message. A message it would drop
 * is never answered, so the element refuses it here (`ERR_INPUT_INVALID`) instead of sending it and
 * waiting for a verdict that never comes.
 *
 * The frame's own bounds ({@link isFieldConfigBody}, src/protocol/guards.ts) and its message size,
 * without its kind and demo checks: those name every registered kind, and what the customer loader
 * uses of the registry would be shared with agent pages built beside it. The element sends only
 * its own kind; the demo values (Storybook only) are left to the frame.
 * `test/node/field-config.test.ts` holds this check to the guard on random configurations.
 *
 * @module
 */
import { DropCounter, MAX_MESSAGE_CHARS, stamp, type Rec } from '../protocol/check.js'
import { isFieldConfigBody } from '../protocol/guards.js'
import type { HostMessage } from '../protocol/messages.js'

/** Whether the field frame's guard takes `message` (a `config` of the element's own kind). */
export function fieldConfigAccepted(message: HostMessage & { t: 'config' }): boolean {
  let size: number
  try {
    size = JSON.stringify(stamp(message)).length
  } catch {
    return false // not serializable (a key object that refers to itself): nothing a frame can take
  }
  return size <= MAX_MESSAGE_CHARS && isFieldConfigBody(message.config as unknown as Rec)
}

/** {@link fieldConfigAccepted} in the shape of a guard: the message, or `undefined`. */
export function acceptFieldConfig(data: unknown, _drops: DropCounter): unknown {
  const message = data as HostMessage
  return message.t === 'config' && fieldConfigAccepted(message) ? message : undefined
}
