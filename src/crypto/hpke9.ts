/**
 * `HPKE_9`: the post-quantum/traditional hybrid suite of draft-ietf-jose-hpke-pq-pqt-01 §3 —
 * `HPKE-9` (Integrated Encryption) and `HPKE-9-KE` (Key Encryption):
 *
 * - KEM MLKEM768-X25519 ("X-Wing", 0x647a, draft-ietf-hpke-pq-04 §3.2): ML-KEM-768 and X25519
 *   combined with SHA3-256, secure while either half is; from `@panva/hpke-noble`, which runs
 *   `@noble/post-quantum` (WebCrypto has no ML-KEM yet);
 * - KDF SHAKE256 (0x0011, a one-stage KDF, draft-ietf-hpke-pq-04 §5), from `@panva/hpke-noble`;
 * - AEAD AES-256-GCM (0x0002) through WebCrypto (`aes256gcm.ts`).
 *
 * The draft registers no X-Wing suite with ChaCha20-Poly1305 (earlier individual drafts had one,
 * `HPKE-11`, withdrawn before adoption), so this suite uses AES-256-GCM as the draft does.
 *
 * Pure: no DOM, no Node built-ins. Loaded on demand (`resolve.ts`), so code that only ever meets
 * X25519 keys never bundles or parses the post-quantum code.
 *
 * @module
 */
import { CipherSuite, type Key } from 'hpke'
import { KEM_MLKEM768_X25519, KDF_SHAKE256 } from '@panva/hpke-noble'
import { ALGORITHMS } from './algorithms.js'
import { AEAD_AES_256_GCM } from './aes256gcm.js'
import { generateAkpJwks, generateAkpSeed, importAkpPrivate, importAkpPublic, recipientFromSeed as fromSeed } from './akp.js'
import type { AkpPrivateJwk, AkpPublicJwk, RecipientKey } from './jwk.js'
import type { Suite } from './suite.js'

const SIZES = ALGORITHMS['HPKE-9']!

/** `HPKE-9` / `HPKE-9-KE`: MLKEM768-X25519, SHAKE256, AES-256-GCM. Keys are `AKP` JWKs. */
export const HPKE_9: Suite & { generate(alg?: string): Promise<{ privateJwk: AkpPrivateJwk; publicJwk: AkpPublicJwk }> } = /* @__PURE__ */ (() => {
  const suite: Suite & { generate(alg?: string): Promise<{ privateJwk: AkpPrivateJwk; publicJwk: AkpPublicJwk }> } = {
    alg: 'HPKE-9',
    keAlg: 'HPKE-9-KE',
    pq: true,
    hpke: new CipherSuite(KEM_MLKEM768_X25519, KDF_SHAKE256, AEAD_AES_256_GCM) as CipherSuite<Key>,
    importPublic: (jwk) => importAkpPublic(jwk, suite, SIZES.Npk),
    importPrivate: (jwk) => importAkpPrivate(jwk, suite, SIZES),
    generate: (alg = 'HPKE-9') => generateAkpJwks(suite, alg),
  }
  return suite
})()

/**
 * Makes an `HPKE_9` {@link RecipientKey} from the 32-byte seed and the public JWK, for a key that
 * is stored wrapped (a reveal desk's). Checks that the seed belongs to the public key; the caller
 * wipes `seed`.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export function recipientFromSeed(seed: Uint8Array, publicJwk: AkpPublicJwk): Promise<RecipientKey> {
  return fromSeed(seed, publicJwk, HPKE_9)
}

/**
 * Generates an `HPKE_9` key pair for `alg` (`HPKE-9` or `HPKE-9-KE`) as its public JWK and the
 * 32-byte private seed, for a key that is stored wrapped. The caller wipes `seed`.
 */
export function generateSeed(alg: 'HPKE-9' | 'HPKE-9-KE'): Promise<{ publicJwk: AkpPublicJwk; seed: Uint8Array }> {
  return generateAkpSeed(HPKE_9, alg)
}
