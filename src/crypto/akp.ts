/**
 * `AKP` JWKs (RFC 9964 §3, "Algorithm Key Pair") of the post-quantum suites, as
 * draft-ietf-jose-hpke-pq-pqt-01 §4 defines them: `alg` is required and names the suite and the
 * Key Management Mode, `pub` is the KEM's SerializePublicKey output and `priv` its
 * SerializePrivateKey output (for MLKEM768-X25519 a 32-byte seed), both base64url without padding.
 * The `kid` is the RFC 7638 thumbprint over `{"alg","kty","pub"}`.
 *
 * Key handling is the `hpke` package's and the KEM's (`@panva/hpke-noble`); this module only
 * checks the JWK members and keeps the seed's bytes wiped.
 *
 * @module
 */
import type { Key } from 'hpke'
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { b64uDecode, b64uEncode, utf8, wipe } from './bytes.js'
import type { Suite } from './suite.js'
import { sha256B64u, type AkpPrivateJwk, type AkpPublicJwk, type RecipientKey, type SenderKey } from './jwk.js'

/** RFC 7638 thumbprint of an AKP key: SHA-256 over exactly `{"alg","kty","pub"}` (RFC 9964). */
export function akpThumbprint(jwk: { alg: string; pub: string }): Promise<string> {
  return sha256B64u(`{"alg":${JSON.stringify(jwk.alg)},"kty":"AKP","pub":"${jwk.pub}"}`)
}

const invalid = (why: string) => new SecureFieldsError(ErrorCodes.KEY_INVALID, `Invalid AKP JWK: ${why}.`)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks the public members of an AKP JWK of `suite`; returns `alg`, `pub` and its bytes. */
function checkPublic(jwk: unknown, suite: Suite, Npk: number): { alg: string; pub: string; pubBytes: Uint8Array } {
  if (!isRecord(jwk)) throw invalid('not an object')
  if (jwk.kty !== 'AKP') throw invalid('kty must be "AKP"')
  // RFC 9964 §3: `alg` is REQUIRED in an AKP key; draft-ietf-jose-hpke-pq-pqt-01 §4: it names the
  // HPKE suite and the Key Management Mode.
  if (jwk.alg !== suite.alg && jwk.alg !== suite.keAlg) throw invalid(`alg must be "${suite.alg}" or "${suite.keAlg}"`)
  if (typeof jwk.pub !== 'string') throw invalid('pub is missing')
  const pubBytes = b64uDecode(jwk.pub)
  if (!pubBytes || pubBytes.length !== Npk) throw invalid(`pub must be ${Npk} bytes of base64url`)
  if (jwk.use !== undefined && jwk.use !== 'enc') throw invalid('use must be "enc" when present')
  return { alg: jwk.alg as string, pub: jwk.pub, pubBytes }
}

/**
 * Validates and imports a public AKP JWK of `suite`.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function importAkpPublic(jwk: unknown, suite: Suite, Npk: number): Promise<SenderKey> {
  const { alg, pub, pubBytes } = checkPublic(jwk, suite, Npk)
  let key: Key
  try {
    key = await suite.hpke.DeserializePublicKey(pubBytes)
  } catch {
    throw invalid('the KEM rejected the public key')
  }
  return { kid: await akpThumbprint({ alg, pub }), alg, key, suite }
}

/** Imported private keys by JWK object, so repeated opens with one JWK import (and check) it once. */
const imported = new WeakMap<object, { pub: unknown; priv: unknown; alg: unknown; suite: Suite; key: Promise<RecipientKey> }>()

/**
 * Validates and imports a private AKP JWK of `suite`. The seed must belong to `pub`: the import
 * seals a probe to `pub` and opens it with the seed, so a JWK whose halves disagree is refused
 * here rather than failing every open later. Repeated calls with the same unchanged JWK object
 * return the same import.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export function importAkpPrivate(jwk: unknown, suite: Suite, sizes: { Npk: number; Nsk: number }): Promise<RecipientKey> {
  const cached = isRecord(jwk) ? imported.get(jwk) : undefined
  const j = jwk as Record<string, unknown>
  if (cached && cached.pub === j.pub && cached.priv === j.priv && cached.alg === j.alg && cached.suite === suite) return cached.key
  const { alg, pub, pubBytes } = checkPublic(jwk, suite, sizes.Npk)
  if (typeof j.priv !== 'string') return Promise.reject(invalid('priv is missing (this is a public key)'))
  const seed = b64uDecode(j.priv)
  if (!seed || seed.length !== sizes.Nsk) {
    wipe(seed)
    return Promise.reject(invalid(`priv must be ${sizes.Nsk} bytes of base64url`))
  }
  const key = recipientFromSeed(seed, { kty: 'AKP', alg, pub }, suite, pubBytes).finally(() => wipe(seed))
  key.catch(() => imported.delete(jwk as object))
  imported.set(jwk as object, { pub: j.pub, priv: j.priv, alg: j.alg, suite, key })
  return key
}

/**
 * Makes a {@link RecipientKey} from a KEM seed and its public JWK — for keys kept wrapped at rest,
 * such as a reveal desk's post-quantum key. The caller wipes `seed` (this copies what it keeps).
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function recipientFromSeed(seed: Uint8Array, publicJwk: AkpPublicJwk, suite: Suite, pubBytes?: Uint8Array): Promise<RecipientKey> {
  const checked = pubBytes ? { alg: publicJwk.alg, pub: publicJwk.pub, pubBytes } : checkPublic(publicJwk, suite, suite.hpke.KEM.Npk)
  let privateKey: Key
  try {
    // A copy: the KEM keeps the seed it is given as its secret key (for MLKEM768-X25519 the
    // seed is the decapsulation key, expanded at each Decap), and the caller wipes `seed`.
    privateKey = await suite.hpke.DeserializePrivateKey(seed.slice(), false)
  } catch {
    throw invalid('the KEM rejected the private key')
  }
  // The seed must open what is sealed to `pub` (RFC 9180 §5.1.1 single-shot round trip, base mode).
  const probe = utf8('key check')
  try {
    const sealed = await suite.hpke.Seal(await suite.hpke.DeserializePublicKey(checked.pubBytes), probe)
    await suite.hpke.Open(privateKey, sealed.encapsulatedSecret, sealed.ciphertext)
  } catch {
    throw invalid('priv does not belong to pub')
  }
  return { kid: await akpThumbprint(checked), alg: checked.alg, key: privateKey, suite }
}

/**
 * Generates an AKP key pair of `suite` for `alg`: the public JWK and the private seed as bytes,
 * for a caller that keeps it wrapped (a reveal desk). The caller wipes `seed`.
 */
export async function generateAkpSeed(suite: Suite, alg: string): Promise<{ publicJwk: AkpPublicJwk; seed: Uint8Array }> {
  if (alg !== suite.alg && alg !== suite.keAlg) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `This suite makes keys for "${suite.alg}" or "${suite.keAlg}" only.`)
  }
  const pair = await suite.hpke.GenerateKeyPair(true)
  const pub = b64uEncode(await suite.hpke.SerializePublicKey(pair.publicKey))
  // SerializePrivateKey (draft-ietf-hpke-pq-04 §3.2): the 32-byte seed the key pair expands from.
  const seed = await suite.hpke.SerializePrivateKey(pair.privateKey)
  return { publicJwk: { kty: 'AKP', alg, pub, kid: await akpThumbprint({ alg, pub }), use: 'enc' }, seed }
}

/** Generates an AKP key pair of `suite` for `alg` and returns it as JWKs with `kid` = thumbprint. */
export async function generateAkpJwks(suite: Suite, alg: string): Promise<{ privateJwk: AkpPrivateJwk; publicJwk: AkpPublicJwk }> {
  const { publicJwk, seed } = await generateAkpSeed(suite, alg)
  try {
    return { publicJwk, privateJwk: { ...publicJwk, priv: b64uEncode(seed) } }
  } finally {
    wipe(seed)
  }
}
