/**
 * Argument checks shared by the validators (internal, not re-exported by the index).
 *
 * Customer input never throws — it gets a {@link ValidationCode}. These checks catch programmer
 * errors (a non-string value, an invalid `now`, bad options) and throw {@link SecureFieldsError}
 * `ERR_INPUT_INVALID` with a message that names the argument, never its value.
 *
 * @module
 */
import { ErrorCodes, SecureFieldsError } from '../errors.js'

/** Throws `ERR_INPUT_INVALID` with `message`; messages never hold the offending value. */
export function invalidArgument(message: string, cause?: unknown): never {
  throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, message, cause === undefined ? undefined : { cause })
}

/**
 * Throws unless `value` is a string. TypeScript already says so; this guards callers in plain
 * JavaScript and values that crossed a message boundary.
 */
export function requireString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') invalidArgument(`${name} must be a string.`)
}

/** Throws unless `value` is a `Date` holding a real instant (not `new Date(NaN)`). */
export function requireDate(value: unknown, name: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) invalidArgument(`${name} must be a valid Date.`)
}

/** Returns `value` after checking it is an integer in `[min, max]`. */
export function requireInteger(value: unknown, min: number, max: number, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalidArgument(`${name} must be an integer from ${min} to ${max}.`)
  }
  return value
}

/** Like {@link requireInteger}, but `undefined` gives `fallback`. */
export function optionalInteger(value: unknown, fallback: number, min: number, max: number, name: string): number {
  return value === undefined ? fallback : requireInteger(value, min, max, name)
}
