/**
 * Sealing inside a field frame: the one place plaintext becomes an envelope. Uses the small
 * sender-only `HPKE_4_WEB` suite and wipes the encoded bytes on every path.
 *
 * @module
 */
import { sealWithSuite } from '../../crypto/seal-with-suite.js'
import { HPKE_4_WEB } from '../../crypto/suite.js'
import type { SenderKey } from '../../crypto/jwk.js'
import { utf8, wipe } from '../../crypto/bytes.js'

/** Claims the frame puts in an envelope. */
export interface FrameClaims {
  kind: string
  context: string
  preview: string
  consent?: string
  expiresIn?: number
  /** The size the plaintext is padded to (see `src/crypto/padding.ts`). */
  padTo: number
}

/** Imports and checks the configured recipient key; throws `ERR_KEY_INVALID`. */
export function importRecipient(jwk: unknown): Promise<SenderKey> {
  return HPKE_4_WEB.importPublic(jwk)
}

/** Seals `plaintext` to `key`; the UTF-8 copy is zeroed before this returns or throws. */
export async function sealValue(plaintext: string, key: SenderKey, claims: FrameClaims): Promise<string> {
  const bytes = utf8(plaintext)
  try {
    return await sealWithSuite(HPKE_4_WEB, bytes, key, claims)
  } finally {
    wipe(bytes)
  }
}
