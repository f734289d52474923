/**
 * Masked previews: the only trace of a value that leaves a field frame in clear text.
 *
 * A preview shows at most the last four characters of the value, and never more than half of it,
 * so a short account number or ID is not given away whole by its "last four".
 *
 * @module
 */

/** The masking character of every preview (U+2022 BULLET). */
export const MASK_CHAR = '•'

/** The most characters of a value a preview ever shows. */
export const PREVIEW_VISIBLE_MAX = 4

/**
 * The trailing characters of `value` a preview may show: the last four, but at most half of the
 * value (rounded down), counted in code points.
 *
 * @example
 * ```ts
 * visibleTail('4242424242424242') // '4242'
 * visibleTail('123456')           // '456'
 * visibleTail('1234')             // '34'
 * ```
 */
export function visibleTail(value: string): string {
  const chars = Array.from(value)
  const count = Math.min(PREVIEW_VISIBLE_MAX, Math.floor(chars.length / 2))
  return count === 0 ? '' : chars.slice(-count).join('')
}

/**
 * The generic masked form `•••• <tail>` used by text presets and, prefixed with a brand or
 * country, by cards and IBANs. The mask is always four bullets, whatever the length, so the
 * preview does not disclose how long the value is.
 */
export function maskedTail(value: string): string {
  const tail = visibleTail(value)
  const bullets = MASK_CHAR.repeat(4)
  return tail === '' ? bullets : `${bullets} ${tail}`
}
