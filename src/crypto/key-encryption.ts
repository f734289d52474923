/**
 * HPKE Key Encryption (draft-ietf-jose-hpke-encrypt-20 §6): HPKE seals a random Content
 * Encryption Key to each recipient, and the content is encrypted once with that CEK.
 *
 * - HPKE info = Recipient_structure (§6.1) = ASCII("JOSE-HPKE rcpt") || 0xFF ||
 *   ASCII(enc) || 0xFF || recipient_extra_info (empty here); HPKE aad = empty; HPKE plaintext = CEK.
 * - The recipient's JWE Encrypted Key is the HPKE ciphertext; the header parameter `ek` is the
 *   base64url HPKE encapsulated secret (§2.1).
 * - Content: `enc` = A256GCM (RFC 7518 §5.3) with aad = ASCII(protected) or
 *   ASCII(protected || "." || BASE64URL(JWE AAD)) (§7.1 step 15).
 *
 * Every failure of the cryptography is the one uniform `ERR_DECRYPTION_FAILED`.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { ascii, concatBytes, utf8, wipe } from './bytes.js'
import { CONTENT_ENC } from './algorithms.js'
import type { RecipientKey, SenderKey } from './jwk.js'

/** CEK, IV and tag sizes of A256GCM (RFC 7518 §5.3: 256-bit key, 96-bit IV, 128-bit tag). */
export const A256GCM = { cek: 32, iv: 12, tag: 16 } as const

/** §6.1 Recipient_structure with an empty recipient_extra_info. */
export function recipientStructure(enc: string = CONTENT_ENC): Uint8Array {
  return concatBytes(utf8('JOSE-HPKE rcpt'), Uint8Array.of(0xff), ascii(enc), Uint8Array.of(0xff))
}

const failed = () => new SecureFieldsError(ErrorCodes.DECRYPTION_FAILED, 'The envelope could not be decrypted.')

/** A fresh random CEK for A256GCM (§7.1 step 2: one CEK for all recipients). */
export function newCek(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(A256GCM.cek))
}

/** HPKE-seals `cek` to one recipient (§7.1 step 4); returns `ek` and the JWE Encrypted Key. */
export async function wrapCek(recipient: SenderKey, cek: Uint8Array): Promise<{ ek: Uint8Array; encryptedKey: Uint8Array }> {
  // RFC 9180 §6.1 SealBase(pkR, info = Recipient_structure, aad = "", pt = CEK).
  const { encapsulatedSecret, ciphertext } = await recipient.suite.hpke.Seal(recipient.key, cek, { info: recipientStructure() })
  return { ek: encapsulatedSecret, encryptedKey: ciphertext }
}

/**
 * HPKE-opens one recipient's CEK (§7.2 step 10). The CEK must be A256GCM's length.
 *
 * @throws {@link SecureFieldsError} `ERR_DECRYPTION_FAILED`
 */
export async function unwrapCek(recipient: RecipientKey, ek: Uint8Array, encryptedKey: Uint8Array, enc: string = CONTENT_ENC): Promise<Uint8Array> {
  let cek: Uint8Array
  try {
    cek = await recipient.suite.hpke.Open(recipient.key, ek, encryptedKey, { info: recipientStructure(enc) })
  } catch {
    throw failed()
  }
  if (cek.length !== A256GCM.cek) {
    wipe(cek)
    throw failed()
  }
  return cek
}

async function aesKey(cek: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', cek as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, [usage])
}

/** A256GCM content encryption (§7.1 step 16); a fresh random IV. */
export async function encryptContent(cek: Uint8Array, plaintext: Uint8Array, aad: string): Promise<{ iv: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array }> {
  const iv = crypto.getRandomValues(new Uint8Array(A256GCM.iv))
  const key = await aesKey(cek, 'encrypt')
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ascii(aad) as Uint8Array<ArrayBuffer>, tagLength: 128 }, key, plaintext as Uint8Array<ArrayBuffer>),
  )
  const cut = sealed.length - A256GCM.tag
  return { iv, ciphertext: sealed.slice(0, cut), tag: sealed.slice(cut) }
}

/**
 * A256GCM content decryption (§7.2 step 17): nothing is returned unless the tag verifies.
 *
 * @throws {@link SecureFieldsError} `ERR_DECRYPTION_FAILED`
 */
export async function decryptContent(cek: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: string): Promise<Uint8Array> {
  if (iv.length !== A256GCM.iv || tag.length !== A256GCM.tag) throw failed()
  const sealed = concatBytes(ciphertext, tag)
  try {
    const key = await aesKey(cek, 'decrypt')
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: ascii(aad) as Uint8Array<ArrayBuffer>, tagLength: 128 }, key, sealed))
  } catch {
    throw failed()
  } finally {
    wipe(sealed)
  }
}
