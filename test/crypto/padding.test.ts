import { expect } from 'chai'
import fc from 'fast-check'
import { seal, open, openWith, MAX_CLOCK_TOLERANCE, PAD_LIMITS } from '../../src/crypto/index.js'
import { pad, paddedSizeFor, unpad } from '../../src/crypto/padding.js'
import { b64uDecode, b64uEncode } from '../../src/crypto/bytes.js'
import { checkSealClaims } from '../../src/crypto/header.js'
import { defaultSuites } from '../../src/crypto/defaults.js'
import { resolvePublic } from '../../src/crypto/resolve.js'
import { sealGeneral } from '../../src/crypto/seal-general.js'
import { sealCompact } from '../../src/crypto/seal-with-suite.js'
import { rejection, testKeys } from '../support/keys.js'
import { PROFILES, b64uLength, encodeHeader, jsonOf, jsonString, profileKeys, sharedHeader, type Profile } from '../support/profiles.js'

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

/**
 * An envelope of `profile` whose authenticated `pad` claim says `padTo` but whose plaintext is
 * `bytes` as given, not padded: what a faulty or hostile sealer makes, authenticated all the same.
 */
async function sealWithoutPadding(profile: Profile, bytes: Uint8Array, padTo: number): Promise<string> {
  const { pairs } = await profileKeys(profile)
  const keys = await Promise.all(pairs.map((p) => resolvePublic(p.publicJwk, defaultSuites())))
  const checked = checkSealClaims({ ...claims, padTo })
  return profile.form === 'json' ? sealGeneral(keys, bytes, checked, Date.now()) : sealCompact(keys[0]!, bytes, checked, Date.now())
}

/** The protected header an envelope's every recipient authenticates (compact or JSON). */
function protectedOf(envelope: string): Record<string, unknown> {
  if (envelope.startsWith('{')) return sharedHeader(jsonOf(envelope))
  return JSON.parse(text(b64uDecode(envelope.split('.')[0]!)!)) as Record<string, unknown>
}

/** `envelope` with its protected header replaced by `header`. */
function withProtected(envelope: string, header: Record<string, unknown>): string {
  if (!envelope.startsWith('{')) return [encodeHeader(header), ...envelope.split('.').slice(1)].join('.')
  const jwe = jsonOf(envelope)
  return jsonString({ ...jwe, protected: encodeHeader(header) })
}

// Padding and the clockTolerance bound hold for every envelope form: one key (compact HPKE-4 and
// HPKE-9) and key sets (JSON HPKE-4-KE and HPKE-9-KE), for every recipient of a set.
for (const profile of PROFILES) {
  const context = 'conversation-42'

  describe(`envelope padding [${profile.name}]`, function () {
    this.timeout(20000)

    it('values of different lengths padded to one size give envelopes of one length; every recipient opens each value', async () => {
      const { to, privates } = await profileKeys(profile)
      const values = ['1234', '730519284617', '11111111111111111']
      const envelopes = await Promise.all(values.map((v) => seal(v, to, { ...claims, padTo: paddedSizeFor(17) })))
      expect(new Set(envelopes.map((e) => e.length)).size, envelopes.map((e) => e.length).join()).to.equal(1)
      for (const [i, envelope] of envelopes.entries()) {
        // The size is a claim of the header every recipient authenticates, never a recipient's own.
        expect(protectedOf(envelope).pad).to.equal(32)
        if (profile.form === 'json') for (const r of jsonOf(envelope).recipients) expect(r.header).to.not.have.property('pad')
        for (const key of privates) {
          const { plaintext, claims: got } = await open(envelope, key, { context })
          expect(text(plaintext)).to.equal(values[i])
          expect(got.pad).to.equal(32)
        }
      }
    })

    it('without padTo nothing is padded: no pad claim, and the content is the value itself', async () => {
      const { to, privates } = await profileKeys(profile)
      const envelope = await seal('730519284617', to, claims)
      expect(protectedOf(envelope)).to.not.have.property('pad')
      if (profile.form === 'json') expect(b64uLength(jsonOf(envelope).ciphertext)).to.equal(12)
      expect(text((await open(envelope, privates[0]!, { context })).plaintext)).to.equal('730519284617')
    })

    it('the padded size is authenticated: a changed pad claim fails for every recipient', async () => {
      const { to, privates } = await profileKeys(profile)
      const envelope = await seal('730519284617', to, { ...claims, padTo: 32 })
      for (const pad of [16, 48]) {
        const forged = withProtected(envelope, { ...protectedOf(envelope), pad })
        for (const key of privates) expect(await codeOf(() => open(forged, key, { context })), `pad ${pad}`).to.equal('ERR_DECRYPTION_FAILED')
      }
    })

    it('padding that is not what the pad claim says is refused (ERR_ENVELOPE_MALFORMED) for every recipient', async () => {
      const { privates } = await profileKeys(profile)
      const bad = {
        'no 0x80 marker': new Uint8Array(32).fill(0x78),
        'shorter than the claim': Uint8Array.from([0x31, 0x80, 0, 0]),
        'not zeros after the marker': Uint8Array.from([...new Uint8Array(30).fill(0x31), 0x80, 0x01]),
        'all zeros': new Uint8Array(32),
      }
      for (const [why, bytes] of Object.entries(bad)) {
        const envelope = await sealWithoutPadding(profile, bytes, 32)
        for (const key of privates) expect(await codeOf(() => open(envelope, key, { context })), why).to.equal('ERR_ENVELOPE_MALFORMED')
      }
      // The same path opens well-formed padding: the refusals above are about the padding alone.
      const good = await sealWithoutPadding(profile, pad(new TextEncoder().encode('730519284617'), 32), 32)
      for (const key of privates) expect(text((await open(good, key, { context })).plaintext)).to.equal('730519284617')
    })

    it('refuses a padTo out of bounds (ERR_INPUT_INVALID) and a value that does not fit it (ERR_ENVELOPE_TOO_LARGE)', async () => {
      const { to } = await profileKeys(profile)
      for (const padTo of [PAD_LIMITS.min - 1, PAD_LIMITS.max + 1, 20.5]) {
        expect(await codeOf(() => seal('1', to, { ...claims, padTo })), String(padTo)).to.equal('ERR_INPUT_INVALID')
      }
      expect(await codeOf(() => seal('x'.repeat(16), to, { ...claims, padTo: 16 }))).to.equal('ERR_ENVELOPE_TOO_LARGE')
    })
  })

  describe(`open: the clockTolerance bound [${profile.name}]`, function () {
    this.timeout(20000)

    it('beyond five minutes, negative or fractional is refused before anything is opened, for every recipient', async () => {
      const { to, privates } = await profileKeys(profile)
      const now = Date.UTC(2026, 10, 25, 12, 0, 0)
      const envelope = await seal('x', to, { ...claims, expiresIn: 60 }, { now })
      const later = now + 3600_000
      for (const key of privates) {
        for (const clockTolerance of [1e9, MAX_CLOCK_TOLERANCE + 1, -1, 1.5]) {
          expect(await codeOf(() => open(envelope, key, { context, now: later, clockTolerance })), String(clockTolerance)).to.equal('ERR_INPUT_INVALID')
        }
        expect(await codeOf(() => open(envelope, key, { context, now: later, clockTolerance: MAX_CLOCK_TOLERANCE }))).to.equal('ERR_ENVELOPE_EXPIRED')
        expect(await codeOf(() => open(envelope, key, { context, now: now + 90_000, clockTolerance: 60 }))).to.equal(undefined)
      }
    })

    it('applies to openWith, which the reveal frame uses, as to open', async () => {
      const { to, privates } = await profileKeys(profile)
      const envelope = await seal('x', to, claims)
      expect(await codeOf(() => openWith(defaultSuites(), envelope, privates[0]!, { context, clockTolerance: 1e9 }))).to.equal('ERR_INPUT_INVALID')
    })
  })
}
