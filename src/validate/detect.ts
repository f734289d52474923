/**
 * Sensitive numbers in free text: payment card numbers, US Social Security Numbers (and ITINs) and
 * IBANs typed into a plain chat box, a transcript or a log line.
 *
 * Each candidate is judged by the fields' own validators — {@link validateCardNumber} (brand by
 * `credit-card-type`, length, Luhn), {@link validateSsn} (SSA rules), {@link validateIban}
 * (`ibantools`) — and replaced by the fields' own previews. What this module adds is only how a
 * number is found in text: which digits belong together, and the context words around them.
 *
 * Precision matters as much as recall: order, tracking and phone numbers, dates, amounts, ISBNs and
 * IP addresses must pass untouched. The rules (see `docs/composer-guard.md`):
 *
 * - Digits of any script the fields read (ASCII, Arabic-Indic, Extended Arabic-Indic, full-width)
 *   form groups; groups joined by one to three separators of the fields (white space but line
 *   breaks, dashes, dots, slashes) form a run. A run glued to a letter (`A4111…`, `INV-4111…`) is
 *   part of an identifier, and a run after `+` is a phone number: neither is read.
 * - Card: 13–19 digits passing the card field's validation, either one group, or groups as cards
 *   are printed (every group but the last of 4–6 digits) joined by one kind of separator and set
 *   apart from the rest of the run, or followed by an expiry and security code, or after an
 *   expiry written with a slash, or one after the other in one run. Not when the nearest context word before it names an order, a
 *   shipment, a phone… (`order 4111…`) rather than a card.
 * - SSN: `123-45-6789` grouped 3-2-4 with one kind of separator; nine digits without that grouping
 *   only next to an SSN word (`SSN 123456789`).
 * - IBAN: a country code and check digits at a word start, then exactly the country's length of
 *   letters and digits, separators allowed between them.
 *
 * Pure: no DOM, no Node built-ins; the same code runs in the composer guard (host page), the
 * redactor (Node) and the audit log's check.
 *
 * @module
 */
import { requireString, invalidArgument } from './assert.js'
import { luhn, previewCard, validateCardNumber } from './card.js'
import { hasNotCardContext, hasSsnContext } from './detect-context.js'
import { countDigits, DIGIT_CLASS, digitsOf, gluedAfter, gluedBefore, isDigitCode, isSeparatorCode, MAX_SEPARATORS, oneKind, parseRun, type Group, type Run } from './digit-runs.js'
import { ibanAt, mayStartIban } from './detect-iban.js'
import { previewSsn, SSN_LENGTH, validateSsn } from './ssn.js'

/** The kinds of number the detector finds. */
export const SENSITIVE_KINDS = ['card', 'ssn', 'iban'] as const

/** One of {@link SENSITIVE_KINDS}. */
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number]

/**
 * A number found in text: where it is and its masked preview — never its digits. `text.slice(start,
 * end)` is the number as written (with its separators); replacing that range with `preview` masks
 * it.
 */
export interface SensitiveMatch {
  kind: SensitiveKind
  /** Index (UTF-16 code units) of the number's first character. */
  start: number
  /** Index just after its last character. */
  end: number
  /** The preview the matching field would show: `Visa •••• 4242`, `•••-••-6789`, `DE •••• 3000`. */
  preview: string
}

/** Options of {@link findSensitiveNumbers}. */
export interface DetectOptions {
  /** The kinds to look for; default all of {@link SENSITIVE_KINDS}. */
  kinds?: readonly SensitiveKind[]
  /**
   * Also read numbers glued to letters (`agent4111…`, `INV-4111…`, `xDE89…`). Off for free text,
   * where such a string is an identifier (an invoice, a SKU); on where identifiers are all there
   * is and a value could hide in one, as in the audit log's members. Default `false`.
   */
  insideWords?: boolean
}

/** Where the next run may start: any digit the fields read. */
const FIRST_DIGIT = new RegExp(`[${DIGIT_CLASS}]`, 'gu')

/** The fewest digits a run needs to hold a card or an SSN. */
const MIN_RUN_DIGITS = SSN_LENGTH
const MIN_CARD = 13
const MAX_CARD = 19

/** Groups as card numbers are printed: every group but the last of 4–6 digits. */
function printedAsCard(groups: readonly Group[]): boolean {
  for (let i = 0; i < groups.length - 1; i++) if (groups[i]!.digits.length < 4 || groups[i]!.digits.length > 6) return false
  return true
}

const isMonth = (digits: string) => digits.length <= 2 && Number(digits) >= 1 && Number(digits) <= 12
const isYear = (digits: string) => digits.length === 2 || digits.length === 4

/**
 * What may follow a card number in the same run: an expiry, a security code, a PIN — at most three
 * groups of at most four digits (`4111 1111 1111 1111 12 29 123`). Anything longer makes the run
 * one longer number (a tracking or reference number whose first digits pass for a card).
 */
function isCardTail(groups: readonly Group[]): boolean {
  return groups.length <= 3 && groups.every((g) => g.digits.length <= 4) && countDigits(groups) <= 10
}

interface Span {
  start: number
  end: number
  digits: string
}

const span = (groups: readonly Group[]): Span => ({ start: groups[0]!.start, end: groups[groups.length - 1]!.end, digits: digitsOf(groups) })
const cardLength = (count: number) => count >= MIN_CARD && count <= MAX_CARD

/** The windows of a run that may hold a card number. */
function cardWindows(run: Run): Span[] {
  const { groups, seps } = run
  const n = groups.length
  const out: Span[] = []
  // One group of 13–19 digits is self-delimiting, wherever it stands.
  for (const g of groups) if (cardLength(g.digits.length)) out.push(span([g]))
  // Maximal windows joined by one kind of separator (the neighbours are joined by another kind, or
  // there are none): `4111-1111-1111-1111 5555-5555-5555-4444`.
  for (let a = 0; a < n - 1; ) {
    let b = a + 1
    while (b < n - 1 && seps[b] === seps[a]) b++
    const window = groups.slice(a, b + 1)
    if (cardLength(countDigits(window)) && printedAsCard(window)) out.push(span(window))
    a = b
  }
  // A card followed by its expiry and code (`4111 1111 1111 1111 12 29 123`), or after an expiry
  // written with a slash (`11/29 4111 1111 1111 1111`): those windows and no others.
  const lead = n > 2 && seps[0] === '/' && isMonth(groups[0]!.digits) && isYear(groups[1]!.digits) ? 2 : 0
  for (const i of lead ? [0, lead] : [0]) {
    for (let j = Math.max(i + 1, n - 4); j < n; j++) {
      if (i === 0 && j === n - 1) continue
      const window = groups.slice(i, j + 1)
      const digits = digitsOf(window)
      if (!cardLength(digits.length) || !oneKind(seps, i, j) || !printedAsCard(window)) continue
      if (i > 0 && seps[i] === '/') continue
      if (j < n - 1 && !isCardTail(groups.slice(j + 1))) continue
      out.push(span(window))
    }
  }
  return out
}

/** Whether `digits` are a card number (Luhn first: cheap, and it rejects nine look-alikes in ten). */
const isCard = (digits: string) => luhn(digits) && validateCardNumber(digits).valid

/**
 * Cards typed one after the other in one run, with one kind of separator
 * (`4111 1111 1111 1111 5555 5555 5555 4444`): read only if every group belongs to a card.
 */
function cardSequence(run: Run): Span[] {
  const { groups, seps } = run
  if (!oneKind(seps, 0, seps.length)) return []
  const out: Span[] = []
  for (let i = 0; i < groups.length; ) {
    let next = -1
    for (let j = i, count = 0; j < groups.length && count <= MAX_CARD; j++) {
      count += groups[j]!.digits.length
      const window = groups.slice(i, j + 1)
      if (cardLength(count) && printedAsCard(window) && isCard(digitsOf(window))) {
        out.push(span(window))
        next = j + 1
        break
      }
    }
    if (next < 0) return []
    i = next
  }
  return out.length > 1 ? out : []
}

/** The windows of a run grouped as an SSN, 3-2-4, joined by one kind of separator and set apart. */
function ssnWindows(run: Run): Span[] {
  const { groups, seps } = run
  const out: Span[] = []
  for (let i = 0; i + 2 < groups.length; i++) {
    const [a, b, c] = [groups[i]!, groups[i + 1]!, groups[i + 2]!]
    if (a.digits.length !== 3 || b.digits.length !== 2 || c.digits.length !== 4) continue
    const kind = seps[i]
    if (seps[i + 1] !== kind || (i > 0 && seps[i - 1] === kind) || (i + 3 < groups.length && seps[i + 2] === kind)) continue
    out.push(span([a, b, c]))
  }
  return out
}

function findInRun(text: string, runStart: number, runEnd: number, settings: Settings, found: SensitiveMatch[]): void {
  const { kinds } = settings
  if (text[runStart - 1] === '+' || (!settings.insideWords && (gluedBefore(text, runStart) || gluedAfter(text, runEnd)))) return
  const run = parseRun(text, runStart, runEnd)
  const total = countDigits(run.groups)
  if (total < MIN_RUN_DIGITS) return
  if (kinds.has('card') && total >= MIN_CARD) {
    const cards = cardWindows(run).filter((w) => isCard(w.digits))
    if (total > MAX_CARD) cards.push(...cardSequence(run))
    for (const w of cards) {
      if (!hasNotCardContext(text, w.start)) found.push({ kind: 'card', start: w.start, end: w.end, preview: previewCard(w.digits) })
    }
  }
  if (kinds.has('ssn')) {
    const options = { allowItin: true }
    for (const w of ssnWindows(run)) {
      if (validateSsn(w.digits, options).valid) found.push({ kind: 'ssn', start: w.start, end: w.end, preview: previewSsn(w.digits, options) })
    }
    // Nine digits grouped otherwise (or not at all) are an SSN only next to a word that says so.
    const nines = total === SSN_LENGTH ? [span(run.groups)] : run.groups.filter((g) => g.digits.length === SSN_LENGTH).map((g) => span([g]))
    for (const nine of nines) {
      if (validateSsn(nine.digits, options).valid && hasSsnContext(text, nine.start, nine.end)) {
        found.push({ kind: 'ssn', start: nine.start, end: nine.end, preview: previewSsn(nine.digits, options) })
      }
    }
  }
}

interface Settings {
  kinds: ReadonlySet<SensitiveKind>
  insideWords: boolean
}

function settingsOf(options: DetectOptions | undefined): Settings {
  if (options === undefined || options === null) return { kinds: new Set(SENSITIVE_KINDS), insideWords: false }
  if (typeof options !== 'object') invalidArgument('options must be an object.')
  const { kinds = SENSITIVE_KINDS, insideWords = false } = options
  if (!Array.isArray(kinds) || kinds.some((k) => !(SENSITIVE_KINDS as readonly unknown[]).includes(k))) {
    invalidArgument(`options.kinds must be an array of ${SENSITIVE_KINDS.map((k) => `'${k}'`).join(', ')}.`)
  }
  if (typeof insideWords !== 'boolean') invalidArgument('options.insideWords must be a boolean.')
  return { kinds: new Set(kinds), insideWords }
}

/**
 * Finds card numbers, SSNs and IBANs in `text`, in order, none overlapping.
 *
 * @example
 * ```ts
 * findSensitiveNumbers('my card is 4242 4242 4242 4242, thanks')
 * // [{ kind: 'card', start: 11, end: 30, preview: 'Visa •••• 4242' }]
 * findSensitiveNumbers('order 123-4567890-1234567 ships 2024-05-01') // []
 * ```
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `text` is not a string or
 *   `options.kinds` names an unknown kind
 */
export function findSensitiveNumbers(text: string, options?: DetectOptions): SensitiveMatch[] {
  requireString(text, 'text')
  const settings = settingsOf(options)
  const { kinds, insideWords } = settings
  const runs = kinds.has('card') || kinds.has('ssn')
  const found: SensitiveMatch[] = []
  // One pass over the runs of digits. `test` rather than `exec`: no match object per run.
  FIRST_DIGIT.lastIndex = 0
  while (FIRST_DIGIT.test(text)) {
    const start = FIRST_DIGIT.lastIndex - 1
    let end = start + 1
    let digits = 1
    for (let i = start + 1, separators = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (isDigitCode(code)) {
        end = i + 1
        digits++
        separators = 0
      } else if (separators < MAX_SEPARATORS && isSeparatorCode(code)) {
        separators++
      } else {
        break
      }
    }
    // Two letters before two digits may begin an IBAN, whose letters and digits then go together.
    const at = kinds.has('iban') && mayStartIban(text, start, insideWords) ? ibanAt(text, start - 2, insideWords) : undefined
    const iban: SensitiveMatch | undefined = at && { kind: 'iban', ...at }
    if (iban) found.push(iban)
    else if (runs && digits >= MIN_RUN_DIGITS) findInRun(text, start, end, settings, found)
    FIRST_DIGIT.lastIndex = iban ? iban.end : end
  }
  // By position; at the same start an IBAN first, then the longest (a 19-digit card over its first
  // 16 digits); whatever overlaps a match kept is dropped.
  const kept: SensitiveMatch[] = []
  for (const match of found.sort((a, b) => a.start - b.start || rank(a) - rank(b) || b.end - a.end)) {
    const last = kept[kept.length - 1]
    if (last && match.start < last.end) continue
    kept.push(match)
  }
  return kept
}

/** IBANs win a tie: their digits are never read as a card or SSN. */
const rank = (m: SensitiveMatch) => (m.kind === 'iban' ? 0 : 1)

/** Whether `text` holds a card number, SSN or IBAN ({@link findSensitiveNumbers} finds one). */
export function hasSensitiveNumber(text: string, options?: DetectOptions): boolean {
  return findSensitiveNumbers(text, options).length > 0
}

export { isLineBreak } from './digit-runs.js'
