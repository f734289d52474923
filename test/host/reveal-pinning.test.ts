import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import type { SecureRevealedDetail } from '../../src/host/events.js'
import { cleanup, mountField, nextEvent, typeInto, waitForState } from '../support/host.js'
import { authenticatorPerTest, clickAction, enrol, mountReveal, pinDesk, rejectionCode, setEnvelope, unpinDesk } from '../support/reveal.js'

const mountCode = (tag: string, attributes: Record<string, string>) => rejectionCode(mountField(tag, attributes))

describe('<secure-reveal>: desk keys registered with the frame origin', function () {
  this.timeout(90000)
  const addAuthenticator = authenticatorPerTest()

  it('a field refuses an unregistered desk key; once registered it seals to it and the desk reveals it; unregistered again, refused', async () => {
    await addAuthenticator()
    const desk = await mountReveal({ 'show-for': '1' })
    await enrol(desk)
    const jwk = await desk.publicKey()
    const publicKey = JSON.stringify(jwk)

    expect(await mountCode('secure-card-input', { 'public-key': publicKey })).to.equal('ERR_POLICY_KEY_NOT_PINNED')
    cleanup()

    expect(await pinDesk(jwk)).to.equal(201)
    const reveal = await mountReveal({ desk: desk.desk, 'show-for': '1' })
    const card = await mountField<SecureCardInput>('secure-card-input', { 'public-key': publicKey })
    await typeInto(card, '4242424242424242')
    await sendKeys({ type: '1230' })
    await sendKeys({ type: '123' })
    await waitForState(card, (s) => s.preview !== undefined) // the code typed in full: final
    const envelope = await card.seal()

    await setEnvelope(reveal, envelope)
    const revealed = nextEvent<SecureRevealedDetail>(reveal, 'secure-revealed')
    const wiped = nextEvent(reveal, 'secure-wiped')
    await clickAction(reveal)
    expect(await revealed).to.include({ kind: 'card', preview: 'Visa •••• 4242' })
    await wiped
    cleanup()

    expect(await unpinDesk(jwk.kid)).to.equal(204)
    expect(await mountCode('secure-card-input', { 'public-key': publicKey })).to.equal('ERR_POLICY_KEY_NOT_PINNED')
  })
})
