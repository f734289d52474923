import { expect } from 'chai'
import { seal, open, inspect, generateKeyPair, thumbprint, SecureFieldsError, LIMITS } from '../../src/crypto/index.js'
import { b64uDecode, b64uEncode } from '../../src/crypto/bytes.js'
import { rejection, testKeys } from '../support/keys.js'

const CARD = '4000056655665556|12/34|123'
const claims = { kind: 'card', context: 'conversation-42', preview: 'Visa •••• 5556' }
const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('envelope: seal and open', () => {
  it('round-trips a value with its claims', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const now = Date.UTC(2026, 10, 25, 12, 0, 0)
    const envelope = await seal(CARD, publicJwk, { ...claims, consent: 'A'.repeat(43) }, { now })
    const { plaintext, claims: got } = await open(envelope, privateJwk, { context: 'conversation-42', now })
    expect(text(plaintext)).to.equal(CARD)
    expect(got).to.include({
      alg: 'HPKE-4',
      kid: await thumbprint(publicJwk),
      typ: 'secure-fields+jwe',
      kind: 'card',
      preview: 'Visa •••• 5556',
      ctx: 'conversation-42',
      iat: now / 1000,
      exp: now / 1000 + 900,
      consent: 'A'.repeat(43),
    })
    expect(got.jti).to.match(/^[A-Za-z0-9_-]{22}$/)
  })

  it('is a JWE Compact Serialization with an HPKE encapsulated key and empty IV and tag', async () => {
    const { publicJwk } = await testKeys()
    const parts = (await seal(CARD, publicJwk, claims)).split('.')
    expect(parts).to.have.length(5)
    expect(parts[2]).to.equal('')
    expect(parts[4]).to.equal('')
    expect(b64uDecode(parts[1]!)).to.have.length(32)
    // ChaCha20-Poly1305 ciphertext: plaintext length plus a 16-byte tag.
    expect(b64uDecode(parts[3]!)).to.have.length(new TextEncoder().encode(CARD).length + 16)
    const header = JSON.parse(new TextDecoder().decode(b64uDecode(parts[0]!)!))
    expect(header).to.not.have.property('enc')
    expect(Object.keys(header).slice(0, 3)).to.deep.equal(['alg', 'kid', 'typ'])
  })

  it('gives every envelope a unique id and a fresh encapsulated key', async () => {
    const { publicJwk } = await testKeys()
    const a = await seal(CARD, publicJwk, claims)
    const b = await seal(CARD, publicJwk, claims)
    expect(inspect(a).jti).to.not.equal(inspect(b).jti)
    expect(a.split('.')[1]).to.not.equal(b.split('.')[1])
  })

  it('honours expiresIn and rejects lifetimes out of range', async () => {
    const { publicJwk } = await testKeys()
    const h = inspect(await seal(CARD, publicJwk, { ...claims, expiresIn: 60 }, { now: 1_000_000 }))
    expect(h.exp - h.iat).to.equal(60)
    for (const expiresIn of [0, -1, 1.5, LIMITS.maxLifetime + 1]) {
      const e = await rejection(() => seal(CARD, publicJwk, { ...claims, expiresIn }))
      expect(e).to.be.instanceOf(SecureFieldsError)
      expect(e.code).to.equal('ERR_INPUT_INVALID')
    }
  })

  it('accepts byte plaintexts and leaves them to the caller', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const bytes = new TextEncoder().encode(CARD)
    const envelope = await seal(bytes, publicJwk, claims)
    expect(text(bytes)).to.equal(CARD)
    expect(text((await open(envelope, privateJwk)).plaintext)).to.equal(CARD)
  })

  it('reuses an imported key and accepts the imported key object itself', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const { HPKE_4 } = await import('../../src/crypto/suite.js')
    const sender = await HPKE_4.importPublic(publicJwk)
    const recipient = await HPKE_4.importPrivate(privateJwk)
    const envelope = await seal(CARD, sender, claims)
    expect(text((await open(envelope, recipient)).plaintext)).to.equal(CARD)
  })
})

describe('envelope: inspect', () => {
  it('reads the header without a key', async () => {
    const { publicJwk } = await testKeys()
    const h = inspect(await seal(CARD, publicJwk, claims, { now: 2_000_000 }))
    expect(h).to.include({ kind: 'card', preview: 'Visa •••• 5556', ctx: 'conversation-42', iat: 2000, exp: 2900 })
  })

  it('refuses what is not an envelope', () => {
    for (const bad of ['', 'a.b.c.d.e', '....', 'x'.repeat(10)]) {
      expect(() => inspect(bad)).to.throw(SecureFieldsError).with.property('code', 'ERR_ENVELOPE_MALFORMED')
    }
  })
})

describe('envelope: refusals, each with its code', () => {
  let envelope: string
  const now = Date.UTC(2026, 0, 1)
  before(async () => {
    envelope = await seal(CARD, (await testKeys()).publicJwk, claims, { now })
  })
  const openIt = async (env: string, opts = {}) => open(env, (await testKeys()).privateJwk, { now, ...opts })

  it('expired: at and after exp', async () => {
    const exp = inspect(envelope).exp * 1000
    expect((await openIt(envelope, { now: exp - 1000 })).plaintext).to.have.length.greaterThan(0)
    expect((await rejection(() => openIt(envelope, { now: exp }))).code).to.equal('ERR_ENVELOPE_EXPIRED')
    expect((await rejection(() => openIt(envelope, { now: exp + 3600_000 }))).code).to.equal('ERR_ENVELOPE_EXPIRED')
  })

  it('issued in the future beyond the skew allowance', async () => {
    expect((await rejection(() => openIt(envelope, { now: now - 120_000 }))).code).to.equal('ERR_ENVELOPE_EXPIRED')
  })

  it('wrong context', async () => {
    expect((await rejection(() => openIt(envelope, { context: 'conversation-43' }))).code).to.equal('ERR_ENVELOPE_WRONG_CONTEXT')
  })

  it('consent required but absent, or another digest', async () => {
    expect((await rejection(() => openIt(envelope, { consent: true }))).code).to.equal('ERR_ENVELOPE_CONSENT')
    const withConsent = await seal(CARD, (await testKeys()).publicJwk, { ...claims, consent: 'B'.repeat(43) }, { now })
    expect((await rejection(() => openIt(withConsent, { consent: 'C'.repeat(43) }))).code).to.equal('ERR_ENVELOPE_CONSENT')
    expect((await openIt(withConsent, { consent: 'B'.repeat(43) })).claims.consent).to.equal('B'.repeat(43))
  })

  it('wrong key (kid differs)', async () => {
    const other = await generateKeyPair()
    expect((await rejection(() => open(envelope, other.privateJwk, { now }))).code).to.equal('ERR_ENVELOPE_WRONG_KEY')
  })

  it('a key claiming the right public key with another private scalar fails uniformly', async () => {
    const { privateJwk } = await testKeys()
    const other = await generateKeyPair()
    const forged = { ...privateJwk, d: other.privateJwk.d }
    expect((await rejection(() => open(envelope, forged, { now }))).code).to.be.oneOf(['ERR_DECRYPTION_FAILED', 'ERR_KEY_INVALID'])
  })

  it('an enc header (key encryption mode) is unsupported', async () => {
    const [h, ...rest] = envelope.split('.')
    const header = { ...JSON.parse(new TextDecoder().decode(b64uDecode(h!)!)), enc: 'A128GCM' }
    const forged = [b64uEncode(new TextEncoder().encode(JSON.stringify(header))), ...rest].join('.')
    expect((await rejection(() => openIt(forged))).code).to.equal('ERR_ENVELOPE_UNSUPPORTED')
  })

  it('another alg is unsupported', async () => {
    const [h, ...rest] = envelope.split('.')
    const header = { ...JSON.parse(new TextDecoder().decode(b64uDecode(h!)!)), alg: 'HPKE-0' }
    const forged = [b64uEncode(new TextEncoder().encode(JSON.stringify(header))), ...rest].join('.')
    expect((await rejection(() => openIt(forged))).code).to.equal('ERR_ENVELOPE_UNSUPPORTED')
  })

  it('a non-empty IV or tag is malformed', async () => {
    const p = envelope.split('.')
    const withIv = [p[0], p[1], 'AAAAAAAAAAAAAAAA', p[3], p[4]].join('.')
    const withTag = [p[0], p[1], p[2], p[3], 'AAAAAAAAAAAAAAAAAAAAAA'].join('.')
    expect((await rejection(() => openIt(withIv))).code).to.equal('ERR_ENVELOPE_MALFORMED')
    expect((await rejection(() => openIt(withTag))).code).to.equal('ERR_ENVELOPE_MALFORMED')
  })

  it('oversized envelopes and plaintexts', async () => {
    const { publicJwk } = await testKeys()
    expect((await rejection(() => openIt(envelope + 'A'.repeat(LIMITS.envelopeChars)))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
    expect((await rejection(() => seal('x'.repeat(LIMITS.plaintextBytes + 1), publicJwk, claims))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
    expect((await rejection(() => seal('x', publicJwk, { ...claims, preview: 'p'.repeat(65) }))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
    expect((await rejection(() => seal('x', publicJwk, { ...claims, context: 'c'.repeat(257) }))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
    // Exactly at the limits is fine.
    const big = await seal('x'.repeat(LIMITS.plaintextBytes), publicJwk, { ...claims, preview: 'p'.repeat(64), context: 'c'.repeat(256) }, { now })
    expect((await openIt(big)).plaintext).to.have.length(LIMITS.plaintextBytes)
  })

  it('garbage is malformed', async () => {
    const garbage: unknown[] = ['', '.', '....', 'a.b.c.d.e', 'eyJ9.AAAA..AAAA.', envelope.replace(/\./g, ''), `${envelope}.`, null, 42, {}]
    for (const g of garbage) {
      expect((await rejection(() => openIt(g as string))).code, String(g)).to.equal('ERR_ENVELOPE_MALFORMED')
    }
  })

  it('bad sealing inputs: keys, claims, plaintext types', async () => {
    const { publicJwk, privateJwk } = await testKeys()
    const badKeys: unknown[] = [null, {}, { ...publicJwk, crv: 'P-256' }, { ...publicJwk, kty: 'EC' }, { ...publicJwk, x: 'AAAA' }, { ...publicJwk, alg: 'HPKE-0' }]
    for (const k of badKeys) expect((await rejection(() => seal(CARD, k, claims))).code).to.equal('ERR_KEY_INVALID')
    expect((await rejection(() => open(envelope, publicJwk))).code).to.equal('ERR_KEY_INVALID')
    expect((await rejection(() => open(envelope, { ...privateJwk, d: 'short' }))).code).to.equal('ERR_KEY_INVALID')
    const badClaims: unknown[] = [{ ...claims, kind: 'Card' }, { ...claims, kind: '' }, { ...claims, context: '' }, { ...claims, context: 'a\nb' }, { ...claims, consent: 'nope' }, null]
    for (const c of badClaims) expect((await rejection(() => seal(CARD, publicJwk, c as typeof claims))).code).to.equal('ERR_INPUT_INVALID')
    expect((await rejection(() => seal(42 as unknown as string, publicJwk, claims))).code).to.equal('ERR_INPUT_INVALID')
  })

  it('no error message or cause holds the plaintext', async () => {
    const { publicJwk, privateJwk } = await testKeys()
    const digits = CARD.slice(0, 16)
    const failures = [
      rejection(() => openIt(envelope, { context: 'other' })),
      rejection(() => openIt(envelope.slice(0, -3) + 'AA.')),
      rejection(() => seal(CARD, { ...publicJwk, x: 'bad' }, claims)),
      rejection(() => seal(CARD + 'x'.repeat(5000), publicJwk, claims)),
      rejection(() => open(envelope, { ...privateJwk, d: 'bad' })),
    ]
    for (const e of await Promise.all(failures)) {
      expect(e).to.be.instanceOf(SecureFieldsError)
      expect(`${e.message} ${String(e.stack)} ${String((e as Error & { cause?: unknown }).cause)}`).to.not.include(digits)
    }
  })
})

describe('envelope: tampering', () => {
  // Flip every byte of every segment, one at a time: each forgery must be refused.
  let envelope: string
  let privateJwk: Awaited<ReturnType<typeof testKeys>>['privateJwk']
  const now = Date.UTC(2026, 0, 1)
  before(async () => {
    const keys = await testKeys()
    privateJwk = keys.privateJwk
    envelope = await seal(CARD, keys.publicJwk, claims, { now })
  })

  function flipped(segment: number, byte: number): string {
    const parts = envelope.split('.')
    const bytes = b64uDecode(parts[segment]!)!
    bytes[byte]! ^= 0x01
    parts[segment] = b64uEncode(bytes)
    return parts.join('.')
  }

  for (const [segment, name] of [[0, 'protected header'], [1, 'encrypted key'], [3, 'ciphertext']] as const) {
    it(`rejects a flip of each byte of the ${name}`, async () => {
      const length = b64uDecode(envelope.split('.')[segment]!)!.length
      const codes = new Set<string>()
      for (let i = 0; i < length; i++) {
        const e = await rejection(() => open(flipped(segment, i), privateJwk, { now, context: 'conversation-42' }))
        expect(e, `byte ${i}`).to.be.instanceOf(SecureFieldsError)
        codes.add(e.code!)
      }
      // The key and the ciphertext are only judged by the cryptography: one uniform code.
      if (segment !== 0) expect([...codes]).to.deep.equal(['ERR_DECRYPTION_FAILED'])
    })
  }

  it('rejects a change of each character of the encoded envelope', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    for (let i = 0; i < envelope.length; i++) {
      if (envelope[i] === '.') continue
      const c = envelope[i]!
      const replacement = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]!
      const forged = envelope.slice(0, i) + replacement + envelope.slice(i + 1)
      const e = await rejection(() => open(forged, privateJwk, { now, context: 'conversation-42' }))
      expect(e, `char ${i}`).to.be.instanceOf(SecureFieldsError)
    }
  })
})

describe('envelope: wiping', () => {
  it('zeroes the UTF-8 buffer of a string plaintext after sealing, and after a failed seal', async () => {
    const { publicJwk } = await testKeys()
    const made: Uint8Array[] = []
    const original = TextEncoder.prototype.encode
    TextEncoder.prototype.encode = function (this: TextEncoder, input?: string) {
      const out = original.call(this, input)
      if (input === CARD) made.push(out)
      return out
    }
    try {
      await seal(CARD, publicJwk, claims)
      await rejection(() => seal(CARD, { kty: 'OKP', crv: 'X25519', x: 'bad' }, claims))
    } finally {
      TextEncoder.prototype.encode = original
    }
    expect(made).to.have.length(2)
    for (const buffer of made) expect(buffer.every((b) => b === 0)).to.equal(true)
  })
})

describe('envelope: the frame suite', () => {
  it('HPKE_4_WEB seals what HPKE_4 opens, and refuses to open', async () => {
    const { HPKE_4_WEB, HPKE_4 } = await import('../../src/crypto/suite.js')
    const { privateJwk, publicJwk } = await testKeys()
    const envelope = await seal(CARD, publicJwk, claims, { suite: HPKE_4_WEB })
    expect(text((await open(envelope, privateJwk, { suite: HPKE_4 })).plaintext)).to.equal(CARD)
    const sender = await HPKE_4_WEB.importPublic(publicJwk)
    expect(await rejection(() => HPKE_4_WEB.hpke.Open(sender.key, new Uint8Array(32), new Uint8Array(32)))).to.be.instanceOf(Error)
  })
})

describe('envelope: lifetime', () => {
  it('an envelope claiming to live longer than a day is malformed', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const { HPKE_4 } = await import('../../src/crypto/suite.js')
    const { ascii, utf8, b64uEncode: enc } = await import('../../src/crypto/bytes.js')
    const now = Math.floor(Date.now() / 1000)
    const header = { alg: 'HPKE-4', kid: await thumbprint(publicJwk), typ: 'secure-fields+jwe', kind: 'card', preview: '', ctx: 'c', iat: now, exp: now + LIMITS.maxLifetime + 1, jti: 'AAAAAAAAAAAAAAAAAAAAAA' }
    const protectedB64 = enc(utf8(JSON.stringify(header)))
    const key = await HPKE_4.importPublic(publicJwk)
    const { encapsulatedSecret, ciphertext } = await HPKE_4.hpke.Seal(key.key, utf8('x'), { aad: ascii(protectedB64) })
    const forged = `${protectedB64}.${enc(encapsulatedSecret)}..${enc(ciphertext)}.`
    expect((await rejection(() => open(forged, privateJwk))).code).to.equal('ERR_ENVELOPE_MALFORMED')
    expect(() => inspect(forged)).to.throw(SecureFieldsError)
  })
})
