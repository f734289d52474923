import { expect } from 'chai'
import { CipherSuite, MODE_BASE, MODE_PSK } from 'hpke'
import { KDF_HKDF_SHA256, AEAD_ChaCha20Poly1305 } from '@panva/hpke-noble'
import { createX25519Kem, KEM_X25519_HKDF_SHA256, type X25519Key } from '../../src/crypto/x25519-kem.js'
import { HPKE_4 } from '../../src/crypto/suite.js'
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
  pkEm: string
  enc: string
  shared_secret: string
  psk?: string
  psk_id?: string
  encryptions: Array<{ aad: string; ct: string; nonce: string; pt: string }>
  exports: Array<{ exporter_context: string; L: number; exported_value: string }>
}

// RFC 9180 Appendix A.2 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305). The `hpke`
// package exposes the base (0) and psk (1) modes; auth (2) and auth_psk (3) are not part of its API
// and are not used by JOSE-HPKE, so only 0 and 1 run here.
const EXPOSED_MODES = [MODE_BASE, MODE_PSK] as number[]

describe('RFC 9180 test vectors for the HPKE-4 suite', () => {
  let vectors: Vector[]
  before(async () => {
    vectors = (await loadVectorJson<Vector[]>('rfc9180-x25519-sha256-chacha20poly1305.json')).filter((v) =>
      EXPOSED_MODES.includes(v.mode),
    )
  })

  it('has the suite ids of HPKE-4 (KEM 0x0020, KDF 0x0001, AEAD 0x0003)', () => {
    expect(HPKE_4.hpke.KEM.id).to.equal(0x0020)
    expect(HPKE_4.hpke.KDF.id).to.equal(0x0001)
    expect(HPKE_4.hpke.AEAD.id).to.equal(0x0003)
    expect(vectors.map((v) => v.mode).sort()).to.deep.equal([0, 1])
  })

  for (const mode of EXPOSED_MODES) {
    describe(`mode ${mode}`, () => {
      const vector = () => vectors.find((v) => v.mode === mode)!
      const options = () => ({
        info: hex(vector().info),
        ...(vector().psk ? { psk: hex(vector().psk!), pskId: hex(vector().psk_id!) } : {}),
      })

      it('DeriveKeyPair(ikmR) gives skRm and pkRm (RFC 9180 §7.1.3)', async () => {
        const v = vector()
        const suite = HPKE_4.hpke
        const pair = await suite.DeriveKeyPair(hex(v.ikmR), true)
        expect(toHex(await suite.SerializePublicKey(pair.publicKey))).to.equal(v.pkRm)
        expect(toHex(await suite.SerializePrivateKey(pair.privateKey))).to.equal(v.skRm)
      })

      it('the sender with ikmE produces enc and every ciphertext', async () => {
        const v = vector()
        // Fix the ephemeral key to the vector's ikmE (test hook of the KEM).
        const kem = createX25519Kem({ ephemeral: () => KEM_X25519_HKDF_SHA256().DeriveKeyPair(hex(v.ikmE), false) })
        const suite = new CipherSuite<X25519Key>(kem, KDF_HKDF_SHA256, AEAD_ChaCha20Poly1305)
        const pkR = await suite.DeserializePublicKey(hex(v.pkRm))
        const { encapsulatedSecret, ctx } = await suite.SetupSender(pkR, options())
        expect(toHex(encapsulatedSecret)).to.equal(v.enc)
        expect(v.encryptions.length).to.be.greaterThan(1)
        for (const [seq, e] of v.encryptions.entries()) {
          const ct = await ctx.Seal(hex(e.pt), hex(e.aad))
          expect(toHex(ct), `encryption ${seq}`).to.equal(e.ct)
        }
        for (const x of v.exports) {
          expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
        }
      })

      it('the recipient with skRm opens every ciphertext and derives every export', async () => {
        const v = vector()
        const suite = HPKE_4.hpke
        const skR = await suite.DeserializePrivateKey(hex(v.skRm), false)
        const ctx = await suite.SetupRecipient(skR, hex(v.enc), options())
        for (const [seq, e] of v.encryptions.entries()) {
          expect(toHex(await ctx.Open(hex(e.ct), hex(e.aad))), `encryption ${seq}`).to.equal(e.pt)
        }
        for (const x of v.exports) {
          expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
        }
      })
    })
  }
})
