/**
 * Key sets and post-quantum keys at the message boundary: a field's `publicKey` may be one JWK, a
 * JWKS or an array of up to eight; envelopes up to the crypto layer's limit pass; a desk's key
 * algorithm and its sealed seed have their shapes; the policy's `requirePq` is read.
 */
import { expect } from 'chai'
import { LIMITS } from '../../src/crypto/header.js'
import { DropCounter, MAX_ENVELOPE_CHARS, MAX_RECIPIENT_KEYS, parseFrameMessage, parseHostMessage, stamp } from '../../src/protocol/guards.js'
import { parseRevealFrameMessage, parseRevealHostMessage, type RevealConfig } from '../../src/protocol/reveal.js'
import { parsePolicy, pqRequired } from '../../src/protocol/policy.js'

const jwk = { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43), alg: 'HPKE-4-KE' }
const field = (publicKey: unknown) =>
  stamp({ t: 'config', config: { kind: 'card', label: '', locale: 'en', theme: {}, publicKey, context: 'c', required: false, disabled: false, options: {} } })
const reveal: RevealConfig = { desk: 'd', envelope: null, context: 'c', showFor: 30, locale: 'en', theme: {} }

describe('protocol: key sets and post-quantum keys', () => {
  it('the protocol limits are the crypto layer’s', () => {
    expect(MAX_ENVELOPE_CHARS).to.equal(LIMITS.envelopeChars)
    expect(MAX_RECIPIENT_KEYS).to.equal(LIMITS.recipients)
  })

  it('a field config takes one JWK, a JWKS, or an array of one to eight JWKs', () => {
    for (const publicKey of [jwk, { keys: [jwk, jwk] }, [jwk], Array.from({ length: MAX_RECIPIENT_KEYS }, () => jwk)]) {
      expect(parseHostMessage(field(publicKey), new DropCounter()), JSON.stringify(publicKey).slice(0, 60)).to.not.equal(undefined)
    }
  })

  it('a field config with an empty set, more than eight keys, or something that is not a JWK is dropped', () => {
    const drops = new DropCounter()
    for (const publicKey of [[], Array.from({ length: MAX_RECIPIENT_KEYS + 1 }, () => jwk), [jwk, 'key'], [jwk, null], [[jwk]], 'jwk', 42]) {
      expect(parseHostMessage(field(publicKey), drops), JSON.stringify(publicKey).slice(0, 60)).to.equal(undefined)
    }
    expect(drops.counts.malformed).to.equal(7)
  })

  it('a sealed message carries envelopes up to the crypto limit, and no longer', () => {
    const sealed = (length: number) => stamp({ t: 'sealed', id: 1, envelope: 'e'.repeat(length), preview: '', kind: 'ssn' })
    expect(parseFrameMessage(sealed(MAX_ENVELOPE_CHARS), new DropCounter())).to.not.equal(undefined)
    expect(parseFrameMessage(sealed(MAX_ENVELOPE_CHARS + 1), new DropCounter())).to.equal(undefined)
  })

  it('a reveal config takes a key algorithm of the four, and nothing else', () => {
    for (const keyAlg of ['HPKE-4', 'HPKE-4-KE', 'HPKE-9', 'HPKE-9-KE']) {
      expect(parseRevealHostMessage(stamp({ t: 'config', config: { ...reveal, keyAlg } }), new DropCounter()), keyAlg).to.not.equal(undefined)
    }
    for (const keyAlg of ['HPKE-0', 'RSA-OAEP', '', 9, null]) {
      expect(parseRevealHostMessage(stamp({ t: 'config', config: { ...reveal, keyAlg } }), new DropCounter()), String(keyAlg)).to.equal(undefined)
    }
  })

  it('a desk reports a post-quantum public key, never a private one, and a sealed seed', () => {
    const pub = { kty: 'AKP', alg: 'HPKE-9', pub: 'A'.repeat(1622), kid: 'B'.repeat(43), use: 'enc' }
    const desk = (publicJwk: unknown) => stamp({ t: 'desk', desk: { desk: 'd', publicJwk, protection: 'device' } })
    expect(parseRevealFrameMessage(desk(pub), new DropCounter())).to.not.equal(undefined)
    expect(parseRevealFrameMessage(desk({ ...pub, priv: 'C'.repeat(43) }), new DropCounter())).to.equal(undefined)
    const status = (storedKey: string) => stamp({ t: 'status', id: 1, status: { phase: 'idle', valueNodeEmpty: true, storedKey } })
    expect(parseRevealFrameMessage(status('sealed'), new DropCounter())).to.not.equal(undefined)
    expect(parseRevealFrameMessage(status('seed'), new DropCounter())).to.equal(undefined)
  })

  it('the policy reads requirePq (strings only) and answers per kind', () => {
    const policy = parsePolicy({ allowedParents: [], requirePq: ['ssn', 7, 'iban'] })
    expect(policy.requirePq).to.deep.equal(['ssn', 'iban'])
    expect(pqRequired(policy, 'ssn')).to.equal(true)
    expect(pqRequired(policy, 'card')).to.equal(false)
    expect(parsePolicy({}).requirePq).to.deep.equal([])
  })
})
