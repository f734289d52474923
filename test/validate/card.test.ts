import { expect } from 'chai'
import fc from 'fast-check'
import {
  detectBrand,
  formatCardNumber,
  luhn,
  MAX_CARD_NUMBER_LENGTH,
  previewCard,
  validateCardNumber,
} from '../../src/validate/card.js'

/** Public test numbers of the schemes, with the name `credit-card-type` gives each. */
const TEST_NUMBERS: [string, string, string][] = [
  ['4242424242424242', 'Visa', 'visa'],
  ['4000056655665556', 'Visa', 'visa'],
  ['5555555555554444', 'Mastercard', 'mastercard'],
  ['2223003122003222', 'Mastercard', 'mastercard'],
  ['378282246310005', 'American Express', 'american-express'],
  ['6011111111111117', 'Discover', 'discover'],
  ['3056930009020004', 'Diners Club', 'diners-club'],
  ['3566002020360505', 'JCB', 'jcb'],
  ['6200000000000005', 'UnionPay', 'unionpay'],
]

/** `digits` with the digit at `index` replaced by the next one (mod 10). */
function changeDigit(digits: string, index: number): string {
  const next = String((Number(digits[index]) + 1) % 10)
  return digits.slice(0, index) + next + digits.slice(index + 1)
}

/**
 * Reference Luhn, formulated differently from the implementation: left to right, with the doubled
 * positions chosen by the parity of the length and a lookup table for "double, then sum digits".
 */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]
function referenceLuhn(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false
  const parity = digits.length % 2
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    const n = Number(digits[i])
    sum += i % 2 === parity ? DOUBLED[n]! : n
  }
  return sum % 10 === 0
}

/** The check digit that completes `payload`, computed from the payload alone (right to left). */
function checkDigit(payload: string): string {
  let sum = 0
  for (let i = 0; i < payload.length; i++) {
    const n = Number(payload[payload.length - 1 - i])
    // The rightmost payload digit is doubled, since the check digit will take the last position.
    sum += i % 2 === 0 ? (2 * n) % 10 + Math.floor((2 * n) / 10) : n
  }
  return String((10 - (sum % 10)) % 10)
}

describe('validate/card', () => {
  describe('luhn', () => {
    it('accepts the test numbers and rejects them with the check digit changed', () => {
      for (const [digits] of TEST_NUMBERS) {
        expect(luhn(digits), digits).to.equal(true)
        expect(luhn(changeDigit(digits, digits.length - 1)), digits).to.equal(false)
      }
    })

    it('rejects an empty string and non-digits instead of passing them vacuously', () => {
      expect(luhn('')).to.equal(false)
      expect(luhn('0')).to.equal(true)
      expect(luhn('4242 4242 4242 4242')).to.equal(false)
    })

    it('agrees with an independent reference on random digit strings', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9]{0,40}$/), (digits) => {
          expect(luhn(digits)).to.equal(referenceLuhn(digits))
        }),
        { numRuns: 2000 },
      )
    })

    it('passes any payload completed with its check digit, and fails every other last digit', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9]{1,30}$/), (payload) => {
          const check = checkDigit(payload)
          expect(luhn(payload + check)).to.equal(true)
          for (let d = 0; d < 10; d++) if (String(d) !== check) expect(luhn(payload + d)).to.equal(false)
        }),
        { numRuns: 1000 },
      )
    })
  })

  describe('detectBrand', () => {
    it('names the brand of every test number', () => {
      for (const [digits, niceName, type] of TEST_NUMBERS) {
        expect(detectBrand(digits), digits).to.include({ niceName, type })
      }
    })

    it('describes the brand with lengths, gaps and security code', () => {
      expect(detectBrand('378282246310005')).to.deep.equal({
        type: 'american-express',
        niceName: 'American Express',
        lengths: [15],
        gaps: [4, 10],
        cvcLength: 4,
        cvcName: 'CID',
      })
      expect(detectBrand('4242')).to.include({ cvcLength: 3, cvcName: 'CVV' })
    })

    it('returns undefined while a short prefix still fits several brands', () => {
      expect(detectBrand('3')).to.equal(undefined) // Amex, Diners or JCB
      expect(detectBrand('4')).to.equal(undefined) // Visa, or the start of Elo / Naranja ranges
      expect(detectBrand('62')).to.equal(undefined)
    })

    it('names the brand as soon as one remains', () => {
      expect(detectBrand('37')?.type).to.equal('american-express')
      expect(detectBrand('42')?.type).to.equal('visa')
      expect(detectBrand('6011')?.type).to.equal('discover')
    })

    it('returns undefined for no match, an empty string or non-digits', () => {
      expect(detectBrand('9999')).to.equal(undefined)
      expect(detectBrand('')).to.equal(undefined)
      expect(detectBrand('4242 4242')).to.equal(undefined)
    })
  })

  describe('validateCardNumber', () => {
    for (const [digits, niceName] of TEST_NUMBERS) {
      it(`accepts ${niceName} ${digits} and refuses it with one digit changed`, () => {
        const result = validateCardNumber(digits)
        expect(result).to.include({ digits, complete: true, valid: true })
        expect(result.code).to.equal(undefined)
        expect(result.brand?.niceName).to.equal(niceName)
        for (const index of [digits.length - 1, 9]) {
          const changed = validateCardNumber(changeDigit(digits, index))
          expect(changed, `changed at ${index}`).to.include({ valid: false, code: 'card.number.invalid' })
          expect(changed.brand?.niceName).to.equal(niceName)
        }
      })
    }

    it('gives the same digits for a paste with dashes and spaces', () => {
      for (const paste of ['4242-4242-4242-4242', '4242 4242 4242 4242', ' 4242-4242 4242 4242 ']) {
        expect(validateCardNumber(paste)).to.include({ digits: '4242424242424242', valid: true })
      }
      expect(validateCardNumber('3782 822463 10005')).to.include({ digits: '378282246310005', valid: true })
    })

    it('reports a partial number as incomplete', () => {
      for (const partial of ['4', '42', '4242', '424242424242424', '37828224631000']) {
        expect(validateCardNumber(partial), partial).to.include({ complete: false, valid: false, code: 'card.number.incomplete' })
      }
    })

    it('reports non-digits as invalid-characters', () => {
      for (const input of ['4242x4242424242424', 'abcd', '4242424242424242!']) {
        expect(validateCardNumber(input), input).to.include({ complete: false, valid: false, code: 'card.number.invalid-characters' })
      }
    })

    it('reports an empty or separator-only input as empty', () => {
      expect(validateCardNumber('')).to.deep.equal({ digits: '', complete: false, valid: false, code: 'card.number.empty' })
      expect(validateCardNumber('  - ')).to.include({ code: 'card.number.empty' })
    })

    it('reports a number no brand issues as unknown-brand', () => {
      expect(validateCardNumber('9999')).to.include({ valid: false, code: 'card.number.unknown-brand' })
      const luhnValidUnknown = '1234567812345670'
      expect(luhn(luhnValidUnknown)).to.equal(true)
      expect(validateCardNumber(luhnValidUnknown)).to.include({ complete: false, valid: false, code: 'card.number.unknown-brand' })
      expect(validateCardNumber('1'.repeat(MAX_CARD_NUMBER_LENGTH))).to.include({ complete: true, code: 'card.number.unknown-brand' })
    })

    it('reports more digits than the brand issues as too-long', () => {
      expect(validateCardNumber('3782822463100051')).to.include({ complete: true, valid: false, code: 'card.number.too-long' })
      expect(validateCardNumber('4'.repeat(20))).to.include({ complete: true, valid: false, code: 'card.number.too-long' })
    })

    it('counts a Luhn-valid number at a shorter length of its brand as complete', () => {
      // Visa issues 16, 18 and 19 digits: a valid 16-digit Visa is done, an invalid one may grow.
      expect(validateCardNumber('4242424242424242')).to.include({ complete: true, valid: true })
      expect(validateCardNumber('4242424242424241')).to.include({ complete: false, code: 'card.number.invalid' })
      expect(validateCardNumber('42424242424242424')).to.include({ complete: false, code: 'card.number.incomplete' })
    })

    it('counts a Luhn-invalid number at the longest length as complete', () => {
      expect(validateCardNumber('378282246310006')).to.include({ complete: true, valid: false, code: 'card.number.invalid' })
    })
  })

  describe('formatCardNumber', () => {
    it('groups by the brand gaps', () => {
      expect(formatCardNumber('4242424242424242', detectBrand('4242'))).to.equal('4242 4242 4242 4242')
      expect(formatCardNumber('378282246310005', detectBrand('37'))).to.equal('3782 822463 10005')
    })

    it('groups a partial number and drops separators and stray characters', () => {
      expect(formatCardNumber('37828', detectBrand('37'))).to.equal('3782 8')
      expect(formatCardNumber('4242-42x')).to.equal('4242 42')
    })

    it('groups in fours without a brand', () => {
      expect(formatCardNumber('1234567890123')).to.equal('1234 5678 9012 3')
      expect(formatCardNumber('')).to.equal('')
    })
  })

  describe('previewCard', () => {
    it('shows brand and last four of a valid number', () => {
      expect(previewCard('4242 4242 4242 4242')).to.equal('Visa •••• 4242')
      expect(previewCard('378282246310005')).to.equal('American Express •••• 0005')
    })

    it('is empty for an invalid or partial number', () => {
      expect(previewCard('4242424242424241')).to.equal('')
      expect(previewCard('4242')).to.equal('')
      expect(previewCard('')).to.equal('')
    })
  })
})
