import { expect } from 'chai'
import { previewIban, validateIban } from '../../src/validate/iban.js'
import { SecureFieldsError } from '../../src/errors.js'

const IBANS: [string, string, string][] = [
  ['DE89370400440532013000', 'DE', 'DE •••• 3000'],
  ['GB82WEST12345698765432', 'GB', 'GB •••• 5432'],
  ['FR1420041010050500013M02606', 'FR', 'FR •••• 2606'],
  ['ES9121000418450200051332', 'ES', 'ES •••• 1332'],
  ['NL91ABNA0417164300', 'NL', 'NL •••• 4300'],
  ['BE68539007547034', 'BE', 'BE •••• 7034'],
]

/** `iban` with the digit at `index` changed to the next one (mod 10). */
function changeDigit(iban: string, index: number): string {
  return iban.slice(0, index) + String((Number(iban[index]) + 1) % 10) + iban.slice(index + 1)
}

describe('validate/iban', () => {
  for (const [iban, country, preview] of IBANS) {
    it(`accepts ${country} ${iban} and refuses it with any one digit changed`, () => {
      expect(validateIban(iban)).to.deep.equal({ electronic: iban, country, complete: true, valid: true })
      expect(previewIban(iban)).to.equal(preview)
      for (let index = 2; index < iban.length; index++) {
        if (!/[0-9]/.test(iban[index]!)) continue
        const changed = changeDigit(iban, index)
        expect(validateIban(changed), changed).to.include({ complete: true, valid: false, code: 'iban.invalid-checksum' })
      }
    })
  }

  it('accepts lower case, spaces, dashes and no-break spaces', () => {
    for (const input of ['de89 3704 0044 0532 0130 00', 'DE89-3704-0044-0532-0130-00', 'DE89\u00a03704\u00a00044 0532 0130 00']) {
      expect(validateIban(input), input).to.deep.equal({ electronic: 'DE89370400440532013000', country: 'DE', complete: true, valid: true })
    }
    expect(previewIban('gb82 west 1234 5698 7654 32')).to.equal('GB •••• 5432')
  })

  it('is incomplete until the country length is reached', () => {
    expect(validateIban('D')).to.deep.equal({ electronic: 'D', complete: false, valid: false, code: 'iban.incomplete' })
    for (const partial of ['DE', 'DE8', 'DE89', 'DE89 3704 0044 0532 0130 0']) {
      expect(validateIban(partial), partial).to.include({ country: 'DE', complete: false, valid: false, code: 'iban.incomplete' })
    }
  })

  it('reports an unknown country as soon as it is typed', () => {
    expect(validateIban('XX89370400440532013000')).to.include({ valid: false, code: 'iban.invalid-country' })
    expect(validateIban('XX')).to.include({ code: 'iban.invalid-country' })
    expect(validateIban('1')).to.include({ code: 'iban.invalid-country' })
    expect(validateIban('US12')).to.include({ code: 'iban.invalid-country' })
  })

  it('reports non-numeric check digits and a malformed BBAN as invalid', () => {
    expect(validateIban('DEAB')).to.include({ complete: false, code: 'iban.invalid' })
    // Germany's BBAN is 18 digits: a letter in it breaks the format, whatever the checksum.
    expect(validateIban('DE8937040044053201300A')).to.include({ complete: true, code: 'iban.invalid' })
  })

  it('reports a national check digit failure as invalid-checksum', () => {
    // Belgium's last two digits are a mod-97 check of the first ten; the IBAN checksum is fixed up.
    expect(validateIban('BE41539007547035')).to.include({ valid: false, code: 'iban.invalid-checksum' })
  })

  it('reports too long, empty and invalid characters', () => {
    expect(validateIban('DE893704004405320130001')).to.include({ complete: true, valid: false, code: 'iban.too-long' })
    expect(validateIban('')).to.deep.equal({ electronic: '', complete: false, valid: false, code: 'iban.empty' })
    expect(validateIban(' - ')).to.include({ code: 'iban.empty' })
    expect(validateIban('DE89_3704')).to.include({ complete: false, valid: false, code: 'iban.invalid-characters' })
  })

  it('has no preview unless valid', () => {
    expect(previewIban('DE89370400440532013001')).to.equal('')
    expect(previewIban('DE8937')).to.equal('')
  })

  it('throws ERR_INPUT_INVALID for a non-string', () => {
    expect(() => validateIban(null as unknown as string)).to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
  })
})
