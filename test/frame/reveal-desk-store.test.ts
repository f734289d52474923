import { expect } from 'chai'
import { DeskStore, storedKeyForm, type DeskRecord } from '../../src/frame/reveal/desk-store.js'

describe('frame/reveal: the desk store (IndexedDB)', () => {
  let store: DeskStore
  before(async () => {
    store = await DeskStore.open()
  })
  after(() => store.close())

  const jti = () => crypto.randomUUID().replace(/-/g, '')

  it('records a revealed id once: the second of two racing records loses', async () => {
    const id = jti()
    const exp = Math.floor(Date.now() / 1000) + 600
    expect(await store.wasRevealed(id)).to.equal(false)
    expect(await Promise.all([store.markRevealed(id, exp), store.markRevealed(id, exp)])).to.have.members([true, false])
    expect(await store.markRevealed(id, exp)).to.equal(false)
    expect(await store.wasRevealed(id)).to.equal(true)
  })

  it('forgets ids a minute after their envelopes expired, keeps the others', async () => {
    const now = Math.floor(Date.now() / 1000)
    const old = jti()
    const recent = jti()
    await store.markRevealed(old, now - 120)
    await store.markRevealed(recent, now - 30)
    await store.prune(now)
    expect(await store.wasRevealed(old)).to.equal(false)
    expect(await store.wasRevealed(recent)).to.equal(true)
  })

  it('keeps a desk record with its CryptoKeys opaque, and tells wrapped from usable keys', async () => {
    const x25519 = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair
    const ecdsa = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const base = {
      desk: `store-test-${jti()}`,
      publicJwk: { kty: 'OKP' as const, crv: 'X25519' as const, x: 'A'.repeat(43), kid: 'B'.repeat(43) },
      credential: { id: new Uint8Array(16).buffer, publicKey: ecdsa.publicKey, signCount: 1, rpId: 'fields.localhost', prf: false },
      created: Date.now(),
    }
    const device: DeskRecord = { ...base, key: { type: 'crypto-key', key: x25519.privateKey } }
    await store.put(device)
    const back = await store.get(device.desk)
    expect(back!.key.type === 'crypto-key' && back!.key.key.extractable).to.equal(false)
    expect(storedKeyForm(back)).to.equal('crypto-key')
    const z = new ArrayBuffer(32)
    const wrapped: DeskRecord = { ...base, desk: `${base.desk}-w`, key: { type: 'wrapped', wrapped: new ArrayBuffer(48), iv: z, prfSalt: z, hkdfSalt: z } }
    await store.put(wrapped)
    expect(storedKeyForm(await store.get(wrapped.desk))).to.equal('wrapped')
    // A record that claims to be wrapped but carries a private key is not "wrapped".
    expect(storedKeyForm({ ...wrapped, key: { ...wrapped.key, key: x25519.privateKey } as never })).to.equal('crypto-key')
    expect(storedKeyForm(undefined)).to.equal('none')
  })

  it('adds a desk record only once: of two tabs enrolling one desk at once, the first key stays', async () => {
    const ecdsa = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const record = (x: string): DeskRecord => ({
      desk: `add-test-${jti()}`,
      publicJwk: { kty: 'OKP', crv: 'X25519', x, kid: x },
      credential: { id: new Uint8Array(16).buffer, publicKey: ecdsa.publicKey, signCount: 0, rpId: 'fields.localhost', prf: false },
      key: { type: 'wrapped', wrapped: new ArrayBuffer(48), iv: new ArrayBuffer(12), prfSalt: new ArrayBuffer(32), hkdfSalt: new ArrayBuffer(32) },
      created: Date.now(),
    })
    const first = record('A'.repeat(43))
    const second = { ...record('C'.repeat(43)), desk: first.desk }
    expect(await Promise.all([store.add(first), store.add(second)])).to.deep.equal([true, false])
    expect((await store.get(first.desk))!.publicJwk.kid).to.equal('A'.repeat(43))
  })
})
