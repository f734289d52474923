/**
 * Picking the suite from the key: an `OKP` X25519 JWK belongs to the `HPKE-4` family, an `AKP`
 * JWK to the family its `alg` names (`HPKE-9`, `HPKE-9-KE`). Callers say which implementation
 * serves each family — the frames a small sender-only one, Node a native one — and the
 * post-quantum one is loaded only when a key needs it.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { algorithmInfo } from './algorithms.js'
import { isRecipientKey, isSenderKey, type RecipientKey, type SenderKey } from './jwk.js'
import type { SenderSuite, Suite } from './suite.js'

/** The implementation of each suite family to use; the post-quantum one is loaded on first use. */
export interface SuiteChoice<S extends SenderSuite> {
  /** The `HPKE-4` family (X25519). */
  x25519: S
  /** The `HPKE-9` family (MLKEM768-X25519), loaded on demand. */
  pq: () => Promise<S>
}

/** Loads the default post-quantum suite (a separate chunk in bundles). */
export async function loadHpke9(): Promise<Suite> {
  return (await import('./hpke9.js')).HPKE_9
}

/** Which family a JWK belongs to, from its `kty` (and, for `AKP`, its required `alg`). */
function familyOf(jwk: unknown): 'HPKE-4' | 'HPKE-9' {
  if (typeof jwk === 'object' && jwk !== null && (jwk as { kty?: unknown }).kty === 'AKP') {
    const info = algorithmInfo((jwk as { alg?: unknown }).alg)
    if (!info || info.kty !== 'AKP') {
      throw new SecureFieldsError(ErrorCodes.KEY_INVALID, 'Invalid AKP JWK: alg must be "HPKE-9" or "HPKE-9-KE".')
    }
    return info.family
  }
  // Anything else is judged by the X25519 importer, whose messages say what is wrong.
  return 'HPKE-4'
}

/** The suite of `family` in `choice`. */
export function suiteOf<S extends SenderSuite>(family: 'HPKE-4' | 'HPKE-9', choice: SuiteChoice<S>): Promise<S> {
  return family === 'HPKE-9' ? choice.pq() : Promise.resolve(choice.x25519)
}

/**
 * Imports a recipient's public key — a JWK of any supported kind, or a key imported already.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function resolvePublic(value: unknown, choice: SuiteChoice<SenderSuite>): Promise<SenderKey> {
  if (isSenderKey(value)) return value
  return (await suiteOf(familyOf(value), choice)).importPublic(value)
}

/**
 * Imports a recipient's private key — a JWK of any supported kind, or a key imported already.
 *
 * @throws {@link SecureFieldsError} `ERR_KEY_INVALID`
 */
export async function resolvePrivate(value: unknown, choice: SuiteChoice<Suite>): Promise<RecipientKey> {
  if (isRecipientKey(value)) return value
  return (await suiteOf(familyOf(value), choice)).importPrivate(value)
}

/**
 * The default choice, with `preferred` (an option of `seal`/`open`) serving its own family: e.g.
 * `HPKE_4_NODE` for X25519 keys while post-quantum keys keep the default `HPKE_9`.
 */
export function choose<S extends SenderSuite>(defaultX25519: S, loadPq: () => Promise<S>, preferred?: S): SuiteChoice<S> {
  return {
    x25519: preferred?.alg === 'HPKE-4' ? preferred : defaultX25519,
    pq: preferred?.alg === 'HPKE-9' ? () => Promise.resolve(preferred) : loadPq,
  }
}
