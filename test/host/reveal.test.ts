import { expect } from 'chai'
import { inspect } from '../../src/crypto/index.js'
import type { SecureErrorDetail, SecureRevealedDetail } from '../../src/host/events.js'
import type { SecureReveal } from '../../src/host/secure-reveal.js'
import { nextEvent, testConfig } from '../support/host.js'
import { de } from '../../src/frame/i18n/de.js'
import {
  authenticatorPerTest,
  clickAction,
  enrol,
  mountReveal,
  recordEvents,
  rejectionCode,
  sealTo,
  setEnvelope,
  setUserVerified,
} from '../support/reveal.js'

/** Audit events of a record, as `event:code` (code when there is one). */
const audits = (log: Array<[string, Record<string, unknown>]>) =>
  log.filter(([t]) => t === 'secure-audit').map(([, d]) => `${d.event}${(d.detail as Record<string, string>).code ? `:${(d.detail as Record<string, string>).code}` : ''}`)

describe('<secure-reveal>: step-up, reveal, wipe, view once', function () {
  this.timeout(60000)
  const addAuthenticator = authenticatorPerTest()
  let authenticator: string
  let desk: SecureReveal
  let jwk: Awaited<ReturnType<SecureReveal['publicKey']>>

  /** A desk enrolled on a fresh authenticator. */
  async function enrolled(attributes: Record<string, string> = {}, options: { prf?: boolean } = {}): Promise<void> {
    authenticator = await addAuthenticator(options)
    desk = await mountReveal(attributes)
    await enrol(desk)
    jwk = await desk.publicKey()
  }

  it('reveals after the step-up, for show-for seconds, then wipes: secure-revealed, then secure-wiped, and the value node is empty', async () => {
    await enrolled({ 'show-for': '2' })
    const envelope = await sealTo(jwk, 'AB-1234-XYZ', { kind: 'id', preview: 'ID •••XYZ' })
    const { jti } = inspect(envelope)
    await setEnvelope(desk, envelope)
    const log = recordEvents(desk)
    const revealed = nextEvent<SecureRevealedDetail>(desk, 'secure-revealed')
    const wiped = nextEvent<SecureRevealedDetail>(desk, 'secure-wiped')
    await clickAction(desk)
    expect(await revealed).to.deep.equal({ jti, kind: 'id', preview: 'ID •••XYZ' })
    const shownAt = performance.now()
    const during = await desk.frameStatus()
    expect(during).to.include({ phase: 'shown', valueNodeEmpty: false })
    expect(await wiped).to.deep.equal({ jti, kind: 'id', preview: 'ID •••XYZ' })
    expect(performance.now() - shownAt).to.be.greaterThan(1500)
    const after = await desk.frameStatus()
    expect(after).to.include({ phase: 'done', valueNodeEmpty: true })
    expect(log.filter(([t]) => t !== 'secure-audit').map(([t]) => t)).to.deep.equal(['secure-revealed', 'secure-wiped'])
    expect(audits(log)).to.deep.equal(['revealed', 'wiped'])
    for (const [, d] of log) expect(JSON.stringify(d)).to.not.contain('1234')
  })

  it('Hide (a real click inside the frame) wipes at once: audit hidden, then wiped', async () => {
    await enrolled({ 'show-for': '300' })
    await setEnvelope(desk, await sealTo(jwk, 'hide-me-now'))
    const log = recordEvents(desk)
    const revealed = nextEvent(desk, 'secure-revealed')
    await clickAction(desk)
    await revealed
    const wiped = nextEvent(desk, 'secure-wiped')
    await clickAction(desk) // the same button now says Hide
    await wiped
    expect(await desk.frameStatus()).to.include({ phase: 'done', valueNodeEmpty: true })
    expect(audits(log)).to.deep.equal(['revealed', 'hidden', 'wiped'])
  })

  it('hide() from the page wipes too', async () => {
    await enrolled({ 'show-for': '300' })
    await setEnvelope(desk, await sealTo(jwk, 'hide-by-method'))
    await desk.reveal()
    const wiped = nextEvent(desk, 'secure-wiped')
    desk.hide()
    await wiped
    expect((await desk.frameStatus()).valueNodeEmpty).to.equal(true)
  })

  for (const prf of [true, false]) {
    it(`refuses without user verification (${prf ? 'PRF-wrapped' : 'device'} key): ERR_STEP_UP_FAILED, audit failed, nothing shown`, async () => {
      await enrolled({}, { prf })
      await setEnvelope(desk, await sealTo(jwk, 'not-for-you'))
      await setUserVerified(authenticator, false)
      const log = recordEvents(desk)
      const error = nextEvent<SecureErrorDetail>(desk, 'secure-error')
      await clickAction(desk)
      expect((await error).code).to.equal('ERR_STEP_UP_FAILED')
      expect(audits(log)).to.deep.equal(['failed:ERR_STEP_UP_FAILED'])
      expect(log.some(([t]) => t === 'secure-revealed')).to.equal(false)
      expect(await desk.frameStatus()).to.include({ phase: 'idle', valueNodeEmpty: true })
    })
  }

  it('a second reveal of the same envelope is refused (ERR_ALREADY_REVEALED), also by a new element on the same desk', async () => {
    await enrolled({ 'show-for': '1' })
    const envelope = await sealTo(jwk, 'once-only')
    await setEnvelope(desk, envelope)
    const wiped = nextEvent(desk, 'secure-wiped')
    await desk.reveal()
    await wiped
    const log = recordEvents(desk)
    expect(await rejectionCode(desk.reveal())).to.equal('ERR_ALREADY_REVEALED')
    expect(audits(log)).to.deep.equal(['refused:ERR_ALREADY_REVEALED'])
    // The record lives in the frame origin's storage, not in the element.
    const name = desk.desk
    desk.remove()
    const again = await mountReveal({ desk: name })
    await setEnvelope(again, envelope)
    expect(await rejectionCode(again.reveal())).to.equal('ERR_ALREADY_REVEALED')
  })

  it('refuses expired, wrong-context and other-key envelopes with the envelope codes, before any step-up', async () => {
    await enrolled()
    // Verification would fail now: a refusal that got as far as the step-up would say so.
    await setUserVerified(authenticator, false)
    const hourAgo = Date.now() - 3600_000
    const { publicJwk: otherKey } = await testConfig()
    const cases: Array<[string, string]> = [
      [await sealTo(jwk, 'stale', { expiresIn: 60 }, hourAgo), 'ERR_ENVELOPE_EXPIRED'],
      [await sealTo(jwk, 'elsewhere', { context: 'conversation-7' }), 'ERR_ENVELOPE_WRONG_CONTEXT'],
      [await sealTo(otherKey as typeof jwk, 'not-this-desk'), 'ERR_ENVELOPE_WRONG_KEY'],
      ['not.an.envelope', 'ERR_ENVELOPE_MALFORMED'],
    ]
    for (const [envelope, code] of cases) {
      await setEnvelope(desk, envelope)
      const log = recordEvents(desk)
      expect(await rejectionCode(desk.reveal()), code).to.equal(code)
      expect(audits(log), code).to.deep.equal([`refused:${code}`])
    }
    expect(await desk.frameStatus()).to.include({ valueNodeEmpty: true })
  })

  it('a refusal tells the developer in English and, apart, the agent in their language', async () => {
    await enrolled({ locale: 'de' })
    const hourAgo = Date.now() - 3600_000
    await setEnvelope(desk, await sealTo(jwk, 'stale', { expiresIn: 60 }, hourAgo))
    const error = nextEvent<SecureErrorDetail>(desk, 'secure-error', (d) => d.code === 'ERR_ENVELOPE_EXPIRED')
    const refused = await desk.reveal().then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    )
    const detail = await error
    // What the desk showed the agent, in German, travels as `text` only…
    expect(detail.text).to.equal(de['reveal.expired'])
    // …and the developer's message (the event's and the rejection's) is English.
    expect(detail.message).to.equal('The envelope has expired.')
    expect(refused?.message).to.equal('The envelope has expired.')
    expect(refused?.code).to.equal('ERR_ENVELOPE_EXPIRED')
  })

  it('one reveal at a time: a second request while the first runs gets ERR_REVEAL_BUSY and changes nothing', async () => {
    await enrolled({ 'show-for': '300' })
    await setEnvelope(desk, await sealTo(jwk, 'just-once'))
    const log = recordEvents(desk)
    const [first, second] = await Promise.allSettled([desk.reveal(), desk.reveal()])
    expect(first.status).to.equal('fulfilled')
    expect(second.status === 'rejected' && (second.reason as { code?: string }).code).to.equal('ERR_REVEAL_BUSY')
    expect(audits(log)).to.deep.equal(['revealed'])
    expect(log.filter(([t]) => t === 'secure-error')).to.deep.equal([])
    expect(await desk.frameStatus()).to.include({ phase: 'shown', valueNodeEmpty: false })
  })

  it('refuses to reveal with no envelope, and before enrolment', async () => {
    await enrolled()
    expect(await rejectionCode(desk.reveal())).to.equal('ERR_REVEAL_NO_ENVELOPE')
    const fresh = await mountReveal()
    await setEnvelope(fresh, await sealTo(jwk, 'nobody-home'))
    expect(await rejectionCode(fresh.reveal())).to.equal('ERR_DESK_NOT_ENROLLED')
  })

  it('a new envelope wipes the one being shown', async () => {
    await enrolled({ 'show-for': '300' })
    await setEnvelope(desk, await sealTo(jwk, 'first-value'))
    await desk.reveal()
    const wiped = nextEvent(desk, 'secure-wiped')
    desk.envelope = await sealTo(jwk, 'second-value')
    await wiped
    expect(await desk.frameStatus()).to.include({ phase: 'idle', valueNodeEmpty: true })
    expect((await desk.reveal()).kind).to.equal('text')
  })

  it('removing the element while a value shows rejects what is pending', async () => {
    await enrolled({ 'show-for': '300' })
    await setEnvelope(desk, await sealTo(jwk, 'going-away'))
    await desk.reveal()
    const status = desk.frameStatus()
    desk.remove()
    expect(await rejectionCode(status)).to.equal('ERR_REVEAL_CANCELLED')
  })
})
