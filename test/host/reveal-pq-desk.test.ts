import { expect } from 'chai'
import { generateKeyPair, inspect, open, seal, thumbprint } from '../../src/crypto/index.js'
import { b64uDecode } from '../../src/crypto/bytes.js'
import { cleanup, CONTEXT, testConfig } from '../support/host.js'
import { authenticatorPerTest, enrol, mountReveal, pinDesk, rejectionCode, sealTo, setEnvelope, unpinDesk, uniqueDesk } from '../support/reveal.js'

describe('<secure-reveal>: post-quantum desk keys (key-alg)', function () {
  this.timeout(90000)
  const addAuthenticator = authenticatorPerTest()

  it('key-alg="HPKE-9" enrols a post-quantum desk: an AKP public JWK only, kid = RFC 7638 thumbprint', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9' })
    const enrolled = await enrol(desk)
    const jwk = await desk.publicKey()
    expect(Object.keys(jwk).sort()).to.deep.equal(['alg', 'kid', 'kty', 'pub', 'use'])
    expect(jwk).to.include({ kty: 'AKP', alg: 'HPKE-9', use: 'enc' })
    expect(b64uDecode(jwk.pub as string)).to.have.length(1216)
    expect(jwk.kid).to.equal(await thumbprint({ kty: 'AKP', alg: 'HPKE-9', pub: jwk.pub as string }))
    expect(enrolled).to.deep.equal({ desk: desk.desk, kid: jwk.kid, protection: 'prf' })
  })

  it('with PRF the seed is stored wrapped (no usable key in the record), and each reveal unwraps it', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9' })
    await enrol(desk)
    expect((await desk.frameStatus()).storedKey).to.equal('wrapped')
    const envelope = await sealTo(await desk.publicKey(), 'post-quantum-prf')
    expect(inspect(envelope).alg).to.equal('HPKE-9')
    await setEnvelope(desk, envelope)
    expect((await desk.reveal()).kind).to.equal('text')
    expect((await desk.frameStatus()).storedKey).to.equal('wrapped')
  })

  it('without PRF the seed is sealed under a non-extractable AES key beside it, and reveals work', async () => {
    await addAuthenticator({ prf: false })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9' })
    expect((await enrol(desk)).protection).to.equal('device')
    expect((await desk.frameStatus()).storedKey).to.equal('sealed')
    await setEnvelope(desk, await sealTo(await desk.publicKey(), 'post-quantum-device'))
    expect((await desk.reveal()).kind).to.equal('text')
  })

  it('the wrapped seed is useless without its authenticator', async () => {
    const first = await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9' })
    await enrol(desk)
    const envelope = await sealTo(await desk.publicKey(), 'needs-the-authenticator')
    const { removeAuthenticator } = await import('../support/reveal.js')
    await removeAuthenticator(first)
    await addAuthenticator({ prf: true })
    await setEnvelope(desk, envelope)
    expect(await rejectionCode(desk.reveal())).to.equal('ERR_STEP_UP_FAILED')
    expect((await desk.frameStatus()).valueNodeEmpty).to.equal(true)
  })

  it('a HPKE-9-KE desk reveals an envelope it shares with a back-office key; the back office opens the same envelope', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9-KE' })
    await enrol(desk)
    const deskKey = await desk.publicKey()
    expect(deskKey.alg).to.equal('HPKE-9-KE')
    const backOffice = await generateKeyPair({ alg: 'HPKE-9-KE' })
    // The desk second: it finds its own entry wherever it is.
    const envelope = await seal('shared-with-the-back-office', [backOffice.publicJwk, deskKey], { kind: 'text', context: CONTEXT, preview: '•••' })
    expect(inspect(envelope).recipients.map((r) => r.kid)).to.deep.equal([backOffice.publicJwk.kid, deskKey.kid])
    await setEnvelope(desk, envelope)
    expect((await desk.reveal()).kind).to.equal('text')
    expect(new TextDecoder().decode((await open(envelope, backOffice.privateJwk, { context: CONTEXT })).plaintext)).to.equal('shared-with-the-back-office')
  })

  it('a desk refuses, before any step-up, a JSON envelope that does not name it (ERR_ENVELOPE_WRONG_KEY)', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9-KE' })
    await enrol(desk)
    const others = await Promise.all([0, 1].map(() => generateKeyPair({ alg: 'HPKE-9-KE' })))
    await setEnvelope(desk, await seal('not-for-this-desk', others.map((k) => k.publicJwk), { kind: 'text', context: CONTEXT }))
    expect(await rejectionCode(desk.reveal())).to.equal('ERR_ENVELOPE_WRONG_KEY')
    expect(desk.phase).to.not.equal('verifying')
  })

  it('the frame origin pins a post-quantum desk key through its admin route, and a field seals to it', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'HPKE-9-KE', desk: uniqueDesk() })
    await enrol(desk)
    const jwk = await desk.publicKey()
    expect(await pinDesk(jwk)).to.equal(201)
    expect(await pinDesk(jwk)).to.equal(200)
    const { mountField } = await import('../support/host.js')
    const { pqTeam } = await testConfig()
    const field = await mountField('secure-ssn-input', { 'public-key': JSON.stringify([jwk, pqTeam[0]!.publicJwk]) })
    expect(field.isReady).to.equal(true)
    cleanup()
    expect(await unpinDesk(jwk.kid)).to.equal(204)
  })

  it('an unknown key-alg is not sent: the desk enrols with the default X25519 key', async () => {
    await addAuthenticator({ prf: true })
    const desk = await mountReveal({ 'key-alg': 'RSA-OAEP' })
    await enrol(desk)
    expect(await desk.publicKey()).to.include({ kty: 'OKP', alg: 'HPKE-4' })
  })
})
