/**
 * The protected header of a Secure Fields envelope: JOSE members plus the field's claims. Every
 * name is documented in `docs/envelope.md`. All members are authenticated (they are the HPKE aad)
 * and none is secret.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { PAD_LIMITS } from './padding.js'

/** The `typ` of every envelope (RFC 7516 §4.1.11): `application/secure-fields+jwe`, shortened. */
export const ENVELOPE_TYP = 'secure-fields+jwe'

/** Size limits of the profile. Inputs beyond them are refused with `ERR_ENVELOPE_TOO_LARGE`. */
export const LIMITS = {
  /** Largest plaintext, in bytes: sensitive fields are short. */
  plaintextBytes: 4096,
  /**
   * Longest envelope, in characters, accepted by `open` and `inspect`: room for the largest
   * plaintext sealed to the most post-quantum recipients (each entry ~1.7 K characters).
   */
  envelopeChars: 24576,
  /** Most recipients of one JSON (Key Encryption) envelope. */
  recipients: 8,
  /** Longest preview, in characters. */
  previewChars: 64,
  /** Longest context id, in characters. */
  contextChars: 256,
  /** Longest lifetime, in seconds (one day). */
  maxLifetime: 86400,
} as const

/** Default lifetime of an envelope, in seconds: 15 minutes. */
export const DEFAULT_LIFETIME = 900

/** The claims every envelope carries. */
export interface EnvelopeClaims {
  /** Field kind: `card`, `ssn`, `iban`, `account`, `id`, `text`… (`[a-z][a-z0-9-]{0,31}`) */
  kind: string
  /** Masked preview shown to everyone, e.g. `Visa •••• 4242`; empty when the field shows none. */
  preview: string
  /** Context id: the conversation the value was sealed for. `open` can require it. */
  ctx: string
  /** Issued at, seconds since the epoch (RFC 7519 §4.1.6, replicated as a header, §5.3). */
  iat: number
  /** Expires at, seconds since the epoch (RFC 7519 §4.1.4). */
  exp: number
  /** Unique id of this envelope (RFC 7519 §4.1.7): 16 random bytes, base64url. */
  jti: string
  /** base64url SHA-256 of the consent receipt the customer accepted, when a gate was passed. */
  consent?: string
  /** The size, in bytes, the plaintext was padded to before sealing (`padding.ts`); `open` removes it. */
  pad?: number
}

/**
 * The header as one recipient sees it: JOSE members and {@link EnvelopeClaims}. For a compact
 * envelope, the protected header itself. For a JSON envelope, the JOSE Header of the recipient
 * that opened it (RFC 7516 §7.2.1): the shared protected header (claims, `enc`) joined with that
 * recipient's `alg` and `kid`.
 */
export interface ProtectedHeader extends EnvelopeClaims {
  /** `HPKE-4`, `HPKE-9` (compact) or `HPKE-4-KE`, `HPKE-9-KE` (a JSON envelope's recipient). */
  alg: string
  /** RFC 7638 thumbprint of the recipient public key. */
  kid: string
  /** Always {@link ENVELOPE_TYP}. */
  typ: string
  /** JSON envelopes only: the content encryption algorithm, `A256GCM`. */
  enc?: string
}

/** One recipient of an envelope, as `inspect` lists them. */
export interface RecipientInfo {
  /** The recipient's `alg`. */
  alg: string
  /** The recipient's key id (RFC 7638 thumbprint). */
  kid: string
  /** Whether the recipient's KEM resists a quantum computer (`HPKE-9`, `HPKE-9-KE`). */
  pq: boolean
}

/**
 * What `inspect` reads without a key: the claims, and every recipient. A compact envelope also
 * has its one recipient's `alg` and `kid` at the top, as its protected header does; a JSON
 * envelope has `enc` there instead.
 */
export interface EnvelopeHeader extends EnvelopeClaims {
  /** Always {@link ENVELOPE_TYP}. */
  typ: string
  /** `compact` (one recipient, Integrated Encryption) or `json` (JWE JSON General Serialization). */
  serialization: 'compact' | 'json'
  /** The recipients, in envelope order. */
  recipients: RecipientInfo[]
  /** Compact envelopes: the `alg`. */
  alg?: string
  /** Compact envelopes: the `kid`. */
  kid?: string
  /** JSON envelopes: the content encryption algorithm, `A256GCM`. */
  enc?: string
}

/** What the sealer chooses; the rest (`iat`, `exp`, `jti`) is filled in by `seal`. */
export interface SealClaims {
  /** Field kind (`[a-z][a-z0-9-]{0,31}`). */
  kind: string
  /** Context id the envelope is bound to (1–256 printable characters). */
  context: string
  /** Masked preview (at most 64 characters); default empty. */
  preview?: string
  /** Consent receipt digest (base64url SHA-256, 43 characters). */
  consent?: string
  /** Lifetime in seconds; default 900 (15 minutes), at most 86400. */
  expiresIn?: number
  /**
   * Pad the plaintext to this many bytes (16–4096) so that the envelope's length does not tell the
   * value's; the plaintext must be shorter than this. Field frames pad every kind (docs/envelope.md).
   */
  padTo?: number
}

const KIND = /^[a-z][a-z0-9-]{0,31}$/
const DIGEST = /^[A-Za-z0-9_-]{43}$/
const JTI = /^[A-Za-z0-9_-]{16,64}$/
// Printable, no control characters: the context id is echoed in logs and headers.
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/u

const bad = (why: string) => new SecureFieldsError(ErrorCodes.INPUT_INVALID, `Invalid claims: ${why}.`)

/** The sealer's claims once checked: defaults filled in, `consent` and `padTo` still optional. */
export type CheckedSealClaims = Required<Omit<SealClaims, 'consent' | 'padTo'>> & Pick<SealClaims, 'consent' | 'padTo'>

/** Checks the sealer's claims; throws `ERR_INPUT_INVALID` or `ERR_ENVELOPE_TOO_LARGE`. */
export function checkSealClaims(claims: SealClaims): CheckedSealClaims {
  if (typeof claims !== 'object' || claims === null) throw bad('claims must be an object')
  const { kind, context, preview = '', consent, expiresIn = DEFAULT_LIFETIME, padTo } = claims
  if (typeof kind !== 'string' || !KIND.test(kind)) throw bad('kind must match [a-z][a-z0-9-]{0,31}')
  if (typeof context !== 'string' || context.length === 0 || !PRINTABLE.test(context)) {
    throw bad('context must be a non-empty printable string')
  }
  if (context.length > LIMITS.contextChars) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Context is longer than ${LIMITS.contextChars} characters.`)
  }
  if (typeof preview !== 'string' || (preview !== '' && !PRINTABLE.test(preview))) throw bad('preview must be printable text')
  if (preview.length > LIMITS.previewChars) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Preview is longer than ${LIMITS.previewChars} characters.`)
  }
  if (consent !== undefined && (typeof consent !== 'string' || !DIGEST.test(consent))) {
    throw bad('consent must be a base64url SHA-256 digest')
  }
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > LIMITS.maxLifetime) {
    throw bad(`expiresIn must be a whole number of seconds from 1 to ${LIMITS.maxLifetime}`)
  }
  if (padTo !== undefined && !isPadSize(padTo)) throw bad(`padTo must be a whole number of bytes from ${PAD_LIMITS.min} to ${PAD_LIMITS.max}`)
  return { kind, context, preview, consent, expiresIn, padTo }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isPadSize = (v: unknown): v is number => isInt(v) && v >= PAD_LIMITS.min && v <= PAD_LIMITS.max
const isStr = (v: unknown): v is string => typeof v === 'string'

/**
 * Whether a parsed compact header is a well-formed envelope header of this profile (types and
 * shapes only; `alg`, `kid`, expiry and context are judged by `open`).
 */
export function isProfileHeader(h: Record<string, unknown>): h is ProtectedHeader & Record<string, unknown> {
  return isStr(h.alg) && isStr(h.kid) && hasProfileClaims(h)
}

/**
 * Whether a header carries the profile's claims in their shapes: `typ`, `kind`, `preview`, `ctx`,
 * `iat`, `exp`, `jti` and an optional `consent` and `pad`.
 */
export function hasProfileClaims(h: Record<string, unknown>): h is EnvelopeClaims & { typ: string } & Record<string, unknown> {
  return (
    h.typ === ENVELOPE_TYP &&
    isStr(h.kind) &&
    KIND.test(h.kind) &&
    isStr(h.preview) &&
    h.preview.length <= LIMITS.previewChars &&
    isStr(h.ctx) &&
    h.ctx.length > 0 &&
    h.ctx.length <= LIMITS.contextChars &&
    isInt(h.iat) &&
    isInt(h.exp) &&
    h.exp > h.iat &&
    // No envelope lives longer than a day: a forged far-future `exp` would otherwise sit in stores
    // and view-once tables for ever.
    h.exp - h.iat <= LIMITS.maxLifetime &&
    isStr(h.jti) &&
    JTI.test(h.jti) &&
    (h.consent === undefined || (isStr(h.consent) && DIGEST.test(h.consent))) &&
    (h.pad === undefined || isPadSize(h.pad))
  )
}
