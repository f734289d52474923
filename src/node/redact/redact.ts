/**
 * `redact`: card numbers, SSNs and IBANs in a transcript or a log line replaced by the previews the
 * fields show (`Visa •••• 4242`, `•••-••-6789`, `DE •••• 3000`) — the second line of defence behind
 * the composer guard, for what was typed before it existed, by a client without it, or by an
 * integration that posts messages itself. Detection is `src/validate/detect.ts`, the same as the
 * guard's and the audit log's.
 *
 * @module
 */
import { invalidArgument, requireString } from '../../validate/assert.js'
import { findSensitiveNumbers, SENSITIVE_KINDS, type SensitiveKind, type SensitiveMatch } from '../../validate/detect.js'

/** How many numbers of each kind were masked. */
export type RedactionCounts = Record<SensitiveKind, number>

/** Options of {@link redact}, {@link redactWithCounts} and `createRedactStream`. */
export interface RedactOptions {
  /** The kinds to mask; default all (`card`, `ssn`, `iban`). */
  kinds?: readonly SensitiveKind[]
  /**
   * What replaces a number; default its preview. Receives the kind and the preview only, never the
   * digits. A replacement must not itself hold a number: it is not scanned again.
   */
  replace?: (match: { kind: SensitiveKind; preview: string }) => string
}

/** The result of {@link redactWithCounts}. */
export interface RedactResult {
  /** The text with every number replaced. */
  text: string
  /** How many numbers of each kind were replaced. */
  counts: RedactionCounts
}

/** Zero of every kind. */
export function emptyCounts(): RedactionCounts {
  return { card: 0, ssn: 0, iban: 0 }
}

/** Checks `options` once; returns the detector's options and the replacement. */
export function redactSettings(options: RedactOptions | undefined): { kinds: readonly SensitiveKind[]; replace: NonNullable<RedactOptions['replace']> } {
  if (options !== undefined && (typeof options !== 'object' || options === null)) invalidArgument('options must be an object.')
  const { kinds = SENSITIVE_KINDS, replace = (m: { preview: string }) => m.preview } = options ?? {}
  if (typeof replace !== 'function') invalidArgument('options.replace must be a function.')
  // The detector checks the kinds; asking it once here reports a bad list before any text is read.
  findSensitiveNumbers('', { kinds })
  return { kinds, replace }
}

/**
 * `text` with the `matches` (in order, not overlapping) replaced, counting each into `counts`.
 * Internal to the redactor and its stream.
 */
export function applyMatches(text: string, matches: readonly SensitiveMatch[], replace: NonNullable<RedactOptions['replace']>, counts: RedactionCounts, from = 0, to = text.length): string {
  let out = ''
  let at = from
  for (const m of matches) {
    const replacement = replace({ kind: m.kind, preview: m.preview })
    if (typeof replacement !== 'string') invalidArgument('options.replace must return a string.')
    out += text.slice(at, m.start) + replacement
    at = m.end
    counts[m.kind]++
  }
  return out + text.slice(at, to)
}

/**
 * Masks the card numbers, SSNs and IBANs of `text` and says how many of each.
 *
 * @example
 * ```ts
 * redactWithCounts('card 4242 4242 4242 4242, SSN 123-45-6789')
 * // { text: 'card Visa •••• 4242, SSN •••-••-6789', counts: { card: 1, ssn: 1, iban: 0 } }
 * ```
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `text` is not a string or an option is
 *   not acceptable
 */
export function redactWithCounts(text: string, options?: RedactOptions): RedactResult {
  requireString(text, 'text')
  const { kinds, replace } = redactSettings(options)
  const counts = emptyCounts()
  return { text: applyMatches(text, findSensitiveNumbers(text, { kinds }), replace, counts), counts }
}

/**
 * Masks the card numbers, SSNs and IBANs of `text`: `redact('my card is 4242 4242 4242 4242')` is
 * `'my card is Visa •••• 4242'`. Text without any comes back unchanged (the same string).
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` as {@link redactWithCounts}
 */
export function redact(text: string, options?: RedactOptions): string {
  return redactWithCounts(text, options).text
}
