import { expect } from 'chai'
import fc from 'fast-check'
import { seal, open, MAX_CLOCK_TOLERANCE, PAD_LIMITS } from '../../src/crypto/index.js'
import { pad, paddedSizeFor, unpad } from '../../src/crypto/padding.js'
import { b64uDecode, b64uEncode } from '../../src/crypto/bytes.js'
import { rejection, testKeys } from '../support/keys.js'

/** The code `fn` rejects with, or `undefined` when it succeeds. */
const codeOf = (fn: () => Promise<unknown>) => rejection(fn).then((e) => e.code, () => undefined)

const claims = { kind: 'account', context: 'conversation-42', preview: '' }
const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('envelope padding (length hiding)', () => {
  it('property: pad then unpad gives back any value shorter than the size, and wipes the padded copy', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (bytes, extra) => {
        const size = bytes.length + extra
        const padded = pad(bytes, size)
        expect(padded.length).to.equal(size)
        const back = unpad(padded, size)
        expect([...back]).to.deep.equal([...bytes])
        expect(padded.every((b) => b === 0)).to.equal(true)
      }),
    )
  })

  it('refuses a value that does not fit, and padding that is not exactly ISO/IEC 7816-4', () => {
    expect(() => pad(new Uint8Array(16), 16)).to.throw().with.property('code', 'ERR_ENVELOPE_TOO_LARGE')
    for (const bad of [[1, 2, 0, 0], [1, 0x80, 1, 0], [0, 0, 0, 0], [1, 2, 3, 0x81]]) {
      expect(() => unpad(Uint8Array.from(bad), 4), JSON.stringify(bad)).to.throw().with.property('code', 'ERR_ENVELOPE_MALFORMED')
    }
    expect(() => unpad(Uint8Array.from([1, 0x80, 0]), 4)).to.throw().with.property('code', 'ERR_ENVELOPE_MALFORMED')
  })

  it('sizes: the marker always fits, rounded up to 16 bytes', () => {
    expect([9, 15, 16, 34, 78, 17, 256].map(paddedSizeFor)).to.deep.equal([16, 16, 32, 48, 80, 32, 272])
  })

  it('envelopes of values of different lengths, padded to one size, have one length; open returns each value', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const values = ['1234', '730519284617', '11111111111111111']
    const envelopes = await Promise.all(values.map((v) => seal(v, publicJwk, { ...claims, padTo: paddedSizeFor(17) })))
    expect(new Set(envelopes.map((e) => e.length)).size).to.equal(1)
    for (const [i, envelope] of envelopes.entries()) {
      const { plaintext, claims: got } = await open(envelope, privateJwk, { context: 'conversation-42' })
      expect(text(plaintext)).to.equal(values[i])
      expect(got.pad).to.equal(32)
    }
  })

  it('the padded size is authenticated: an envelope whose pad member is changed does not open', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const envelope = await seal('730519284617', publicJwk, { ...claims, padTo: 32 })
    const [header, ...rest] = envelope.split('.')
    const changed = JSON.parse(text(b64uDecode(header!)!)) as Record<string, unknown>
    for (const pad of [16, 48]) {
      const forged = [b64uEncode(new TextEncoder().encode(JSON.stringify({ ...changed, pad }))), ...rest].join('.')
      expect(await codeOf(() => open(forged, privateJwk, { context: 'conversation-42' }))).to.equal('ERR_DECRYPTION_FAILED')
    }
  })

  it('refuses a padTo out of bounds', async () => {
    const { publicJwk } = await testKeys()
    for (const padTo of [PAD_LIMITS.min - 1, PAD_LIMITS.max + 1, 20.5]) {
      expect(await codeOf(() => seal('1', publicJwk, { ...claims, padTo }))).to.equal('ERR_INPUT_INVALID')
    }
  })
})

describe('open: bounds on options that weaken a check', () => {
  it('clockTolerance beyond five minutes, negative or fractional is refused before anything is opened', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const now = Date.UTC(2026, 10, 25, 12, 0, 0)
    const envelope = await seal('x', publicJwk, { ...claims, expiresIn: 60 }, { now })
    const later = now + 3600_000
    for (const clockTolerance of [1e9, MAX_CLOCK_TOLERANCE + 1, -1, 1.5]) {
      expect(await codeOf(() => open(envelope, privateJwk, { context: 'conversation-42', now: later, clockTolerance })), String(clockTolerance)).to.equal('ERR_INPUT_INVALID')
    }
    // Within bounds, the tolerance works as before: five minutes do not open an hour-old envelope.
    expect(await codeOf(() => open(envelope, privateJwk, { context: 'conversation-42', now: later, clockTolerance: MAX_CLOCK_TOLERANCE }))).to.equal('ERR_ENVELOPE_EXPIRED')
    expect(await codeOf(() => open(envelope, privateJwk, { context: 'conversation-42', now: now + 90_000, clockTolerance: 60 }))).to.equal(undefined)
  })
})
