/**
 * The user's bug, as a page meets it: the public key comes from a fetch after the field is on the
 * page. Whether it lands after the frame has refused the field for want of it or before the frame
 * is ready, by attribute or by property, the field then seals to it, is valid, and its form
 * submits with the envelope.
 */
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import type { SecureErrorDetail } from '../../src/host/events.js'
import { cleanup, CONTEXT, nextEvent, testConfig, typeInto, waitForState, type TestConfig } from '../support/host.js'
import { openedText } from '../support/sealed.js'

/** What an app does: fetch its configuration, which carries the key. */
const fetchKey = async () => ((await (await fetch('/__sf/config.json')).json()) as TestConfig).publicJwk

/** Submits `form` and resolves with what it submitted, or rejects when a control is invalid. */
function submitted(form: HTMLFormElement): Promise<FormData> {
  return new Promise((resolve, reject) => {
    form.addEventListener('invalid', () => reject(new Error('the form did not submit: a control is invalid')), { capture: true, once: true })
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault()
        resolve(new FormData(form))
      },
      { once: true },
    )
    form.requestSubmit()
  })
}

describe('a public key that arrives after mount (a fetch)', function () {
  this.timeout(60000)
  afterEach(cleanup)

  const moments: Array<[string, (card: SecureCardInput) => Promise<unknown>]> = [
    // The frame has loaded, found no key and refused the field: the 300 ms fetch of a fast page.
    [
      'after the frame refused the field for want of it',
      async (card) => {
        await nextEvent<SecureErrorDetail>(card, 'secure-error', (d) => d.code === 'ERR_KEY_MISSING')
        expect(card.checkValidity(), 'no key yet').to.equal(false)
        expect(card.validationMessage).to.equal('No public key is configured.')
      },
    ],
    // The element is rendered and its frame is on its way: a fetch faster than the frame.
    ['before the frame is ready', (card) => card.updateComplete],
  ]
  for (const [moment, arrival] of moments) {
    for (const via of ['attribute', 'property'] as const) {
      it(`by ${via}, ${moment}: seal() works, checkValidity() is true, the form submits the envelope`, async () => {
        const cfg = await testConfig()
        const form = document.body.appendChild(document.createElement('form'))
        const card = document.createElement('secure-card-input') as SecureCardInput
        card.setAttribute('name', 'card')
        card.setAttribute('frame-origin', cfg.frameBase)
        card.setAttribute('context', CONTEXT)
        const arrived = arrival(card)
        form.append(card)
        await arrived

        const key = await fetchKey()
        // The frame shows a field that takes input (a state that names no refusal): the customer types.
        const usable = nextEvent<{ code?: string }>(card, 'secure-change', (s) => !s.code?.startsWith('ERR_'))
        if (via === 'attribute') card.setAttribute('public-key', JSON.stringify(key))
        else card.publicKey = key
        await usable

        await typeInto(card, '4242424242424242')
        await sendKeys({ type: '1230' })
        await sendKeys({ type: '123' })
        await waitForState(card, (s) => s.valid)
        const envelope = await card.seal()
        expect((await openedText(envelope)).value).to.contain('4242424242424242')
        expect(card.checkValidity()).to.equal(true)
        expect(card.validationMessage).to.equal('')
        const data = await submitted(form)
        expect(data.get('card')).to.equal(card.envelope)
        expect(card.envelope).to.be.a('string')
      })
    }
  }
})
