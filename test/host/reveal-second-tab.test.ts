/**
 * An agent with two tabs on the same desk (two `<secure-reveal>` elements with one desk id: the
 * same frame origin storage and BroadcastChannel, as two tabs of one chat site have), and a
 * step-up that fails: what happens is predictable, and nothing is lost.
 */
import { expect } from 'chai'
import type { SecureEnrolledDetail } from '../../src/host/events.js'
import { nextEvent } from '../support/host.js'
import { authenticatorPerTest, clickAction, enrol, mountReveal, rejectionCode, sealTo, setEnvelope, setUserVerified, uniqueDesk } from '../support/reveal.js'

describe('<secure-reveal>: a second tab on the same desk, and a failed step-up', function () {
  this.timeout(60000)
  const addAuthenticator = authenticatorPerTest()

  it('a failed step-up loses nothing: the same envelope reveals once the agent verifies', async () => {
    // Without PRF: Chromium's virtual authenticator gives no usable PRF output again after a
    // refused verification, which a real one does. Nothing of the desk's own logic differs.
    const authenticator = await addAuthenticator({ prf: false })
    const desk = await mountReveal()
    await enrol(desk)
    await setEnvelope(desk, await sealTo(await desk.publicKey(), 'kept-after-a-cancel'))
    await setUserVerified(authenticator, false)
    expect(await rejectionCode(desk.reveal())).to.equal('ERR_STEP_UP_FAILED')
    expect(await desk.frameStatus()).to.include({ phase: 'idle', valueNodeEmpty: true })
    await setUserVerified(authenticator, true)
    expect((await desk.reveal()).kind).to.equal('text')
  })

  it('the other tab adopts an enrolment made in one: same key, no second "set up" needed', async () => {
    await addAuthenticator()
    const name = uniqueDesk()
    const first = await mountReveal({ desk: name })
    const second = await mountReveal({ desk: name })
    expect([first.phase, second.phase]).to.deep.equal(['enrol', 'enrol'])
    const adopted = nextEvent<SecureEnrolledDetail>(second, 'secure-enrolled')
    const enrolled = await enrol(first)
    expect((await adopted).kid).to.equal(enrolled.kid)
    // The frame announces the desk, then its phase; a status round trip comes after both.
    expect((await second.frameStatus()).phase).to.equal('idle')
    expect(second.phase).to.equal('idle')
    expect(await second.publicKey()).to.deep.equal(await first.publicKey())
  })

  it('two tabs enrolling the same desk at once end with one key, which both use', async () => {
    await addAuthenticator()
    const name = uniqueDesk()
    const first = await mountReveal({ desk: name })
    const second = await mountReveal({ desk: name })
    const firstEnrolled = nextEvent<SecureEnrolledDetail>(first, 'secure-enrolled')
    const secondEnrolled = nextEvent<SecureEnrolledDetail>(second, 'secure-enrolled')
    // Both clicks before either enrolment has finished: whichever ceremony the authenticator
    // refuses or loses (the record is added, never overwritten), that tab adopts the other's key.
    await clickAction(first)
    await clickAction(second)
    const [a, b] = await Promise.all([firstEnrolled, secondEnrolled])
    expect(b.kid).to.equal(a.kid)
    // A third element, loaded afterwards, finds that same key.
    const third = await mountReveal({ desk: name })
    expect((await third.publicKey()).kid).to.equal(a.kid)
  })

  it('an envelope revealed in one tab is refused in the other (ERR_ALREADY_REVEALED)', async () => {
    await addAuthenticator()
    const name = uniqueDesk()
    const first = await mountReveal({ desk: name })
    await enrol(first)
    const second = await mountReveal({ desk: name })
    const envelope = await sealTo(await first.publicKey(), 'shown-in-one-tab')
    await setEnvelope(first, envelope)
    await setEnvelope(second, envelope)
    await first.reveal()
    expect(await rejectionCode(second.reveal())).to.equal('ERR_ALREADY_REVEALED')
    expect((await second.frameStatus()).valueNodeEmpty).to.equal(true)
  })
})
