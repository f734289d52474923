import { expect } from 'chai'
import { CipherSuite, HkdfSha256 } from '@hpke/core'
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519'
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305'
import { XWing } from '@hpke/hybridkem-x-wing'
import { CipherSuite as HpkeCipherSuite } from 'hpke'
import { KEM_MLKEM768_X25519, KDF_HKDF_SHA256, AEAD_ChaCha20Poly1305 } from '@panva/hpke-noble'
import { seal, open, thumbprint, generateKeyPair } from '../../src/crypto/index.js'
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

/**
 * Several recipients: JSON envelopes of HPKE-4-KE (draft-ietf-jose-hpke-encrypt-20 §6), with the
 * @hpke family doing each recipient's HPKE (info = Recipient_structure) and WebCrypto AES-GCM the
 * content, through the minimal codec above.
 */
describe('interop, several recipients (HPKE-4-KE) with @hpke/core', () => {
  const info = Uint8Array.from([...'JOSE-HPKE rcpt'].map((c) => c.charCodeAt(0)).concat(0xff, ...[...'A256GCM'].map((c) => c.charCodeAt(0)), 0xff))
  const aesGcm = async (cek: Uint8Array, usage: 'encrypt' | 'decrypt') => crypto.subtle.importKey('raw', cek as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [usage])

  it('@hpke/core opens, for each recipient, the JSON envelopes we seal', async () => {
    const keys = await Promise.all([0, 1, 2].map(() => generateKeyPair({ alg: 'HPKE-4-KE' })))
    const jwe = JSON.parse(await seal('6011111111111117', keys.map((k) => k.publicJwk), { kind: 'card', context: 'c-3', preview: '' }))
    for (const [i, k] of keys.entries()) {
      const entry = jwe.recipients[i]
      expect(entry.header).to.include({ alg: 'HPKE-4-KE', kid: k.publicJwk.kid })
      const recipientKey = await other.kem.importKey('jwk', { ...k.privateJwk }, false)
      const recipient = await other.createRecipientContext({ recipientKey, enc: fromB64u(entry.header.ek), info })
      const cek = new Uint8Array(await recipient.open(fromB64u(entry.encrypted_key)))
      const sealed = Uint8Array.from([...fromB64u(jwe.ciphertext), ...fromB64u(jwe.tag)])
      const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64u(jwe.iv), additionalData: asciiOf(jwe.protected) }, await aesGcm(cek, 'decrypt'), sealed)
      expect(new TextDecoder().decode(pt)).to.equal('6011111111111117')
    }
  })

  it('we open, with each recipient key, JSON envelopes that @hpke/core and WebCrypto seal', async () => {
    const keys = await Promise.all([0, 1].map(() => generateKeyPair({ alg: 'HPKE-4-KE' })))
    const now = Math.floor(Date.now() / 1000)
    const header = { enc: 'A256GCM', typ: 'secure-fields+jwe', kind: 'ssn', preview: '•••-••-6789', ctx: 'c-4', iat: now, exp: now + 60, jti: 'BBBBBBBBBBBBBBBBBBBBBB' }
    const protectedB64 = toB64u(new TextEncoder().encode(JSON.stringify(header)))
    const cek = crypto.getRandomValues(new Uint8Array(32))
    const recipients = await Promise.all(
      keys.map(async (k) => {
        const recipientPublicKey = await other.kem.importKey('jwk', { kty: 'OKP', crv: 'X25519', x: k.publicJwk.x }, true)
        const sender = await other.createSenderContext({ recipientPublicKey, info })
        return { header: { alg: 'HPKE-4-KE', kid: k.publicJwk.kid, ek: toB64u(new Uint8Array(sender.enc)) }, encrypted_key: toB64u(new Uint8Array(await sender.seal(cek))) }
      }),
    )
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: asciiOf(protectedB64) }, await aesGcm(cek, 'encrypt'), new TextEncoder().encode('123456789')))
    const jwe = JSON.stringify({ protected: protectedB64, recipients, iv: toB64u(iv), ciphertext: toB64u(sealed.slice(0, -16)), tag: toB64u(sealed.slice(-16)) })
    for (const k of keys) {
      const { plaintext, claims } = await open(jwe, k.privateJwk, { context: 'c-4' })
      expect(new TextDecoder().decode(plaintext)).to.equal('123456789')
      expect(claims).to.include({ alg: 'HPKE-4-KE', kid: k.publicJwk.kid, kind: 'ssn' })
    }
  })
})

/**
 * The post-quantum KEM against @hpke/hybridkem-x-wing, an independent X-Wing implementation (its
 * own ML-KEM, `mlkem`). @hpke/core has no SHAKE256 KDF, so the HPKE-9 suite itself cannot be run
 * there: the KEM is checked both ways on its own, and the whole HPKE stack around it both ways
 * with the HKDF-SHA256 / ChaCha20-Poly1305 suite the HPKE working group also publishes vectors for.
 */
describe('interop, post-quantum KEM (MLKEM768-X25519) with @hpke/hybridkem-x-wing', () => {
  const theirs = new XWing()
  const ours = KEM_MLKEM768_X25519()

  it('the same 32-byte private seed gives the same 1216-byte public key', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair({ alg: 'HPKE-9' })
    const sk = await theirs.deserializePrivateKey(fromB64u(privateJwk.priv))
    const pk = (await theirs.importKey('raw', fromB64u(publicJwk.pub).buffer as ArrayBuffer, true)) as CryptoKey
    expect(toB64u(new Uint8Array(await theirs.serializePublicKey(pk)))).to.equal(publicJwk.pub)
    expect(toB64u(new Uint8Array(await theirs.serializePrivateKey(sk)))).to.equal(privateJwk.priv)
  })

  it('their encapsulation decapsulates with our KEM, and ours with theirs, to the same secret', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair({ alg: 'HPKE-9' })
    const theirPk = await theirs.deserializePublicKey(fromB64u(publicJwk.pub))
    const theirSk = await theirs.deserializePrivateKey(fromB64u(privateJwk.priv))
    const ourPk = await ours.DeserializePublicKey(fromB64u(publicJwk.pub))
    const ourSk = await ours.DeserializePrivateKey(fromB64u(privateJwk.priv), false)
    for (let i = 0; i < 3; i++) {
      const a = await theirs.encap({ recipientPublicKey: theirPk })
      expect(toB64u(await ours.Decap(new Uint8Array(a.enc), ourSk, undefined))).to.equal(toB64u(new Uint8Array(a.sharedSecret)))
      const b = await ours.Encap(ourPk)
      expect(toB64u(new Uint8Array(await theirs.decap({ enc: b.enc, recipientKey: theirSk })))).to.equal(toB64u(b.shared_secret))
    }
  })

  it('a tampered ML-KEM or X25519 part decapsulates to unrelated secrets on both sides', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair({ alg: 'HPKE-9' })
    const ourSk = await ours.DeserializePrivateKey(fromB64u(privateJwk.priv), false)
    const theirSk = await theirs.deserializePrivateKey(fromB64u(privateJwk.priv))
    const { enc, shared_secret } = await ours.Encap(await ours.DeserializePublicKey(fromB64u(publicJwk.pub)))
    for (const at of [0, 1087, 1119]) {
      const forged = enc.slice()
      forged[at]! ^= 1
      const a = toB64u(await ours.Decap(forged, ourSk, undefined))
      expect(a).to.not.equal(toB64u(shared_secret))
      expect(toB64u(new Uint8Array(await theirs.decap({ enc: forged, recipientKey: theirSk })))).to.equal(a)
    }
  })

  it('HPKE with X-Wing, HKDF-SHA256, ChaCha20-Poly1305: @hpke/core opens what hpke seals, and back', async () => {
    const theirSuite = new CipherSuite({ kem: new XWing(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() })
    const ourSuite = new HpkeCipherSuite(KEM_MLKEM768_X25519, KDF_HKDF_SHA256, AEAD_ChaCha20Poly1305)
    const { privateJwk, publicJwk } = await generateKeyPair({ alg: 'HPKE-9' })
    const aad = asciiOf('protected')
    const ours1 = await ourSuite.Seal(await ourSuite.DeserializePublicKey(fromB64u(publicJwk.pub)), new TextEncoder().encode('to them'), { aad })
    const recipientKey = await theirSuite.kem.deserializePrivateKey(fromB64u(privateJwk.priv))
    expect(new TextDecoder().decode(await theirSuite.open({ recipientKey, enc: ours1.encapsulatedSecret }, ours1.ciphertext, aad))).to.equal('to them')
    const recipientPublicKey = await theirSuite.kem.deserializePublicKey(fromB64u(publicJwk.pub))
    const theirs1 = await theirSuite.seal({ recipientPublicKey }, new TextEncoder().encode('to us'), aad)
    const sk = await ourSuite.DeserializePrivateKey(fromB64u(privateJwk.priv), false)
    expect(new TextDecoder().decode(await ourSuite.Open(sk, new Uint8Array(theirs1.enc), new Uint8Array(theirs1.ct), { aad }))).to.equal('to us')
  })
})
