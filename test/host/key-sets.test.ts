import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { inspect, open } from '../../src/crypto/index.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import type { SecureSsnInput } from '../../src/host/secure-ssn-input.js'
import type { SecureTextInput } from '../../src/host/secure-text-input.js'
import { cleanup, CONTEXT, leave, mountField, testConfig, typeInto, waitForState, type KeyPair } from '../support/host.js'
import { rejectionCode, typeMore } from '../support/sealed.js'

const text = (b: Uint8Array) => new TextDecoder().decode(b)
const publics = (pairs: KeyPair[]) => pairs.map((p) => p.publicJwk)

/** Types a valid card and seals it. */
async function sealCard(card: SecureCardInput): Promise<string> {
  await typeInto(card, '4242424242424242')
  await sendKeys({ type: '1230' })
  await sendKeys({ type: '123' })
  await waitForState(card, (s) => s.valid)
  await leave(card)
  return card.seal()
}

/** Types a valid SSN and seals it. */
async function sealSsn(ssn: SecureSsnInput): Promise<string> {
  await typeInto(ssn, '123456789')
  await waitForState(ssn, (s) => s.valid)
  await leave(ssn)
  return ssn.seal()
}

describe('secure fields with key sets and post-quantum keys', function () {
  this.timeout(120000)
  afterEach(cleanup)

  it('a key set in the public-key attribute (a JSON array) makes one JSON envelope that every key opens', async () => {
    const { team } = await testConfig()
    const card = await mountField<SecureCardInput>('secure-card-input', { 'public-key': JSON.stringify(publics(team)) })
    const envelope = await sealCard(card)
    const header = inspect(envelope)
    expect(header).to.include({ serialization: 'json', kind: 'card', preview: 'Visa •••• 4242', ctx: CONTEXT, pad: 80 })
    expect(header.recipients.map((r) => r.kid)).to.deep.equal(team.map((k) => k.publicJwk.kid))
    for (const { privateJwk } of team) {
      const { plaintext } = await open(envelope, privateJwk, { context: CONTEXT })
      expect(JSON.parse(text(plaintext))).to.include({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' })
    }
  })

  it('a post-quantum key set as a JWKS ({ "keys": [...] }): every recipient post-quantum, each opens', async () => {
    const { pqTeam } = await testConfig()
    const ssn = await mountField<SecureSsnInput>('secure-ssn-input', { 'public-key': JSON.stringify({ keys: publics(pqTeam) }) })
    const envelope = await sealSsn(ssn)
    expect(inspect(envelope).recipients).to.deep.equal(pqTeam.map((k) => ({ alg: 'HPKE-9-KE', kid: k.publicJwk.kid, pq: true })))
    for (const { privateJwk } of pqTeam) expect(text((await open(envelope, privateJwk, { context: CONTEXT })).plaintext)).to.equal('123456789')
  })

  it('one post-quantum key makes the compact HPKE-9 envelope', async () => {
    const { pqKey } = await testConfig()
    const ssn = await mountField<SecureSsnInput>('secure-ssn-input', { 'public-key': JSON.stringify(pqKey.publicJwk) })
    const envelope = await sealSsn(ssn)
    expect(envelope.split('.')).to.have.length(5)
    expect(inspect(envelope)).to.include({ alg: 'HPKE-9', kid: pqKey.publicJwk.kid })
    expect(text((await open(envelope, pqKey.privateJwk, { context: CONTEXT })).plaintext)).to.equal('123456789')
  })

  it('a field pads for a key set as it does for one key: the same pad claim, and account numbers of different lengths give JSON envelopes of one length', async () => {
    const { team, publicJwk } = await testConfig()
    const sealAccount = async (key: unknown, value: string) => {
      cleanup()
      const field = await mountField<SecureTextInput>('secure-text-input', { preset: 'account', 'public-key': JSON.stringify(key) })
      await typeInto(field, value)
      await waitForState(field, (s) => s.valid)
      return field.seal()
    }
    const single = await sealAccount(publicJwk, '730519284617')
    const sets: string[] = []
    for (const value of ['12345', '730519284617', '1111111111111111']) sets.push(await sealAccount(publics(team), value))
    expect(inspect(single).pad).to.be.a('number')
    for (const envelope of sets) expect(inspect(envelope)).to.include({ serialization: 'json', pad: inspect(single).pad })
    expect(new Set(sets.map((e) => e.length)).size, JSON.stringify(sets.map((e) => e.length))).to.equal(1)
    // Every recipient removes the padding: the value comes back exactly.
    for (const { privateJwk } of team) expect(text((await open(sets[0]!, privateJwk, { context: CONTEXT })).plaintext)).to.equal('12345')
  })

  it('a set whose keys cannot share an envelope is refused before anything is typed (ERR_RECIPIENTS_INVALID)', async () => {
    const { team, pqTeam, publicJwk } = await testConfig()
    // Post-quantum beside quantum-vulnerable; and an Integrated Encryption key in a set.
    for (const set of [[pqTeam[0]!.publicJwk, team[0]!.publicJwk], [publicJwk, team[0]!.publicJwk]]) {
      expect(await rejectionCode(mountField('secure-card-input', { 'public-key': JSON.stringify(set) })), JSON.stringify(set.map((k) => k.alg))).to.equal('ERR_RECIPIENTS_INVALID')
      cleanup()
    }
  })

  it('a set with one key the frame origin does not pin is refused (ERR_POLICY_KEY_NOT_PINNED)', async () => {
    const { team, unpinnedTeamKey } = await testConfig()
    const set = [team[0]!.publicJwk, unpinnedTeamKey.publicJwk]
    expect(await rejectionCode(mountField('secure-card-input', { 'public-key': JSON.stringify(set) }))).to.equal('ERR_POLICY_KEY_NOT_PINNED')
  })

  it('an invalid key in a set is refused (ERR_KEY_INVALID)', async () => {
    const { team } = await testConfig()
    const set = [team[0]!.publicJwk, { ...team[1]!.publicJwk, x: 'AAAA' }]
    expect(await rejectionCode(mountField('secure-card-input', { 'public-key': JSON.stringify(set) }))).to.equal('ERR_KEY_INVALID')
  })

  it('changing the key set clears what was typed (the value is never sent to keys it was not typed for)', async () => {
    const { pqTeam } = await testConfig()
    const ssn = await mountField<SecureSsnInput>('secure-ssn-input', { 'public-key': JSON.stringify(publics(pqTeam)) })
    await typeInto(ssn, '123456789')
    await waitForState(ssn, (s) => s.valid)
    ssn.publicKey = [pqTeam[0]!.publicJwk]
    await waitForState(ssn, (s) => s.empty)
    expect(await rejectionCode(ssn.seal())).to.equal('ERR_FIELD_EMPTY')
    // Typed again under the new set, it seals to that set.
    await typeMore(ssn, '123456789')
    await waitForState(ssn, (s) => s.valid)
    await leave(ssn)
    expect(inspect(await ssn.seal()).recipients.map((r) => r.kid)).to.deep.equal([pqTeam[0]!.publicJwk.kid])
  })
})

describe('a frame origin that seals some kinds to post-quantum keys only (requirePq)', function () {
  this.timeout(120000)
  afterEach(cleanup)

  it('an SSN field with an X25519 key is refused (ERR_POLICY_PQ_REQUIRED); with a post-quantum key it seals', async () => {
    const { pqFrameBase, publicJwk, team, pqKey } = await testConfig()
    for (const key of [publicJwk, publics(team)]) {
      expect(await rejectionCode(mountField('secure-ssn-input', { 'frame-origin': pqFrameBase, 'public-key': JSON.stringify(key) }))).to.equal('ERR_POLICY_PQ_REQUIRED')
      cleanup()
    }
    const ssn = await mountField<SecureSsnInput>('secure-ssn-input', { 'frame-origin': pqFrameBase, 'public-key': JSON.stringify(pqKey.publicJwk) })
    expect(inspect(await sealSsn(ssn)).recipients[0]!.pq).to.equal(true)
  })

  it('a kind it does not reserve (card) still seals to an X25519 key', async () => {
    const { pqFrameBase } = await testConfig()
    const card = await mountField<SecureCardInput>('secure-card-input', { 'frame-origin': pqFrameBase })
    expect(inspect(await sealCard(card)).alg).to.equal('HPKE-4')
  })

  it('a text field refuses to seal an IBAN (an envelope kind the policy reserves) to an X25519 key', async () => {
    const { pqFrameBase, pqTeam } = await testConfig()
    const iban = await mountField<SecureTextInput>('secure-text-input', { 'frame-origin': pqFrameBase, preset: 'iban' })
    await typeInto(iban, 'DE89370400440532013000')
    await waitForState(iban, (s) => s.valid)
    await leave(iban)
    expect(await rejectionCode(iban.seal())).to.equal('ERR_POLICY_PQ_REQUIRED')
    iban.publicKey = publics(pqTeam)
    await waitForState(iban, (s) => s.empty)
    await typeInto(iban, 'DE89370400440532013000')
    await waitForState(iban, (s) => s.valid)
    await leave(iban)
    const envelope = await iban.seal()
    expect(inspect(envelope)).to.include({ kind: 'iban', serialization: 'json' })
    expect(text((await open(envelope, pqTeam[1]!.privateJwk, { context: CONTEXT })).plaintext)).to.equal('DE89370400440532013000')
  })
})
