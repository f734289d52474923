/**
 * Runs of digits in free text, as the detector of sensitive numbers reads them ({@link
 * findSensitiveNumbers} in `detect.ts`): digits of any script the fields read, in groups joined by
 * the fields' own separators, never across a line break, and whether a run is glued to a word.
 * Nothing here knows what a card, an SSN or an IBAN is.
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import { DIGIT_ZEROS, digitOf, isSeparator } from './digits.js'

const hex = (n: number) => n.toString(16)
/** Every digit the fields read, as the body of a character class. */
export const DIGIT_CLASS = DIGIT_ZEROS.map((zero) => `\\u{${hex(zero)}}-\\u{${hex(zero + 9)}}`).join('')
const WORD_CHAR = /[A-Za-z_]/
const LINE_BREAK = /[\n\r\u000B\u000C\u0085\u2028\u2029]/
/** How many separators in a row may join two groups of digits. */
export const MAX_SEPARATORS = 3

/**
 * Whether a UTF-16 code unit joins groups of digits: the fields' separators ({@link isSeparator},
 * the one definition), but line breaks — a transcript is judged line by line, and a number is never
 * read across two lines (`redact`'s stream relies on this). Looked up once per code unit.
 */
const separatorCodes = new Uint8Array(0x10000)
export function isSeparatorCode(code: number): boolean {
  let known = separatorCodes[code]!
  if (known === 0) {
    const char = String.fromCharCode(code)
    separatorCodes[code] = known = isSeparator(char) && !LINE_BREAK.test(char) ? 1 : 2
  }
  return known === 1
}

/** The ASCII digit a UTF-16 code unit stands for ({@link digitOf}; every digit the fields read is one unit). */
const digitAt = (text: string, i: number): string | undefined => digitOf(text[i] ?? '')

/** Whether a UTF-16 code unit is a digit the fields read. */
export const isDigitCode = (code: number) => (code >= 0x30 && code <= 0x39) || (code > 0x7f && digitOf(String.fromCharCode(code)) !== undefined)

/**
 * Separators of one shape count as one kind whatever their width: dashes of every kind, slashes
 * (ASCII, full-width, division slash) and full stops (ASCII, full-width).
 */
const DASHES = /[\-\u2010-\u2015\u2212\uFE63\uFF0D]/gu
const SLASHES = /[\/\u2215\uFF0F]/gu
const DOTS = /[.\uFF0E]/gu

/** A group of digits: where it is in the text, and its digits in ASCII. */
export interface Group {
  start: number
  end: number
  digits: string
}

/** A run split into digit groups and the separators between them (`seps[i]` follows `groups[i]`). */
export interface Run {
  groups: Group[]
  /** The kind of each separator: its non-space characters (dashes as `-`), or `' '` for space only. */
  seps: string[]
}

/** The kind of a separator (see {@link Run.seps}). */
function separatorKind(separator: string): string {
  // The common cases first: this runs for every separator of every run.
  if (separator === ' ' || separator === '-' || separator === '.' || separator === '/') return separator
  const kind = separator.replace(/\s+/gu, '').replace(DASHES, '-').replace(SLASHES, '/').replace(DOTS, '.')
  return kind === '' ? ' ' : kind
}

/** The groups and separator kinds of `text[start..end)`, a run of digits and separators. */
export function parseRun(text: string, start: number, end: number): Run {
  const groups: Group[] = []
  const seps: string[] = []
  let group: Group | undefined
  let sepStart = -1
  for (let i = start; i < end; i++) {
    const digit = digitAt(text, i)
    if (digit === undefined) {
      if (group) {
        groups.push(group)
        group = undefined
        sepStart = i
      }
      continue
    }
    if (!group) {
      if (sepStart >= 0) seps.push(separatorKind(text.slice(sepStart, i)))
      group = { start: i, end: i + 1, digits: digit }
    } else {
      group.end = i + 1
      group.digits += digit
    }
  }
  if (group) groups.push(group)
  return { groups, seps }
}

/** Whether the character before `start` glues the run to a word: `A4111`, `INV-4111`. */
export function gluedBefore(text: string, start: number): boolean {
  const previous = text[start - 1]
  if (previous === undefined) return false
  if (WORD_CHAR.test(previous)) return true
  // An identifier such as `ORD-2024…` or `v1.2…`: a letter, then one non-space separator.
  return /[\-./]/.test(previous) && WORD_CHAR.test(text[start - 2] ?? '')
}

/** Whether the character after `end` glues the run to a word: `4111…X`, `4111…-A`. */
export function gluedAfter(text: string, end: number): boolean {
  const next = text[end]
  if (next === undefined) return false
  if (WORD_CHAR.test(next)) return true
  return /[\-./]/.test(next) && WORD_CHAR.test(text[end + 1] ?? '')
}

/** The digits of `groups`, in order. */
export const digitsOf = (groups: readonly Group[]) => groups.map((g) => g.digits).join('')
/** How many digits `groups` hold. */
export const countDigits = (groups: readonly Group[]) => groups.reduce((n, g) => n + g.digits.length, 0)

/** Whether `seps[from..to)` are all of one kind (vacuously true for an empty range). */
export function oneKind(seps: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (seps[i] !== seps[from]) return false
  return true
}

/** Whether `char` ends a line for the detector (a number is never read across it). */
export function isLineBreak(char: string): boolean {
  return LINE_BREAK.test(char)
}
