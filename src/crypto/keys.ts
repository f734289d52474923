/**
 * `generateKeyPair`: a recipient key pair as JWKs.
 *
 * @module
 */
import { HPKE_4, type Suite } from './suite.js'
import type { PrivateJwk, PublicJwk } from './jwk.js'

/**
 * Generates a recipient key pair. The public JWK goes into the elements' `public-key` attribute;
 * the private JWK stays with the recipient (file mode 0600, a secrets manager, an HSM export).
 *
 * @returns `{ privateJwk, publicJwk }`, each with `kid` = RFC 7638 thumbprint and `alg: "HPKE-4"`
 */
export async function generateKeyPair(options: { suite?: Suite } = {}): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  return (options.suite ?? HPKE_4).generate()
}
