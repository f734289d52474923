/**
 * Accessibility inside every frame, seen through the probe (the frames are cross-origin): each
 * control has an accessible name; a field's inputs carry `aria-invalid` and are described by live
 * regions that announce the error; the focused control shows a visible focus ring; and every
 * element's iframe takes its title from `frame-title`.
 */
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import { cleanup, mountField, typeInto, waitForState } from '../support/host.js'
import { mountGate, cleanupGates } from '../support/gate.js'
import { mountReveal } from '../support/reveal.js'
import { probeFrame, waitForFrame } from '../support/frame-probe.js'

const FIELDS = [
  { tag: 'secure-card-input', page: 'card', attributes: {}, keys: '4242424242424241', code: 'card.number.invalid', inputs: 3 },
  { tag: 'secure-ssn-input', page: 'ssn', attributes: {}, keys: '123004567', code: 'ssn.invalid-group', inputs: 1 },
  { tag: 'secure-text-input', page: 'text', attributes: { preset: 'iban' }, keys: 'DE00370400440532013000', code: 'iban.invalid-checksum', inputs: 1 },
] as const

/** The element's iframe is titled `first` (its `frame-title`), and follows a new `frame-title`. */
async function expectTitleFollows(el: HTMLElement & { updateComplete: Promise<boolean> }, first: string): Promise<void> {
  const iframe = el.shadowRoot!.querySelector('iframe')!
  expect(iframe.title).to.equal(first)
  el.setAttribute('frame-title', `${first}, renamed`)
  await el.updateComplete
  expect(iframe.title).to.equal(`${first}, renamed`)
}

describe('accessibility inside the frames', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  for (const spec of FIELDS) {
    describe(`<${spec.tag}>`, () => {
      it('labels every input, marks none invalid, and describes each by live regions', async () => {
        await mountField(spec.tag, spec.attributes)
        const frame = await probeFrame(spec.page)
        const inputs = frame.controls.filter((c) => c.tag === 'input')
        expect(inputs).to.have.length(spec.inputs)
        for (const input of inputs) {
          expect(input.name, input.className).to.not.equal('')
          expect(input.invalid, input.className).to.equal('false')
          expect(input.describedBy.length, input.className).to.be.greaterThan(0)
          for (const d of input.describedBy) expect(d, input.className).to.include({ exists: true, live: true })
        }
      })

      it('an invalid value sets aria-invalid on its input and the live description says why', async () => {
        const el = await mountField<SecureFieldElement>(spec.tag, spec.attributes)
        // A host control after the field, where Tab goes (past the page's last control, focus
        // would leave the page, and later tests could not focus a frame).
        document.body.appendChild(document.createElement('button')).textContent = 'next'
        await typeInto(el, spec.keys)
        const state = await waitForState(el, (s) => s.code === spec.code)
        // Errors show once the customer moves on (or the value is complete): leave the input.
        await sendKeys({ press: 'Tab' })
        const frame = await waitForFrame(spec.page, (f) => f.controls.some((c) => c.invalid === 'true'))
        const invalid = frame.controls.filter((c) => c.invalid === 'true')
        expect(invalid).to.have.length(1)
        // The announced text is the message the host also gets.
        expect(invalid[0]!.describedBy.map((d) => d.text)).to.include(state.message)
        expect(invalid[0]!.describedBy.find((d) => d.text === state.message)!.live).to.equal(true)
      })

      it('the focused input shows a visible focus ring', async () => {
        const el = await mountField<SecureFieldElement>(spec.tag, spec.attributes)
        await typeInto(el, '1')
        const frame = await waitForFrame(spec.page, (f) => f.hasFocus && f.active !== null)
        expect(frame.active!.tag).to.equal('input')
        expect(frame.focusVisible).to.equal(true)
      })

      it('the iframe title follows frame-title, also when it changes', async () => {
        await expectTitleFollows(await mountField<SecureFieldElement>(spec.tag, { ...spec.attributes, 'frame-title': 'Payment details' }), 'Payment details')
      })
    })
  }

  describe('<consent-gate>', () => {
    it('labels its checkbox, link and button, and announces in live regions', async () => {
      await mountGate()
      const frame = await probeFrame('gate')
      const checkbox = frame.controls.find((c) => c.type === 'checkbox')!
      expect(checkbox.name).to.contain('I agree')
      expect(frame.controls.find((c) => c.tag === 'a')!.name).to.contain('Privacy policy')
      expect(frame.liveRegions.map((r) => r.live)).to.include.members(['polite', 'assertive'])
    })

    it('the policy link and then the checkbox take focus with Tab, each with a visible focus ring', async () => {
      const host = document.body.appendChild(document.createElement('button'))
      host.textContent = 'before'
      await mountGate()
      host.focus()
      for (const control of ['sf-gate-link', 'sf-gate-checkbox']) {
        await sendKeys({ press: 'Tab' })
        const frame = await waitForFrame('gate', (f) => f.hasFocus && f.active?.className.includes(control) === true)
        expect(frame.focusVisible, control).to.equal(true)
      }
    })

    it('the iframe title follows frame-title, also when it changes', async () => {
      await expectTitleFollows(await mountGate({ 'frame-title': 'Consent to share' }), 'Consent to share')
    })
  })

  describe('<secure-reveal>', () => {
    afterEach(cleanup)

    it('labels its action button and speaks through a status region', async () => {
      await mountReveal()
      const frame = await probeFrame('reveal')
      const button = frame.controls.find((c) => c.tag === 'button')!
      expect(button.name).to.equal('Set up this desk')
      expect(frame.liveRegions.map((r) => r.live)).to.include('polite')
    })

    it('the iframe title follows frame-title, also when it changes', async () => {
      await expectTitleFollows(await mountReveal({ 'frame-title': 'Agent desk' }), 'Agent desk')
    })
  })
})
