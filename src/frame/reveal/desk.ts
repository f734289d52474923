/**
 * A reveal desk: its enrolment (credential and key, made together on the frame origin) and the
 * unlock before each reveal (step-up, then the private key for that reveal only).
 *
 * @module
 */
import { wipe } from '../../crypto/bytes.js'
import type { RecipientKey } from '../../crypto/jwk.js'
import { recipientFromCryptoKey } from '../../crypto/crypto-key.js'
import { SecureFieldsError, isSecureFieldsError } from '../../errors.js'
import { RevealErrorCodes, type DeskInfo, type DeskKeyAlg } from '../../protocol/reveal.js'
import type { AkpPublicJwk, PublicJwk } from '../../crypto/jwk.js'
import { createDeviceKey, createWrappedKey, unlockDeskKey, type NewDeskKey } from './desk-key.js'
import { createPqDeskKey, unlockPqDeskKey } from './desk-pq-key.js'
import type { DeskRecord, DeskStore } from './desk-store.js'
import { createCredential, stepUp } from './webauthn.js'

/** What the host may learn about a desk record: its public half and how its key is kept. */
export function deskInfo(record: DeskRecord): DeskInfo {
  const prf = record.key.type === 'wrapped' || record.key.type === 'wrapped-seed'
  return { desk: record.desk, publicJwk: { ...record.publicJwk }, protection: prf ? 'prf' : 'device' }
}

const isPq = (alg: DeskKeyAlg): alg is 'HPKE-9' | 'HPKE-9-KE' => alg === 'HPKE-9' || alg === 'HPKE-9-KE'

/**
 * Enrols `desk`: creates the credential (inside the click that started it), then the key of
 * `alg` (X25519 by default, or post-quantum). With PRF, a first step-up fetches the PRF output the
 * key is wrapped under — which also proves the new credential verifies before anything depends
 * on it.
 *
 * The record is added, never overwritten: when another tab enrolled the same desk meanwhile, its
 * record wins and is returned (customers may already seal to its key), and the credential made
 * here is left unused.
 *
 * @throws {@link SecureFieldsError} `ERR_ENROL_FAILED`, `ERR_DESK_STORAGE`
 */
export async function enrolDesk(store: DeskStore, desk: string, alg: DeskKeyAlg = 'HPKE-4'): Promise<DeskRecord> {
  const credential = await createCredential(desk)
  let key: NewDeskKey | { publicJwk: AkpPublicJwk; stored: DeskRecord['key'] }
  if (credential.prf) {
    const prfSalt = crypto.getRandomValues(new Uint8Array(32)).buffer
    let prfOutput: Uint8Array<ArrayBuffer> | undefined
    try {
      const first = await stepUp(credential, prfSalt)
      prfOutput = first.prfOutput as Uint8Array<ArrayBuffer>
      credential.signCount = first.signCount
      key = isPq(alg) ? await createPqDeskKey(alg, { output: prfOutput, salt: prfSalt }) : await createWrappedKey(prfOutput, prfSalt, alg)
    } catch (error) {
      throw new SecureFieldsError(RevealErrorCodes.ENROL_FAILED, 'The authenticator could not protect the desk key.', { cause: isSecureFieldsError(error) ? error.code : undefined })
    } finally {
      wipe(prfOutput)
    }
  } else {
    key = isPq(alg) ? await createPqDeskKey(alg) : await createDeviceKey(alg)
  }
  const record: DeskRecord = { desk, publicJwk: key.publicJwk, credential, key: key.stored, created: Date.now() }
  if (await store.add(record)) return record
  const existing = await store.get(desk)
  if (!existing) throw new SecureFieldsError(RevealErrorCodes.DESK_STORAGE, 'The desk storage on the frame origin is unavailable.')
  return existing
}

/**
 * Enrols `desk`, or — when that fails because another tab enrolled it meanwhile (its ceremony
 * held the authenticator) — adopts the record that tab stored, if `wanted` still wants that desk.
 * `adopted` says which; with nothing to adopt, the enrolment's own error is thrown.
 */
export async function enrolOrAdopt(
  store: DeskStore,
  desk: string,
  alg: DeskKeyAlg | undefined,
  wanted: (desk: string) => boolean,
): Promise<{ record: DeskRecord; adopted: boolean }> {
  try {
    return { record: await enrolDesk(store, desk, alg), adopted: false }
  } catch (error) {
    const existing = await store.get(desk).catch(() => undefined)
    if (existing && wanted(existing.desk)) return { record: existing, adopted: true }
    throw error
  }
}

/**
 * The step-up before a reveal, then the desk's private key for this reveal. The new signature
 * counter is stored before the key is released, so a replayed or cloned assertion fails next time.
 *
 * @throws {@link SecureFieldsError} `ERR_STEP_UP_FAILED`, `ERR_DESK_STORAGE`
 */
export async function unlockDesk(store: DeskStore, record: DeskRecord): Promise<RecipientKey> {
  const wrapped = record.key.type === 'wrapped' || record.key.type === 'wrapped-seed' ? record.key : undefined
  const { signCount, prfOutput } = await stepUp(record.credential, wrapped?.prfSalt)
  record.credential.signCount = signCount
  await store.put(record)
  const prf = prfOutput as Uint8Array<ArrayBuffer> | undefined
  const unlocked = () => new SecureFieldsError(RevealErrorCodes.STEP_UP_FAILED, 'The authenticator did not unlock the desk key.')
  if (record.publicJwk.kty === 'AKP') {
    return unlockPqDeskKey(record.key, record.publicJwk, prf).catch(() => Promise.reject(unlocked()))
  }
  let privateKey: CryptoKey
  try {
    privateKey = await unlockDeskKey(record.key, record.publicJwk.kid!, prf)
  } catch {
    throw unlocked()
  }
  return recipientFromCryptoKey(privateKey, record.publicJwk as PublicJwk)
}
