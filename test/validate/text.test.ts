import { expect } from 'chai'
import { createTextValidator, MAX_PATTERN_LENGTH, validateText, type TextOptions } from '../../src/validate/text.js'
import { SecureFieldsError } from '../../src/errors.js'

function expectOptionError(options: unknown): void {
  expect(() => createTextValidator(options as TextOptions), JSON.stringify(options))
    .to.throw(SecureFieldsError).with.property('code', 'ERR_INPUT_INVALID')
}

describe('validate/text', () => {
  describe('preset iban', () => {
    it('validates with the IBAN rules and previews country and last four', () => {
      expect(validateText('de89 3704 0044 0532 0130 00', { preset: 'iban' })).to.deep.equal({
        value: 'DE89370400440532013000',
        complete: true,
        valid: true,
        final: true,
        preview: 'DE •••• 3000',
      })
      expect(validateText('DE89370400440532013001', { preset: 'iban' })).to.deep.equal({
        value: 'DE89370400440532013001',
        complete: true,
        valid: false,
        final: false,
        code: 'iban.invalid-checksum',
        preview: '',
      })
    })

    it('refuses length and pattern options', () => {
      expectOptionError({ preset: 'iban', minLength: 4 })
      expectOptionError({ preset: 'iban', pattern: '.*' })
    })
  })

  describe('preset account', () => {
    const table: [string, TextOptions, { value: string; complete: boolean; valid: boolean; code?: string; preview: string; final?: true }][] = [
      ['000123456789', { preset: 'account' }, { value: '000123456789', complete: true, valid: true, preview: '•••• 6789' }],
      ['0001 2345-6789', { preset: 'account' }, { value: '000123456789', complete: true, valid: true, preview: '•••• 6789' }],
      ['1234', { preset: 'account' }, { value: '1234', complete: true, valid: true, preview: '•••• 34' }],
      ['123', { preset: 'account' }, { value: '123', complete: false, valid: false, code: 'account.too-short', preview: '' }],
      // At maxLength (17 by default) the number cannot grow: final.
      ['1'.repeat(17), { preset: 'account' }, { value: '1'.repeat(17), complete: true, valid: true, preview: '•••• 1111', final: true }],
      ['1'.repeat(18), { preset: 'account' }, { value: '1'.repeat(18), complete: true, valid: false, code: 'account.too-long', preview: '' }],
      ['', { preset: 'account' }, { value: '', complete: false, valid: false, code: 'account.empty', preview: '' }],
      ['1234a5', { preset: 'account' }, { value: '12345', complete: false, valid: false, code: 'account.invalid-characters', preview: '' }],
      ['12345', { preset: 'account', minLength: 6 }, { value: '12345', complete: false, valid: false, code: 'account.too-short', preview: '' }],
      ['12345678', { preset: 'account', maxLength: 7 }, { value: '12345678', complete: true, valid: false, code: 'account.too-long', preview: '' }],
      ['000123456789', { preset: 'account', preview: 'none' }, { value: '000123456789', complete: true, valid: true, preview: '' }],
    ]
    for (const [input, options, expected] of table) {
      it(`${JSON.stringify(input)} with ${JSON.stringify(options)} → ${expected.code ?? 'valid'}`, () => {
        expect(validateText(input, options)).to.deep.equal({ final: false, ...expected })
      })
    }

    it('refuses a pattern and lengths out of bounds', () => {
      expectOptionError({ preset: 'account', pattern: '\\d+' })
      expectOptionError({ preset: 'account', minLength: 0 })
      expectOptionError({ preset: 'account', maxLength: 65 })
      expectOptionError({ preset: 'account', minLength: 1.5 })
      expectOptionError({ preset: 'account', minLength: 10, maxLength: 9 })
    })
  })

  describe('preset id', () => {
    const passport: TextOptions = { preset: 'id', pattern: '[A-Z]{2}[0-9]{4,6}' }

    it('accepts a value matching the pattern, trimmed, and previews its last four', () => {
      expect(validateText('  XY99AB12  ', { preset: 'id', pattern: '[A-Z0-9]{8}' })).to.deep.equal({
        value: 'XY99AB12',
        complete: true,
        valid: true,
        final: false,
        preview: '•••• AB12',
      })
      expect(validateText('AB123456', passport)).to.include({ valid: true, preview: '•••• 3456' })
    })

    it('anchors the pattern at both ends', () => {
      expect(validateText('xAB1234', passport)).to.include({ valid: false, code: 'id.invalid' })
      expect(validateText('AB1234x', passport)).to.include({ valid: false, code: 'id.invalid' })
      expect(validateText('AB1234', { preset: 'id', pattern: '^[A-Z]{2}[0-9]{4}$' })).to.include({ valid: true })
    })

    it('keeps the anchors around an alternation', () => {
      const either: TextOptions = { preset: 'id', pattern: 'AB|CD' }
      expect(validateText('AB', either)).to.include({ valid: true })
      expect(validateText('ABX', either)).to.include({ code: 'id.invalid' })
      expect(validateText('XCD', either)).to.include({ code: 'id.invalid' })
    })

    it('reports empty, too long and too short', () => {
      expect(validateText('   ', passport)).to.deep.equal({ value: '', complete: false, valid: false, final: false, code: 'id.empty', preview: '' })
      expect(validateText('A'.repeat(65), { preset: 'id' })).to.include({ valid: false, code: 'id.too-long' })
      expect(validateText('AB12', { preset: 'id', minLength: 5 })).to.include({ complete: false, valid: false, code: 'id.too-short' })
      expect(validateText('ABC', { preset: 'id', maxLength: 2 })).to.include({ code: 'id.too-long' })
    })

    it('without a pattern accepts any text but control characters', () => {
      expect(validateText('Zoë 42', { preset: 'id' })).to.include({ valid: true })
      expect(validateText('AB\u000012', { preset: 'id' })).to.include({ valid: false, code: 'id.invalid' })
    })

    it('normalizes to NFC so a decomposed accent matches', () => {
      const result = validateText('Zoe\u0308', { preset: 'id', pattern: 'Zo\u00eb' })
      expect(result).to.include({ value: 'Zo\u00eb', valid: true })
    })

    it('shows at most half of a short value', () => {
      expect(validateText('AB1', { preset: 'id' }).preview).to.equal('•••• 1')
      expect(validateText('A', { preset: 'id' }).preview).to.equal('••••')
      expect(validateText('AB123456', { ...passport, preview: 'none' }).preview).to.equal('')
    })

    it('throws ERR_INPUT_INVALID for a bad, empty or overlong pattern', () => {
      expectOptionError({ preset: 'id', pattern: '[A-Z' })
      expectOptionError({ preset: 'id', pattern: 'a)|(b' })
      expectOptionError({ preset: 'id', pattern: '' })
      expectOptionError({ preset: 'id', pattern: 42 })
      expectOptionError({ preset: 'id', pattern: 'a'.repeat(MAX_PATTERN_LENGTH + 1) })
      expect(() => createTextValidator({ preset: 'id', pattern: 'a'.repeat(MAX_PATTERN_LENGTH) })).to.not.throw()
    })

    it('does not put the pattern in the error message', () => {
      try {
        createTextValidator({ preset: 'id', pattern: '(SECRET-ISH' })
        expect.fail('should throw')
      } catch (error) {
        expect((error as Error).message).to.not.include('SECRET-ISH')
      }
    })
  })

  it('throws ERR_INPUT_INVALID for unknown presets, options and preview modes', () => {
    expectOptionError(undefined)
    expectOptionError({ preset: 'ssn' })
    expectOptionError({ preset: 'id', patern: '.*' })
    expectOptionError({ preset: 'id', preview: 'full' })
  })

  it('treats an option set to undefined as absent', () => {
    expect(() => createTextValidator({ preset: 'iban', minLength: undefined, pattern: undefined })).to.not.throw()
  })

  it('createTextValidator checks options once and validates many inputs', () => {
    const validate = createTextValidator({ preset: 'account', minLength: 6 })
    expect(validate('123456').valid).to.equal(true)
    expect(validate('12345').code).to.equal('account.too-short')
    expect(() => validate(7 as unknown as string)).to.throw(SecureFieldsError)
  })
})

describe('validate/text: patterns run in linear time', () => {
  it('a pattern that backtracks exponentially validates a 256-character value at once', () => {
    // (?:[0-4]|[0-4])*- takes 2^n steps on a backtracking engine for n zeros: never finishing here.
    const validate = createTextValidator({ preset: 'id', pattern: '(?:[0-4]|[0-4])*-', maxLength: 256 })
    expect(validate('0'.repeat(255) + 'x')).to.include({ valid: false, code: 'id.invalid' })
    expect(validate('0'.repeat(255) + '-')).to.include({ valid: true })
  })

  it('refuses patterns that need backtracking: lookarounds and backreferences', () => {
    for (const pattern of ['(?=A)[A-Z]+', '(?!x).+', '(a)\\1', '(?<=a)b']) expectOptionError({ preset: 'id', pattern })
  })
})
