import { expect } from 'chai'
import { isDigits, normalizeDigits, onlyDigits, sanitizeDigits } from '../../src/validate/digits.js'
import { SecureFieldsError } from '../../src/errors.js'

describe('validate/digits', () => {
  describe('sanitizeDigits', () => {
    const pastes: [string, string][] = [
      ['4242-4242 4242 4242', '4242424242424242'],
      ['123 45 6789', '123456789'],
      ['123-45-6789', '123456789'],
      ['123.45.6789', '123456789'],
      ['12/34', '1234'],
      ['\t4242\u00a04242\u20134242\u22124242\n', '4242424242424242'],
    ]
    for (const [input, digits] of pastes) {
      it(`drops separators silently: ${JSON.stringify(input)}`, () => {
        expect(sanitizeDigits(input)).to.deep.equal({ digits, hadInvalid: false })
      })
    }

    it('flags any other character and keeps the digits', () => {
      expect(sanitizeDigits('12a3')).to.deep.equal({ digits: '123', hadInvalid: true })
      expect(sanitizeDigits('1+2')).to.deep.equal({ digits: '12', hadInvalid: true })
      expect(sanitizeDigits('😀1')).to.deep.equal({ digits: '1', hadInvalid: true })
    })

    it('reads Arabic-Indic, Extended Arabic-Indic and full-width digits as ASCII', () => {
      expect(sanitizeDigits('٤٢٤٢')).to.deep.equal({ digits: '4242', hadInvalid: false })
      expect(sanitizeDigits('۱۲۳')).to.deep.equal({ digits: '123', hadInvalid: false })
      expect(sanitizeDigits('１２３')).to.deep.equal({ digits: '123', hadInvalid: false })
    })

    it('gives empty digits for an empty or separator-only input, without flagging it', () => {
      expect(sanitizeDigits('')).to.deep.equal({ digits: '', hadInvalid: false })
      expect(sanitizeDigits(' - / ')).to.deep.equal({ digits: '', hadInvalid: false })
    })

    it('throws ERR_INPUT_INVALID for a non-string', () => {
      expect(() => sanitizeDigits(42 as unknown as string))
        .to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
    })
  })

  it('onlyDigits returns the digits alone', () => {
    expect(onlyDigits('4242-4242 4242 4242')).to.equal('4242424242424242')
    expect(onlyDigits('12a3')).to.equal('123')
  })

  it('normalizeDigits converts digits and keeps every other character', () => {
    expect(normalizeDigits('١١/٢٦')).to.equal('11/26')
    expect(normalizeDigits('ab 1')).to.equal('ab 1')
  })

  it('isDigits accepts only non-empty ASCII digit strings', () => {
    expect(isDigits('0123')).to.equal(true)
    expect(isDigits('')).to.equal(false)
    expect(isDigits('12 3')).to.equal(false)
    expect(isDigits('١٢')).to.equal(false)
  })
})
