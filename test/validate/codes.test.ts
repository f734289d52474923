import { expect } from 'chai'
import { detectBrand, validateCardNumber } from '../../src/validate/card.js'
import { isValidationCode, VALIDATION_CODES, type ValidationCode } from '../../src/validate/codes.js'
import { validateCvc } from '../../src/validate/cvc.js'
import { segmentCardEntry } from '../../src/validate/card-entry.js'
import { validateExpiry } from '../../src/validate/expiry.js'
import { validateIban } from '../../src/validate/iban.js'
import { validateSsn } from '../../src/validate/ssn.js'
import { validateText } from '../../src/validate/text.js'

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0))
const AMEX = detectBrand('37')

/** One input per code that produces it: proves every listed code is reachable and every code used is listed. */
const PRODUCERS: Record<ValidationCode, () => string | undefined> = {
  'card.number.empty': () => validateCardNumber('').code,
  'card.number.incomplete': () => validateCardNumber('4242').code,
  'card.number.invalid': () => validateCardNumber('4242424242424241').code,
  'card.number.unknown-brand': () => validateCardNumber('9999').code,
  'card.number.invalid-characters': () => validateCardNumber('4242x').code,
  'card.number.too-long': () => validateCardNumber('3782822463100051').code,
  // A Maestro typed in one go: 18 digits and 05/30, or 19 digits and 5/30.
  'card.entry.ambiguous': () => (segmentCardEntry('67597308878820294005/30404', NOW).ambiguous ? 'card.entry.ambiguous' : undefined),
  'card.expiry.empty': () => validateExpiry('', NOW).code,
  'card.expiry.incomplete': () => validateExpiry('1/2', NOW).code,
  'card.expiry.invalid': () => validateExpiry('ab/cd', NOW).code,
  'card.expiry.invalid-month': () => validateExpiry('13/27', NOW).code,
  'card.expiry.past': () => validateExpiry('10/26', NOW).code,
  'card.expiry.too-far': () => validateExpiry('12/2047', NOW).code,
  'card.cvc.empty': () => validateCvc('').code,
  'card.cvc.incomplete': () => validateCvc('123', AMEX).code,
  'card.cvc.invalid': () => validateCvc('12345').code,
  'ssn.empty': () => validateSsn('').code,
  'ssn.incomplete': () => validateSsn('123-45').code,
  'ssn.invalid-area': () => validateSsn('666-12-3456').code,
  'ssn.invalid-group': () => validateSsn('123-00-4567').code,
  'ssn.invalid-serial': () => validateSsn('123-45-0000').code,
  'ssn.itin-not-allowed': () => validateSsn('912-70-1234').code,
  'ssn.invalid-itin': () => validateSsn('912-93-1234', { allowItin: true }).code,
  'ssn.invalid-characters': () => validateSsn('123-45-678x').code,
  'ssn.too-long': () => validateSsn('1234567890').code,
  'iban.empty': () => validateIban('').code,
  'iban.incomplete': () => validateIban('DE89').code,
  'iban.invalid-characters': () => validateIban('DE89_').code,
  'iban.invalid-country': () => validateIban('XX89').code,
  'iban.invalid-checksum': () => validateIban('DE89370400440532013001').code,
  'iban.invalid': () => validateIban('DEAB').code,
  'iban.too-long': () => validateIban('DE893704004405320130001').code,
  'account.empty': () => validateText('', { preset: 'account' }).code,
  'account.too-short': () => validateText('123', { preset: 'account' }).code,
  'account.too-long': () => validateText('1'.repeat(18), { preset: 'account' }).code,
  'account.invalid-characters': () => validateText('12a4', { preset: 'account' }).code,
  'id.empty': () => validateText('', { preset: 'id' }).code,
  'id.too-short': () => validateText('A', { preset: 'id', minLength: 2 }).code,
  'id.invalid': () => validateText('a', { preset: 'id', pattern: '[A-Z]' }).code,
  'id.too-long': () => validateText('ABC', { preset: 'id', maxLength: 2 }).code,
}

describe('validate/codes', () => {
  it('lists each code once, in the form <field>.<reason>', () => {
    expect(new Set(VALIDATION_CODES).size).to.equal(VALIDATION_CODES.length)
    for (const code of VALIDATION_CODES) expect(code).to.match(/^(card\.(number|expiry|cvc|entry)|ssn|iban|account|id)\.[a-z]+(-[a-z]+)*$/)
  })

  it('holds every code the brief names', () => {
    const named = [
      'card.number.empty', 'card.number.incomplete', 'card.number.invalid', 'card.number.unknown-brand',
      'card.number.invalid-characters', 'card.number.too-long',
      'card.expiry.empty', 'card.expiry.incomplete', 'card.expiry.invalid-month', 'card.expiry.past', 'card.expiry.too-far',
      'card.cvc.empty', 'card.cvc.incomplete', 'card.cvc.invalid',
      'ssn.empty', 'ssn.incomplete', 'ssn.invalid-area', 'ssn.invalid-group', 'ssn.invalid-serial', 'ssn.itin-not-allowed',
      'ssn.invalid-itin', 'ssn.invalid-characters', 'ssn.too-long',
      'iban.empty', 'iban.incomplete', 'iban.invalid-country', 'iban.invalid-checksum', 'iban.invalid', 'iban.too-long',
      'account.empty', 'account.too-short', 'account.too-long', 'account.invalid-characters',
      'id.empty', 'id.invalid', 'id.too-long',
    ]
    expect(VALIDATION_CODES).to.include.members(named)
  })

  it('every listed code is returned by some input, and those inputs return listed codes', () => {
    expect(Object.keys(PRODUCERS)).to.have.members([...VALIDATION_CODES])
    for (const [code, produce] of Object.entries(PRODUCERS)) {
      const produced = produce()
      expect(produced, code).to.equal(code)
      expect(isValidationCode(produced), code).to.equal(true)
    }
  })

  it('isValidationCode accepts only listed codes', () => {
    expect(isValidationCode('ssn.empty')).to.equal(true)
    expect(isValidationCode('ssn.nope')).to.equal(false)
    expect(isValidationCode('toString')).to.equal(false)
    expect(isValidationCode(undefined)).to.equal(false)
  })
})
