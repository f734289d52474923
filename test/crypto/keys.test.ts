import { expect } from 'chai'
import { generateKeyPair, thumbprint, publicJwkOf, seal, open } from '../../src/crypto/index.js'
import { b64uDecode } from '../../src/crypto/bytes.js'

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
