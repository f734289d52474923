import { expect } from 'chai'
import { pasteIntoFrame } from '../support/frame-probe.js'
import { executeServerCommand } from '@web/test-runner-commands'
import type { SecureSsnInput } from '../../src/host/secure-ssn-input.js'
import type { SecureChangeDetail } from '../../src/host/events.js'
import { cleanup, mountField, nextEvent, testConfig, waitForState } from '../support/host.js'
import { openedText as opened, rejectionCode, typeMore } from '../support/sealed.js'

/** Empties the field, types `keys` through real key events and waits until all nine digits are in. */
async function enter(el: SecureSsnInput, keys: string): Promise<SecureChangeDetail> {
  el.clear()
  await waitForState(el, (s) => s.empty)
  await typeMore(el, keys)
  return waitForState(el, (s) => s.complete)
}

/** Rows: what is typed, and the rule it breaks (the validation code) or `valid`. */
type Row = [keys: string, expected: string, rule: string]

const SSN_ROWS: Row[] = [
  ['123456789', 'valid', 'an ordinary SSN'],
  ['001010001', 'valid', 'the lowest area, group and serial'],
  ['665999999', 'valid', 'area 665, just below 666'],
  ['667123456', 'valid', 'area 667, just above 666'],
  ['899999999', 'valid', 'area 899, the highest SSN area'],
  ['000123456', 'ssn.invalid-area', 'area 000 is never assigned'],
  ['666123456', 'ssn.invalid-area', 'area 666 is never assigned'],
  ['900123456', 'ssn.invalid-area', 'area 9xx with group 12 (no ITIN range) is not an SSN'],
  ['987451234', 'ssn.invalid-area', 'area 9xx with group 45 (no ITIN range) is not an SSN'],
  ['912931234', 'ssn.invalid-area', 'area 9xx with group 93 (the gap between ITIN ranges) is not an SSN'],
  ['123004567', 'ssn.invalid-group', 'group 00 is never assigned'],
  ['123450000', 'ssn.invalid-serial', 'serial 0000 is never assigned'],
]

/** ITINs: area 9xx with a group in 50–65, 70–88, 90–92 or 94–99; the edges of every range. */
const ITINS = ['912501234', '912651234', '912701234', '912881234', '912901234', '912921234', '912941234', '999991234']
/** Area 9xx with a group just outside the ITIN ranges. */
const NOT_ITINS: Row[] = [
  ['912491234', 'ssn.invalid-itin', 'group 49, below 50'],
  ['912661234', 'ssn.invalid-itin', 'group 66, between 65 and 70'],
  ['912891234', 'ssn.invalid-itin', 'group 89, between 88 and 90'],
  ['912931234', 'ssn.invalid-itin', 'group 93, between 92 and 94'],
]

describe('<secure-ssn-input>: SSA rules, ITINs, paste', function () {
  this.timeout(120000)
  afterEach(cleanup)

  it('is a numeric, masked, autocomplete="off" field titled for what it asks', async () => {
    const el = await mountField<SecureSsnInput>('secure-ssn-input')
    expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('Social Security number')
    expect(el.state).to.deep.include({ empty: true, valid: false })
  })

  describe('SSNs typed for real', () => {
    for (const [keys, expected, rule] of SSN_ROWS) {
      it(`${keys}: ${expected} (${rule})`, async () => {
        const el = await mountField<SecureSsnInput>('secure-ssn-input')
        const state = await enter(el, keys)
        if (expected === 'valid') {
          expect(state).to.deep.include({ valid: true, preview: `•••-••-${keys.slice(-4)}` })
          expect(state.brand).to.equal(undefined)
          const { value, claims } = await opened(await el.seal())
          expect(value).to.equal(keys) // nine digits, no separators
          expect(claims).to.include({ kind: 'ssn', preview: `•••-••-${keys.slice(-4)}` })
        } else {
          const settled = await waitForState(el, (s) => s.complete && s.code === expected)
          expect(settled.valid).to.equal(false)
          expect(settled.preview).to.equal(undefined)
          expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_INVALID')
        }
      })
    }
  })

  describe('ITINs', () => {
    it('are recognised (brand "itin") but refused without allow-itin', async () => {
      const el = await mountField<SecureSsnInput>('secure-ssn-input')
      for (const itin of ITINS) {
        await enter(el, itin)
        const state = await waitForState(el, (s) => s.complete && s.code === 'ssn.itin-not-allowed')
        expect(state, itin).to.deep.include({ valid: false, brand: 'itin' })
      }
      expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_INVALID')
    })

    it('are accepted with allow-itin, reported as ITINs, and sealed as kind ssn', async () => {
      const el = await mountField<SecureSsnInput>('secure-ssn-input', { 'allow-itin': '' })
      for (const itin of ITINS) {
        await enter(el, itin)
        const state = await waitForState(el, (s) => s.valid)
        expect(state, itin).to.deep.include({ valid: true, brand: 'itin', preview: '•••-••-1234' })
      }
      const { value, claims } = await opened(await el.seal())
      expect(value).to.equal(ITINS.at(-1))
      expect(claims).to.include({ kind: 'ssn', preview: '•••-••-1234' })
    })

    it('an SSN stays an SSN with allow-itin (no brand)', async () => {
      const el = await mountField<SecureSsnInput>('secure-ssn-input', { 'allow-itin': '' })
      const state = await enter(el, '123456789')
      expect(state).to.deep.include({ valid: true })
      expect(state.brand).to.equal(undefined)
    })

    for (const [keys, expected, rule] of NOT_ITINS) {
      it(`${keys} with allow-itin: ${expected} (${rule})`, async () => {
        const el = await mountField<SecureSsnInput>('secure-ssn-input', { 'allow-itin': '' })
        await enter(el, keys)
        const state = await waitForState(el, (s) => s.complete && s.code === expected)
        expect(state.valid).to.equal(false)
        expect(state.brand).to.equal(undefined)
      })
    }

    it('turning allow-itin on after typing clears the value (no probing through `valid`)', async () => {
      const el = await mountField<SecureSsnInput>('secure-ssn-input')
      await enter(el, '912701234')
      await waitForState(el, (s) => s.code === 'ssn.itin-not-allowed')
      el.allowItin = true
      const state = await waitForState(el, (s) => s.empty)
      expect(state.valid).to.equal(false)
      expect(el.envelope).to.equal(null)
    })
  })

  describe('paste', () => {
    for (const pasted of ['123 45 6789', '123-45-6789', '123456789']) {
      it(`"${pasted}" gives the nine digits`, async () => {
        const cfg = await testConfig()
        await executeServerCommand('sf-grant-clipboard', { origin: cfg.hostOrigin })
        // The clipboard needs a focused document: focus something of the host page first.
        const host = document.body.appendChild(document.createElement('button'))
        host.focus()
        await navigator.clipboard.writeText(pasted)
        const el = await mountField<SecureSsnInput>('secure-ssn-input')
        const focused = nextEvent(el, 'secure-focus')
        el.focus()
        await focused
        await pasteIntoFrame('ssn')
        const state = await waitForState(el, (s) => s.valid)
        expect(state.preview).to.equal('•••-••-6789')
        expect((await opened(await el.seal())).value).to.equal('123456789')
        await navigator.clipboard.writeText('')
      })
    }
  })
})
