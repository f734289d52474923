/**
 * Reading a card typed in one go: which characters are the number, which the expiry, which the
 * security code.
 *
 * The card frame moves the caret from the number to the expiry as soon as the number is valid,
 * and from the expiry to the security code as soon as the date is — so a customer types the whole
 * card without reaching for the mouse. But a valid number may be the prefix of a longer valid
 * number of the same brand (a 19-digit Visa whose first 16 digits pass Luhn), and a customer who
 * types without looking sends the rest of the number into the expiry. This module reads the whole
 * run of characters typed in one go (the *stream*) under every hypothesis for the number's length
 * and keeps the readings that can still come true: the expiry can still become a valid date
 * ({@link expiryCanBecomeValid}, exact) and the security code is not longer than the brand's.
 * Appending characters only ever rules readings out, so the reading shown can only move to a
 * longer number, never flicker back.
 *
 * Once the customer has typed the whole card, the complete readings decide: for a real card typed
 * as number, `MMYY` or `MM/YY` or `MM/YYYY`, and the code, exactly one reading is complete
 * (a four-digit year starts with `20`, never a month, so a number two digits longer cannot absorb
 * it), and it is the one typed. Where two readings are complete the entry is ambiguous and the
 * frame refuses to seal it ({@link CardSegmentation.ambiguous}).
 *
 * Pure: no DOM. `src/frame/card/` applies the result to its three inputs.
 *
 * @module
 */
import { type CardBrand, detectBrand, luhn, MAX_CARD_NUMBER_LENGTH } from './card.js'
import { digitOf, isSeparator } from './digits.js'
import { expiryCanBecomeValid, validateExpiry } from './expiry.js'

/** The three parts of a card entry, as the frame shows them before formatting. */
export interface CardEntry {
  /** The number's digits (ASCII). */
  number: string
  /** The expiry as typed (digits normalized, separators kept). */
  expiry: string
  /** The security code's digits (ASCII). */
  cvc: string
}

/** Which input the next character typed goes to. */
export type CardPart = keyof CardEntry

/** The outcome of {@link segmentCardEntry}. */
export interface CardSegmentation {
  /** The reading to show. */
  entry: CardEntry
  /** The input that receives the next character. */
  next: CardPart
  /** Two or more readings are complete and valid: the frame must refuse to seal. */
  ambiguous: boolean
  /**
   * The reading shown is complete and valid, its security code has the brand's full length, and
   * no other reading can still come true: typing more cannot change the number.
   */
  settled: boolean
  /**
   * With {@link SegmentOptions.finished}: a reading was found in which every part holding
   * characters is complete. When none is, the text is no card typed whole (a number too long, say),
   * and the frame leaves it where it was put.
   */
  finished: boolean
}

/**
 * When the caret leaves the number. `early` (the default): at the first length of the brand where
 * the number passes Luhn; a longer number is recovered from what spills into the expiry. `longest`:
 * only at the brand's longest length; digits typed after a shorter valid number stay in the
 * number until they can only belong to the expiry.
 */
export type AdvancePolicy = 'early' | 'longest'

/** Options of {@link segmentCardEntry}. */
export interface SegmentOptions {
  /** The advance policy per brand (`credit-card-type` id); `early` when absent. */
  policy?: (brand: CardBrand) => AdvancePolicy
  /**
   * The stream is finished, not being typed: it was pasted or autofilled whole, or the customer
   * moved on to another input. Readings in which every part holding characters is complete (a
   * valid number, a valid date, a full code, filled in order) come first: a pasted 17-digit number
   * is the number, not 16 digits and the start of a date.
   */
  finished?: boolean
}

/** One hypothesis: the number is `length` digits long, or `open` (still being typed). */
interface Reading {
  entry: CardEntry
  next: CardPart
  /** The reading can still come true by typing more. */
  alive: boolean
  /** Complete and valid as it stands. */
  valid: boolean
  /** Every part holding characters is complete, and they are filled in order. */
  finished: boolean
  /**
   * The customer grouped the number (a separator between its digits) and this reading ends it
   * inside a group: the character after its last digit is another digit.
   */
  midGroup: boolean
}

const EMPTY_ENTRY: CardEntry = { number: '', expiry: '', cvc: '' }

/**
 * Reads `stream` with the number taken as its first `length` digits (all of them when `length` is
 * `undefined`), the expiry as the characters after it up to the moment it is a valid date (the
 * frame moves on then), and the security code as the rest.
 */
function read(chars: string[], length: number | undefined, brand: CardBrand | undefined, now: Date): Reading {
  const entry = { ...EMPTY_ENTRY }
  let part: CardPart = 'number'
  let strays = false
  let expiryDone = false
  let grouped = false
  let midGroup = false
  for (const [i, char] of chars.entries()) {
    const digit = digitOf(char)
    const separator = digit === undefined && isSeparator(char)
    if (digit === undefined && !separator) strays = true
    if (part === 'number') {
      if (separator && entry.number !== '') grouped = true
      if (digit !== undefined) {
        entry.number += digit
        if (entry.number.length === length) {
          part = 'expiry'
          midGroup = grouped && digitOf(chars[i + 1] ?? '') !== undefined
        }
      }
      continue
    }
    if (part === 'expiry') {
      // Separators between the number and the date are not part of the date.
      if (separator && entry.expiry === '') continue
      const longer = entry.expiry + (digit ?? char)
      // A whole date that this character cannot continue (`01/20`, then `1`: no year 201x) is
      // finished, valid or not: the character starts the code, as it would for a person typing.
      if (!(digit !== undefined && validateExpiry(entry.expiry, now).complete && !expiryCanBecomeValid(longer, now))) {
        entry.expiry = longer
        if (validateExpiry(entry.expiry, now).valid) {
          expiryDone = true
          part = 'cvc'
        }
        continue
      }
      expiryDone = true
      part = 'cvc'
    }
    if (digit !== undefined) entry.cvc += digit
    else if (!separator) entry.cvc += char
  }
  const cvcLength = brand?.cvcLength ?? 4
  const maxLength = brand ? Math.max(...brand.lengths) : MAX_CARD_NUMBER_LENGTH
  // A number still being typed can come true until it reaches the longest length; a number of a
  // given length must pass Luhn (ISO/IEC 7812-1 Annex B).
  const numberOk =
    length === undefined ? entry.number.length < maxLength || (brand !== undefined && brand.lengths.includes(entry.number.length) && luhn(entry.number)) : luhn(entry.number)
  const alive =
    !strays &&
    numberOk &&
    (length === undefined || entry.number.length === length) &&
    // A finished date must be valid; one still being typed must be able to become valid.
    (expiryDone ? validateExpiry(entry.expiry, now).valid : expiryCanBecomeValid(entry.expiry, now)) &&
    /^[0-9]*$/.test(entry.cvc) &&
    entry.cvc.length <= cvcLength
  const valid =
    alive &&
    brand !== undefined &&
    brand.lengths.includes(entry.number.length) &&
    luhn(entry.number) &&
    validateExpiry(entry.expiry, now).valid &&
    entry.cvc.length === cvcLength
  const next: CardPart = length === undefined || entry.number.length < length ? 'number' : expiryDone ? 'cvc' : 'expiry'
  const numberDone = brand !== undefined && brand.lengths.includes(entry.number.length) && luhn(entry.number)
  const expiryValid = validateExpiry(entry.expiry, now).valid
  const finished =
    alive &&
    numberDone &&
    (entry.expiry === '' ? entry.cvc === '' : expiryValid) &&
    (entry.cvc === '' || entry.cvc.length === cvcLength)
  return { entry, next, alive, valid, finished, midGroup }
}

/**
 * Drops each reading that ends the number inside one of the customer's own groups when another
 * reading takes the number further, to a group's end: `6311-7158-6919-6943-34` pasted is the
 * 18-digit number, not 15 digits and `3-34`. Only ever in favour of a longer number, so a grouped
 * number typed straight on into its expiry (`4242 4242 4242 424212/30`) keeps its reading.
 */
function wholeGroups(readings: Reading[]): Reading[] {
  return readings.filter((r) => !r.midGroup || !readings.some((o) => !o.midGroup && o.entry.number.length > r.entry.number.length))
}

/**
 * Segments what the customer typed in one go into number, expiry and security code.
 *
 * @param stream - every character typed since the number was started, in any digit script
 * @param now - the current time, for the expiry
 * @returns the reading to show — the first that can still come true (shortest number first under
 *   the `early` policy; the number still being typed first under `longest`), or, when none can,
 *   the plain reading the frame's auto-advance gives — with `ambiguous` and `settled`
 */
export function segmentCardEntry(stream: string, now: Date, options: SegmentOptions = {}): CardSegmentation {
  const chars = Array.from(stream)
  const digits = chars.map(digitOf).filter((d) => d !== undefined).join('')
  const brand = detectBrand(digits.slice(0, 8))
  const lengths = brand ? brand.lengths.filter((l) => l <= digits.length) : []
  const closed = lengths.map((l) => read(chars, l, brand, now))
  const open = read(chars, undefined, brand, now)
  const policy = brand ? (options.policy?.(brand) ?? 'early') : 'early'
  const ordered = policy === 'early' ? [...closed, open] : [open, ...closed]
  const finished = options.finished ? wholeGroups(closed.filter((r) => r.finished)) : []
  if (finished.length > 0) {
    const [first] = finished as [Reading]
    return { entry: first.entry, next: first.next, ambiguous: finished.length > 1, settled: first.valid && finished.length === 1, finished: true }
  }
  const alive = ordered.filter((r) => r.alive)
  const complete = closed.filter((r) => r.valid)
  // None can come true (a mistyped number, a past date): show what plain auto-advance gives —
  // the number up to its first valid length, or all of it — and let the validators say what is wrong.
  const shown = alive[0] ?? closed.find((r) => luhn(r.entry.number)) ?? open
  return {
    entry: shown.entry,
    next: shown.next,
    ambiguous: complete.length > 1,
    settled: shown.valid && alive.length === 1,
    finished: false,
  }
}
