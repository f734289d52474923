/**
 * Card expiry date: parsing `MM/YY`, `MM / YY`, `MMYY`, `MM/YYYY` and checking it against a clock.
 *
 * @module
 */
import { requireDate } from './assert.js'
import type { ExpiryCode } from './codes.js'
import { normalizeDigits, SEPARATOR_CLASS } from './digits.js'

/** The result of {@link validateExpiry}. */
export interface ExpiryResult {
  /** The month, 1–12, once the input holds a valid one. */
  month?: number
  /** The four-digit year, once the input holds a whole year (two-digit years are expanded). */
  year?: number
  /** Whether month and year are both present. */
  complete: boolean
  /** Complete, not expired and at most {@link MAX_EXPIRY_YEARS_AHEAD} years ahead. */
  valid: boolean
  /** Why the date is not valid; absent when it is. */
  code?: ExpiryCode
}

/** How many calendar years ahead an expiry may lie; later ones are typos (`12/62` for `12/26`). */
export const MAX_EXPIRY_YEARS_AHEAD = 20

/**
 * The clock is read this many hours behind UTC, the last offset where a month ends (UTC−12), so
 * that a card is never refused while its month still runs somewhere. The check is the same in
 * every time zone the frame or a test may run in; the issuer remains the final judge.
 */
const LENIENCY_HOURS = 12

/**
 * Month and year with a separator: any run of separator characters (`/`, `-`, `.`, spaces, their
 * full-width forms), so that `12 / 30` typed key by key — which shows `12/` after the space — and
 * `12//30` read the same as `12/30`.
 */
const SEPARATED = new RegExp(`^(\\d{1,2})${SEPARATOR_CLASS}+(\\d*)$`, 'u')
const UNSEPARATED = /^\d+$/u

/** A two-digit year, placed in the century window centred on the current year. */
function expandYear(twoDigits: number, currentYear: number): number {
  const year = currentYear - (currentYear % 100) + twoDigits
  if (year < currentYear - 50) return year + 100
  if (year >= currentYear + 50) return year - 100
  return year
}

interface Parts {
  month: string
  year: string
  separated: boolean
}

/** Splits the input into month and year digits, or `undefined` when it fits no accepted format. */
function split(text: string): Parts | undefined {
  const separated = SEPARATED.exec(text)
  if (separated) return { month: separated[1] ?? '', year: separated[2] ?? '', separated: true }
  if (!UNSEPARATED.test(text)) return undefined
  // Without a separator the month is always two digits: `1` could still become `10`–`12`.
  return { month: text.slice(0, 2), year: text.slice(2), separated: false }
}

/**
 * Validates a card expiry date.
 *
 * Accepts `MM/YY`, `MM / YY`, `MMYY`, `MM/YYYY` and `MMYYYY`, with `-` or `.` in place of `/` and a
 * one-digit month when a separator follows it (`1/27`). A card is valid until the END of its
 * month: `11/26` is accepted throughout November 2026 (read in UTC−12, the most lenient zone).
 * More than {@link MAX_EXPIRY_YEARS_AHEAD} calendar years ahead is refused.
 *
 * Codes in order of precedence: `card.expiry.empty`, `card.expiry.invalid` (not a date format),
 * `card.expiry.invalid-month` (reported as soon as the month is typed), `card.expiry.incomplete`,
 * `card.expiry.past`, `card.expiry.too-far`.
 *
 * @param input - what the customer typed
 * @param now - the current time; a parameter so that the check is deterministic and testable
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string or `now` is
 *   not a valid `Date`
 */
export function validateExpiry(input: string, now: Date): ExpiryResult {
  requireDate(now, 'now')
  const text = normalizeDigits(input).trim()
  if (text === '') return { complete: false, valid: false, code: 'card.expiry.empty' }
  const parts = split(text)
  if (!parts || parts.year.length > 4) return { complete: false, valid: false, code: 'card.expiry.invalid' }

  const monthKnown = parts.separated || parts.month.length === 2
  if (!monthKnown) return { complete: false, valid: false, code: 'card.expiry.incomplete' }
  const month = Number(parts.month)
  if (month < 1 || month > 12) return { complete: false, valid: false, code: 'card.expiry.invalid-month' }
  if (parts.year.length !== 2 && parts.year.length !== 4) {
    return { month, complete: false, valid: false, code: 'card.expiry.incomplete' }
  }

  const clock = new Date(now.getTime() - LENIENCY_HOURS * 3_600_000)
  const currentYear = clock.getUTCFullYear()
  const currentMonth = clock.getUTCMonth() + 1
  const year = parts.year.length === 2 ? expandYear(Number(parts.year), currentYear) : Number(parts.year)

  if (year < currentYear || (year === currentYear && month < currentMonth)) {
    return { month, year, complete: true, valid: false, code: 'card.expiry.past' }
  }
  if (year > currentYear + MAX_EXPIRY_YEARS_AHEAD) {
    return { month, year, complete: true, valid: false, code: 'card.expiry.too-far' }
  }
  return { month, year, complete: true, valid: true }
}

/**
 * Month and year digits of `input` as typed so far. White space after the month counts as a
 * separator (`1 ` → month 1, year to come), white space after the year is ignored.
 */
function expiryParts(input: string): Parts | undefined {
  const text = normalizeDigits(input).trimStart()
  if (text === '') return undefined
  return split(text) ?? split(text.trimEnd())
}

/** The years an expiry may name at `now`: from the current year (UTC−12) to {@link MAX_EXPIRY_YEARS_AHEAD} ahead. */
function validYears(now: Date): { first: number; firstMonth: number; last: number } {
  const clock = new Date(now.getTime() - LENIENCY_HOURS * 3_600_000)
  const first = clock.getUTCFullYear()
  return { first, firstMonth: clock.getUTCMonth() + 1, last: first + MAX_EXPIRY_YEARS_AHEAD }
}

/**
 * Whether `input` can still become a valid expiry by typing more at its end: `1` (→ `12/30`),
 * `2` (→ `2/30`), `12/2` (→ `12/2030`) and `12/20` (→ `12/2030`, although `12/20` itself has
 * passed) can; `13`, `0/` and `12/1` cannot. The answer is exact — `false` means no continuation
 * is valid — because the card frame relies on it to tell digits that belong to the expiry from
 * digits of a longer card number that spilled into it (see `segmentCardEntry`).
 *
 * @param input - what is in the expiry input, in any digit script
 * @param now - the current time
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string or `now` is
 *   not a valid `Date`
 */
export function expiryCanBecomeValid(input: string, now: Date): boolean {
  if (validateExpiry(input, now).valid) return true
  const parts = expiryParts(input)
  if (!parts) return normalizeDigits(input).trim() === ''
  if (parts.year.length > 4) return false
  // One digit and no separator yet: a second digit (`0`–`1`) or a separator (`2/…`) may follow.
  if (!parts.separated && parts.month.length < 2) return true
  const month = Number(parts.month)
  if (month < 1 || month > 12) return false
  const { first, firstMonth, last } = validYears(now)
  for (let year = first; year <= last; year++) {
    if (year === first && month < firstMonth) continue
    const full = String(year)
    if (full.startsWith(parts.year) || (parts.year.length <= 2 && full.slice(2).startsWith(parts.year))) return true
  }
  return false
}

/**
 * The expiry as the card frame displays it: `MM/YY` or `MM/YYYY`, the month padded once a
 * separator or the year says it is complete (`1/30` → `01/30`, `1 / 2030` → `01/2030`, `122030` →
 * `12/2030`). A separator the customer typed after the month is kept (`1/` → `01/`) so that the
 * next digits are read as the year; without one, `/` appears only once year digits follow, so
 * deleting backwards never fights the display. Input that fits no format is returned with only
 * its digits normalized, for the validator to report.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function formatExpiry(input: string): string {
  const parts = expiryParts(input)
  if (!parts || parts.year.length > 4) return normalizeDigits(input).trim() === '' ? '' : normalizeDigits(input)
  if (!parts.separated) return parts.year ? `${parts.month}/${parts.year}` : parts.month
  // `0/` stays as typed (no month 00 to show); `1/` becomes `01/`.
  return `${parts.month === '0' ? '0' : parts.month.padStart(2, '0')}/${parts.year}`
}
