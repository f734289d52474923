/**
 * X25519 JWKs (RFC 8037 §2): validation, import, generation and the RFC 7638 thumbprint that
 * serves as `kid`. The key objects every suite hands to `seal` and `open`, and the JWK shapes,
 * are declared in `types.ts`; the post-quantum suite's `AKP` keys (RFC 9964) in `akp.ts`.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { b64uDecode, b64uEncode, utf8, wipe } from './bytes.js'
import type { AkpPublicJwk, PrivateJwk, PublicJwk, RecipientKey, SenderKey, SenderSuite, Suite } from './types.js'
import { importX25519PrivateJwk, importX25519Public, isLowOrderX25519, type X25519Key } from './x25519.js'

export type { AkpPrivateJwk, AkpPublicJwk, AnyPrivateJwk, AnyPublicJwk, PrivateJwk, PublicJwk, RecipientKey, SenderKey } from './types.js'

const invalid = (why: string) => new SecureFieldsError(ErrorCodes.KEY_INVALID, `Invalid X25519 JWK: ${why}.`)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The RFC 7638 thumbprint of an X25519 key, its `kid`: SHA-256 over exactly `{"crv","kty","x"}`
 * in that order without white space (§3.2). `thumbprint.ts` has the one for every key type.
 */
export function x25519Thumbprint(jwk: Pick<PublicJwk, 'x'>): Promise<string> {
  return sha256B64u(`{"crv":"X25519","kty":"OKP","x":"${jwk.x}"}`)
}

/** base64url SHA-256 of a string's UTF-8: the hash of every RFC 7638 thumbprint. */
export async function sha256B64u(text: string): Promise<string> {
  return b64uEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))))
}

/** Checks the public members of an X25519 JWK; returns `x`, its bytes and the declared `alg`. */
export function checkPublic(jwk: unknown, algs: readonly string[]): { x: string; publicBytes: Uint8Array; alg: string | undefined } {
  if (!isRecord(jwk)) throw invalid('not an object')
  if (jwk.kty !== 'OKP') throw invalid('kty must be "OKP"')
  if (jwk.crv !== 'X25519') throw invalid('crv must be "X25519"')
  if (typeof jwk.x !== 'string') throw invalid('x is missing')
  const publicBytes = b64uDecode(jwk.x)
  if (!publicBytes || publicBytes.length !== 32) throw invalid('x must be 32 bytes of base64url')
  // RFC 7748 §6.1, RFC 9180 §7.1.4: a point of small order (the all-zero key among them) makes an
  // all-zero shared secret; refused here, at import, rather than as a failure of every seal.
  if (isLowOrderX25519(publicBytes)) throw invalid('x is a point of small order, which no private key matches')
  if (jwk.alg !== undefined && !algs.includes(jwk.alg as string)) throw invalid(`alg must be ${algs.join(' or ')} when present`)
  if (jwk.use !== undefined && jwk.use !== 'enc') throw invalid('use must be "enc" when present')
  return { x: jwk.x, publicBytes, alg: jwk.alg as string | undefined }
}

/** The two `alg` values of an X25519 suite: Integrated Encryption and Key Encryption. */
export const algsOf = (suite: SenderSuite) => [suite.alg, suite.keAlg] as const

/**
 * Validates a public X25519 JWK of `suite` (its `alg`, when present, is one of the suite's) and
 * imports it.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function importPublicKey(jwk: unknown, suite: SenderSuite): Promise<SenderKey> {
  const { x, publicBytes, alg } = checkPublic(jwk, algsOf(suite))
  let key: X25519Key
  try {
    key = await importX25519Public(publicBytes)
  } catch {
    throw invalid('the runtime rejected the public key')
  }
  return { kid: await x25519Thumbprint({ x }), alg, key, suite }
}

/** Imported private keys by JWK object and suite, so repeated opens with one JWK import it once. */
const imported = new WeakMap<object, { x: string; d: string; alg: unknown; suite: Suite; key: Promise<RecipientKey> }>()

/**
 * Validates a private X25519 JWK of `suite` and imports it as a non-extractable WebCrypto key.
 * Repeated calls with the same (unchanged) JWK object return the same import.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function importPrivateKey(jwk: unknown, suite: Suite): Promise<RecipientKey> {
  // The same, unchanged JWK object as before: its checks and import are done already.
  const cached = typeof jwk === 'object' && jwk !== null ? imported.get(jwk) : undefined
  const j = jwk as Record<string, unknown>
  if (cached && cached.x === j.x && cached.d === j.d && cached.alg === j.alg && cached.suite === suite) return cached.key
  const { x, publicBytes, alg } = checkPublic(jwk, algsOf(suite))
  const d = j.d
  if (typeof d !== 'string') throw invalid('d is missing (this is a public key)')
  const scalar = b64uDecode(d)
  const ok = scalar?.length === 32
  wipe(scalar)
  if (!ok) throw invalid('d must be 32 bytes of base64url')
  const key = importX25519PrivateJwk({ x, d }, publicBytes).then(
    async (k): Promise<RecipientKey> => ({ kid: await x25519Thumbprint({ x }), alg, key: k, suite }),
    () => {
      imported.delete(jwk as object)
      throw invalid('the runtime rejected the private key')
    },
  )
  imported.set(jwk as object, { x, d, alg: j.alg, suite, key })
  return key
}

/** Whether `value` is an imported {@link RecipientKey} rather than a JWK. */
export function isRecipientKey(value: unknown): value is RecipientKey {
  return isRecord(value) && typeof value.kid === 'string' && isRecord(value.key) && value.key.type === 'private' && isRecord(value.suite) && !('kty' in value)
}

/** Whether `value` is an imported {@link SenderKey} rather than a JWK. */
export function isSenderKey(value: unknown): value is SenderKey {
  return isRecord(value) && typeof value.kid === 'string' && isRecord(value.key) && isRecord(value.suite) && !('kty' in value)
}

/** Generates an X25519 key pair and returns it as JWKs with `kid` = thumbprint. */
export async function generateX25519Jwks(alg: string): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair
  const exported = await crypto.subtle.exportKey('jwk', pair.privateKey)
  if (typeof exported.x !== 'string' || typeof exported.d !== 'string') throw invalid('the runtime exported no key')
  const kid = await x25519Thumbprint({ x: exported.x })
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'X25519', x: exported.x, kid, alg, use: 'enc' }
  return { publicJwk, privateJwk: { ...publicJwk, d: exported.d } }
}

/** The public half of a private JWK (drops `d`, or an AKP key's `priv`, and anything else private). */
export function publicJwkOf<J extends PublicJwk | AkpPublicJwk>(jwk: J): J extends AkpPublicJwk ? AkpPublicJwk : PublicJwk
export function publicJwkOf(jwk: PublicJwk | AkpPublicJwk): PublicJwk | AkpPublicJwk {
  const members =
    jwk.kty === 'AKP'
      ? { kty: jwk.kty, alg: jwk.alg, pub: jwk.pub, kid: jwk.kid, use: jwk.use }
      : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: jwk.alg, use: jwk.use }
  return Object.fromEntries(Object.entries(members).filter(([, v]) => v !== undefined)) as unknown as PublicJwk | AkpPublicJwk
}

