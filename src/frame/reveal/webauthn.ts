/**
 * The two WebAuthn ceremonies of a desk, run inside the reveal frame with the frame origin as the
 * relying party: enrolment (`create`, which Chromium allows in a cross-origin frame only with a
 * user activation there — a click on the frame's own button) and the step-up before each reveal
 * (`get` with user verification required, and the PRF extension where the credential has it).
 * The frame verifies both responses itself (`assertion.ts`): there is no server in this loop.
 *
 * @module
 */
import { wipe } from '../../crypto/bytes.js'
import { SecureFieldsError } from '../../errors.js'
import { RevealErrorCodes } from '../../protocol/reveal.js'
import {
  checkAuthenticatorData,
  checkClientData,
  ECDSA_P256,
  ES256,
  verifyAssertion,
} from './assertion.js'
import type { CredentialRecord } from './desk-store.js'

/** How long the agent has for the authenticator prompt. */
const TIMEOUT_MS = 120_000

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

/** The relying party of the desk: the frame origin. */
function relyingParty(): { id: string; origin: string } {
  return { id: location.hostname, origin: location.origin }
}

/**
 * Creates a desk credential (WebAuthn §7.1): ES256, user verification required, PRF requested.
 * Must run inside the click handler of the frame's enrol button.
 *
 * @throws {@link SecureFieldsError} `ERR_ENROL_FAILED`
 */
export async function createCredential(desk: string): Promise<CredentialRecord> {
  const rp = relyingParty()
  const challenge = random(32)
  let credential: PublicKeyCredential
  try {
    credential = (await navigator.credentials.create({
      publicKey: {
        rp: { id: rp.id, name: 'Secure Fields reveal desk' },
        user: { id: random(16), name: `desk:${desk}`, displayName: desk },
        challenge,
        pubKeyCredParams: [{ type: 'public-key', alg: ES256 }],
        authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
        attestation: 'none',
        timeout: TIMEOUT_MS,
        extensions: { prf: {} } as AuthenticationExtensionsClientInputs,
      },
    })) as PublicKeyCredential
  } catch {
    throw new SecureFieldsError(RevealErrorCodes.ENROL_FAILED, 'The authenticator did not create a desk credential.')
  }
  const response = credential.response as AuthenticatorAttestationResponse
  const spki = response.getPublicKey()
  if (response.getPublicKeyAlgorithm() !== ES256 || !spki) {
    throw new SecureFieldsError(RevealErrorCodes.ENROL_FAILED, 'The desk credential must use ES256.')
  }
  try {
    checkClientData(new Uint8Array(response.clientDataJSON), 'webauthn.create', challenge, rp.origin)
    const { signCount } = await checkAuthenticatorData(new Uint8Array(response.getAuthenticatorData()), rp.id)
    const publicKey = await crypto.subtle.importKey('spki', spki, ECDSA_P256, false, ['verify'])
    const prf = (credential.getClientExtensionResults() as { prf?: { enabled?: boolean } }).prf?.enabled === true
    return { id: credential.rawId, publicKey, signCount, rpId: rp.id, prf }
  } catch (error) {
    throw new SecureFieldsError(RevealErrorCodes.ENROL_FAILED, `The desk credential was refused: ${(error as Error).message}`)
  }
}

/** A verified step-up: the new signature counter and, with PRF, the authenticator's output. */
export interface StepUp {
  signCount: number
  /** PRF output for the desk's salt (32 bytes): the caller wipes it. */
  prfOutput?: Uint8Array
}

/**
 * The step-up (WebAuthn §7.2): a fresh random challenge, user verification required, the desk's
 * credential only; the response is verified here before anything is unlocked.
 *
 * @throws {@link SecureFieldsError} `ERR_STEP_UP_FAILED`
 */
export async function stepUp(credential: CredentialRecord, prfSalt?: ArrayBuffer): Promise<StepUp> {
  const rp = relyingParty()
  const challenge = random(32)
  let assertion: PublicKeyCredential
  try {
    assertion = (await navigator.credentials.get({
      publicKey: {
        challenge,
        rpId: credential.rpId,
        allowCredentials: [{ type: 'public-key', id: credential.id }],
        userVerification: 'required',
        timeout: TIMEOUT_MS,
        ...(prfSalt ? { extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs } : {}),
      },
    })) as PublicKeyCredential
  } catch {
    throw new SecureFieldsError(RevealErrorCodes.STEP_UP_FAILED, 'The step-up was refused or cancelled.')
  }
  const response = assertion.response as AuthenticatorAssertionResponse
  const signCount = await verifyAssertion(
    { credentialId: assertion.rawId, clientDataJSON: response.clientDataJSON, authenticatorData: response.authenticatorData, signature: response.signature },
    { challenge, origin: rp.origin, rpId: credential.rpId, credentialId: credential.id, publicKey: credential.publicKey, signCount: credential.signCount },
  )
  if (!prfSalt) return { signCount }
  const first = (assertion.getClientExtensionResults() as { prf?: { results?: { first?: ArrayBuffer } } }).prf?.results?.first
  if (!first || first.byteLength !== 32) {
    if (first) wipe(new Uint8Array(first))
    throw new SecureFieldsError(RevealErrorCodes.STEP_UP_FAILED, 'The authenticator gave no PRF output for the desk key.')
  }
  return { signCount, prfOutput: new Uint8Array(first) }
}
