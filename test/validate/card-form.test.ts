import { expect } from 'chai'
import { validateCard } from '../../src/validate/card-form.js'
import { SecureFieldsError } from '../../src/errors.js'

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0))

describe('validate/card-form: validateCard', () => {
  it('accepts a complete, valid card and previews it', () => {
    const result = validateCard({ number: '4242 4242 4242 4242', expiry: '12/28', cvc: '123' }, NOW)
    expect(result).to.deep.include({ complete: true, valid: true, errors: {}, preview: 'Visa •••• 4242' })
    expect(result.brand?.type).to.equal('visa')
  })

  it('checks the security code against the brand of the number', () => {
    expect(validateCard({ number: '378282246310005', expiry: '12/28', cvc: '1234' }, NOW)).to.include({ valid: true })
    const amexWithThree = validateCard({ number: '378282246310005', expiry: '12/28', cvc: '123' }, NOW)
    expect(amexWithThree).to.deep.include({ complete: false, valid: false, errors: { cvc: 'card.cvc.incomplete' } })
    expect(amexWithThree.preview).to.equal('American Express •••• 0005')
  })

  it('reports each failing part and is neither complete nor valid', () => {
    const result = validateCard({ number: '4242', expiry: '10/26', cvc: '' }, NOW)
    expect(result).to.deep.equal({
      complete: false,
      valid: false,
      brand: result.brand,
      errors: { number: 'card.number.incomplete', expiry: 'card.expiry.past', cvc: 'card.cvc.empty' },
      // The past date is typed to its end; the number and the code are not.
      completeParts: { number: false, expiry: true, cvc: false },
      preview: '',
    })
  })

  it('is complete but not valid when a complete part is wrong', () => {
    const result = validateCard({ number: '4242424242424242', expiry: '10/26', cvc: '123' }, NOW)
    expect(result).to.deep.include({ complete: true, valid: false, errors: { expiry: 'card.expiry.past' } })
    expect(result.preview).to.equal('Visa •••• 4242')
  })

  it('has no preview and no brand for an invalid unknown number', () => {
    const result = validateCard({ number: '1234567812345670', expiry: '12/28', cvc: '123' }, NOW)
    expect(result.preview).to.equal('')
    expect(result).to.not.have.property('brand')
    expect(result.errors.number).to.equal('card.number.unknown-brand')
  })

  it('throws ERR_INPUT_INVALID for a missing card object', () => {
    expect(() => validateCard(null as never, NOW)).to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
  })
})
