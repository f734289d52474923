import { expect } from 'chai'
import { b64uEncode, utf8 } from '../../src/crypto/bytes.js'
import { derToRaw, ECDSA_P256, FLAGS, verifyAssertion, type AssertionExpectation, type AssertionResponse } from '../../src/frame/reveal/assertion.js'

const RP_ID = 'fields.localhost'
const ORIGIN = 'http://fields.localhost:9065'

/** IEEE P1363 r||s → ASN.1 DER, as authenticators send it (minimal integers, sign byte when needed). */
function rawToDer(raw: Uint8Array): Uint8Array {
  const int = (bytes: Uint8Array) => {
    let i = 0
    while (i < bytes.length - 1 && bytes[i] === 0) i++
    const body = bytes[i]! & 0x80 ? [0, ...bytes.subarray(i)] : [...bytes.subarray(i)]
    return [0x02, body.length, ...body]
  }
  const seq = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))]
  return Uint8Array.from([0x30, seq.length, ...seq])
}

const sha256 = async (b: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', b))

interface Parts {
  rpId?: string
  flags?: number
  signCount?: number
  type?: string
  challenge?: Uint8Array
  origin?: string
  signer?: CryptoKey
  tamper?: boolean
}

describe('frame/reveal: WebAuthn assertion verification (§7.2)', () => {
  let pair: CryptoKeyPair
  let other: CryptoKeyPair
  const credentialId = crypto.getRandomValues(new Uint8Array(16)).buffer
  const challenge = crypto.getRandomValues(new Uint8Array(32))

  before(async () => {
    pair = (await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify'])) as CryptoKeyPair
    other = (await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify'])) as CryptoKeyPair
  })

  /** An authenticator's response, made here with the test key; `parts` changes one thing. */
  async function respond(parts: Parts = {}): Promise<AssertionResponse> {
    const count = parts.signCount ?? 7
    const authData = new Uint8Array(37)
    authData.set(await sha256(utf8(parts.rpId ?? RP_ID)))
    authData[32] = parts.flags ?? FLAGS.UP | FLAGS.UV
    new DataView(authData.buffer).setUint32(33, count)
    const clientData = utf8(JSON.stringify({ type: parts.type ?? 'webauthn.get', challenge: b64uEncode(parts.challenge ?? challenge), origin: parts.origin ?? ORIGIN, crossOrigin: true }))
    const signed = new Uint8Array([...authData, ...(await sha256(clientData))])
    const raw = new Uint8Array(await crypto.subtle.sign(ECDSA_P256, parts.signer ?? pair.privateKey, signed))
    if (parts.tamper) authData[36] = authData[36]! ^ 1
    return { credentialId, clientDataJSON: clientData.buffer, authenticatorData: authData.buffer, signature: rawToDer(raw).slice().buffer }
  }

  const expected = (more: Partial<AssertionExpectation> = {}): AssertionExpectation => ({
    challenge,
    origin: ORIGIN,
    rpId: RP_ID,
    credentialId,
    publicKey: pair.publicKey,
    signCount: 3,
    ...more,
  })

  async function code(response: Promise<AssertionResponse>, expectation = expected()): Promise<string | undefined> {
    try {
      await verifyAssertion(await response, expectation)
    } catch (e) {
      return (e as { code?: string }).code
    }
    return undefined
  }

  it('accepts a good assertion and returns the new signature counter', async () => {
    expect(await verifyAssertion(await respond({ signCount: 8 }), expected())).to.equal(8)
  })

  it('requires user verification and user presence in the flags', async () => {
    expect(await code(respond({ flags: FLAGS.UP }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond({ flags: FLAGS.UV }))).to.equal('ERR_STEP_UP_FAILED')
  })

  it('requires our RP id, challenge, origin and ceremony type', async () => {
    expect(await code(respond({ rpId: 'evil.localhost' }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond({ challenge: new Uint8Array(32) }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond({ origin: 'http://localhost:8300' }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond({ type: 'webauthn.create' }))).to.equal('ERR_STEP_UP_FAILED')
  })

  it('requires the signature of the enrolled credential over exactly these bytes', async () => {
    expect(await code(respond({ signer: other.privateKey }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond({ tamper: true }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond(), expected({ credentialId: new Uint8Array(16).buffer }))).to.equal('ERR_STEP_UP_FAILED')
  })

  it('refuses a signature counter that does not increase, unless both are zero', async () => {
    expect(await code(respond({ signCount: 3 }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await code(respond({ signCount: 2 }))).to.equal('ERR_STEP_UP_FAILED')
    expect(await verifyAssertion(await respond({ signCount: 0 }), expected({ signCount: 0 }))).to.equal(0)
  })

  it('converts DER signatures to r||s: sign bytes dropped, short integers padded, malformed refused', () => {
    const r = new Uint8Array(32).fill(0x80)
    const s = new Uint8Array(32)
    s[31] = 5
    const raw = new Uint8Array([...r, ...s])
    const der = rawToDer(raw)
    expect(der[3]).to.equal(33) // r carries a sign byte
    expect([...derToRaw(der)]).to.deep.equal([...raw])
    for (const bad of [der.slice(0, -1), Uint8Array.from([0x31, ...der.subarray(1)]), Uint8Array.from([...der, 0]), new Uint8Array(0)]) {
      expect(() => derToRaw(bad)).to.throw().with.property('code', 'ERR_STEP_UP_FAILED')
    }
  })
})
