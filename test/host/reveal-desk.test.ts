import { expect } from 'chai'
import { thumbprint } from '../../src/crypto/index.js'
import { testConfig } from '../support/host.js'
import { authenticatorPerTest, enrol, mountReveal, rejectionCode, removeAuthenticator, sealTo, setEnvelope, uniqueDesk } from '../support/reveal.js'



describe('<secure-reveal>: the desk (enrolment, key, storage)', function () {
  this.timeout(60000)
  const addAuthenticator = authenticatorPerTest()

  it('loads in a sandboxed frame on the frame origin that may use WebAuthn, and asks to be set up', async () => {
    const cfg = await testConfig()
    const desk = await mountReveal()
    const iframe = desk.shadowRoot!.querySelector('iframe')!
    expect(new URL(iframe.src).origin).to.equal(cfg.frameOrigin)
    expect(new URL(iframe.src).pathname).to.equal('/reveal.html')
    expect(iframe.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-forms')
    expect(iframe.getAttribute('allow')).to.equal('publickey-credentials-get; publickey-credentials-create')
    expect(iframe.title).to.equal('Reveal desk')
    expect(desk.phase).to.equal('enrol')
    expect(desk.enrolled).to.equal(false)
    expect((await desk.frameStatus()).storedKey).to.equal('none')
  })

  it('enrols by a real click inside the frame; publicKey() is a public X25519 JWK only, kid = RFC 7638 thumbprint', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal()
    const pending = desk.publicKey() // waits for the enrolment
    const enrolled = await enrol(desk)
    const jwk = await pending
    expect(Object.keys(jwk).sort()).to.deep.equal(['alg', 'crv', 'kid', 'kty', 'use', 'x'])
    expect(jwk).to.include({ kty: 'OKP', crv: 'X25519', alg: 'HPKE-4', use: 'enc' })
    expect(jwk.kid).to.equal(await thumbprint({ x: jwk.x as string }))
    expect(enrolled).to.deep.equal({ desk: desk.desk, kid: jwk.kid, protection: 'prf' })
    expect(desk.phase).to.equal('idle')
    expect(desk.droppedMessages).to.equal(0)
  })

  it('with PRF, the stored record holds wrapped bytes and no private CryptoKey; each reveal unwraps it', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal()
    expect((await enrol(desk)).protection).to.equal('prf')
    expect((await desk.frameStatus()).storedKey).to.equal('wrapped')
    await setEnvelope(desk, await sealTo(await desk.publicKey(), 'prf-protected'))
    expect((await desk.reveal()).kind).to.equal('text')
    expect((await desk.frameStatus()).storedKey).to.equal('wrapped')
  })

  it('without PRF, the key is stored as a non-extractable CryptoKey and reveals work', async () => {
    await addAuthenticator({ prf: false })
    const desk = await mountReveal()
    expect((await enrol(desk)).protection).to.equal('device')
    expect((await desk.frameStatus()).storedKey).to.equal('crypto-key')
    await setEnvelope(desk, await sealTo(await desk.publicKey(), 'device-key'))
    expect((await desk.reveal()).kind).to.equal('text')
  })

  it('publicKey() is stable across reloads of the element (same frame-origin storage); another desk id has another key', async () => {
    await addAuthenticator()
    const name = uniqueDesk()
    const first = await mountReveal({ desk: name })
    await enrol(first)
    const jwk = await first.publicKey()
    first.remove()
    const again = await mountReveal({ desk: name })
    expect(again.enrolled).to.equal(true)
    expect(again.phase).to.equal('idle')
    expect(await again.publicKey()).to.deep.equal(jwk)
    const other = await mountReveal()
    expect(other.phase).to.equal('enrol')
    await enrol(other)
    expect((await other.publicKey()).kid).to.not.equal(jwk.kid)
  })

  it('the desk key is useless without its authenticator: another authenticator cannot step up', async () => {
    const first = await addAuthenticator({ prf: true })
    const desk = await mountReveal()
    await enrol(desk)
    const envelope = await sealTo(await desk.publicKey(), 'needs-the-authenticator')
    await removeAuthenticator(first)
    await addAuthenticator({ prf: true })
    await setEnvelope(desk, envelope)
    expect(await rejectionCode(desk.reveal())).to.equal('ERR_STEP_UP_FAILED')
    expect((await desk.frameStatus()).valueNodeEmpty).to.equal(true)
  })

  it('refuses an invalid desk id and a frame from the page’s own origin', async () => {
    const cfg = await testConfig()
    for (const [attributes, code] of [
      [{ desk: 'no spaces allowed' }, 'ERR_INPUT_INVALID'],
      [{ 'frame-origin': `${location.origin}/dist/frame/` }, 'ERR_FRAME_SAME_ORIGIN'],
    ] as const) {
      let failed: string | undefined
      try {
        await mountReveal({ 'frame-origin': cfg.frameBase, ...attributes })
      } catch (e) {
        failed = (e as { code?: string }).code
      }
      expect(failed).to.equal(code)
    }
  })
})
