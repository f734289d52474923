/**
 * The JSON envelope: a JWE JSON General Serialization (RFC 7516 §7.2.1) with HPKE Key Encryption
 * (draft-ietf-jose-hpke-encrypt-20 §6) for one or more recipients:
 *
 * ```
 * { "protected": BASE64URL({"enc":"A256GCM","typ":…, claims…}),
 *   "recipients": [ { "header": {"alg":"HPKE-9-KE","kid":…,"ek":BASE64URL(enc)},
 *                     "encrypted_key": BASE64URL(HPKE ciphertext of the CEK) }, … ],
 *   "iv": …, "ciphertext": …, "tag": …, ["aad": …] }
 * ```
 *
 * The claims live in the shared protected header, authenticated by the content encryption for
 * every recipient; each recipient's entry holds only what is that recipient's. This module parses
 * and checks the shape; `open.ts` and `seal-general.ts` do the cryptography.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { b64uDecode } from './bytes.js'
import { algorithmInfo, CONTENT_ENC, type AlgorithmInfo } from './algorithms.js'
import { LIMITS } from './header.js'
import { decodeHeader } from './jwe.js'
import { A256GCM } from './key-encryption.js'

/** One recipient entry, decoded. */
export interface ParsedRecipient {
  /** The recipient's Key Encryption `alg`. */
  alg: string
  /** What the library knows about `alg`. */
  info: AlgorithmInfo
  /** The recipient's key id. */
  kid: string
  /** The HPKE encapsulated secret (`ek`). */
  ek: Uint8Array
  /** The HPKE ciphertext of the CEK (JWE Encrypted Key). */
  encryptedKey: Uint8Array
}

/** The decoded parts of a JSON envelope. */
export interface ParsedGeneral {
  /** The encoded protected header exactly as received (its ASCII is the content aad). */
  protectedB64: string
  /** The decoded shared protected header. */
  header: Record<string, unknown>
  recipients: ParsedRecipient[]
  iv: Uint8Array
  ciphertext: Uint8Array
  tag: Uint8Array
  /** The encoded JWE AAD, when present. */
  aadB64?: string
}

const malformed = (why: string) => new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, `Malformed envelope: ${why}.`)
const unsupported = (why: string) => new SecureFieldsError(ErrorCodes.ENVELOPE_UNSUPPORTED, `Unsupported envelope: ${why}.`)

const TOP = new Set(['protected', 'recipients', 'iv', 'ciphertext', 'tag', 'aad'])
/** Members of the shared protected header that this profile keeps out of it (per recipient, or unused). */
const FORBIDDEN_SHARED = ['alg', 'kid', 'ek', 'zip', 'crit', 'epk', 'iv', 'tag', 'p2s', 'p2c', 'apu', 'apv', 'psk_id'] as const
const RECIPIENT_HEADER = ['alg', 'kid', 'ek'] as const

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function bytes(value: unknown, what: string): Uint8Array {
  const decoded = typeof value === 'string' ? b64uDecode(value) : undefined
  if (!decoded) throw malformed(`${what} is not base64url`)
  return decoded
}

function parseRecipient(entry: unknown, index: number): ParsedRecipient {
  if (!isRecord(entry) || !isRecord(entry.header) || Object.keys(entry).some((k) => k !== 'header' && k !== 'encrypted_key')) {
    throw malformed(`recipient ${index} must be {"header", "encrypted_key"}`)
  }
  const header = entry.header
  for (const name of Object.keys(header)) {
    if (!(RECIPIENT_HEADER as readonly string[]).includes(name)) throw unsupported(`recipient header member "${name}"`)
  }
  const info = algorithmInfo(header.alg)
  // draft-ietf-jose-hpke-encrypt-20 §6: every recipient of a JSON envelope uses Key Encryption.
  if (!info || info.mode !== 'key-encryption') throw unsupported(`recipient ${index} alg must be HPKE-4-KE or HPKE-9-KE`)
  if (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 128) throw malformed(`recipient ${index} has no kid`)
  const ek = bytes(header.ek, `recipient ${index} ek`)
  if (ek.length !== info.Nenc) throw malformed(`recipient ${index} ek is not an HPKE encapsulated secret`)
  const encryptedKey = bytes(entry.encrypted_key, `recipient ${index} encrypted_key`)
  if (encryptedKey.length !== A256GCM.cek + info.Nt) throw malformed(`recipient ${index} encrypted_key is not an encrypted A256GCM key`)
  return { alg: info.alg, info, kid: header.kid, ek, encryptedKey }
}

/**
 * Parses a JSON envelope and checks this profile's shape: the members, an `A256GCM` protected
 * header without per-recipient members, 1–8 Key Encryption recipients with distinct `kid`s, all
 * quantum-resistant or none, and well-sized `ek`, keys, IV, tag and ciphertext.
 *
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED`, `ERR_ENVELOPE_UNSUPPORTED`,
 *   `ERR_ENVELOPE_TOO_LARGE`
 */
export function parseGeneral(envelope: string): ParsedGeneral {
  let jwe: unknown
  try {
    jwe = JSON.parse(envelope)
  } catch {
    throw malformed('a JSON envelope is a JSON object')
  }
  if (!isRecord(jwe)) throw malformed('a JSON envelope is a JSON object')
  if ('unprotected' in jwe) throw unsupported('a shared unprotected header')
  for (const name of Object.keys(jwe)) if (!TOP.has(name)) throw malformed(`unknown member "${name}"`)
  for (const name of ['protected', 'iv', 'ciphertext', 'tag'] as const) {
    if (typeof jwe[name] !== 'string') throw malformed(`the ${name} member is missing`)
  }
  if (!Array.isArray(jwe.recipients) || jwe.recipients.length === 0) throw malformed('recipients must be a non-empty array')
  const header = decodeHeader(jwe.protected as string)
  for (const name of FORBIDDEN_SHARED) {
    if (name in header) throw unsupported(`shared protected header member "${name}"`)
  }
  if (header.enc !== CONTENT_ENC) throw unsupported(`content encryption must be "${CONTENT_ENC}"`)
  if (jwe.recipients.length > LIMITS.recipients) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `More than ${LIMITS.recipients} recipients.`)
  }
  const recipients = jwe.recipients.map(parseRecipient)
  if (new Set(recipients.map((r) => r.kid)).size !== recipients.length) throw malformed('two recipients have the same kid')
  // draft-ietf-jose-hpke-pq-pqt-01 §5: with a post-quantum Key Encryption recipient, all
  // recipients MUST be quantum-resistant, or a recorded envelope opens through the weakest one.
  if (recipients.some((r) => r.info.pq) && !recipients.every((r) => r.info.pq)) {
    throw unsupported('post-quantum and quantum-vulnerable recipients in one envelope')
  }
  const iv = bytes(jwe.iv, 'the IV')
  if (iv.length !== A256GCM.iv) throw malformed('the IV is not 96 bits')
  const tag = bytes(jwe.tag, 'the tag')
  if (tag.length !== A256GCM.tag) throw malformed('the tag is not 128 bits')
  const ciphertext = bytes(jwe.ciphertext, 'the ciphertext')
  if (ciphertext.length > LIMITS.plaintextBytes) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Ciphertext exceeds ${LIMITS.plaintextBytes} bytes of plaintext.`)
  }
  if (jwe.aad !== undefined) bytes(jwe.aad, 'the JWE AAD')
  return { protectedB64: jwe.protected as string, header, recipients, iv, ciphertext, tag, ...(jwe.aad !== undefined ? { aadB64: jwe.aad as string } : {}) }
}

/** Whether `envelope` is (meant to be) a JSON envelope rather than a compact one. */
export function isJsonEnvelope(envelope: string): boolean {
  return envelope.startsWith('{')
}

/**
 * The content aad (draft-ietf-jose-hpke-encrypt-20 §7.1 step 15): ASCII(protected), or
 * ASCII(protected "." BASE64URL(JWE AAD)) when there is a JWE AAD.
 */
export function contentAad(protectedB64: string, aadB64?: string): string {
  return aadB64 === undefined ? protectedB64 : `${protectedB64}.${aadB64}`
}
