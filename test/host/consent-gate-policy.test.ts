/**
 * The frame origin's policy (`requireConsent`, `--require-consent card`): a listed kind refuses to
 * seal without consent even when the page puts no gate around it, and works behind a gate of the
 * same frame origin.
 */
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { inspect } from '../../src/crypto/index.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import { rejection } from '../support/keys.js'
import { mountField, nextEvent, testConfig, typeInto, waitForState } from '../support/host.js'
import { cleanupGates, consentFor, mountGate } from '../support/gate.js'

describe('<consent-gate>: the frame origin’s requireConsent policy', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('a card with no gate on a frame origin that requires consent for cards is refused (ERR_POLICY_CONSENT_REQUIRED)', async () => {
    const cfg = await testConfig()
    const card = document.createElement('secure-card-input') as SecureCardInput
    card.setAttribute('frame-origin', cfg.consentFrameBase)
    card.setAttribute('public-key', JSON.stringify(cfg.publicJwk))
    card.setAttribute('context', 'conversation-42')
    const refused = nextEvent<{ code: string }>(card, 'secure-error')
    document.body.append(card)
    expect((await refused).code).to.equal('ERR_POLICY_CONSENT_REQUIRED')
    expect((await rejection(() => card.seal())).code).to.equal('ERR_POLICY_CONSENT_REQUIRED')
    expect(card.validity.customError).to.equal(true)
  })

  it('the same card behind a gate of that frame origin seals once the customer consents', async () => {
    const cfg = await testConfig()
    const gate = await mountGate({ 'frame-origin': cfg.consentFrameBase })
    const card = await mountField<SecureCardInput>('secure-card-input', { 'frame-origin': cfg.consentFrameBase }, gate)
    await waitForState(card, (s) => s.locked === true)
    expect((await rejection(() => card.seal())).code).to.equal('ERR_CONSENT_REQUIRED')
    const { digest } = await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
    await typeInto(card, '4242424242424242')
    await sendKeys({ type: '1230' })
    await sendKeys({ type: '123' })
    await waitForState(card, (s) => s.valid)
    expect(inspect(await card.seal()).consent).to.equal(digest)
  })
})
