/**
 * Verifying WebAuthn responses inside the reveal frame, which is its own relying party: the frame
 * made the challenge, holds the credential public key, and decides. Steps and their numbers follow
 * WebAuthn Level 3, §7.1 (registration) and §7.2 (authentication). No DOM: WebCrypto only, so the
 * checks are tested directly with signatures made in the test.
 *
 * @module
 */
import { b64uEncode, fromUtf8, utf8 } from '../../crypto/bytes.js'
import { SecureFieldsError } from '../../errors.js'
import { RevealErrorCodes } from '../../protocol/reveal.js'

/** Authenticator data flags (§6.1): user present, user verified, attested credential data. */
export const FLAGS = { UP: 0x01, UV: 0x04, AT: 0x40 } as const

/** COSE algorithm of ES256 (RFC 9053 §2.1): the only credential algorithm the desk accepts. */
export const ES256 = -7

/** ECDSA P-256 with SHA-256, as WebCrypto names it. */
export const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const

/** The parts of authenticator data (§6.1) the desk checks. */
export interface AuthenticatorData {
  rpIdHash: Uint8Array
  flags: number
  signCount: number
}

const fail = (why: string) => new SecureFieldsError(RevealErrorCodes.STEP_UP_FAILED, `The step-up did not verify: ${why}.`)

/** §6.1: rpIdHash (32 bytes), flags (1), signCount (4, big-endian), then optional data. */
export function parseAuthenticatorData(bytes: Uint8Array): AuthenticatorData {
  if (bytes.length < 37) throw fail('authenticator data too short')
  const signCount = ((bytes[33]! << 24) | (bytes[34]! << 16) | (bytes[35]! << 8) | bytes[36]!) >>> 0
  return { rpIdHash: bytes.slice(0, 32), flags: bytes[32]!, signCount }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

const sha256 = async (data: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', data))

/**
 * §7.1 steps 7–12 / §7.2 steps 11–14: `clientDataJSON` names the ceremony, carries our challenge
 * and was made for our origin. The JSON is parsed, never compared against a template (§5.8.1.2).
 */
export function checkClientData(clientDataJSON: Uint8Array, type: 'webauthn.create' | 'webauthn.get', challenge: Uint8Array, origin: string): void {
  let data: Record<string, unknown>
  try {
    data = JSON.parse(fromUtf8(clientDataJSON)) as Record<string, unknown>
  } catch {
    throw fail('client data is not JSON')
  }
  if (data.type !== type) throw fail('wrong ceremony type')
  if (data.challenge !== b64uEncode(challenge)) throw fail('challenge mismatch')
  if (data.origin !== origin) throw fail('origin mismatch')
}

/**
 * §7.1 steps 13–16 / §7.2 steps 15–17: the authenticator data is for our RP id, and the user was
 * present and verified (UV is required for every desk ceremony).
 */
export async function checkAuthenticatorData(bytes: Uint8Array, rpId: string): Promise<AuthenticatorData> {
  const data = parseAuthenticatorData(bytes)
  if (!sameBytes(data.rpIdHash, await sha256(utf8(rpId)))) throw fail('rpIdHash mismatch')
  if (!(data.flags & FLAGS.UP)) throw fail('user not present')
  if (!(data.flags & FLAGS.UV)) throw fail('user not verified')
  return data
}

/**
 * An ASN.1 DER ECDSA signature (`SEQUENCE { INTEGER r, INTEGER s }`, WebAuthn §6.5.5) as the raw
 * `r || s` of 2 × `size` bytes that WebCrypto verifies (IEEE P1363).
 */
export function derToRaw(der: Uint8Array, size = 32): Uint8Array<ArrayBuffer> {
  const bad = () => fail('malformed signature')
  let at = 0
  const byte = () => {
    if (at >= der.length) throw bad()
    return der[at++]!
  }
  if (byte() !== 0x30) throw bad()
  let length = byte()
  if (length & 0x80) {
    // Long form (never needed for P-256, but legal DER for one length byte).
    if (length !== 0x81) throw bad()
    length = byte()
  }
  if (at + length !== der.length) throw bad()
  const out = new Uint8Array(size * 2)
  for (const offset of [0, size]) {
    if (byte() !== 0x02) throw bad()
    const n = byte()
    if (n === 0 || n > size + 1 || at + n > der.length) throw bad()
    let value = der.subarray(at, at + n)
    at += n
    // DER integers are signed: a leading 0x00 keeps a high bit positive.
    while (value.length > size && value[0] === 0) value = value.subarray(1)
    if (value.length > size) throw bad()
    out.set(value, offset + size - value.length)
  }
  if (at !== der.length) throw bad()
  return out
}

/** What an assertion must match. */
export interface AssertionExpectation {
  challenge: Uint8Array
  origin: string
  rpId: string
  credentialId: ArrayBuffer
  publicKey: CryptoKey
  /** The stored signature counter. */
  signCount: number
}

/** The parts of an `AuthenticatorAssertionResponse` and the credential's `rawId`. */
export interface AssertionResponse {
  credentialId: ArrayBuffer
  clientDataJSON: ArrayBuffer
  authenticatorData: ArrayBuffer
  signature: ArrayBuffer
}

/**
 * Verifies an assertion (§7.2) and returns the new signature counter. Throws
 * `ERR_STEP_UP_FAILED` on any mismatch.
 */
export async function verifyAssertion(response: AssertionResponse, expected: AssertionExpectation): Promise<number> {
  // §7.2 step 5: the credential is the one enrolled for this desk.
  if (!sameBytes(new Uint8Array(response.credentialId), new Uint8Array(expected.credentialId))) throw fail('unknown credential')
  const clientData = new Uint8Array(response.clientDataJSON)
  checkClientData(clientData, 'webauthn.get', expected.challenge, expected.origin)
  const authData = new Uint8Array(response.authenticatorData)
  const { signCount } = await checkAuthenticatorData(authData, expected.rpId)
  // §7.2 steps 19–20: the signature over authData || SHA-256(clientDataJSON), with the stored key.
  const signed = new Uint8Array(authData.length + 32)
  signed.set(authData)
  signed.set(await sha256(clientData), authData.length)
  const ok = await crypto.subtle.verify(ECDSA_P256, expected.publicKey, derToRaw(new Uint8Array(response.signature)), signed)
  if (!ok) throw fail('bad signature')
  // §7.2 step 21: a counter that does not move forward (when either side is non-zero) means a
  // cloned authenticator.
  if ((signCount !== 0 || expected.signCount !== 0) && signCount <= expected.signCount) throw fail('signature counter did not increase')
  return signCount
}
