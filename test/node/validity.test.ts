/**
 * A field's form validity (src/host/validity.ts): one pure function of what the element knows,
 * mapped as a native input's would be — `valueMissing` for an empty required field, `badInput`
 * for an invalid value, a custom error while the frame cannot work, the configuration is refused,
 * consent is missing or the envelope is on its way, nothing while disabled, and the page's own
 * `setCustomValidity()` message over all of it.
 */
import { expect } from 'chai'
import fc from 'fast-check'
import { fieldValidity, type FieldValidityInput } from '../../src/host/validity.js'
import type { FieldState } from '../../src/protocol/messages.js'

const EMPTY: FieldState = { empty: true, complete: false, valid: false }
const VALID: FieldState = { empty: false, complete: true, valid: true, preview: '•••• 4242' }
const INVALID: FieldState = { empty: false, complete: true, valid: false, code: 'card.number.invalid', message: 'Your card number is invalid.' }
const LOCKED: FieldState = { empty: true, complete: false, valid: false, locked: true, message: 'Give your consent above first.' }
const NO_KEY = { code: 'ERR_KEY_MISSING', message: 'No public key is configured.' }
const UNREACHABLE = { code: 'ERR_FRAME_UNREACHABLE', message: 'The frame did not load in time.' }

const base: FieldValidityInput = { state: EMPTY, sealed: false, required: false, disabled: false, customMessage: '' }
const of = (input: Partial<FieldValidityInput>) => fieldValidity({ ...base, ...input })

const problem = fc.option(fc.record({ code: fc.constantFrom('ERR_KEY_MISSING', 'ERR_INPUT_INVALID', 'ERR_FRAME_REFUSED'), message: fc.string({ minLength: 1 }) }), { nil: undefined })
const input: fc.Arbitrary<FieldValidityInput> = fc.record({
  connection: problem,
  refusal: problem,
  state: fc.constantFrom(EMPTY, VALID, INVALID, LOCKED, { empty: false, complete: false, valid: false }),
  sealed: fc.boolean(),
  required: fc.boolean(),
  disabled: fc.boolean(),
  customMessage: fc.oneof(fc.constant(''), fc.string()),
})

describe('field validity (as a native input)', () => {
  it('maps each state of a working field as a native input would', () => {
    expect(of({})).to.deep.equal({ flags: {}, message: '' })
    expect(of({ required: true })).to.deep.equal({ flags: { valueMissing: true }, message: 'This field is required.' })
    expect(of({ required: true, state: { ...EMPTY, message: 'Saisissez une valeur.' } }).message).to.equal('Saisissez une valeur.')
    expect(of({ state: INVALID })).to.deep.equal({ flags: { badInput: true }, message: 'Your card number is invalid.' })
    expect(of({ state: VALID })).to.deep.equal({ flags: { customError: true }, message: 'The value is being sealed.' })
    expect(of({ state: VALID, sealed: true })).to.deep.equal({ flags: {}, message: '' })
    expect(of({ state: LOCKED, required: true })).to.deep.equal({ flags: { customError: true }, message: 'Give your consent above first.' })
  })

  it('a frame that cannot work, or a refused configuration, is a custom error with its message; the connection comes first', () => {
    expect(of({ refusal: NO_KEY, state: VALID, sealed: true })).to.deep.equal({ flags: { customError: true }, message: NO_KEY.message })
    expect(of({ connection: UNREACHABLE, refusal: NO_KEY })).to.deep.equal({ flags: { customError: true }, message: UNREACHABLE.message })
  })

  it('fixing the cause clears its error: the same field without the refusal is as valid as its value', () => {
    fc.assert(
      fc.property(input, (i) => {
        const fixedInput = { ...i, refusal: undefined, connection: undefined }
        const never = fieldValidity(fixedInput)
        fieldValidity(i) // refused (or failed) first…
        const fixed = fieldValidity(fixedInput) // …then fixed: nothing of the refusal is remembered
        expect(fixed).to.deep.equal(never)
        if (!i.disabled && !i.customMessage && i.state.valid && i.sealed) expect(fixed).to.deep.equal({ flags: {}, message: '' })
      }),
    )
    expect(of({ refusal: NO_KEY, state: VALID, sealed: true }).flags.customError).to.equal(true)
    expect(of({ state: VALID, sealed: true }).flags).to.deep.equal({})
  })

  it('a disabled field is barred from validation: nothing but a custom message makes it invalid', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { flags, message } = fieldValidity({ ...i, disabled: true })
        if (i.customMessage) expect({ flags, message }).to.deep.equal({ flags: { customError: true }, message: i.customMessage })
        else expect({ flags, message }).to.deep.equal({ flags: {}, message: '' })
      }),
    )
  })

  it('setCustomValidity: a message adds customError to whatever holds and is the message shown; an empty one changes nothing', () => {
    fc.assert(
      fc.property(input, fc.string({ minLength: 1 }), (i, custom) => {
        const without = fieldValidity({ ...i, customMessage: '' })
        const withCustom = fieldValidity({ ...i, customMessage: custom })
        expect(withCustom).to.deep.equal({ flags: { ...without.flags, customError: true }, message: custom })
      }),
    )
    expect(of({ required: true, customMessage: 'Pick a card.' })).to.deep.equal({ flags: { valueMissing: true, customError: true }, message: 'Pick a card.' })
  })
})
