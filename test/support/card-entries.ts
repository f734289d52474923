/**
 * Cards as real customers type them, for property tests and the card-entry benchmark: every
 * brand `credit-card-type` knows, every length it issues, numbers whose shorter prefixes pass Luhn
 * (the ones auto-advance used to cut), separators and digit scripts as they come from keyboards,
 * PDFs and input methods, and every expiry format people and autofill produce.
 */
import fc from 'fast-check'
import creditCardType from 'credit-card-type'
import { detectBrand, luhn } from '../../src/validate/card.js'

/** Every brand id `credit-card-type` knows. */
export const BRANDS = Object.values(creditCardType.types) as string[]

/** A card as the customer means it. */
export interface TrueCard {
  brand: string
  number: string
  month: number
  year: number
  cvc: string
  /** Whether a shorter length of the brand also passes Luhn on this number's prefix. */
  shorterPrefixValid: boolean
}

/** The digit that makes `body` + digit pass Luhn. */
export function luhnDigit(body: string): string {
  for (let d = 0; d < 10; d++) if (luhn(body + d)) return String(d)
  throw new Error('unreachable')
}

/** The prefixes `credit-card-type` gives a brand, as digit strings (ranges expanded at their ends and middle). */
function prefixes(brand: string): string[] {
  const out: string[] = []
  for (const pattern of creditCardType.getTypeInfo(brand).patterns) {
    if (Array.isArray(pattern)) {
      const [a, b] = pattern as [number, number]
      out.push(String(a), String(b), String(Math.floor((a + b) / 2)))
    } else out.push(String(pattern))
  }
  return out
}

/**
 * Builds a number of `brand` and `length` from random digits `fill`, with its shorter valid prefix
 * forced to pass Luhn when `forceShorter` names a shorter length.
 */
export function buildNumber(prefix: string, length: number, fill: number[], forceShorter: number | undefined): string {
  let digits = prefix
  let i = 0
  const next = () => String(fill[i++ % fill.length]! % 10)
  while (digits.length < length - 1) {
    if (forceShorter !== undefined && digits.length === forceShorter - 1) digits += luhnDigit(digits)
    else digits += next()
  }
  return digits + luhnDigit(digits)
}

/** A brand, one of its lengths and a number of it that `detectBrand` assigns to that brand. */
export function trueCardArbitrary(now: Date, brands: readonly string[] = BRANDS): fc.Arbitrary<TrueCard> {
  const year = now.getUTCFullYear()
  return fc
    .record({
      brand: fc.constantFrom(...brands),
      pick: fc.nat(),
      lengthPick: fc.nat(),
      fill: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
      shorter: fc.boolean(),
      month: fc.integer({ min: 1, max: 12 }),
      // The current year can be past for early months: start with next year.
      yearOffset: fc.integer({ min: 1, max: 19 }),
      cvcFill: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ brand, pick, lengthPick, fill, shorter, month, yearOffset, cvcFill }) => {
      const info = creditCardType.getTypeInfo(brand)
      const lengths = [...info.lengths].sort((a, b) => a - b)
      const length = lengths[lengthPick % lengths.length]!
      const candidates = prefixes(brand).filter((p) => p.length < length)
      const prefix = candidates[pick % candidates.length]!
      const shorterLengths = lengths.filter((l) => l < length && l > prefix.length)
      const forced = shorter && shorterLengths.length ? shorterLengths[pick % shorterLengths.length] : undefined
      const number = buildNumber(prefix, length, fill, forced)
      return {
        brand,
        number,
        month,
        year: year + yearOffset,
        cvc: cvcFill.slice(0, info.code.size).join(''),
        shorterPrefixValid: shorterLengths.some((l) => luhn(number.slice(0, l))),
      }
    })
    .filter((card) => detectBrand(card.number)?.type === card.brand)
}

/** Digit scripts a keyboard or input method may type. */
export const DIGIT_ZEROS = { ascii: 0x30, arabic: 0x660, persian: 0x6f0, fullwidth: 0xff10 } as const

/** `text` with its ASCII digits written in `script`. */
export function inScript(text: string, script: keyof typeof DIGIT_ZEROS): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(DIGIT_ZEROS[script] + Number(d)))
}

/** Ways a number is grouped when typed or pasted. */
export const NUMBER_GROUPINGS = ['none', 'spaces', 'dashes', 'brand', 'random'] as const

/** `number` grouped as `grouping` says (`random`: a separator after each digit with probability 1/4, chosen by `seed`). */
export function groupNumber(number: string, grouping: (typeof NUMBER_GROUPINGS)[number], seed: number): string {
  switch (grouping) {
    case 'none':
      return number
    case 'spaces':
      return number.replace(/(\d{4})(?=\d)/g, '$1 ')
    case 'dashes':
      return number.replace(/(\d{4})(?=\d)/g, '$1-')
    case 'brand': {
      const gaps = creditCardType(number)[0]?.gaps ?? [4, 8, 12]
      return [...number].map((d, i) => (gaps.includes(i) ? ` ${d}` : d)).join('')
    }
    case 'random': {
      const separators = [' ', '-', '.', '\u00a0', '  ']
      let state = seed >>> 0 || 1
      const rand = () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 16) % 16
      return [...number].map((d, i) => (i > 0 && rand() < 4 ? separators[rand() % separators.length] + d : d)).join('')
    }
  }
}

/** Every expiry format people and autofill produce. */
export const EXPIRY_FORMATS = ['MM/YY', 'MM/YYYY', 'MMYY', 'MMYYYY', 'M/YY', 'MM / YYYY', 'MM-YY', 'MM / YY'] as const

/** The expiry `month`/`year` written as `format`. */
export function formatExpiryAs(month: number, year: number, format: (typeof EXPIRY_FORMATS)[number]): string {
  const mm = String(month).padStart(2, '0')
  const yy = String(year % 100).padStart(2, '0')
  const yyyy = String(year)
  return format
    .replace('MM', mm)
    .replace(/^M(?=\/)/, String(month))
    .replace('YYYY', yyyy)
    .replace('YY', yy)
}
