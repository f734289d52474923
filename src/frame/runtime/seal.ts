/**
 * Sealing inside a field frame: the one place plaintext becomes an envelope. One X25519 key (the
 * common case) seals with the small sender-only `HPKE_4_WEB` suite and the compact envelope;
 * anything else — a key set, a Key Encryption or post-quantum key — loads `seal-set.ts` (and the
 * post-quantum suite only when a key needs it), so a page that never configures one never
 * downloads that code. The encoded bytes are wiped on every path.
 *
 * @module
 */
import { sealWithSuite } from '../../crypto/seal-with-suite.js'
import { HPKE_4_WEB } from '../../crypto/suite.js'
import { utf8, wipe } from '../../crypto/bytes.js'
import type { FrameClaims, Recipients } from './recipients.js'

export type { FrameClaims, Recipients } from './recipients.js'

/** One X25519 JWK for Integrated Encryption: the compact envelope, with no extra code. */
function isOneX25519Key(value: unknown): boolean {
  const jwk = value as Record<string, unknown> | null
  return typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk) && jwk.kty === 'OKP' && (jwk.alg === undefined || jwk.alg === 'HPKE-4')
}

/**
 * Imports and checks the configured key or key set (a JWK, a JWKS or an array of JWKs).
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`, `ERR_RECIPIENTS_INVALID`
 */
export async function importRecipients(value: unknown): Promise<Recipients> {
  if (isOneX25519Key(value)) {
    const key = await HPKE_4_WEB.importPublic(value)
    return { kids: [key.kid], pq: false, seal: (bytes, claims) => sealWithSuite(HPKE_4_WEB, bytes, key, claims) }
  }
  return (await import('./seal-set.js')).importKeySet(value)
}

/** Seals `plaintext` to `recipients`; the UTF-8 copy is zeroed before this returns or throws. */
export async function sealValue(plaintext: string, recipients: Recipients, claims: FrameClaims): Promise<string> {
  const bytes = utf8(plaintext)
  try {
    return await recipients.seal(bytes, claims)
  } finally {
    wipe(bytes)
  }
}
