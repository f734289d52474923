import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { inspect, open } from '../../src/crypto/index.js'
import { receiptDigest } from '../../src/protocol/consent.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import { rejection } from '../support/keys.js'
import { installRecorder } from '../support/canary.js'
import { canaryCard } from '../support/canary-values.js'
import { CONTEXT, mountField, nextEvent, testConfig, typeInto, waitForState } from '../support/host.js'
import { cleanupGates, clickControl, consentFor, GATE, mountGate, mountGatedCard, waitForGate } from '../support/gate.js'

/** Types a valid Visa card through real keys. */
async function typeCard(card: SecureCardInput): Promise<void> {
  await typeInto(card, '4242424242424242')
  await sendKeys({ type: '1230' })
  await sendKeys({ type: '123' })
  await waitForState(card, (s) => s.valid)
}

describe('<consent-gate>: consent unlocks, withdrawal re-locks', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('keeps a field inside locked: inert, not focusable, not sealable, invalid with the message', async () => {
    const { card } = await mountGatedCard()
    const state = await waitForState(card, (s) => s.locked === true)
    expect(state.message).to.equal('Give your consent above to fill in this field.')
    expect(card.hasAttribute('inert')).to.equal(true)
    expect(card.shadowRoot!.querySelector('iframe')!.tabIndex).to.equal(-1)
    expect(card.checkValidity()).to.equal(false)
    expect(card.validity.customError).to.equal(true)
    expect(card.validationMessage).to.equal('Give your consent above to fill in this field.')
    expect((await rejection(() => card.seal())).code).to.equal('ERR_CONSENT_REQUIRED')
  })

  it('a real click in the gate unlocks the field; its envelope carries the digest of the receipt emitted', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForState(card, (s) => s.locked === true)
    const { receipt, digest } = await consentFor(gate)
    expect(receipt).to.include({ purpose: GATE.purpose, policyUrl: GATE.policyUrl, policyVersion: GATE.policyVersion })
    expect(receipt.textDigest).to.match(/^[A-Za-z0-9_-]{43}$/)
    expect(new Date(receipt.time).toISOString()).to.equal(receipt.time)
    expect(digest).to.equal(await receiptDigest(receipt))
    expect(gate.consented).to.equal(true)
    expect(gate.digest).to.equal(digest)

    await waitForState(card, (s) => !s.locked)
    expect(card.hasAttribute('inert')).to.equal(false)
    await typeCard(card)
    const envelope = await card.seal()
    expect(inspect(envelope).consent).to.equal(digest)
    const { privateJwk } = await testConfig()
    const { claims } = await open(envelope, privateJwk, { context: CONTEXT, consent: digest })
    expect(claims.consent).to.equal(digest)
    expect(card.checkValidity()).to.equal(true)
  })

  it('withdrawing in the gate clears the field and locks it again', async () => {
    const { gate, card } = await mountGatedCard()
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
    await typeCard(card)
    await nextEvent(card, 'secure-sealed')
    expect(card.envelope).to.be.a('string')

    await clickControl(gate, 'withdraw')
    const state = await waitForState(card, (s) => s.locked === true)
    expect(state).to.include({ empty: true, valid: false })
    expect(gate.consented).to.equal(false)
    expect(card.envelope).to.equal(null)
    expect(card.hasAttribute('inert')).to.equal(true)
    expect((await rejection(() => card.seal())).code).to.equal('ERR_CONSENT_REQUIRED')
    // Consenting again works, with a new receipt (a new time).
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
  })

  it('a field that joins after consent is unlocked with the same digest', async () => {
    const gate = await mountGate()
    const { digest } = await consentFor(gate)
    const late = await mountField<SecureCardInput>('secure-card-input', {}, gate)
    await waitForState(late, (s) => !s.locked)
    await typeCard(late)
    expect(inspect(await late.seal()).consent).to.equal(digest)
  })

  it('changing the purpose after consent withdraws it (the text agreed to is gone)', async () => {
    const { gate, card } = await mountGatedCard()
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
    gate.setAttribute('purpose', 'Something else entirely')
    await waitForState(card, (s) => s.locked === true)
    await waitForGate(gate, (s) => !s.consented)
    expect(gate.consented).to.equal(false)
  })

  it('a gate whose frame goes away takes its consent with it', async () => {
    const { gate, card } = await mountGatedCard()
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
    gate.shadowRoot!.querySelector('iframe')!.remove()
    await waitForState(card, (s) => s.locked === true)
  })

  it('consent, typing, sealing and withdrawal leave the value nowhere the page can see (canary sweep)', async () => {
    const recorder = installRecorder()
    try {
      const digits = canaryCard()
      const form = document.body.appendChild(document.createElement('form'))
      const gate = await mountGate({}, form)
      const card = await mountField<SecureCardInput>('secure-card-input', { name: 'card' }, gate)
      await consentFor(gate)
      await waitForState(card, (s) => !s.locked)
      await typeInto(card, digits)
      await sendKeys({ type: '1230' })
      await sendKeys({ type: '123' })
      await waitForState(card, (s) => s.valid)
      await card.seal()
      await clickControl(gate, 'withdraw')
      await waitForState(card, (s) => s.locked === true)
      const found = await recorder.sweep(digits, [form])
      expect(found, `found in: ${found.join(', ')}`).to.deep.equal([])
    } finally {
      recorder.uninstall()
    }
  })
})
