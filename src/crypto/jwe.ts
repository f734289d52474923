/**
 * JWE Compact Serialization with HPKE Integrated Encryption (draft-ietf-jose-hpke-encrypt §5):
 *
 *   BASE64URL(protected) . BASE64URL(enc) . "" . BASE64URL(ciphertext) . ""
 *
 * The JWE Encrypted Key is the HPKE encapsulated secret, the IV and the tag are empty (the HPKE
 * ciphertext carries its own tag), the HPKE aad is the ASCII of the encoded protected header
 * (RFC 7516 §5.1 step 14), and the HPKE info is empty. No `enc` header: the `alg` alone names the
 * whole suite. This module parses and decrypts any such JWE, with or without our claims.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { ascii, b64uDecode, fromUtf8 } from './bytes.js'
import { algorithmInfo, type AlgorithmInfo } from './algorithms.js'
import { LIMITS } from './header.js'
import type { Suite } from './suite.js'
import type { RecipientKey } from './jwk.js'

/** The decoded parts of a compact JWE of this profile. */
export interface ParsedJwe {
  /** The encoded protected header, exactly as received: its ASCII is the HPKE aad. */
  protectedB64: string
  /** The decoded protected header. */
  header: Record<string, unknown>
  /** The HPKE encapsulated secret (JWE Encrypted Key). */
  enc: Uint8Array
  /** The HPKE ciphertext, tag included. */
  ciphertext: Uint8Array
  /** What the library knows about the header's `alg`. */
  info: AlgorithmInfo
}

const malformed = (why: string) => new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, `Malformed envelope: ${why}.`)

/** Header members this profile forbids: each names a JWE mode or feature Integrated Encryption does not use. */
const FORBIDDEN = ['enc', 'zip', 'crit', 'epk', 'iv', 'tag', 'p2s', 'p2c', 'apu', 'apv', 'ek', 'psk_id'] as const

/** Decodes the protected header segment (RFC 7516 §5.2 steps 2–4). */
export function decodeHeader(segment: string): Record<string, unknown> {
  const bytes = b64uDecode(segment)
  if (!bytes || bytes.length === 0) throw malformed('the protected header is not base64url')
  let header: unknown
  try {
    header = JSON.parse(fromUtf8(bytes))
  } catch {
    throw malformed('the protected header is not UTF-8 JSON')
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw malformed('the protected header is not a JSON object')
  }
  return header as Record<string, unknown>
}

/**
 * Splits and decodes a compact JWE and checks the profile's shape: five segments, empty IV and tag,
 * a JSON object header naming an Integrated Encryption `alg` of this library (`HPKE-4`,
 * `HPKE-9`), no forbidden member, an encapsulated secret of that KEM's size.
 *
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_TOO_LARGE`, `ERR_ENVELOPE_MALFORMED`,
 *   `ERR_ENVELOPE_UNSUPPORTED`
 */
export function parseCompact(envelope: unknown): ParsedJwe {
  if (typeof envelope !== 'string') throw malformed('an envelope is a string')
  if (envelope.length > LIMITS.envelopeChars) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Envelope is longer than ${LIMITS.envelopeChars} characters.`)
  }
  const parts = envelope.split('.')
  if (parts.length !== 5) throw malformed('a JWE Compact Serialization has five segments')
  const [protectedB64, encB64, iv, ciphertextB64, tag] = parts as [string, string, string, string, string]
  // draft-ietf-jose-hpke-encrypt §5: Integrated Encryption leaves the JWE IV and tag empty.
  if (iv !== '') throw malformed('the IV segment must be empty')
  if (tag !== '') throw malformed('the tag segment must be empty')
  const header = decodeHeader(protectedB64)
  const info = algorithmInfo(header.alg)
  // A compact envelope of this profile is Integrated Encryption (draft §5); Key Encryption comes
  // as a JSON envelope.
  if (!info || info.mode !== 'integrated') {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_UNSUPPORTED, 'Unsupported alg: compact envelopes are HPKE-4 or HPKE-9.')
  }
  for (const name of FORBIDDEN) {
    if (name in header) {
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_UNSUPPORTED, `Unsupported header member "${name}" for Integrated Encryption.`)
    }
  }
  const enc = b64uDecode(encB64)
  if (!enc || enc.length !== info.Nenc) throw malformed('the encrypted key is not an HPKE encapsulated secret')
  const ciphertext = b64uDecode(ciphertextB64)
  if (!ciphertext || ciphertext.length < info.Nt) throw malformed('the ciphertext is shorter than its tag')
  if (ciphertext.length - info.Nt > LIMITS.plaintextBytes) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Ciphertext exceeds ${LIMITS.plaintextBytes} bytes of plaintext.`)
  }
  return { protectedB64, header, enc, ciphertext, info }
}

/**
 * HPKE single-shot Open (RFC 9180 §6.1) of a parsed JWE, with `recipient`'s suite (`suite`, when
 * given, must be of the same family). `aad` is the HPKE aad: the ASCII of the
 * encoded protected header, followed by `"." || BASE64URL(JWE AAD)` in the JSON serializations
 * (draft §5, RFC 7516 §5.1 step 14).
 *
 * Every failure — wrong key, bad point, bad tag, tampered header — becomes the one uniform
 * `ERR_DECRYPTION_FAILED`, with no cause attached: there is no oracle to ask.
 */
export async function decryptParts(
  suite: Suite | undefined,
  recipient: RecipientKey,
  enc: Uint8Array,
  ciphertext: Uint8Array,
  aad: string,
): Promise<Uint8Array> {
  try {
    return await (suite ?? recipient.suite).hpke.Open(recipient.key, enc, ciphertext, { aad: ascii(aad) })
  } catch {
    throw new SecureFieldsError(ErrorCodes.DECRYPTION_FAILED, 'The envelope could not be decrypted.')
  }
}
