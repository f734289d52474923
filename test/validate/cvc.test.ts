import { expect } from 'chai'
import { detectBrand } from '../../src/validate/card.js'
import { validateCvc } from '../../src/validate/cvc.js'
import { SecureFieldsError } from '../../src/errors.js'

const AMEX = detectBrand('378282246310005')!
const VISA = detectBrand('4242424242424242')!

describe('validate/cvc', () => {
  const table: [string, string, ReturnType<typeof detectBrand>, boolean, boolean, string?][] = [
    // name, input, brand, complete, valid, code
    ['Visa: 3 digits', '123', VISA, true, true],
    ['Visa: 2 digits', '12', VISA, false, false, 'card.cvc.incomplete'],
    ['Visa: 4 digits', '1234', VISA, true, false, 'card.cvc.invalid'],
    ['Amex: 4 digits', '1234', AMEX, true, true],
    ['Amex: 3 digits', '123', AMEX, false, false, 'card.cvc.incomplete'],
    ['Amex: 5 digits', '12345', AMEX, true, false, 'card.cvc.invalid'],
    ['unknown brand: 3 digits', '123', undefined, true, true],
    ['unknown brand: 4 digits', '1234', undefined, true, true],
    ['unknown brand: 2 digits', '12', undefined, false, false, 'card.cvc.incomplete'],
    ['unknown brand: 5 digits', '12345', undefined, true, false, 'card.cvc.invalid'],
    ['empty', '', VISA, false, false, 'card.cvc.empty'],
    ['a letter', '12a', VISA, false, false, 'card.cvc.invalid'],
  ]
  for (const [name, input, brand, complete, valid, code] of table) {
    it(`${name} → ${code ?? 'valid'}`, () => {
      const result = validateCvc(input, brand)
      expect(result).to.include({ complete, valid })
      expect(result.code).to.equal(code)
    })
  }

  it('takes the length from the brand', () => {
    expect(AMEX.cvcLength).to.equal(4)
    expect(VISA.cvcLength).to.equal(3)
  })

  it('throws ERR_INPUT_INVALID for a brand without a usable cvcLength', () => {
    expect(() => validateCvc('123', { ...VISA, cvcLength: 0 })).to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
  })
})
