import { expect } from 'chai'
import { previewSsn, validateSsn } from '../../src/validate/ssn.js'
import { SecureFieldsError } from '../../src/errors.js'

describe('validate/ssn', () => {
  // input, code without ITINs, code with allowItin (undefined = valid), itin
  const table: [string, string | undefined, string | undefined, boolean][] = [
    ['123-45-6789', undefined, undefined, false],
    ['000-12-3456', 'ssn.invalid-area', 'ssn.invalid-area', false],
    ['666-12-3456', 'ssn.invalid-area', 'ssn.invalid-area', false],
    ['900-12-3456', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['999-49-3456', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['123-00-4567', 'ssn.invalid-group', 'ssn.invalid-group', false],
    ['123-45-0000', 'ssn.invalid-serial', 'ssn.invalid-serial', false],
    ['912-70-1234', 'ssn.itin-not-allowed', undefined, true],
    ['900-50-1234', 'ssn.itin-not-allowed', undefined, true],
    ['999-65-1234', 'ssn.itin-not-allowed', undefined, true],
    ['912-88-1234', 'ssn.itin-not-allowed', undefined, true],
    ['912-90-1234', 'ssn.itin-not-allowed', undefined, true],
    ['912-92-1234', 'ssn.itin-not-allowed', undefined, true],
    ['912-94-1234', 'ssn.itin-not-allowed', undefined, true],
    ['912-99-1234', 'ssn.itin-not-allowed', undefined, true],
    ['912-93-1234', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['912-66-1234', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['912-69-1234', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['912-89-1234', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['912-00-1234', 'ssn.invalid-area', 'ssn.invalid-itin', false],
    ['912-70-0000', 'ssn.itin-not-allowed', undefined, true],
  ]
  for (const [input, code, itinCode, itin] of table) {
    it(`${input} → ${code ?? 'valid'}; with ITINs allowed → ${itinCode ?? 'valid'}`, () => {
      const strict = validateSsn(input)
      expect(strict).to.include({ digits: input.replace(/-/g, ''), complete: true, valid: code === undefined, itin })
      expect(strict.code).to.equal(code)
      const lenient = validateSsn(input, { allowItin: true })
      expect(lenient).to.include({ valid: itinCode === undefined, itin })
      expect(lenient.code).to.equal(itinCode)
    })
  }

  it('gives the same digits for pasted forms', () => {
    for (const paste of ['123 45 6789', '123-45-6789', '123456789', ' 123.45.6789 ']) {
      expect(validateSsn(paste), paste).to.deep.equal({ digits: '123456789', complete: true, valid: true, itin: false })
    }
  })

  it('reports empty, stray characters and too many digits', () => {
    expect(validateSsn('')).to.deep.equal({ digits: '', complete: false, valid: false, itin: false, code: 'ssn.empty' })
    expect(validateSsn('123-45-678x')).to.include({ complete: false, valid: false, code: 'ssn.invalid-characters' })
    expect(validateSsn('123-45-67890')).to.include({ complete: true, valid: false, code: 'ssn.too-long' })
  })

  describe('while typing', () => {
    it('is incomplete before nine digits', () => {
      for (const partial of ['1', '123', '123-4', '123-45-678']) {
        expect(validateSsn(partial), partial).to.include({ complete: false, valid: false, code: 'ssn.incomplete' })
      }
    })

    it('reports a bad area as soon as three digits are typed', () => {
      expect(validateSsn('666')).to.include({ complete: false, code: 'ssn.invalid-area' })
      expect(validateSsn('000-1')).to.include({ code: 'ssn.invalid-area' })
    })

    it('waits for the group before judging a 9xx area', () => {
      expect(validateSsn('912')).to.include({ code: 'ssn.incomplete', itin: false })
      expect(validateSsn('912-7')).to.include({ code: 'ssn.incomplete' })
      expect(validateSsn('912-70', { allowItin: true })).to.include({ code: 'ssn.incomplete', itin: true })
      expect(validateSsn('912-70')).to.include({ code: 'ssn.itin-not-allowed', itin: true })
      expect(validateSsn('912-93', { allowItin: true })).to.include({ code: 'ssn.invalid-itin' })
    })

    it('reports a 00 group at five digits', () => {
      expect(validateSsn('123-00')).to.include({ complete: false, code: 'ssn.invalid-group' })
    })
  })

  it('throws ERR_INPUT_INVALID for a non-boolean allowItin or a non-string input', () => {
    expect(() => validateSsn('123456789', { allowItin: 'yes' as unknown as boolean }))
      .to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
    expect(() => validateSsn(123456789 as unknown as string)).to.throw(SecureFieldsError)
  })

  describe('previewSsn', () => {
    it('masks all but the last four of a valid number', () => {
      expect(previewSsn('123-45-6789')).to.equal('•••-••-6789')
      expect(previewSsn('912 70 1234', { allowItin: true })).to.equal('•••-••-1234')
    })

    it('is empty for an invalid, partial or disallowed number', () => {
      expect(previewSsn('123-45-0000')).to.equal('')
      expect(previewSsn('123-45-678')).to.equal('')
      expect(previewSsn('912-70-1234')).to.equal('')
    })
  })
})
