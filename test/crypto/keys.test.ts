import { expect } from 'chai'
import { generateKeyPair, thumbprint, publicJwkOf, seal, open } from '../../src/crypto/index.js'
import { b64uDecode } from '../../src/crypto/bytes.js'
import { rejection } from '../support/keys.js'

describe('keys', () => {
  it('generateKeyPair gives X25519 JWKs with kid = RFC 7638 thumbprint and alg HPKE-4', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair()
    expect(publicJwk).to.include({ kty: 'OKP', crv: 'X25519', alg: 'HPKE-4', use: 'enc' })
    expect(publicJwk).to.not.have.property('d')
    expect(b64uDecode(publicJwk.x)).to.have.length(32)
    expect(b64uDecode(privateJwk.d)).to.have.length(32)
    expect(publicJwk.kid).to.equal(await thumbprint(publicJwk))
    expect(privateJwk.kid).to.equal(publicJwk.kid)
  })

  it('thumbprint hashes exactly {"crv","kty","x"} (RFC 7638 §3.2)', async () => {
    // Independent computation with WebCrypto over the canonical JSON.
    const { publicJwk } = await generateKeyPair()
    const canonical = JSON.stringify({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x })
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)))
    const expected = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    expect(await thumbprint(publicJwk)).to.equal(expected)
  })

  it('each pair is fresh and only its own private key opens what is sealed to it', async () => {
    const a = await generateKeyPair()
    const b = await generateKeyPair()
    expect(a.publicJwk.x).to.not.equal(b.publicJwk.x)
    const envelope = await seal('x', a.publicJwk, { kind: 'text', context: 'c' })
    expect(new TextDecoder().decode((await open(envelope, a.privateJwk)).plaintext)).to.equal('x')
  })

  it('publicJwkOf drops the private scalar', async () => {
    const { privateJwk } = await generateKeyPair()
    const pub = publicJwkOf(privateJwk)
    expect(pub).to.not.have.property('d')
    expect(pub.kid).to.equal(privateJwk.kid)
  })
})

describe('keys: algorithms', () => {
  it('generateKeyPair({ alg }) makes X25519 keys for HPKE-4 and HPKE-4-KE', async () => {
    for (const alg of ['HPKE-4', 'HPKE-4-KE'] as const) {
      const { publicJwk, privateJwk } = await generateKeyPair({ alg })
      expect(publicJwk).to.include({ kty: 'OKP', crv: 'X25519', alg, use: 'enc' })
      expect(b64uDecode(privateJwk.d)).to.have.length(32)
    }
  })

  it('generateKeyPair({ alg }) makes AKP keys (RFC 9964) for HPKE-9 and HPKE-9-KE, kid over {"alg","kty","pub"}', async () => {
    for (const alg of ['HPKE-9', 'HPKE-9-KE'] as const) {
      const { publicJwk, privateJwk } = await generateKeyPair({ alg })
      expect(publicJwk).to.include({ kty: 'AKP', alg })
      expect(publicJwk).to.not.have.property('priv')
      // draft-ietf-hpke-pq-04: MLKEM768-X25519 public keys are 1216 bytes, private keys a 32-byte seed.
      expect(b64uDecode(publicJwk.pub)).to.have.length(1216)
      expect(b64uDecode(privateJwk.priv)).to.have.length(32)
      const canonical = JSON.stringify({ alg, kty: 'AKP', pub: publicJwk.pub })
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)))
      const expected = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
      expect(publicJwk.kid).to.equal(expected)
      expect(await thumbprint(publicJwk)).to.equal(expected)
      expect(publicJwkOf(privateJwk)).to.deep.equal(publicJwk)
    }
  })

  it('the same key material under HPKE-9 and HPKE-9-KE has two kids (the alg is part of an AKP key)', async () => {
    const { publicJwk } = await generateKeyPair({ alg: 'HPKE-9' })
    expect(await thumbprint({ ...publicJwk, alg: 'HPKE-9-KE' })).to.not.equal(publicJwk.kid)
  })

  it('an unknown alg is refused', async () => {
    for (const alg of ['HPKE-0', 'HPKE-10', 'ECDH-ES', '']) {
      expect((await rejection(() => generateKeyPair({ alg: alg as 'HPKE-4' }))).code).to.equal('ERR_INPUT_INVALID')
    }
  })

  it('an AKP private key whose seed does not belong to its pub is refused at import', async () => {
    const a = await generateKeyPair({ alg: 'HPKE-9' })
    const b = await generateKeyPair({ alg: 'HPKE-9' })
    const envelope = await seal('x', a.publicJwk, { kind: 'text', context: 'c' })
    expect((await rejection(() => open(envelope, { ...a.privateJwk, priv: b.privateJwk.priv }))).code).to.equal('ERR_KEY_INVALID')
    expect(new TextDecoder().decode((await open(envelope, a.privateJwk)).plaintext)).to.equal('x')
  })

  it('an AKP key of a family this library does not speak is refused', async () => {
    const { publicJwk } = await generateKeyPair({ alg: 'HPKE-9' })
    for (const alg of ['HPKE-8', 'HPKE-4', 'ML-KEM-768', undefined]) {
      expect((await rejection(() => seal('x', { ...publicJwk, alg }, { kind: 'text', context: 'c' }))).code, String(alg)).to.equal('ERR_KEY_INVALID')
    }
  })
})
