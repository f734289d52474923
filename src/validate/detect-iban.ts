/**
 * IBANs in free text, for the detector of sensitive numbers ({@link findSensitiveNumbers} in
 * `detect.ts`): a country code at a word start, its check digits, then exactly the country's length
 * of letters and digits (any script the fields read), separators allowed between them, judged by
 * the IBAN field's own validator (`ibantools`).
 *
 * Pure: no DOM, no Node built-ins.
 *
 * @module
 */
import { digitOf } from './digits.js'
import { isDigitCode, isSeparatorCode, MAX_SEPARATORS } from './digit-runs.js'
import { ibanLength, previewIban, validateIban } from './iban.js'

/** A letter, digit (of any script the fields read) or underscore: what an IBAN may not touch. */
function isWordCharacter(char: string): boolean {
  return /[A-Za-z0-9_]/.test(char) || digitOf(char) !== undefined
}

/** Whether the run at `start` follows a country code (two letters, not inside a word) with two check digits. */
export function mayStartIban(text: string, start: number, insideWords: boolean): boolean {
  return (
    start >= 2 &&
    /[A-Za-z]{2}/.test(text.slice(start - 2, start)) &&
    isDigitCode(text.charCodeAt(start + 1)) &&
    (insideWords || start === 2 || !isWordCharacter(text[start - 3]!))
  )
}

/** The IBAN starting at `start` (country letters, check digits), if one is there. */
export function ibanAt(text: string, start: number, insideWords: boolean): { start: number; end: number; preview: string } | undefined {
  const country = text.slice(start, start + 2).toUpperCase()
  const length = ibanLength(country)
  if (length === undefined) return undefined
  let electronic = country
  let i = start + 2
  let separators = 0
  while (electronic.length < length && i < text.length) {
    const char = text[i]!
    const digit = digitOf(char)
    if (digit !== undefined || /[A-Za-z]/.test(char)) {
      electronic += digit ?? char.toUpperCase()
      separators = 0
    } else if (electronic.length >= 4 && separators < MAX_SEPARATORS && isSeparatorCode(char.charCodeAt(0))) {
      separators++
    } else {
      return undefined
    }
    i++
  }
  // Exactly the country's length: a longer string of letters and digits is something else.
  if (electronic.length !== length || separators > 0) return undefined
  if (!insideWords && i < text.length && isWordCharacter(text[i]!)) return undefined
  if (!validateIban(electronic).valid) return undefined
  return { start, end: i, preview: previewIban(electronic) }
}
