import { expect } from 'chai'
import { CipherSuite, type KEM, type KEMFactory, type Key } from 'hpke'
import { KEM_MLKEM768_X25519, KDF_HKDF_SHA256, KDF_SHAKE256, AEAD_ChaCha20Poly1305 } from '@panva/hpke-noble'
import { MLKEM768X25519 } from '@noble/post-quantum/hybrid.js'
import { HPKE_9 } from '../../src/crypto/hpke9.js'
import { hex, loadVectorJson, toHex } from '../support/vectors.js'

interface Vector {
  mode: number
  kem_id: number
  kdf_id: number
  aead_id: number
  info: string
  ikmR: string
  ikmE: string
  skRm: string
  pkRm: string
  enc: string
  shared_secret: string
  encryptions: Array<{ aad: string; ct: string; pt: string }>
  exports: Array<{ exporter_context: string; L: number; exported_value: string }>
}

/**
 * The HPKE working group's vectors for MLKEM768-X25519 (draft-ietf-hpke-pq-04, test/vectors/README.md):
 * with HKDF-SHA256 and with SHAKE256 — the KDF of HPKE-9 — both with ChaCha20-Poly1305. They
 * check the KEM and the key schedule HPKE_9 uses; the JOSE draft's examples check its AEAD.
 */
describe('HPKE working group test vectors: MLKEM768-X25519 (KEM 0x647a)', () => {
  let vectors: Vector[]
  before(async () => {
    vectors = await loadVectorJson<Vector[]>('hpke-pq-04-mlkem768-x25519.json')
  })

  it('HPKE_9 is KEM 0x647a, KDF SHAKE256 (0x0011), AEAD AES-256-GCM (0x0002), with the draft sizes', () => {
    const { KEM, KDF, AEAD } = HPKE_9.hpke
    expect([KEM.id, KDF.id, AEAD.id]).to.deep.equal([0x647a, 0x0011, 0x0002])
    expect([KEM.Nsecret, KEM.Nenc, KEM.Npk, KEM.Nsk]).to.deep.equal([32, 1120, 1216, 32])
    expect(vectors.map((v) => [v.kem_id, v.kdf_id, v.aead_id, v.mode])).to.deep.equal([[0x647a, 0x0001, 0x0003, 0], [0x647a, 0x0011, 0x0003, 0]])
  })

  for (const [kdfId, kdfName, kdf] of [[0x0001, 'HKDF-SHA256', KDF_HKDF_SHA256], [0x0011, 'SHAKE256 (HPKE-9)', KDF_SHAKE256]] as const) {
    describe(`with ${kdfName}`, () => {
      const vector = () => vectors.find((v) => v.kdf_id === kdfId)!
      // The same factories HPKE_9 is made of, with the vector's AEAD.
      const suite = new CipherSuite(KEM_MLKEM768_X25519, kdf, AEAD_ChaCha20Poly1305)

      it('DeriveKeyPair(ikmR) gives skRm and pkRm', async () => {
        const pair = await suite.DeriveKeyPair(hex(vector().ikmR), true)
        expect(toHex(await suite.SerializePublicKey(pair.publicKey))).to.equal(vector().pkRm)
        expect(toHex(await suite.SerializePrivateKey(pair.privateKey))).to.equal(vector().skRm)
      })

      it('the recipient with skRm opens every ciphertext and derives every export', async () => {
        const v = vector()
        const ctx = await suite.SetupRecipient(await suite.DeserializePrivateKey(hex(v.skRm), false), hex(v.enc), { info: hex(v.info) })
        expect(v.encryptions.length).to.be.greaterThan(1)
        for (const [seq, e] of v.encryptions.entries()) expect(toHex(await ctx.Open(hex(e.ct), hex(e.aad))), `encryption ${seq}`).to.equal(e.pt)
        for (const x of v.exports) expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
      })

      it('the sender with ikmE produces enc, the shared secret, every ciphertext and every export', async () => {
        const v = vector()
        // Test hook: the KEM's encapsulation with the vector's randomness (ML-KEM m and the X25519
        // ephemeral seed, 64 bytes), through @noble/post-quantum's deterministic encapsulate.
        const kem = KEM_MLKEM768_X25519()
        const fixed: KEMFactory<Key> = () => ({
          ...kem,
          async Encap(pkR) {
            const { cipherText, sharedSecret } = MLKEM768X25519.encapsulate(await kem.SerializePublicKey(pkR), hex(v.ikmE))
            expect(toHex(sharedSecret)).to.equal(v.shared_secret)
            return { shared_secret: sharedSecret, enc: cipherText }
          },
        }) as Readonly<KEM<Key>>
        const sender = new CipherSuite(fixed, kdf, AEAD_ChaCha20Poly1305)
        const { encapsulatedSecret, ctx } = await sender.SetupSender(await sender.DeserializePublicKey(hex(v.pkRm)), { info: hex(v.info) })
        expect(toHex(encapsulatedSecret)).to.equal(v.enc)
        for (const [seq, e] of v.encryptions.entries()) expect(toHex(await ctx.Seal(hex(e.pt), hex(e.aad))), `encryption ${seq}`).to.equal(e.ct)
        for (const x of v.exports) expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
      })
    })
  }
})
