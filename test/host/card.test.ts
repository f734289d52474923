import { expect } from 'chai'
import { pasteIntoFrame } from '../support/frame-probe.js'
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands'
import { open } from '../../src/crypto/index.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import type { SecureChangeDetail, SecureSealedDetail } from '../../src/host/events.js'
import { cleanup, CONTEXT, leave, mountField, nextEvent, testConfig, typeInto, waitForState } from '../support/host.js'

const opened = async (envelope: string) => {
  const { privateJwk } = await testConfig()
  const { plaintext, claims } = await open(envelope, privateJwk, { context: CONTEXT })
  return { value: JSON.parse(new TextDecoder().decode(plaintext)) as Record<string, unknown>, claims }
}

describe('<secure-card-input>: typing, events and sealing', () => {
  afterEach(cleanup)

  it('becomes ready in a sandboxed, titled iframe on the frame origin', async () => {
    const cfg = await testConfig()
    const card = await mountField<SecureCardInput>('secure-card-input', { label: 'Card' })
    const iframe = card.shadowRoot!.querySelector('iframe')!
    expect(new URL(iframe.src).origin).to.equal(cfg.frameOrigin)
    expect(iframe.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-forms')
    expect(iframe.title).to.equal('Card')
    expect(card.state).to.deep.include({ empty: true, complete: false, valid: false })
  })

  it('reports the brand, then completeness and validity, as real keys are typed', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    const changes: SecureChangeDetail[] = []
    card.addEventListener('secure-change', (e) => changes.push(e.detail))
    await typeInto(card, '4000056655665556')
    const branded = await waitForState(card, (s) => s.brand === 'visa')
    expect(branded.valid).to.equal(false) // expiry and code still missing
    await sendKeys({ type: '1234' })
    await sendKeys({ type: '123' })
    const typed = await waitForState(card, (s) => s.valid)
    // The code typed in full, and no longer number readable from what was typed: the card is
    // final, and its preview comes with its validity.
    expect(typed).to.deep.include({ empty: false, complete: true, valid: true, brand: 'visa', preview: 'Visa •••• 5556' })
    expect(changes.some((c) => !c.empty && !c.valid)).to.equal(true)
    expect(changes.filter((c) => c.preview !== undefined).map((c) => c.preview)).to.deep.equal(['Visa •••• 5556'])
  })

  it('seal() returns an envelope that opens, with the private key, to exactly what was typed', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    await typeInto(card, '5555555555554444')
    await sendKeys({ type: '0930' })
    await sendKeys({ type: '737' })
    await waitForState(card, (s) => s.valid)
    const sealedEvent = nextEvent<SecureSealedDetail>(card, 'secure-sealed', (d) => d.envelope !== undefined)
    const envelope = await card.seal()
    const { value, claims } = await opened(envelope)
    expect(value).to.deep.equal({ number: '5555555555554444', exp_month: 9, exp_year: 2030, cvc: '737' })
    expect(claims).to.include({ kind: 'card', ctx: CONTEXT, preview: 'Mastercard •••• 4444' })
    expect((await sealedEvent).kind).to.equal('card')
  })

  it('an American Express number takes a four-digit code', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    await typeInto(card, '378282246310005')
    await sendKeys({ type: '1229' })
    await sendKeys({ type: '123' })
    const partial = await waitForState(card, (s) => s.brand === 'american-express' && s.complete === false)
    expect(partial.valid).to.equal(false)
    await sendKeys({ type: '4' })
    const done = await waitForState(card, (s) => s.valid)
    expect(done.preview).to.equal('American Express •••• 0005')
    const { value } = await opened(await card.seal())
    expect(value.cvc).to.equal('1234')
  })

  it('an invalid number (Luhn) is complete but invalid, with its code and message', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    await typeInto(card, '4242424242424241')
    const state = await waitForState(card, (s) => s.code === 'card.number.invalid')
    expect(state.valid).to.equal(false)
    expect(state.message).to.equal('Your card number is invalid.')
    let code: string | undefined
    try {
      await card.seal()
    } catch (e) {
      code = (e as { code?: string }).code
    }
    expect(code).to.equal('ERR_FIELD_INVALID')
  })

  it('a past expiry is refused', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    await typeInto(card, '4242424242424242')
    await sendKeys({ type: '0120' })
    await sendKeys({ type: '123' })
    const state = await waitForState(card, (s) => s.code === 'card.expiry.past')
    expect(state.valid).to.equal(false)
  })

  it('a pasted, formatted number (4242-4242 4242 4242) is accepted', async () => {
    const cfg = await testConfig()
    await executeServerCommand('sf-grant-clipboard', { origin: cfg.hostOrigin })
    // The clipboard needs a focused document: focus something of the host page first.
    const host = document.body.appendChild(document.createElement('button'))
    host.focus()
    await navigator.clipboard.writeText('4242-4242 4242 4242')
    const card = await mountField<SecureCardInput>('secure-card-input')
    const focused = nextEvent(card, 'secure-focus')
    card.focus()
    await focused
    await pasteIntoFrame('card')
    const state = await waitForState(card, (s) => s.brand === 'visa' && !s.empty)
    await sendKeys({ type: '1230' })
    await sendKeys({ type: '123' })
    await waitForState(card, (s) => s.valid)
    const { value } = await opened(await card.seal())
    expect(value.number).to.equal('4242424242424242')
    expect(state.code).to.not.equal('card.number.invalid-characters')
    await navigator.clipboard.writeText('')
  })

  it('emits secure-focus and secure-blur', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    const outside = document.createElement('button')
    outside.textContent = 'outside'
    document.body.append(outside)
    await typeInto(card, '4')
    const blurred = nextEvent(card, 'secure-blur')
    outside.focus()
    await blurred
  })

  it('moving the element re-opens exactly one frame, which works', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    const other = document.body.appendChild(document.createElement('section'))
    const ready = nextEvent(card, 'secure-ready')
    other.append(card) // disconnect + connect: the iframe reloads, so the element reconnects
    await ready
    expect(card.shadowRoot!.querySelectorAll('iframe')).to.have.length(1)
    await typeInto(card, '4242')
    await waitForState(card, (s) => !s.empty)
  })

  it('an associated <label> names the field and, clicked, puts the caret in it', async () => {
    const label = document.body.appendChild(document.createElement('label'))
    label.htmlFor = 'labelled-card'
    label.textContent = 'Payment card'
    const card = await mountField<SecureCardInput>('secure-card-input', { id: 'labelled-card' })
    expect(card.shadowRoot!.querySelector('iframe')!.title).to.equal('Payment card')
    const box = label.getBoundingClientRect()
    const focused = nextEvent(card, 'secure-focus')
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] })
    await focused
    await sendKeys({ type: '4' })
    await waitForState(card, (s) => !s.empty)
  })

  it('clear() empties the field', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    await typeInto(card, '4242')
    await waitForState(card, (s) => !s.empty)
    card.clear()
    await waitForState(card, (s) => s.empty)
  })
})
