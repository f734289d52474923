import { expect } from 'chai'
import { seal, open, inspect, generateKeyPair, thumbprint, SecureFieldsError, LIMITS, type AnyPrivateJwk } from '../../src/crypto/index.js'
import { b64uDecode, b64uEncode } from '../../src/crypto/bytes.js'
import { rejection, testKeys } from '../support/keys.js'
import {
  PROFILES,
  b64uLength,
  flipB64u,
  jsonOf,
  jsonString,
  positions,
  profileKeys,
  sharedHeader,
  strangerKey,
  encodeHeader,
  type Profile,
} from '../support/profiles.js'

const CARD = '4000056655665556|12/34|123'
const claims = { kind: 'card', context: 'conversation-42', preview: 'Visa •••• 5556' }
const text = (b: Uint8Array) => new TextDecoder().decode(b)
const NENC: Record<string, number> = { 'HPKE-4': 32, 'HPKE-4-KE': 32, 'HPKE-9': 1120, 'HPKE-9-KE': 1120 }

// Every behaviour below holds for each envelope form: the compact HPKE-4 envelope fields have
// always made, the post-quantum compact one, and JSON envelopes for several recipients.
for (const profile of PROFILES) {
  const forEachRecipient = async (fn: (key: AnyPrivateJwk, index: number) => Promise<void>) => {
    const { privates } = await profileKeys(profile)
    for (const [i, key] of privates.entries()) await fn(key, i)
  }

  describe(`envelope [${profile.name}]: seal and open`, () => {
    it('round-trips a value with its claims, for every recipient', async () => {
      const { to, pairs } = await profileKeys(profile)
      const now = Date.UTC(2026, 10, 25, 12, 0, 0)
      const envelope = await seal(CARD, to, { ...claims, consent: 'A'.repeat(43) }, { now })
      for (const [i, pair] of pairs.entries()) {
        const { plaintext, claims: got } = await open(envelope, pair.privateJwk, { context: 'conversation-42', now })
        expect(text(plaintext)).to.equal(CARD)
        expect(got).to.include({
          alg: profile.algs[i],
          kid: pair.publicJwk.kid,
          typ: 'secure-fields+jwe',
          kind: 'card',
          preview: 'Visa •••• 5556',
          ctx: 'conversation-42',
          iat: now / 1000,
          exp: now / 1000 + 900,
          consent: 'A'.repeat(43),
        })
        expect(got.jti).to.match(/^[A-Za-z0-9_-]{22}$/)
      }
    })

    if (profile.form === 'compact') {
      it('is a JWE Compact Serialization with an HPKE encapsulated key and empty IV and tag', async () => {
        const { to } = await profileKeys(profile)
        const parts = (await seal(CARD, to, claims)).split('.')
        expect(parts).to.have.length(5)
        expect(parts[2]).to.equal('')
        expect(parts[4]).to.equal('')
        expect(b64uDecode(parts[1]!)).to.have.length(NENC[profile.algs[0]!]!)
        // The HPKE AEAD (ChaCha20-Poly1305 or AES-256-GCM) adds a 16-byte tag.
        expect(b64uDecode(parts[3]!)).to.have.length(new TextEncoder().encode(CARD).length + 16)
        const header = JSON.parse(new TextDecoder().decode(b64uDecode(parts[0]!)!))
        expect(header).to.not.have.property('enc')
        expect(Object.keys(header).slice(0, 3)).to.deep.equal(['alg', 'kid', 'typ'])
        expect(header.alg).to.equal(profile.algs[0])
      })
    } else {
      it('is a JWE JSON General Serialization: shared claims, one Key Encryption entry per recipient', async () => {
        const { to, pairs } = await profileKeys(profile)
        const jwe = jsonOf(await seal(CARD, to, claims))
        expect(Object.keys(jwe)).to.deep.equal(['protected', 'recipients', 'iv', 'ciphertext', 'tag'])
        const shared = sharedHeader(jwe)
        expect(shared).to.include({ enc: 'A256GCM', typ: 'secure-fields+jwe', kind: 'card', ctx: 'conversation-42' })
        for (const member of ['alg', 'kid', 'ek']) expect(shared).to.not.have.property(member)
        expect(jwe.recipients.map((r) => r.header.kid)).to.deep.equal(pairs.map((p) => p.publicJwk.kid))
        for (const [i, r] of jwe.recipients.entries()) {
          expect(Object.keys(r.header)).to.deep.equal(['alg', 'kid', 'ek'])
          expect(r.header.alg).to.equal(profile.algs[i])
          expect(b64uLength(r.header.ek as string)).to.equal(NENC[profile.algs[i]!])
          // The HPKE ciphertext of a 32-byte CEK, with its 16-byte tag.
          expect(b64uLength(r.encrypted_key)).to.equal(48)
        }
        expect(b64uLength(jwe.iv)).to.equal(12)
        expect(b64uLength(jwe.tag)).to.equal(16)
        expect(b64uLength(jwe.ciphertext)).to.equal(new TextEncoder().encode(CARD).length)
      })
    }

    it('gives every envelope a unique id and fresh encapsulated keys', async () => {
      const { to } = await profileKeys(profile)
      const a = await seal(CARD, to, claims)
      const b = await seal(CARD, to, claims)
      expect(inspect(a).jti).to.not.equal(inspect(b).jti)
      const encOf = (e: string) => (profile.form === 'compact' ? [e.split('.')[1]] : jsonOf(e).recipients.map((r) => r.header.ek))
      const seen = [...encOf(a), ...encOf(b)]
      expect(new Set(seen).size).to.equal(seen.length)
    })

    it('honours expiresIn and rejects lifetimes out of range', async () => {
      const { to } = await profileKeys(profile)
      const h = inspect(await seal(CARD, to, { ...claims, expiresIn: 60 }, { now: 1_000_000 }))
      expect(h.exp - h.iat).to.equal(60)
      for (const expiresIn of [0, -1, 1.5, LIMITS.maxLifetime + 1]) {
        const e = await rejection(() => seal(CARD, to, { ...claims, expiresIn }))
        expect(e).to.be.instanceOf(SecureFieldsError)
        expect(e.code).to.equal('ERR_INPUT_INVALID')
      }
    })

    it('accepts byte plaintexts and leaves them to the caller', async () => {
      const { to, privates } = await profileKeys(profile)
      const bytes = new TextEncoder().encode(CARD)
      const envelope = await seal(bytes, to, claims)
      expect(text(bytes)).to.equal(CARD)
      expect(text((await open(envelope, privates.at(-1)!)).plaintext)).to.equal(CARD)
    })

    it('reuses imported keys and accepts the imported key objects themselves', async () => {
      const { pairs } = await profileKeys(profile)
      const suite = profile.algs[0]!.startsWith('HPKE-9') ? (await import('../../src/crypto/hpke9.js')).HPKE_9 : (await import('../../src/crypto/suite.js')).HPKE_4
      const senders = await Promise.all(pairs.map((p) => suite.importPublic(p.publicJwk)))
      const recipient = await suite.importPrivate(pairs[0]!.privateJwk)
      expect(await suite.importPrivate(pairs[0]!.privateJwk)).to.equal(recipient)
      const envelope = await seal(CARD, profile.set ? senders : senders[0], claims)
      expect(text((await open(envelope, recipient)).plaintext)).to.equal(CARD)
    })
  })

  describe(`envelope [${profile.name}]: inspect`, () => {
    it('reads the claims and lists the recipients without a key', async () => {
      const { to, pairs } = await profileKeys(profile)
      const h = inspect(await seal(CARD, to, claims, { now: 2_000_000 }))
      expect(h).to.include({ kind: 'card', preview: 'Visa •••• 5556', ctx: 'conversation-42', iat: 2000, exp: 2900, serialization: profile.form })
      expect(h.recipients).to.deep.equal(pairs.map((p, i) => ({ alg: profile.algs[i], kid: p.publicJwk.kid, pq: profile.algs[i]!.startsWith('HPKE-9') })))
    })
  })

  describe(`envelope [${profile.name}]: refusals, each with its code`, () => {
    let envelope: string
    const now = Date.UTC(2026, 0, 1)
    before(async () => {
      envelope = await seal(CARD, (await profileKeys(profile)).to, claims, { now })
    })

    it('expired: at and after exp, for every recipient', async () => {
      const exp = inspect(envelope).exp * 1000
      await forEachRecipient(async (key) => {
        expect((await open(envelope, key, { now: exp - 1000 })).plaintext).to.have.length.greaterThan(0)
        expect((await rejection(() => open(envelope, key, { now: exp }))).code).to.equal('ERR_ENVELOPE_EXPIRED')
        expect((await rejection(() => open(envelope, key, { now: exp + 3600_000 }))).code).to.equal('ERR_ENVELOPE_EXPIRED')
      })
    })

    it('issued in the future beyond the skew allowance, for every recipient', async () => {
      await forEachRecipient(async (key) => {
        expect((await rejection(() => open(envelope, key, { now: now - 120_000 }))).code).to.equal('ERR_ENVELOPE_EXPIRED')
      })
    })

    it('wrong context, for every recipient', async () => {
      await forEachRecipient(async (key) => {
        expect((await rejection(() => open(envelope, key, { now, context: 'conversation-43' }))).code).to.equal('ERR_ENVELOPE_WRONG_CONTEXT')
      })
    })

    it('consent required but absent, or another digest', async () => {
      const { to } = await profileKeys(profile)
      const withConsent = await seal(CARD, to, { ...claims, consent: 'B'.repeat(43) }, { now })
      await forEachRecipient(async (key) => {
        expect((await rejection(() => open(envelope, key, { now, consent: true }))).code).to.equal('ERR_ENVELOPE_CONSENT')
        expect((await rejection(() => open(withConsent, key, { now, consent: 'C'.repeat(43) }))).code).to.equal('ERR_ENVELOPE_CONSENT')
        expect((await open(withConsent, key, { now, consent: 'B'.repeat(43) })).claims.consent).to.equal('B'.repeat(43))
      })
    })

    it('wrong key (no recipient has its kid)', async () => {
      expect((await rejection(async () => open(envelope, await strangerKey(profile), { now }))).code).to.equal('ERR_ENVELOPE_WRONG_KEY')
    })

    it('a key claiming a recipient public key with another private key fails uniformly', async () => {
      const other = (await strangerKey(profile)) as unknown as Record<string, string>
      await forEachRecipient(async (key) => {
        const k = key as unknown as Record<string, string>
        const forged = 'd' in k ? { ...k, d: other.d } : { ...k, priv: other.priv }
        expect((await rejection(() => open(envelope, forged, { now }))).code).to.be.oneOf(['ERR_DECRYPTION_FAILED', 'ERR_KEY_INVALID'])
      })
    })

    it('a key of the other Key Management Mode is refused', async () => {
      const { privates } = await profileKeys(profile)
      const other = profile.form === 'compact' ? `${profile.algs[0]}-KE` : profile.algs[0]!.replace('-KE', '')
      const k = privates[0] as unknown as Record<string, string>
      // X25519: same key, other declared alg (same kid). AKP: the alg is part of the kid.
      const declared = { ...k, alg: other }
      const code = (await rejection(() => open(envelope, declared, { now }))).code
      expect(code).to.equal('d' in k ? 'ERR_ENVELOPE_UNSUPPORTED' : 'ERR_ENVELOPE_WRONG_KEY')
    })

    it('oversized envelopes and plaintexts', async () => {
      const { to, privates } = await profileKeys(profile)
      expect((await rejection(() => open(envelope + 'A'.repeat(LIMITS.envelopeChars), privates[0]))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
      expect((await rejection(() => seal('x'.repeat(LIMITS.plaintextBytes + 1), to, claims))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
      expect((await rejection(() => seal('x', to, { ...claims, preview: 'p'.repeat(65) }))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
      expect((await rejection(() => seal('x', to, { ...claims, context: 'c'.repeat(257) }))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
      // Exactly at the limits is fine.
      const big = await seal('x'.repeat(LIMITS.plaintextBytes), to, { ...claims, preview: 'p'.repeat(64), context: 'c'.repeat(256) }, { now })
      await forEachRecipient(async (key) => {
        expect((await open(big, key, { now })).plaintext).to.have.length(LIMITS.plaintextBytes)
      })
    })

    it('garbage is malformed', async () => {
      const firstPrivate = (await profileKeys(profile)).privates[0]
      const mangled = profile.form === 'compact' ? [envelope.replace(/\./g, ''), `${envelope}.`] : [envelope.slice(0, -1), `${envelope}}`, envelope.replace('"recipients":[', '"recipients":[[],')]
      const garbage: unknown[] = ['', '.', '....', 'a.b.c.d.e', 'eyJ9.AAAA..AAAA.', ...mangled, null, 42, {}, '{', '{}', '[]', '{"protected":"e30"}']
      for (const g of garbage) {
        expect((await rejection(() => open(g as string, firstPrivate, { now }))).code, String(g)).to.equal('ERR_ENVELOPE_MALFORMED')
      }
    })

    it('bad sealing inputs: keys, claims, plaintext types', async () => {
      const { to, pairs, privates } = await profileKeys(profile)
      const pub = pairs[0]!.publicJwk as unknown as Record<string, unknown>
      const akp = pub.kty === 'AKP'
      const badKeys: unknown[] = [
        null,
        {},
        { ...pub, kty: 'EC' },
        akp ? { ...pub, pub: 'AAAA' } : { ...pub, x: 'AAAA' },
        { ...pub, alg: 'HPKE-0' },
        akp ? { ...pub, alg: 'HPKE-4' } : { ...pub, crv: 'P-256' },
        akp ? { ...pub, use: 'sig' } : { ...pub, use: 'sig' },
      ]
      for (const k of badKeys) {
        // A bad key alone, or as one key of a set: either way the key is refused.
        const given = profile.set ? [...(to as unknown[]).slice(1), k] : k
        expect((await rejection(() => seal(CARD, given, claims))).code, JSON.stringify(k)).to.equal('ERR_KEY_INVALID')
      }
      expect((await rejection(() => open(envelope, pub))).code).to.equal('ERR_KEY_INVALID')
      const priv = privates[0] as unknown as Record<string, unknown>
      expect((await rejection(() => open(envelope, akp ? { ...priv, priv: 'short' } : { ...priv, d: 'short' }))).code).to.equal('ERR_KEY_INVALID')
      const badClaims: unknown[] = [{ ...claims, kind: 'Card' }, { ...claims, kind: '' }, { ...claims, context: '' }, { ...claims, context: 'a\nb' }, { ...claims, consent: 'nope' }, null]
      for (const c of badClaims) expect((await rejection(() => seal(CARD, to, c as typeof claims))).code).to.equal('ERR_INPUT_INVALID')
      expect((await rejection(() => seal(42 as unknown as string, to, claims))).code).to.equal('ERR_INPUT_INVALID')
    })

    it('no error message or cause holds the plaintext', async () => {
      const { to, pairs, privates } = await profileKeys(profile)
      const digits = CARD.slice(0, 16)
      const pub = pairs[0]!.publicJwk as unknown as Record<string, unknown>
      const tampered = profile.form === 'compact' ? envelope.slice(0, -3) + 'AA.' : jsonString({ ...jsonOf(envelope), tag: flipB64u(jsonOf(envelope).tag, 0) })
      const failures = [
        rejection(() => open(envelope, privates[0], { now, context: 'other' })),
        rejection(() => open(tampered, privates[0], { now })),
        rejection(() => seal(CARD, { ...pub, x: 'bad', pub: 'bad' }, claims)),
        rejection(() => seal(CARD + 'x'.repeat(5000), to, claims)),
        rejection(() => open(envelope, { ...(privates[0] as object), d: 'bad', priv: 'bad' })),
      ]
      for (const e of await Promise.all(failures)) {
        expect(e).to.be.instanceOf(SecureFieldsError)
        expect(`${e.message} ${String(e.stack)} ${String((e as Error & { cause?: unknown }).cause)}`).to.not.include(digits)
      }
    })
  })

  describe(`envelope [${profile.name}]: tampering`, () => {
    let envelope: string
    const now = Date.UTC(2026, 0, 1)
    const opts = { now, context: 'conversation-42' }
    before(async () => {
      envelope = await seal(CARD, (await profileKeys(profile)).to, claims, { now })
    })

    if (profile.form === 'compact') compactTampering(profile, () => envelope, opts)
    else jsonTampering(profile, () => envelope, opts)
  })
}

/** Compact: flip each byte (or a spread sample, for an X-Wing key) of each segment, and each character. */
function compactTampering(profile: Profile, envelope: () => string, opts: { now: number; context: string }) {
  function flipped(segment: number, byte: number): string {
    const parts = envelope().split('.')
    parts[segment] = flipB64u(parts[segment]!, byte)
    return parts.join('.')
  }

  for (const [segment, name] of [[0, 'protected header'], [1, 'encrypted key'], [3, 'ciphertext']] as const) {
    it(`rejects a flip of each byte of the ${name}`, async () => {
      const { privates } = await profileKeys(profile)
      const codes = new Set<string>()
      for (const i of positions(b64uLength(envelope().split('.')[segment]!))) {
        const e = await rejection(() => open(flipped(segment, i), privates[0], opts))
        expect(e, `byte ${i}`).to.be.instanceOf(SecureFieldsError)
        codes.add(e.code!)
      }
      // The key and the ciphertext are only judged by the cryptography: one uniform code.
      if (segment !== 0) expect([...codes]).to.deep.equal(['ERR_DECRYPTION_FAILED'])
    })
  }

  it('rejects a change of each character of the encoded envelope', async () => {
    const { privates } = await profileKeys(profile)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const env = envelope()
    for (const i of positions(env.length)) {
      if (env[i] === '.') continue
      const replacement = alphabet[(alphabet.indexOf(env[i]!) + 1) % alphabet.length]!
      const e = await rejection(() => open(env.slice(0, i) + replacement + env.slice(i + 1), privates[0], opts))
      expect(e, `char ${i}`).to.be.instanceOf(SecureFieldsError)
    }
  })
}

/**
 * JSON: a change to anything shared (protected header, IV, ciphertext, tag, JWE AAD) fails for
 * every recipient; a change to one recipient's entry fails for that recipient, and the others
 * still open.
 */
function jsonTampering(profile: Profile, envelope: () => string, opts: { now: number; context: string }) {
  const opensFor = async (env: string, key: unknown) => {
    try {
      await open(env, key, opts)
      return 'opened'
    } catch (e) {
      expect(e).to.be.instanceOf(SecureFieldsError)
      return (e as SecureFieldsError).code
    }
  }

  for (const member of ['protected', 'iv', 'ciphertext', 'tag'] as const) {
    it(`a flip of any byte of the shared ${member} fails for every recipient`, async () => {
      const { privates } = await profileKeys(profile)
      const jwe = jsonOf(envelope())
      const codes = new Set<string>()
      for (const i of positions(b64uLength(jwe[member]))) {
        const forged = jsonString({ ...jwe, [member]: flipB64u(jwe[member], i) })
        for (const [r, key] of privates.entries()) {
          const code = await opensFor(forged, key)
          expect(code, `byte ${i}, recipient ${r}`).to.not.equal('opened')
          codes.add(code)
        }
      }
      if (member !== 'protected') expect([...codes]).to.deep.equal(['ERR_DECRYPTION_FAILED'])
    })
  }

  it('a JWE AAD is bound: adding, dropping or changing it fails for every recipient', async () => {
    const { to, privates } = await profileKeys(profile)
    const withAad = await seal(CARD, to, claims, { now: opts.now, aad: new TextEncoder().encode('ticket 7731') })
    const jwe = jsonOf(withAad)
    expect(jwe.aad).to.equal(b64uEncode(new TextEncoder().encode('ticket 7731')))
    const forgeries = [
      jsonString({ ...jwe, aad: flipB64u(jwe.aad!, 0) }),
      jsonString({ ...jwe, aad: b64uEncode(new TextEncoder().encode('ticket 7732')) }),
      jsonString(Object.fromEntries(Object.entries(jwe).filter(([k]) => k !== 'aad')) as typeof jwe),
      jsonString({ ...jsonOf(envelope()), aad: jwe.aad! }),
    ]
    for (const [r, key] of privates.entries()) {
      expect(text((await open(withAad, key, opts)).plaintext), `recipient ${r}`).to.equal(CARD)
      for (const [f, forged] of forgeries.entries()) expect(await opensFor(forged, key), `forgery ${f}, recipient ${r}`).to.equal('ERR_DECRYPTION_FAILED')
    }
  })

  it('a changed claim in the shared header fails for every recipient, even re-encoded cleanly', async () => {
    const { privates } = await profileKeys(profile)
    const jwe = jsonOf(envelope())
    for (const change of [{ preview: 'Visa •••• 0000' }, { ctx: 'conversation-42 ' }, { exp: sharedHeader(jwe).exp as number + 60 }, { kind: 'ssn' }]) {
      const forged = jsonString({ ...jwe, protected: encodeHeader({ ...sharedHeader(jwe), ...change }) })
      for (const key of privates) {
        const code = await open(forged, key, { now: opts.now }).then(() => 'opened', (e: SecureFieldsError) => e.code)
        expect(code, JSON.stringify(change)).to.equal('ERR_DECRYPTION_FAILED')
      }
    }
  })

  for (const part of ['ek', 'encrypted_key'] as const) {
    it(`a flip of any byte of one recipient's ${part} fails for that recipient only`, async () => {
      const { privates } = await profileKeys(profile)
      const jwe = jsonOf(envelope())
      for (const [r, key] of privates.entries()) {
        const value = part === 'ek' ? (jwe.recipients[r]!.header.ek as string) : jwe.recipients[r]!.encrypted_key
        for (const [n, i] of positions(b64uLength(value)).entries()) {
          const recipients = jwe.recipients.map((entry, j) =>
            j !== r ? entry : part === 'ek' ? { ...entry, header: { ...entry.header, ek: flipB64u(value, i) } } : { ...entry, encrypted_key: flipB64u(value, i) },
          )
          const forged = jsonString({ ...jwe, recipients })
          expect(await opensFor(forged, key), `recipient ${r}, byte ${i}`).to.equal('ERR_DECRYPTION_FAILED')
          if (n === 0) {
            for (const [o, other] of privates.entries()) if (o !== r) expect(await opensFor(forged, other), `recipient ${o} beside a forged ${r}`).to.equal('opened')
          }
        }
      }
    })
  }

  it("a changed kid or alg in one recipient's header fails for that recipient only", async () => {
    const { privates } = await profileKeys(profile)
    const jwe = jsonOf(envelope())
    const otherAlg = profile.algs[0] === 'HPKE-9-KE' ? 'HPKE-9' : 'HPKE-4'
    for (const [r, key] of privates.entries()) {
      for (const [change, code] of [[{ kid: b64uEncode(new Uint8Array(32)) }, 'ERR_ENVELOPE_WRONG_KEY'], [{ alg: otherAlg }, 'ERR_ENVELOPE_UNSUPPORTED']] as const) {
        const recipients = jwe.recipients.map((entry, j) => (j === r ? { ...entry, header: { ...entry.header, ...change } } : entry))
        const forged = jsonString({ ...jwe, recipients })
        expect(await opensFor(forged, key), `recipient ${r}, ${JSON.stringify(change)}`).to.equal(code)
        // An entry naming a non-Key-Encryption alg makes the whole envelope unsupported; a changed
        // kid only hides that one recipient.
        if ('kid' in change) {
          for (const [o, other] of privates.entries()) if (o !== r) expect(await opensFor(forged, other)).to.equal('opened')
        }
      }
    }
  })

  it("swapping two recipients' encrypted keys fails for both", async () => {
    const { privates } = await profileKeys(profile)
    const jwe = jsonOf(envelope())
    const recipients = jwe.recipients.map((entry, j) => (j === 0 ? { ...entry, encrypted_key: jwe.recipients[1]!.encrypted_key } : j === 1 ? { ...entry, encrypted_key: jwe.recipients[0]!.encrypted_key } : entry))
    const forged = jsonString({ ...jwe, recipients })
    expect(await opensFor(forged, privates[0])).to.equal('ERR_DECRYPTION_FAILED')
    expect(await opensFor(forged, privates[1])).to.equal('ERR_DECRYPTION_FAILED')
    expect(await opensFor(forged, privates[2])).to.equal('opened')
  })
}

describe('envelope [HPKE-4, compact]: the profile\'s own refusals', () => {
  let envelope: string
  const now = Date.UTC(2026, 0, 1)
  before(async () => {
    envelope = await seal(CARD, (await testKeys()).publicJwk, claims, { now })
  })
  const openIt = async (env: string, opts = {}) => open(env, (await testKeys()).privateJwk, { now, ...opts })
  const withHeader = (change: Record<string, unknown>) => {
    const [h, ...rest] = envelope.split('.')
    const header = { ...JSON.parse(new TextDecoder().decode(b64uDecode(h!)!)), ...change }
    return [b64uEncode(new TextEncoder().encode(JSON.stringify(header))), ...rest].join('.')
  }

  it('an enc header (key encryption mode) is unsupported', async () => {
    expect((await rejection(() => openIt(withHeader({ enc: 'A128GCM' })))).code).to.equal('ERR_ENVELOPE_UNSUPPORTED')
  })

  it('another alg is unsupported, and so is a Key Encryption alg in a compact envelope', async () => {
    expect((await rejection(() => openIt(withHeader({ alg: 'HPKE-0' })))).code).to.equal('ERR_ENVELOPE_UNSUPPORTED')
    expect((await rejection(() => openIt(withHeader({ alg: 'HPKE-4-KE' })))).code).to.equal('ERR_ENVELOPE_UNSUPPORTED')
    expect((await rejection(() => openIt(withHeader({ ek: 'AAAA' })))).code).to.equal('ERR_ENVELOPE_UNSUPPORTED')
  })

  it('a non-empty IV or tag is malformed', async () => {
    const p = envelope.split('.')
    const withIv = [p[0], p[1], 'AAAAAAAAAAAAAAAA', p[3], p[4]].join('.')
    const withTag = [p[0], p[1], p[2], p[3], 'AAAAAAAAAAAAAAAAAAAAAA'].join('.')
    expect((await rejection(() => openIt(withIv))).code).to.equal('ERR_ENVELOPE_MALFORMED')
    expect((await rejection(() => openIt(withTag))).code).to.equal('ERR_ENVELOPE_MALFORMED')
  })

  it('a compact envelope carries no JWE AAD', async () => {
    expect((await rejection(async () => seal(CARD, (await testKeys()).publicJwk, claims, { aad: new Uint8Array(1) }))).code).to.equal('ERR_INPUT_INVALID')
  })
})

describe('envelope: wiping', () => {
  it('zeroes the UTF-8 buffer of a string plaintext after sealing, and after a failed seal', async () => {
    const { publicJwk } = await testKeys()
    const set = [(await generateKeyPair({ alg: 'HPKE-4-KE' })).publicJwk, (await generateKeyPair({ alg: 'HPKE-4-KE' })).publicJwk]
    const made: Uint8Array[] = []
    const original = TextEncoder.prototype.encode
    TextEncoder.prototype.encode = function (this: TextEncoder, input?: string) {
      const out = original.call(this, input)
      if (input === CARD) made.push(out)
      return out
    }
    try {
      await seal(CARD, publicJwk, claims)
      await seal(CARD, set, claims)
      await rejection(() => seal(CARD, { kty: 'OKP', crv: 'X25519', x: 'bad' }, claims))
      await rejection(() => seal(CARD, [...set, { kty: 'OKP', crv: 'X25519', x: 'bad' }], claims))
    } finally {
      TextEncoder.prototype.encode = original
    }
    expect(made).to.have.length(4)
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
