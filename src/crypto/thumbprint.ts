/**
 * `thumbprint`: the RFC 7638 thumbprint that serves as `kid`, for every key type this library
 * speaks. SHA-256 over the key's required members in lexicographic order, no white space: an
 * X25519 `OKP` key hashes `{"crv","kty","x"}` (§3.2), an `AKP` key (RFC 9964) `{"alg","kty","pub"}`
 * — its `alg` is part of its identity.
 *
 * @module
 */
import { akpThumbprint } from './akp.js'
import { x25519Thumbprint, type PublicJwk } from './jwk.js'

/** The thumbprint of an X25519 key (`{ x }` suffices) or of an `AKP` key (`{ kty, alg, pub }`). */
export function thumbprint(jwk: Pick<PublicJwk, 'x'> | { kty: 'AKP'; alg: string; pub: string }): Promise<string> {
  return 'pub' in jwk ? akpThumbprint(jwk) : x25519Thumbprint(jwk)
}
