/**
 * X25519 JWKs (RFC 8037 §2): validation, import, generation and the RFC 7638 thumbprint that
 * serves as `kid`.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { b64uDecode, b64uEncode, utf8, wipe } from './bytes.js'
import {
  importX25519PrivateJwk,
  importX25519Public,
  x25519PrivateFromCryptoKey,
  type X25519Key,
} from './x25519.js'

/** A public X25519 JWK (RFC 8037 §2). `kid` is the RFC 7638 thumbprint when made here. */
export interface PublicJwk {
  kty: 'OKP'
  crv: 'X25519'
  /** base64url of the 32-byte public key */
  x: string
  kid?: string
  alg?: string
  use?: 'enc'
  key_ops?: string[]
}

/** A private X25519 JWK: a {@link PublicJwk} with the private scalar `d`. Keep it secret. */
export interface PrivateJwk extends PublicJwk {
  /** base64url of the 32-byte private key */
  d: string
}

/** An imported public key, ready to seal to. */
export interface SenderKey {
  /** RFC 7638 thumbprint of the key: the envelope's `kid`. */
  readonly kid: string
  /** @internal the HPKE key */
  readonly key: X25519Key
}

/** An imported private key, ready to open with. Reuse it: importing is part of an open's cost. */
export interface RecipientKey {
  /** RFC 7638 thumbprint of the matching public key. */
  readonly kid: string
  /** @internal the HPKE key */
  readonly key: X25519Key
}

const invalid = (why: string) => new SecureFieldsError(ErrorCodes.KEY_INVALID, `Invalid X25519 JWK: ${why}.`)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * RFC 7638 §3.2: the thumbprint of an OKP key hashes exactly `{"crv","kty","x"}`, in that order,
 * with no white space.
 */
export async function thumbprint(jwk: Pick<PublicJwk, 'x'>): Promise<string> {
  const canonical = `{"crv":"X25519","kty":"OKP","x":"${jwk.x}"}`
  return b64uEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(canonical))))
}

/** Checks the public members; returns the decoded public key bytes. */
function checkPublic(jwk: unknown, alg: string): { x: string; publicBytes: Uint8Array } {
  if (!isRecord(jwk)) throw invalid('not an object')
  if (jwk.kty !== 'OKP') throw invalid('kty must be "OKP"')
  if (jwk.crv !== 'X25519') throw invalid('crv must be "X25519"')
  if (typeof jwk.x !== 'string') throw invalid('x is missing')
  const publicBytes = b64uDecode(jwk.x)
  if (!publicBytes || publicBytes.length !== 32) throw invalid('x must be 32 bytes of base64url')
  if (jwk.alg !== undefined && jwk.alg !== alg) throw invalid(`alg must be "${alg}" when present`)
  if (jwk.use !== undefined && jwk.use !== 'enc') throw invalid('use must be "enc" when present')
  return { x: jwk.x, publicBytes }
}

/**
 * Validates a public JWK of the suite `alg` and imports it.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function importPublicKey(jwk: unknown, alg: string): Promise<SenderKey> {
  const { x, publicBytes } = checkPublic(jwk, alg)
  let key: X25519Key
  try {
    key = await importX25519Public(publicBytes)
  } catch {
    throw invalid('the runtime rejected the public key')
  }
  return { kid: await thumbprint({ x }), key }
}

/** Imported private keys by JWK object, so repeated opens with one JWK import it once. */
const imported = new WeakMap<object, { x: string; d: string; alg: unknown; key: Promise<RecipientKey> }>()

/**
 * Validates a private JWK of the suite `alg` and imports it as a non-extractable WebCrypto key.
 * Repeated calls with the same (unchanged) JWK object return the same import.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function importPrivateKey(jwk: unknown, alg: string): Promise<RecipientKey> {
  // The same, unchanged JWK object as before: its checks and import are done already.
  const cached = typeof jwk === 'object' && jwk !== null ? imported.get(jwk) : undefined
  const j = jwk as Record<string, unknown>
  if (cached && cached.x === j.x && cached.d === j.d && cached.alg === j.alg) return cached.key
  const { x, publicBytes } = checkPublic(jwk, alg)
  const d = j.d
  if (typeof d !== 'string') throw invalid('d is missing (this is a public key)')
  const scalar = b64uDecode(d)
  const ok = scalar?.length === 32
  wipe(scalar)
  if (!ok) throw invalid('d must be 32 bytes of base64url')
  const key = importX25519PrivateJwk({ x, d }, publicBytes).then(
    async (k) => ({ kid: await thumbprint({ x }), key: k }),
    () => {
      imported.delete(jwk as object)
      throw invalid('the runtime rejected the private key')
    },
  )
  imported.set(jwk as object, { x, d, alg: j.alg, key })
  return key
}

/**
 * Makes a {@link RecipientKey} from a WebCrypto X25519 private key and its public JWK — for keys
 * that must never be extractable, such as a reveal desk's key kept in IndexedDB.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function recipientFromCryptoKey(privateKey: CryptoKey, publicJwk: PublicJwk, alg = 'HPKE-4'): Promise<RecipientKey> {
  const { x, publicBytes } = checkPublic(publicJwk, alg)
  let key: X25519Key
  try {
    key = x25519PrivateFromCryptoKey(privateKey, publicBytes)
  } catch {
    throw invalid('expected an X25519 private CryptoKey')
  }
  return { kid: await thumbprint({ x }), key }
}

/** Whether `value` is an imported {@link RecipientKey} rather than a JWK. */
export function isRecipientKey(value: unknown): value is RecipientKey {
  return isRecord(value) && typeof value.kid === 'string' && isRecord(value.key) && value.key.type === 'private' && !('kty' in value)
}

/** Generates an X25519 key pair and returns it as JWKs with `kid` = thumbprint. */
export async function generateX25519Jwks(alg: string): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair
  const exported = await crypto.subtle.exportKey('jwk', pair.privateKey)
  if (typeof exported.x !== 'string' || typeof exported.d !== 'string') throw invalid('the runtime exported no key')
  const kid = await thumbprint({ x: exported.x })
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'X25519', x: exported.x, kid, alg, use: 'enc' }
  return { publicJwk, privateJwk: { ...publicJwk, d: exported.d } }
}

/** The public half of a private JWK (drops `d` and anything else private). */
export function publicJwkOf(jwk: PrivateJwk | PublicJwk): PublicJwk {
  const { kty, crv, x, kid, alg, use } = jwk
  return Object.fromEntries(Object.entries({ kty, crv, x, kid, alg, use }).filter(([, v]) => v !== undefined)) as unknown as PublicJwk
}
