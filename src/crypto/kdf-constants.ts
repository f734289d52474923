/**
 * A KDF wrapper that computes the key schedule's two public constants once. In RFC 9180 §5.1,
 * every base-mode context with an empty `info` (which JOSE-HPKE Integrated Encryption always uses)
 * starts with `psk_id_hash = LabeledExtract("", "psk_id_hash", "")` and
 * `info_hash = LabeledExtract("", "info_hash", "")`: the same two values for every envelope of a
 * suite. Remembering them saves a quarter of the hashing of an open. Only inputs equal, byte for
 * byte, to those public constants are remembered — never anything derived from a secret.
 *
 * @module
 */
import type { KDF, KDFFactory } from 'hpke'
import { concatBytes, utf8 } from './bytes.js'

const I2OSP2 = (n: number) => Uint8Array.of(n >> 8, n & 0xff)

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Wraps `factory` for the suite (`kem`, `kdf`, `aead` ids) so the two constant extracts are
 * computed once per process.
 */
export function withConstantExtracts(factory: KDFFactory, ids: { kem: number; kdf: number; aead: number }): KDFFactory {
  // RFC 9180 §5.1: suite_id = concat("HPKE", I2OSP(kem_id, 2), I2OSP(kdf_id, 2), I2OSP(aead_id, 2)).
  const suiteId = concatBytes(utf8('HPKE'), I2OSP2(ids.kem), I2OSP2(ids.kdf), I2OSP2(ids.aead))
  // RFC 9180 §4: labeled_ikm = concat("HPKE-v1", suite_id, label, ikm), here with an empty ikm.
  const constants = ['psk_id_hash', 'info_hash'].map((label) => concatBytes(utf8('HPKE-v1'), suiteId, utf8(label)))
  const results: Array<Uint8Array | undefined> = [undefined, undefined]
  return () => {
    const base = factory()
    const kdf: KDF = {
      id: base.id,
      type: base.type,
      name: base.name,
      Nh: base.Nh,
      stages: base.stages,
      Expand: (prk, info, L) => base.Expand(prk, info, L),
      Derive: (ikm, L) => base.Derive(ikm, L),
      async Extract(salt, ikm) {
        if (salt.length === 0) {
          const i = constants.findIndex((c) => equal(c, ikm))
          if (i >= 0) {
            results[i] ??= await base.Extract(salt, ikm)
            return results[i]!.slice()
          }
        }
        return base.Extract(salt, ikm)
      },
    }
    return kdf
  }
}
