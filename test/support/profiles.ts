/**
 * The envelope forms every envelope test runs against: one X25519 key (compact HPKE-4, the form
 * the fields have always made), one post-quantum key (compact HPKE-9), and sets of Key Encryption
 * keys (JSON HPKE-4-KE and HPKE-9-KE). Also the small JSON-envelope editing functions tamper tests
 * use. Works in Node and in the browser.
 */
import { generateKeyPair, type AnyPrivateJwk, type AnyPublicJwk, type KeyAlgorithm } from '../../src/crypto/index.js'
import { b64uDecode, b64uEncode } from '../../src/crypto/bytes.js'

/** One envelope form: the algorithms of its recipients' keys. */
export interface Profile {
  /** A readable name for `describe`. */
  name: string
  /** Each recipient's key algorithm. */
  algs: KeyAlgorithm[]
  /** Whether `seal` gets the keys as a set (array), or the one key alone. */
  set: boolean
  /** `compact` or `json`: what `seal` must produce. */
  form: 'compact' | 'json'
}

export const PROFILES: Profile[] = [
  { name: 'HPKE-4, compact', algs: ['HPKE-4'], set: false, form: 'compact' },
  { name: 'HPKE-9 (post-quantum), compact', algs: ['HPKE-9'], set: false, form: 'compact' },
  { name: 'HPKE-4-KE × 3, JSON', algs: ['HPKE-4-KE', 'HPKE-4-KE', 'HPKE-4-KE'], set: true, form: 'json' },
  { name: 'HPKE-9-KE × 3 (post-quantum), JSON', algs: ['HPKE-9-KE', 'HPKE-9-KE', 'HPKE-9-KE'], set: true, form: 'json' },
]

/** A profile's key pairs. */
export interface ProfileKeys {
  pairs: Array<{ privateJwk: AnyPrivateJwk; publicJwk: AnyPublicJwk }>
  /** What `seal` is given: the one public JWK, or the array of them. */
  to: unknown
  /** The private JWKs, in recipient order. */
  privates: AnyPrivateJwk[]
}

const cache = new Map<Profile, Promise<ProfileKeys>>()

/** The profile's keys, generated once per test file. */
export function profileKeys(profile: Profile): Promise<ProfileKeys> {
  let keys = cache.get(profile)
  if (!keys) {
    keys = Promise.all(profile.algs.map((alg) => generateKeyPair({ alg }))).then((pairs) => ({
      pairs,
      to: profile.set ? pairs.map((p) => p.publicJwk) : pairs[0]!.publicJwk,
      privates: pairs.map((p) => p.privateJwk),
    }))
    cache.set(profile, keys)
  }
  return keys
}

/** A fresh key of the profile's first algorithm that is not a recipient. */
export async function strangerKey(profile: Profile): Promise<AnyPrivateJwk> {
  return (await generateKeyPair({ alg: profile.algs[0]! })).privateJwk
}

/** A JSON envelope as an object, to edit. */
export interface JsonJwe {
  protected: string
  recipients: Array<{ header: Record<string, unknown>; encrypted_key: string }>
  iv: string
  ciphertext: string
  tag: string
  aad?: string
  [member: string]: unknown
}

/** Parses a JSON envelope for editing. */
export function jsonOf(envelope: string): JsonJwe {
  return JSON.parse(envelope) as JsonJwe
}

/** Re-serializes an edited JSON envelope. */
export function jsonString(jwe: JsonJwe): string {
  return JSON.stringify(jwe)
}

/** `value` (base64url) with bit 0 of byte `index` flipped. */
export function flipB64u(value: string, index: number): string {
  const bytes = b64uDecode(value)!
  bytes[index]! ^= 0x01
  return b64uEncode(bytes)
}

/** Byte count of a base64url value. */
export function b64uLength(value: string): number {
  return b64uDecode(value)!.length
}

/**
 * The byte positions a tamper test flips in a value of `length` bytes: every one up to 512, else
 * the first and last 64 (an X-Wing ciphertext ends with its X25519 share) and every 13th between.
 */
export function positions(length: number): number[] {
  if (length <= 512) return Array.from({ length }, (_, i) => i)
  const out = new Set<number>()
  for (let i = 0; i < 64; i++) out.add(i).add(length - 1 - i)
  for (let i = 64; i < length - 64; i += 13) out.add(i)
  return [...out].sort((a, b) => a - b)
}

/** A JSON envelope's decoded shared protected header. */
export function sharedHeader(jwe: JsonJwe): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(b64uDecode(jwe.protected)!)) as Record<string, unknown>
}

/** Encodes a header object as a protected header segment. */
export function encodeHeader(header: Record<string, unknown>): string {
  return b64uEncode(new TextEncoder().encode(JSON.stringify(header)))
}
