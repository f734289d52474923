import { expect } from 'chai'
import { validateExpiry, MAX_EXPIRY_YEARS_AHEAD } from '../../src/validate/expiry.js'
import { SecureFieldsError } from '../../src/errors.js'

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0)) // 2026-11-25T12:00Z

describe('validate/expiry', () => {
  const table: [string, { month?: number; year?: number; complete: boolean; valid: boolean; code?: string }][] = [
    ['11/26', { month: 11, year: 2026, complete: true, valid: true }],
    ['12/26', { month: 12, year: 2026, complete: true, valid: true }],
    ['10/26', { month: 10, year: 2026, complete: true, valid: false, code: 'card.expiry.past' }],
    ['11/25', { month: 11, year: 2025, complete: true, valid: false, code: 'card.expiry.past' }],
    ['13/27', { complete: false, valid: false, code: 'card.expiry.invalid-month' }],
    ['00/27', { complete: false, valid: false, code: 'card.expiry.invalid-month' }],
    ['1/2', { month: 1, complete: false, valid: false, code: 'card.expiry.incomplete' }],
    ['12/2046', { month: 12, year: 2046, complete: true, valid: true }],
    ['12/2047', { month: 12, year: 2047, complete: true, valid: false, code: 'card.expiry.too-far' }],
    ['12/46', { month: 12, year: 2046, complete: true, valid: true }],
    ['01/47', { month: 1, year: 2047, complete: true, valid: false, code: 'card.expiry.too-far' }],
    ['0527', { month: 5, year: 2027, complete: true, valid: true }],
    ['05/2027', { month: 5, year: 2027, complete: true, valid: true }],
    ['05 / 27', { month: 5, year: 2027, complete: true, valid: true }],
    ['05-27', { month: 5, year: 2027, complete: true, valid: true }],
    ['052027', { month: 5, year: 2027, complete: true, valid: true }],
    ['5/27', { month: 5, year: 2027, complete: true, valid: true }],
    [' 05/27 ', { month: 5, year: 2027, complete: true, valid: true }],
    ['٠٥/٢٧', { month: 5, year: 2027, complete: true, valid: true }],
    ['', { complete: false, valid: false, code: 'card.expiry.empty' }],
    ['   ', { complete: false, valid: false, code: 'card.expiry.empty' }],
    ['1', { complete: false, valid: false, code: 'card.expiry.incomplete' }],
    ['05', { month: 5, complete: false, valid: false, code: 'card.expiry.incomplete' }],
    ['05/', { month: 5, complete: false, valid: false, code: 'card.expiry.incomplete' }],
    ['052', { month: 5, complete: false, valid: false, code: 'card.expiry.incomplete' }],
    ['05/202', { month: 5, complete: false, valid: false, code: 'card.expiry.incomplete' }],
    ['13', { complete: false, valid: false, code: 'card.expiry.invalid-month' }],
    ['0/27', { complete: false, valid: false, code: 'card.expiry.invalid-month' }],
    ['ab/cd', { complete: false, valid: false, code: 'card.expiry.invalid' }],
    ['05/20271', { complete: false, valid: false, code: 'card.expiry.invalid' }],
    ['05/27/1', { complete: false, valid: false, code: 'card.expiry.invalid' }],
  ]
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} → ${expected.code ?? 'valid'}`, () => {
      expect(validateExpiry(input, NOW)).to.deep.equal(expected)
    })
  }

  describe('the end of the month', () => {
    it('keeps a card valid on the last day of its month', () => {
      expect(validateExpiry('11/26', new Date(Date.UTC(2026, 10, 30, 23, 59)))).to.include({ valid: true })
    })

    it('keeps it valid while the month still runs in UTC−12', () => {
      expect(validateExpiry('11/26', new Date(Date.UTC(2026, 11, 1, 11, 59)))).to.include({ valid: true })
    })

    it('refuses it once the month has ended everywhere', () => {
      expect(validateExpiry('11/26', new Date(Date.UTC(2026, 11, 1, 12, 0)))).to.include({ valid: false, code: 'card.expiry.past' })
    })

    it('crosses the year correctly', () => {
      const newYear = new Date(Date.UTC(2027, 0, 1, 13, 0))
      expect(validateExpiry('12/26', newYear)).to.include({ code: 'card.expiry.past' })
      expect(validateExpiry('01/27', newYear)).to.include({ valid: true })
    })
  })

  it(`allows exactly ${MAX_EXPIRY_YEARS_AHEAD} calendar years ahead`, () => {
    const year = NOW.getUTCFullYear() + MAX_EXPIRY_YEARS_AHEAD
    expect(validateExpiry(`12/${year}`, NOW)).to.include({ valid: true })
    expect(validateExpiry(`01/${year + 1}`, NOW)).to.include({ code: 'card.expiry.too-far' })
  })

  it('places two-digit years in the century window around now', () => {
    expect(validateExpiry('05/99', NOW)).to.include({ year: 1999, code: 'card.expiry.past' })
    expect(validateExpiry('05/05', new Date(Date.UTC(2095, 0, 1)))).to.include({ year: 2105, valid: true })
    expect(validateExpiry('05/20', new Date(Date.UTC(2095, 0, 1)))).to.include({ year: 2120, code: 'card.expiry.too-far' })
    expect(validateExpiry('05/99', new Date(Date.UTC(2095, 0, 1)))).to.include({ year: 2099, valid: true })
  })

  it('throws ERR_INPUT_INVALID for an invalid now or a non-string input', () => {
    expect(() => validateExpiry('11/26', new Date(Number.NaN))).to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
    expect(() => validateExpiry('11/26', '2026-11-25' as unknown as Date)).to.throw(SecureFieldsError)
    expect(() => validateExpiry(1126 as unknown as string, NOW)).to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
  })
})
