/**
 * `recipientFromCryptoKey`: an X25519 recipient key from a WebCrypto `CryptoKey` that never
 * leaves WebCrypto — a reveal desk's key, kept non-extractable in IndexedDB.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { algsOf, checkPublic, x25519Thumbprint, type PublicJwk, type RecipientKey } from './jwk.js'
import { HPKE_4, type Suite } from './suite.js'
import { x25519PrivateFromCryptoKey, type X25519Key } from './x25519.js'

/**
 * Makes a {@link RecipientKey} from a WebCrypto X25519 private key and its public JWK. The key
 * opens with `suite` (default `HPKE_4`).
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function recipientFromCryptoKey(privateKey: CryptoKey, publicJwk: PublicJwk, suite: Suite = HPKE_4): Promise<RecipientKey> {
  const { x, publicBytes, alg } = checkPublic(publicJwk, algsOf(suite))
  let key: X25519Key
  try {
    key = x25519PrivateFromCryptoKey(privateKey, publicBytes)
  } catch {
    throw new SecureFieldsError(ErrorCodes.KEY_INVALID, 'Invalid X25519 JWK: expected an X25519 private CryptoKey.')
  }
  return { kid: await x25519Thumbprint({ x }), alg, key, suite }
}
