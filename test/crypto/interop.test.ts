import { expect } from 'chai'
import { CipherSuite, HkdfSha256 } from '@hpke/core'
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519'
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305'
import { seal, open, thumbprint } from '../../src/crypto/index.js'
import { testKeys } from '../support/keys.js'

// An independent HPKE implementation (the @hpke family) and an independent, minimal JWE codec
// written here with atob/btoa, so neither side of the interop shares our code.
const other = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() })
const toB64u = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const fromB64u = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
const asciiOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('interop with an independent HPKE implementation (@hpke/core)', () => {
  it('@hpke/core opens envelopes we seal', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const envelope = await seal('6011111111111117', publicJwk, { kind: 'card', context: 'c-1', preview: 'Discover •••• 1117' })
    const [protectedB64, ek, iv, ct, tag] = envelope.split('.') as [string, string, string, string, string]
    expect([iv, tag]).to.deep.equal(['', ''])
    const recipientKey = await other.kem.importKey('jwk', { ...privateJwk }, false)
    const pt = await other.open({ recipientKey, enc: fromB64u(ek) }, fromB64u(ct), asciiOf(protectedB64))
    expect(new TextDecoder().decode(pt)).to.equal('6011111111111117')
  })

  it('we open JWEs that @hpke/core seals', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const now = Math.floor(Date.now() / 1000)
    const header = {
      alg: 'HPKE-4',
      kid: await thumbprint(publicJwk),
      typ: 'secure-fields+jwe',
      kind: 'ssn',
      preview: '•••-••-6789',
      ctx: 'c-2',
      iat: now,
      exp: now + 60,
      jti: 'AAAAAAAAAAAAAAAAAAAAAA',
    }
    const protectedB64 = toB64u(new TextEncoder().encode(JSON.stringify(header)))
    const recipientPublicKey = await other.kem.importKey('jwk', { kty: 'OKP', crv: 'X25519', x: publicJwk.x }, true)
    const { ct, enc } = await other.seal({ recipientPublicKey }, new TextEncoder().encode('123-45-6789'), asciiOf(protectedB64))
    const jwe = `${protectedB64}.${toB64u(new Uint8Array(enc))}..${toB64u(new Uint8Array(ct))}.`
    const { plaintext, claims } = await open(jwe, privateJwk, { context: 'c-2' })
    expect(new TextDecoder().decode(plaintext)).to.equal('123-45-6789')
    expect(claims.kind).to.equal('ssn')
  })

  it('a JWE sealed with another aad does not open (the header is what @hpke/core authenticated)', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const now = Math.floor(Date.now() / 1000)
    const header = { alg: 'HPKE-4', kid: await thumbprint(publicJwk), typ: 'secure-fields+jwe', kind: 'ssn', preview: '', ctx: 'c', iat: now, exp: now + 60, jti: 'AAAAAAAAAAAAAAAAAAAAAA' }
    const protectedB64 = toB64u(new TextEncoder().encode(JSON.stringify(header)))
    const recipientPublicKey = await other.kem.importKey('jwk', { kty: 'OKP', crv: 'X25519', x: publicJwk.x }, true)
    const { ct, enc } = await other.seal({ recipientPublicKey }, new TextEncoder().encode('x'), asciiOf(protectedB64 + 'A'))
    const jwe = `${protectedB64}.${toB64u(new Uint8Array(enc))}..${toB64u(new Uint8Array(ct))}.`
    let code: string | undefined
    try {
      await open(jwe, privateJwk)
    } catch (e) {
      code = (e as { code?: string }).code
    }
    expect(code).to.equal('ERR_DECRYPTION_FAILED')
  })
})
