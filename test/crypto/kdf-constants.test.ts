import { expect } from 'chai'
import type { KDF, KDFFactory } from 'hpke'
import { KDF_HKDF_SHA256 } from '@panva/hpke-noble'
import { withConstantExtracts } from '../../src/crypto/kdf-constants.js'
import { concatBytes, utf8 } from '../../src/crypto/bytes.js'

function counting(): { factory: KDFFactory; calls: () => number } {
  let calls = 0
  const factory: KDFFactory = () => {
    const base = KDF_HKDF_SHA256()
    return { ...base, Extract: (salt: Uint8Array, ikm: Uint8Array) => (calls++, base.Extract(salt, ikm)) } as KDF
  }
  return { factory, calls: () => calls }
}

const suiteId = concatBytes(utf8('HPKE'), Uint8Array.of(0, 0x20, 0, 1, 0, 3))
const labeled = (label: string, ikm = new Uint8Array(0)) => concatBytes(utf8('HPKE-v1'), suiteId, utf8(label), ikm)

describe('withConstantExtracts', () => {
  it('computes each public constant of the key schedule once, with the same result', async () => {
    const { factory, calls } = counting()
    const kdf = withConstantExtracts(factory, { kem: 0x20, kdf: 1, aead: 3 })()
    const expected = await KDF_HKDF_SHA256().Extract(new Uint8Array(0), labeled('psk_id_hash'))
    for (let i = 0; i < 3; i++) expect(await kdf.Extract(new Uint8Array(0), labeled('psk_id_hash'))).to.deep.equal(expected)
    await kdf.Extract(new Uint8Array(0), labeled('info_hash'))
    await kdf.Extract(new Uint8Array(0), labeled('info_hash'))
    expect(calls()).to.equal(2)
  })

  it('never remembers anything else: other inputs, non-empty salts, secrets', async () => {
    const { factory, calls } = counting()
    const kdf = withConstantExtracts(factory, { kem: 0x20, kdf: 1, aead: 3 })()
    const secret = crypto.getRandomValues(new Uint8Array(32))
    await kdf.Extract(new Uint8Array(0), labeled('eae_prk', secret))
    await kdf.Extract(new Uint8Array(0), labeled('eae_prk', secret))
    await kdf.Extract(secret, labeled('secret'))
    await kdf.Extract(secret, labeled('secret'))
    await kdf.Extract(new Uint8Array(1), labeled('psk_id_hash'))
    await kdf.Extract(new Uint8Array(0), labeled('info_hash', utf8('non-empty info')))
    expect(calls()).to.equal(6)
  })

  it('hands out copies: a caller wiping its result does not corrupt the next one', async () => {
    const kdf = withConstantExtracts(KDF_HKDF_SHA256, { kem: 0x20, kdf: 1, aead: 3 })()
    const a = await kdf.Extract(new Uint8Array(0), labeled('info_hash'))
    const copy = a.slice()
    a.fill(0)
    expect(await kdf.Extract(new Uint8Array(0), labeled('info_hash'))).to.deep.equal(copy)
  })
})
