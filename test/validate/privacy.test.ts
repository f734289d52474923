/**
 * What a validator returns besides the value itself (codes, previews, flags, brand) crosses the
 * frame boundary, so none of it may carry the input: codes are fixed strings, and a preview shows
 * at most the last four characters.
 */
import { expect } from 'chai'
import fc from 'fast-check'
import { validateCard } from '../../src/validate/card-form.js'
import { validateCardNumber } from '../../src/validate/card.js'
import { isValidationCode } from '../../src/validate/codes.js'
import { validateCvc } from '../../src/validate/cvc.js'
import { validateExpiry } from '../../src/validate/expiry.js'
import { validateIban } from '../../src/validate/iban.js'
import { previewSsn, validateSsn } from '../../src/validate/ssn.js'
import { createTextValidator } from '../../src/validate/text.js'

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0))
const validateAccount = createTextValidator({ preset: 'account', minLength: 4, maxLength: 30 })
const validateId = createTextValidator({ preset: 'id', pattern: '[A-Z0-9]+' })
const validateIbanText = createTextValidator({ preset: 'iban' })

/** Digit strings of 5 to 25 digits, sometimes grouped with separators as a paste would be. */
const digits = fc.stringMatching(/^[0-9]{5,25}$/)
const pasted = fc.tuple(digits, fc.constantFrom('', ' ', '-', '.')).map(([d, sep]) => ({
  digits: d,
  input: sep === '' ? d : (d.match(/.{1,4}/g) ?? []).join(sep),
}))

/** A Luhn-valid number of the given prefix and length (check digit computed here). */
function withCheckDigit(payload: string): string {
  for (let c = 0; c < 10; c++) {
    const candidate = payload + c
    let sum = 0
    for (let i = 0; i < candidate.length; i++) {
      const n = Number(candidate[candidate.length - 1 - i])
      sum += i % 2 === 1 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][n]! : n
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error('unreachable')
}
const validCard = fc
  .tuple(fc.constantFrom(['4', 16], ['51', 16], ['37', 15], ['6011', 16], ['62', 16] as const), fc.stringMatching(/^[0-9]{20}$/))
  .map(([[prefix, length], rest]) => withCheckDigit(prefix + rest.slice(0, Number(length) - prefix.length - 1)))

/** Asserts the fields other than `valueKey` say nothing about `secret` beyond a ≤4-char tail in `preview`. */
function expectNoLeak(result: object, valueKey: string, secret: string): void {
  const { [valueKey]: _value, preview, code, ...rest } = result as Record<string, unknown>
  if (code !== undefined) {
    expect(isValidationCode(code), String(code)).to.equal(true)
    expect(code).to.not.match(/[0-9]/)
  }
  expect(JSON.stringify(rest)).to.not.include(secret)
  if (typeof preview === 'string' && preview !== '') {
    expect(preview).to.not.include(secret)
    const shown = preview.replace(/[^0-9]/g, '')
    expect(shown.length).to.be.at.most(4)
    expect(secret.endsWith(shown), `${preview} shows more than the tail`).to.equal(true)
  }
}

describe('validate: no result carries the input', () => {
  it('card number, CVC, SSN and account results on random digits', () => {
    fc.assert(
      fc.property(pasted, ({ digits: secret, input }) => {
        expectNoLeak(validateCardNumber(input), 'digits', secret)
        expectNoLeak(validateCvc(input), 'digits', secret)
        expectNoLeak(validateSsn(input), 'digits', secret)
        expectNoLeak(validateSsn(input, { allowItin: true }), 'digits', secret)
        expectNoLeak(validateAccount(input), 'value', secret)
        expectNoLeak(validateId(secret), 'value', secret)
        expectNoLeak(validateExpiry(input, NOW), 'none', secret)
      }),
      { numRuns: 1000 },
    )
  })

  it('a whole card form, valid or not, previews at most the last four digits', () => {
    fc.assert(
      fc.property(fc.oneof(validCard, digits), (number) => {
        const result = validateCard({ number, expiry: '12/28', cvc: '123' }, NOW)
        expectNoLeak(result, 'none', number)
        for (const code of Object.values(result.errors)) expect(isValidationCode(code)).to.equal(true)
      }),
      { numRuns: 500 },
    )
  })

  it('valid card numbers preview as "<brand> •••• <last four>" and nothing more', () => {
    fc.assert(
      fc.property(validCard, (number) => {
        const result = validateCard({ number, expiry: '12/28', cvc: '1234' }, NOW)
        expect(result.preview).to.equal(`${result.brand!.niceName} •••• ${number.slice(-4)}`)
      }),
      { numRuns: 300 },
    )
  })

  it('valid SSNs preview as •••-••-<last four>', () => {
    const ssn = fc
      .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
      .filter(([area]) => area !== 666)
      .map(([a, g, s]) => `${String(a).padStart(3, '0')}${String(g).padStart(2, '0')}${String(s).padStart(4, '0')}`)
    fc.assert(
      fc.property(ssn, (secret) => {
        const result = validateSsn(secret)
        expect(result.valid).to.equal(true)
        const preview = previewSsn(secret)
        expect(preview).to.equal(`•••-••-${secret.slice(-4)}`)
        expectNoLeak({ ...result, preview }, 'digits', secret)
      }),
      { numRuns: 300 },
    )
  })

  it('IBAN results on random alphanumerics', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{4,30}$/), (secret) => {
        expectNoLeak(validateIban(secret), 'electronic', secret)
        expectNoLeak(validateIbanText(secret), 'value', secret)
      }),
      { numRuns: 1000 },
    )
  })
})
