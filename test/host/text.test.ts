import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import type { SecureTextInput } from '../../src/host/secure-text-input.js'
import type { SecureChangeDetail, SecureSealedDetail } from '../../src/host/events.js'
import { cleanup, leave, mountField, nextEvent, waitForState } from '../support/host.js'
import { openedText as opened, rejectionCode, typeMore as type } from '../support/sealed.js'

/** Empties the field and types `keys`. */
async function retype(el: SecureTextInput, keys: string): Promise<void> {
  el.clear()
  await waitForState(el, (s) => s.empty)
  await type(el, keys)
}

const text = (attributes: Record<string, string>) => mountField<SecureTextInput>('secure-text-input', attributes)

/** Valid IBANs of several countries (ECBS/SWIFT registry examples). */
const IBANS = ['DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'ES9121000418450200051332', 'NL91ABNA0417164300', 'BE68539007547034']

/** The IBAN with its last digit changed: the mod-97 check (ISO 7064) catches every single-digit change. */
const oneDigitChanged = (iban: string) => iban.slice(0, -1) + String((Number(iban.at(-1)) + 1) % 10)

describe('<secure-text-input>: presets, options, previews', function () {
  this.timeout(120000)
  afterEach(cleanup)

  describe('preset="iban"', () => {
    it('accepts IBANs of six countries, and refuses each with one digit changed', async () => {
      const el = await text({ preset: 'iban' })
      expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('IBAN')
      for (const iban of IBANS) {
        await retype(el, iban)
        const state = await waitForState(el, (s) => s.valid)
        expect(state.preview, iban).to.equal(`${iban.slice(0, 2)} •••• ${iban.slice(-4)}`)
        const { value, claims } = await opened(await el.seal())
        expect(value).to.equal(iban)
        expect(claims).to.include({ kind: 'iban', preview: state.preview })

        await retype(el, oneDigitChanged(iban))
        const bad = await waitForState(el, (s) => s.complete && s.code === 'iban.invalid-checksum')
        expect(bad.valid, oneDigitChanged(iban)).to.equal(false)
        expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_INVALID')
      }
    })

    it('accepts lower case and spaces as typed, and seals the electronic format', async () => {
      const el = await text({ preset: 'iban' })
      for (const [typed, electronic] of [
        ['de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
        ['gb82 west 1234 5698 7654 32', 'GB82WEST12345698765432'],
        ['nl91abna0417164300', 'NL91ABNA0417164300'],
      ] as const) {
        await retype(el, typed)
        await waitForState(el, (s) => s.valid)
        expect((await opened(await el.seal())).value).to.equal(electronic)
      }
    })

    it('an incomplete IBAN is incomplete, not valid', async () => {
      const el = await text({ preset: 'iban' })
      await type(el, 'DE8937040044')
      const state = await waitForState(el, (s) => s.code === 'iban.incomplete')
      expect(state).to.deep.include({ complete: false, valid: false })
    })
  })

  describe('preset="account"', () => {
    it('minlength and maxlength bound the digits', async () => {
      const el = await text({ preset: 'account', minlength: '6', maxlength: '8' })
      await type(el, '12345')
      const short = await waitForState(el, (s) => s.code === 'account.too-short')
      expect(short).to.deep.include({ complete: false, valid: false })
      // The frame has handled every key before it reads the seal request: five digits are too few.
      expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_INVALID')
      await sendKeys({ type: '6' })
      await waitForState(el, (s) => s.valid)
      expect((await opened(await el.seal())).value).to.equal('123456')
      // Six digits may still grow: no preview while the customer types.
      expect(el.state.preview).to.equal(undefined)
      await sendKeys({ type: '78' })
      // Eight digits, the maxlength: nothing longer is possible, the preview is final.
      const eight = await waitForState(el, (s) => s.valid && s.preview !== undefined)
      expect(eight.preview).to.equal('•••• 5678')
      expect((await opened(await el.seal())).value).to.equal('12345678')
      // Nine digits: reported, never cut to fit (a truncated account number is someone else's).
      await sendKeys({ type: '9' })
      const long = await waitForState(el, (s) => s.code === 'account.too-long')
      expect(long).to.deep.include({ complete: true, valid: false })
    })

    it('defaults to 4–17 digits, and says so for letters', async () => {
      const el = await text({ preset: 'account' })
      expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('Account number')
      await type(el, '123')
      await waitForState(el, (s) => s.code === 'account.too-short')
      await sendKeys({ type: '4' })
      await waitForState(el, (s) => s.valid)
      await retype(el, '12345678901234567')
      await waitForState(el, (s) => s.valid)
      await sendKeys({ type: '8' })
      await waitForState(el, (s) => s.code === 'account.too-long')
      await retype(el, '1234a')
      await waitForState(el, (s) => s.code === 'account.invalid-characters')
    })
  })

  describe('preset="id"', () => {
    it('pattern: the whole value must match, case-sensitively, as the HTML attribute', async () => {
      const el = await text({ preset: 'id', pattern: 'X\\d{3}' })
      await type(el, 'X123')
      await waitForState(el, (s) => s.valid)
      expect((await opened(await el.seal())).value).to.equal('X123')
      await retype(el, 'x123')
      await waitForState(el, (s) => s.code === 'id.invalid')
      await retype(el, 'X1234')
      await waitForState(el, (s) => s.code === 'id.invalid')
    })

    it('mask: letters upper-cased, fixed characters inserted, and an unfilled mask is too short', async () => {
      const el = await text({ preset: 'id', mask: 'AA-000000', pattern: '[A-Z]{2}-\\d{6}' })
      await type(el, 'ab12')
      await waitForState(el, (s) => s.code === 'id.too-short')
      expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_INVALID')
      await sendKeys({ type: '3456' })
      // The mask filled to its end takes nothing more: the ID is final, its preview released.
      const state = await waitForState(el, (s) => s.valid && s.preview !== undefined)
      expect(state.preview).to.equal('•••• 3456')
      const { value, claims } = await opened(await el.seal())
      expect(value).to.equal('AB-123456')
      expect(claims).to.include({ kind: 'id', preview: '•••• 3456' })
    })

    it('minlength and maxlength count characters', async () => {
      const el = await text({ preset: 'id', minlength: '3', maxlength: '5' })
      expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('ID number')
      await type(el, 'AB')
      await waitForState(el, (s) => s.code === 'id.too-short')
      await sendKeys({ type: 'C' })
      await waitForState(el, (s) => s.valid)
      await sendKeys({ type: 'DEF' })
      await waitForState(el, (s) => s.code === 'id.too-long')
    })

    it('preset defaults to id', async () => {
      const el = await text({})
      await type(el, 'anything-at-all')
      await waitForState(el, (s) => s.valid)
      const { claims } = await opened(await el.seal())
      expect(claims.kind).to.equal('id')
    })
  })

  describe('options the frame cannot use refuse the field (ERR_INPUT_INVALID)', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['a pattern that is not a regular expression', { preset: 'id', pattern: '(' }],
      ['a pattern on the account preset', { preset: 'account', pattern: '\\d+' }],
      ['a mask on the iban preset', { preset: 'iban', mask: '0000' }],
      ['minlength above maxlength', { preset: 'account', minlength: '9', maxlength: '6' }],
      ['a minlength that is not a number', { preset: 'id', minlength: 'many' }],
      ['an unknown preset', { preset: 'passport' }],
      ['an unknown preview', { preset: 'id', preview: 'half' }],
    ]
    for (const [name, attributes] of cases) {
      it(name, async () => {
        const code = await text(attributes).then(
          () => 'ready',
          (e: { code?: string }) => e.code,
        )
        expect(code).to.equal('ERR_INPUT_INVALID')
        const el = document.querySelector('secure-text-input')!
        expect(await rejectionCode(el.seal())).to.equal('ERR_INPUT_INVALID')
        expect(el.checkValidity()).to.equal(false)
      })
    }

    it('a pattern made bad after mounting refuses the field too', async () => {
      const el = await text({ preset: 'id', pattern: '\\d{4}' })
      const refused = nextEvent<{ code: string }>(el, 'secure-error')
      el.pattern = '[z-a]'
      expect((await refused).code).to.equal('ERR_INPUT_INVALID')
      expect(await rejectionCode(el.seal())).to.equal('ERR_INPUT_INVALID')
    })
  })

  describe('changing options after typing clears the value', () => {
    it('pattern', async () => {
      const el = await text({ preset: 'id', pattern: '\\d{4}' })
      await type(el, '1234')
      await waitForState(el, (s) => s.valid)
      el.pattern = '\\d{5}'
      const cleared = await waitForState(el, (s) => s.empty)
      expect(cleared.valid).to.equal(false)
      expect(el.envelope).to.equal(null)
      // The new pattern is in force.
      await type(el, '1234')
      await waitForState(el, (s) => s.code === 'id.invalid')
      await sendKeys({ type: '5' })
      await waitForState(el, (s) => s.valid)
    })

    it('minlength', async () => {
      const el = await text({ preset: 'account', minlength: '4' })
      await type(el, '123456')
      await waitForState(el, (s) => s.valid)
      el.minLength = 7
      const cleared = await waitForState(el, (s) => s.empty)
      expect(cleared.valid).to.equal(false)
      await type(el, '123456')
      await waitForState(el, (s) => s.code === 'account.too-short')
    })
  })

  describe('preview="none"', () => {
    for (const [preset, keys] of [
      ['account', '123456789'],
      ['iban', 'DE89370400440532013000'],
    ] as const) {
      it(`${preset}: no preview in the state, the event or the envelope`, async () => {
        const el = await text({ preset, preview: 'none' })
        const changes: SecureChangeDetail[] = []
        el.addEventListener('secure-change', (e) => changes.push(e.detail))
        const sealedEvent = nextEvent<SecureSealedDetail>(el, 'secure-sealed')
        await type(el, keys)
        const state = await waitForState(el, (s) => s.valid)
        expect(state.preview).to.equal(undefined)
        expect(changes.every((c) => c.preview === undefined)).to.equal(true)
        const { value, claims } = await opened(await el.seal())
        expect(value).to.equal(keys)
        expect(claims.preview).to.equal('')
        expect((await sealedEvent).preview).to.equal('')
      })
    }
  })
})
