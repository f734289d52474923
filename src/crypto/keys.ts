/**
 * `generateKeyPair`: a recipient key pair as JWKs.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { algorithmInfo, type KeyAlgorithm } from './algorithms.js'
import { HPKE_9 } from './defaults.js'
import { HPKE_4, type Suite } from './suite.js'
import type { AkpPrivateJwk, AkpPublicJwk, AnyPrivateJwk, AnyPublicJwk, PrivateJwk, PublicJwk } from './jwk.js'

/** Options of {@link generateKeyPair}. */
export interface KeyPairOptions {
  /**
   * The key's algorithm, which fixes its suite and its Key Management Mode:
   * `HPKE-4` (default; X25519, compact envelopes), `HPKE-4-KE` (X25519, for envelopes with
   * several recipients), `HPKE-9` (post-quantum hybrid MLKEM768-X25519, compact), `HPKE-9-KE`
   * (post-quantum, several recipients).
   */
  alg?: KeyAlgorithm
  /** The implementation to generate with (default: picked from `alg`). */
  suite?: Suite
}

/**
 * Generates a recipient key pair. The public JWK goes into the elements' `public-key` attribute
 * (alone, or in a key set); the private JWK stays with the recipient (file mode 0600, a secrets
 * manager, an HSM export).
 *
 * @returns `{ privateJwk, publicJwk }`, each with `kid` = RFC 7638 thumbprint and the `alg`: X25519
 *   `OKP` JWKs (RFC 8037) for `HPKE-4`/`HPKE-4-KE`, `AKP` JWKs (RFC 9964) for `HPKE-9`/`HPKE-9-KE`
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` for an unknown `alg`
 */
export function generateKeyPair(options?: { alg?: 'HPKE-4' | 'HPKE-4-KE'; suite?: Suite }): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }>
export function generateKeyPair(options: { alg: 'HPKE-9' | 'HPKE-9-KE'; suite?: Suite }): Promise<{ privateJwk: AkpPrivateJwk; publicJwk: AkpPublicJwk }>
export function generateKeyPair(options?: KeyPairOptions): Promise<{ privateJwk: AnyPrivateJwk; publicJwk: AnyPublicJwk }>
export async function generateKeyPair(options: KeyPairOptions = {}): Promise<{ privateJwk: AnyPrivateJwk; publicJwk: AnyPublicJwk }> {
  const alg = options.alg ?? options.suite?.alg ?? 'HPKE-4'
  const info = algorithmInfo(alg)
  if (!info) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `Unknown alg "${String(alg)}": use HPKE-4, HPKE-4-KE, HPKE-9 or HPKE-9-KE.`)
  const suite = options.suite?.alg === info.family ? options.suite : info.family === 'HPKE-9' ? HPKE_9 : HPKE_4
  return suite.generate(alg)
}
