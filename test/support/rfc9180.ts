import { expect } from 'chai'
import { CipherSuite, MODE_BASE, MODE_PSK, type AEADFactory, type KDFFactory, type KeyPair } from 'hpke'
import { createX25519Kem, type X25519Key } from '../../src/crypto/x25519-kem.js'
import { createHpke4Suite } from '../../src/crypto/suite.js'
import { KDF_HKDF_SHA256 } from '../../src/crypto/hkdf-sha256.js'
import { AEAD_CHACHA20_POLY1305 } from '../../src/crypto/chacha20poly1305.js'
import { hex, loadVectorJson, toHex } from './vectors.js'

interface Vector {
  mode: number
  info: string
  ikmR: string
  ikmE: string
  skRm: string
  pkRm: string
  enc: string
  psk?: string
  psk_id?: string
  encryptions: Array<{ aad: string; ct: string; pt: string }>
  exports: Array<{ exporter_context: string; L: number; exported_value: string }>
}

// RFC 9180 Appendix A.2 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305). The `hpke`
// package exposes the base (0) and psk (1) modes; auth (2) and auth_psk (3) are not part of its API
// and are not used by JOSE-HPKE, so only 0 and 1 run.
const EXPOSED_MODES = [MODE_BASE, MODE_PSK] as number[]

/** Runs every RFC 9180 vector of the exposed modes against an HPKE-4 suite built from `kdf` and `aead`. */
export function describeRfc9180(name: string, kdf: KDFFactory, aead: AEADFactory): void {
  describe(`RFC 9180 test vectors: ${name}`, () => {
    let vectors: Vector[]
    const suite = createHpke4Suite(kdf, aead).hpke
    before(async () => {
      vectors = (await loadVectorJson<Vector[]>('rfc9180-x25519-sha256-chacha20poly1305.json')).filter((v) => EXPOSED_MODES.includes(v.mode))
    })

    it('has the suite ids of HPKE-4 (KEM 0x0020, KDF 0x0001, AEAD 0x0003) and vectors for modes 0 and 1', () => {
      expect([suite.KEM.id, suite.KDF.id, suite.AEAD.id]).to.deep.equal([0x0020, 0x0001, 0x0003])
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
          const pair = await suite.DeriveKeyPair(hex(vector().ikmR), true)
          expect(toHex(await suite.SerializePublicKey(pair.publicKey))).to.equal(vector().pkRm)
          expect(toHex(await suite.SerializePrivateKey(pair.privateKey))).to.equal(vector().skRm)
        })

        it('the sender with ikmE produces enc, every ciphertext and every export', async () => {
          const v = vector()
          // Fix the ephemeral key to the vector's ikmE (test hook of the KEM).
          const kem = createX25519Kem({ kdf: kdf(), ephemeral: () => suite.DeriveKeyPair(hex(v.ikmE), false) as Promise<KeyPair<X25519Key>> })
          const sender = new CipherSuite<X25519Key>(kem, kdf, aead)
          const { encapsulatedSecret, ctx } = await sender.SetupSender(await sender.DeserializePublicKey(hex(v.pkRm)), options())
          expect(toHex(encapsulatedSecret)).to.equal(v.enc)
          expect(v.encryptions.length).to.be.greaterThan(1)
          for (const [seq, e] of v.encryptions.entries()) {
            expect(toHex(await ctx.Seal(hex(e.pt), hex(e.aad))), `encryption ${seq}`).to.equal(e.ct)
          }
          for (const x of v.exports) expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
        })

        it('the recipient with skRm opens every ciphertext and derives every export', async () => {
          const v = vector()
          const skR = await suite.DeserializePrivateKey(hex(v.skRm), false)
          const ctx = await suite.SetupRecipient(skR, hex(v.enc), options())
          for (const [seq, e] of v.encryptions.entries()) {
            expect(toHex(await ctx.Open(hex(e.ct), hex(e.aad))), `encryption ${seq}`).to.equal(e.pt)
          }
          for (const x of v.exports) expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
        })
      })
    }
  })
}

/**
 * Runs the sender side of every RFC 9180 vector of the exposed modes against a sender-only cipher
 * suite as it ships, made by `make` with the vector's ephemeral key pair (derived from `ikmE`).
 */
export function describeRfc9180Sender(name: string, make: (ephemeral: () => Promise<KeyPair<X25519Key>>) => CipherSuite<X25519Key>): void {
  describe(`RFC 9180 test vectors, sender side: ${name}`, () => {
    let vectors: Vector[]
    // Only to derive the vectors' key pairs: the suite under test has no DeriveKeyPair.
    const full = createHpke4Suite(KDF_HKDF_SHA256, AEAD_CHACHA20_POLY1305).hpke
    before(async () => {
      vectors = (await loadVectorJson<Vector[]>('rfc9180-x25519-sha256-chacha20poly1305.json')).filter((v) => EXPOSED_MODES.includes(v.mode))
    })

    it('has the suite ids of HPKE-4 (KEM 0x0020, KDF 0x0001, AEAD 0x0003) and refuses the recipient side', async () => {
      const suite = make(() => Promise.reject(new Error('unused')))
      expect([suite.KEM.id, suite.KDF.id, suite.AEAD.id]).to.deep.equal([0x0020, 0x0001, 0x0003])
      const skR = await full.DeserializePrivateKey(hex(vectors[0]!.skRm), false)
      let refused = false
      await suite.SetupRecipient(skR as never, hex(vectors[0]!.enc)).catch(() => (refused = true))
      expect(refused, 'a sender-only suite opens nothing').to.equal(true)
    })

    for (const mode of EXPOSED_MODES) {
      it(`mode ${mode}: with ikmE it produces enc, every ciphertext and every export`, async () => {
        const v = vectors.find((x) => x.mode === mode)!
        const suite = make(() => full.DeriveKeyPair(hex(v.ikmE), false) as Promise<KeyPair<X25519Key>>)
        const options = { info: hex(v.info), ...(v.psk ? { psk: hex(v.psk), pskId: hex(v.psk_id!) } : {}) }
        const { encapsulatedSecret, ctx } = await suite.SetupSender(await suite.DeserializePublicKey(hex(v.pkRm)), options)
        expect(toHex(encapsulatedSecret)).to.equal(v.enc)
        expect(v.encryptions.length).to.be.greaterThan(1)
        for (const [seq, e] of v.encryptions.entries()) {
          expect(toHex(await ctx.Seal(hex(e.pt), hex(e.aad))), `encryption ${seq}`).to.equal(e.ct)
        }
        for (const x of v.exports) expect(toHex(await ctx.Export(hex(x.exporter_context), x.L))).to.equal(x.exported_value)
      })
    }
  })
}
