/**
 * International Bank Account Numbers (ISO 13616), validated by `ibantools`: country lengths,
 * BBAN formats, national check digits and the mod-97 checksum all come from it.
 *
 * @module
 */
import { electronicFormatIBAN, getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools'
import type { IbanCode } from './codes.js'
import { requireString } from './assert.js'
import { MASK_CHAR } from './preview.js'

/** The result of {@link validateIban}. */
export interface IbanResult {
  /** The IBAN in electronic format: upper case, no spaces or dashes; the value to seal. */
  electronic: string
  /** The ISO 3166 country code, once the first two letters name a country that issues IBANs. */
  country?: string
  /** Whether the IBAN has reached (or passed) its country's length. */
  complete: boolean
  /** Whether `ibantools` accepts it: length, BBAN format, national and IBAN check digits. */
  valid: boolean
  /** Why the IBAN is not valid; absent when it is. */
  code?: IbanCode
}

let lengths: ReadonlyMap<string, number> | undefined

/**
 * IBAN length per country, from `ibantools`' specifications (countries without a length do not
 * issue IBANs). Built on first use: the frame of a card field never pays for it.
 *
 * @param country - an upper-case ISO 3166 alpha-2 code
 * @returns the length of that country's IBANs, or `undefined` when it issues none
 */
export function ibanLength(country: string): number | undefined {
  if (!lengths) {
    const map = new Map<string, number>()
    for (const [code, spec] of Object.entries(getCountrySpecifications())) if (spec.chars) map.set(code, spec.chars)
    lengths = map
  }
  return lengths.get(country)
}

/**
 * Upper case, without white space or dashes. White space of every kind goes first, since a copy
 * from a PDF brings no-break spaces that `electronicFormatIBAN` (ASCII space and `-`) keeps.
 */
function electronic(input: string): string {
  return electronicFormatIBAN(input.replace(/\s+/gu, '')) ?? ''
}

/**
 * Validates an IBAN as typed or pasted: `DE89 3704 0044 0532 0130 00`, lower case and dashes are
 * accepted.
 *
 * While it is being typed, what can be judged is reported early: the country as soon as two
 * letters are there, the check digits at four characters. At the country's length `ibantools`
 * decides.
 *
 * Codes in order of precedence: `iban.empty`, `iban.invalid-characters` (not a letter or digit),
 * `iban.invalid-country`, `iban.invalid` (check digits not numeric, or a BBAN that does not fit
 * the country's format), `iban.too-long`, `iban.incomplete`, `iban.invalid-checksum` (the mod-97
 * IBAN checksum or a national check digit fails).
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function validateIban(input: string): IbanResult {
  requireString(input, 'input')
  const iban = electronic(input)
  if (iban === '') return { electronic: iban, complete: false, valid: false, code: 'iban.empty' }
  if (!/^[A-Z0-9]+$/u.test(iban)) return { electronic: iban, complete: false, valid: false, code: 'iban.invalid-characters' }

  const prefix = iban.slice(0, 2)
  const length = prefix.length === 2 ? ibanLength(prefix) : undefined
  if (!/^[A-Z]{1,2}$/u.test(prefix) || (prefix.length === 2 && length === undefined)) {
    return { electronic: iban, complete: false, valid: false, code: 'iban.invalid-country' }
  }
  if (length === undefined) return { electronic: iban, complete: false, valid: false, code: 'iban.incomplete' }

  const base = { electronic: iban, country: prefix, complete: iban.length >= length }
  if (!/^[0-9]{0,2}$/u.test(iban.slice(2, 4))) return { ...base, valid: false, code: 'iban.invalid' }
  if (iban.length > length) return { ...base, valid: false, code: 'iban.too-long' }
  if (iban.length < length) return { ...base, valid: false, code: 'iban.incomplete' }

  const { valid, errorCodes } = validateIBAN(iban)
  if (valid) return { ...base, valid: true }
  // ibantools also flags the checksum when the format is wrong, so the format is asked first.
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return { ...base, valid: false, code: 'iban.invalid' }
  if (
    errorCodes.includes(ValidationErrorsIBAN.WrongIBANChecksum) ||
    errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)
  ) {
    return { ...base, valid: false, code: 'iban.invalid-checksum' }
  }
  return { ...base, valid: false, code: 'iban.invalid' }
}

/**
 * The masked preview of a valid IBAN: the country, four bullets and the last four characters
 * (`DE •••• 3000`); `''` unless the IBAN is valid.
 *
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `input` is not a string
 */
export function previewIban(input: string): string {
  const result = validateIban(input)
  if (!result.valid || !result.country) return ''
  return `${result.country} ${MASK_CHAR.repeat(4)} ${result.electronic.slice(-4)}`
}
