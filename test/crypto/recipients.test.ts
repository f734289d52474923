import { expect } from 'chai'
import { seal, open, inspect, generateKeyPair, LIMITS, type KeyAlgorithm } from '../../src/crypto/index.js'
import { b64uEncode } from '../../src/crypto/bytes.js'
import { rejection } from '../support/keys.js'
import { encodeHeader, jsonOf, jsonString, sharedHeader, type JsonJwe } from '../support/profiles.js'

const claims = { kind: 'card', context: 'c-1', preview: 'Visa •••• 4242' }
const text = (b: Uint8Array) => new TextDecoder().decode(b)
const pairs = new Map<string, ReturnType<typeof generateKeyPair>>()
/** The `n`th test key pair of `alg` (generated once). */
const key = (alg: KeyAlgorithm, n = 0) => {
  const id = `${alg}/${n}`
  if (!pairs.has(id)) pairs.set(id, generateKeyPair({ alg }))
  return pairs.get(id)!
}

describe('recipients: which keys make which envelope', () => {
  it('one Integrated Encryption key, alone or as a set of one, makes the compact envelope', async () => {
    for (const alg of ['HPKE-4', 'HPKE-9'] as const) {
      const { publicJwk, privateJwk } = await key(alg)
      for (const to of [publicJwk, [publicJwk], { keys: [publicJwk] }]) {
        const envelope = await seal('x', to, claims)
        expect(envelope.split('.'), alg).to.have.length(5)
        expect(inspect(envelope)).to.include({ serialization: 'compact', alg })
        expect(text((await open(envelope, privateJwk)).plaintext)).to.equal('x')
      }
    }
  })

  it('one Key Encryption key alone makes a JSON envelope with one recipient', async () => {
    const { publicJwk, privateJwk } = await key('HPKE-9-KE')
    const envelope = await seal('x', publicJwk, claims)
    expect(inspect(envelope)).to.include({ serialization: 'json' })
    expect(inspect(envelope).recipients).to.have.length(1)
    expect(text((await open(envelope, privateJwk)).plaintext)).to.equal('x')
  })

  it('an X25519 JWK without alg is HPKE-4 alone and HPKE-4-KE in a set, and opens either', async () => {
    const { publicJwk, privateJwk } = await key('HPKE-4', 7)
    const { alg: _a, ...bare } = publicJwk
    const { alg: _b, ...barePrivate } = privateJwk
    const single = await seal('x', bare, claims)
    expect(inspect(single).alg).to.equal('HPKE-4')
    const set = await seal('x', [bare, (await key('HPKE-4-KE')).publicJwk], claims)
    expect(inspect(set).recipients[0]!.alg).to.equal('HPKE-4-KE')
    for (const envelope of [single, set]) expect(text((await open(envelope, barePrivate)).plaintext)).to.equal('x')
  })

  it('a JWKS ({ "keys": [ … ] }) is a set, as an array is', async () => {
    const a = await key('HPKE-4-KE', 0)
    const b = await key('HPKE-4-KE', 1)
    const envelope = await seal('x', { keys: [a.publicJwk, b.publicJwk] }, claims)
    expect(inspect(envelope).recipients.map((r) => r.kid)).to.deep.equal([a.publicJwk.kid, b.publicJwk.kid])
  })

  it('eight post-quantum recipients and the largest plaintext fit the limits, and each opens', async () => {
    const keys = await Promise.all(Array.from({ length: LIMITS.recipients }, (_, i) => key('HPKE-9-KE', i)))
    const envelope = await seal('x'.repeat(LIMITS.plaintextBytes), keys.map((k) => k.publicJwk), { ...claims, preview: 'p'.repeat(64), context: 'c'.repeat(256) })
    expect(envelope.length).to.be.at.most(LIMITS.envelopeChars)
    for (const k of keys) expect((await open(envelope, k.privateJwk)).plaintext).to.have.length(LIMITS.plaintextBytes)
  })
})

describe('recipients: sets that cannot share one envelope (ERR_RECIPIENTS_INVALID)', () => {
  const refused = async (to: unknown) => (await rejection(() => seal('x', to, claims))).code

  it('no keys, or more than eight', async () => {
    expect(await refused([])).to.equal('ERR_RECIPIENTS_INVALID')
    expect(await refused({ keys: [] })).to.equal('ERR_RECIPIENTS_INVALID')
    const nine = await Promise.all(Array.from({ length: LIMITS.recipients + 1 }, (_, i) => key('HPKE-4-KE', i)))
    expect(await refused(nine.map((k) => k.publicJwk))).to.equal('ERR_RECIPIENTS_INVALID')
  })

  it('the same key twice', async () => {
    const a = (await key('HPKE-4-KE')).publicJwk
    expect(await refused([a, { ...a }])).to.equal('ERR_RECIPIENTS_INVALID')
  })

  it('an Integrated Encryption key beside any other', async () => {
    expect(await refused([(await key('HPKE-4')).publicJwk, (await key('HPKE-4-KE')).publicJwk])).to.equal('ERR_RECIPIENTS_INVALID')
    expect(await refused([(await key('HPKE-4', 0)).publicJwk, (await key('HPKE-4', 1)).publicJwk])).to.equal('ERR_RECIPIENTS_INVALID')
    expect(await refused([(await key('HPKE-9')).publicJwk, (await key('HPKE-9-KE')).publicJwk])).to.equal('ERR_RECIPIENTS_INVALID')
  })

  it('a quantum-vulnerable key beside a post-quantum one (draft-ietf-jose-hpke-pq-pqt §5)', async () => {
    expect(await refused([(await key('HPKE-9-KE')).publicJwk, (await key('HPKE-4-KE')).publicJwk])).to.equal('ERR_RECIPIENTS_INVALID')
  })
})

describe('recipients: JSON envelopes outside the profile are refused before any decryption', () => {
  let envelope: string
  let jwe: JsonJwe
  let privateJwk: unknown
  before(async () => {
    const a = await key('HPKE-4-KE', 0)
    const b = await key('HPKE-4-KE', 1)
    privateJwk = a.privateJwk
    envelope = await seal('x', [a.publicJwk, b.publicJwk], claims)
    jwe = jsonOf(envelope)
  })
  const codeOf = async (forged: unknown) => (await rejection(() => open(jsonString(forged as JsonJwe), privateJwk))).code
  const withShared = (change: Record<string, unknown>) => ({ ...jwe, protected: encodeHeader({ ...sharedHeader(jwe), ...change }) })
  const withEntry = (change: (e: JsonJwe['recipients'][number]) => unknown) => ({ ...jwe, recipients: [change(jwe.recipients[0]!), jwe.recipients[1]] })

  it('unknown members are malformed; a shared unprotected header is unsupported', async () => {
    expect(await codeOf({ ...jwe, extra: 1 })).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(await codeOf({ ...jwe, unprotected: { cty: 'x' } })).to.equal('ERR_ENVELOPE_UNSUPPORTED')
    for (const member of ['iv', 'tag', 'ciphertext', 'protected', 'recipients']) {
      expect(await codeOf(Object.fromEntries(Object.entries(jwe).filter(([k]) => k !== member))), member).to.equal('ERR_ENVELOPE_MALFORMED')
    }
  })

  it('per-recipient members in the shared header, or another content encryption, are unsupported', async () => {
    for (const change of [{ alg: 'HPKE-4-KE' }, { kid: 'x' }, { ek: 'AAAA' }, { zip: 'DEF' }, { crit: ['exp'] }, { enc: 'A128GCM' }, { enc: undefined }]) {
      expect(await codeOf(withShared(change)), JSON.stringify(change)).to.equal('ERR_ENVELOPE_UNSUPPORTED')
    }
  })

  it('a recipient entry with other members, another alg or a missing kid is refused', async () => {
    expect(await codeOf(withEntry((e) => ({ ...e, header: { ...e.header, psk_id: 'x' } })))).to.equal('ERR_ENVELOPE_UNSUPPORTED')
    expect(await codeOf(withEntry((e) => ({ ...e, extra: 1 })))).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(await codeOf(withEntry((e) => ({ ...e, header: { ...e.header, alg: 'ECDH-ES+A256KW' } })))).to.equal('ERR_ENVELOPE_UNSUPPORTED')
    expect(await codeOf(withEntry((e) => ({ ...e, header: { alg: e.header.alg, ek: e.header.ek } })))).to.equal('ERR_ENVELOPE_MALFORMED')
  })

  it('two entries with one kid are malformed', async () => {
    expect(await codeOf({ ...jwe, recipients: [jwe.recipients[0], jwe.recipients[0]] })).to.equal('ERR_ENVELOPE_MALFORMED')
  })

  it('a post-quantum entry beside a quantum-vulnerable one is unsupported', async () => {
    const pq = jsonOf(await seal('x', (await key('HPKE-9-KE')).publicJwk, claims)).recipients[0]!
    expect(await codeOf({ ...jwe, recipients: [...jwe.recipients, pq] })).to.equal('ERR_ENVELOPE_UNSUPPORTED')
  })

  it('more than eight entries is too large; wrong sizes are malformed', async () => {
    const many = Array.from({ length: LIMITS.recipients + 1 }, (_, i) => ({ ...jwe.recipients[0]!, header: { ...jwe.recipients[0]!.header, kid: `k${i}` } }))
    expect(await codeOf({ ...jwe, recipients: many })).to.equal('ERR_ENVELOPE_TOO_LARGE')
    expect(await codeOf({ ...jwe, iv: b64uEncode(new Uint8Array(16)) })).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(await codeOf({ ...jwe, tag: b64uEncode(new Uint8Array(12)) })).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(await codeOf(withEntry((e) => ({ ...e, encrypted_key: b64uEncode(new Uint8Array(40)) })))).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(await codeOf(withEntry((e) => ({ ...e, header: { ...e.header, ek: b64uEncode(new Uint8Array(33)) } })))).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(await codeOf({ ...jwe, aad: 'not base64url!' })).to.equal('ERR_ENVELOPE_MALFORMED')
  })

  it('inspect refuses what open refuses for its shape', async () => {
    expect(() => inspect(jsonString({ ...jwe, recipients: [] }))).to.throw().with.property('code', 'ERR_ENVELOPE_MALFORMED')
    expect(() => inspect(jsonString(withShared({ typ: 'JWE' }) as JsonJwe))).to.throw().with.property('code', 'ERR_ENVELOPE_MALFORMED')
    expect(inspect(envelope).recipients).to.have.length(2)
  })
})
