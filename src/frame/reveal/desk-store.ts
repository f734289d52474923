/**
 * The reveal desk's storage on the frame origin: one IndexedDB database with the desk records
 * (credential and key) and the ids of envelopes already revealed. Only the reveal frame, on the
 * frame origin, opens it; the host page has its own, separate storage (and Chromium partitions a
 * cross-site frame's storage by top-level site as well).
 *
 * @module
 */
import { SecureFieldsError } from '../../errors.js'
import { RevealErrorCodes } from '../../protocol/reveal.js'
import type { AkpPublicJwk, PublicJwk } from '../../crypto/jwk.js'

const DB_NAME = 'secure-fields-reveal'
const DB_VERSION = 1
const DESKS = 'desks'
const REVEALED = 'revealed'

/** The WebAuthn credential enrolled for a desk (WebAuthn L3 §6.1 "credential record"). */
export interface CredentialRecord {
  /** Credential id (raw bytes). */
  id: ArrayBuffer
  /** The credential public key: ECDSA P-256 (COSE -7, ES256), `verify` only. */
  publicKey: CryptoKey
  /** Signature counter from the last verified assertion (§6.1.1). */
  signCount: number
  /** The RP id it was created for (the frame origin's host name). */
  rpId: string
  /** Whether the authenticator offers PRF for it (then the desk key is wrapped). */
  prf: boolean
}

/**
 * The desk key as kept. X25519: a non-extractable CryptoKey, or PKCS #8 bytes wrapped under the
 * PRF-derived key. Post-quantum (WebCrypto has no ML-KEM, `desk-pq-key.ts`): the KEM seed,
 * encrypted under the PRF-derived key, or under a non-extractable AES key kept beside it.
 */
export type StoredDeskKey =
  | { type: 'crypto-key'; key: CryptoKey }
  | {
      type: 'wrapped'
      /** AES-GCM ciphertext of the PKCS #8 private key. */
      wrapped: ArrayBuffer
      iv: ArrayBuffer
      /** The PRF input (`prf.eval.first`); not secret. */
      prfSalt: ArrayBuffer
      /** The HKDF salt of the wrapping key; not secret. */
      hkdfSalt: ArrayBuffer
    }
  | {
      type: 'wrapped-seed'
      /** AES-256-GCM ciphertext of the 32-byte seed, under the PRF-derived key. */
      sealed: ArrayBuffer
      iv: ArrayBuffer
      prfSalt: ArrayBuffer
      hkdfSalt: ArrayBuffer
    }
  | {
      type: 'sealed-seed'
      /** The non-extractable AES-256-GCM key the seed is encrypted under (`encrypt`, `decrypt`). */
      key: CryptoKey
      /** AES-256-GCM ciphertext of the 32-byte seed. */
      sealed: ArrayBuffer
      iv: ArrayBuffer
    }

/** Everything a desk keeps. */
export interface DeskRecord {
  desk: string
  /** X25519 (`OKP`) or post-quantum (`AKP`). */
  publicJwk: PublicJwk | AkpPublicJwk
  credential: CredentialRecord
  key: StoredDeskKey
  /** Enrolment time, ms since the epoch. */
  created: number
}

const storageError = () => new SecureFieldsError(RevealErrorCodes.DESK_STORAGE, 'The desk storage on the frame origin is unavailable.')

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

/** The desk database of this frame origin. */
export class DeskStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens (and on first use creates) the database; throws `ERR_DESK_STORAGE`. */
  static async open(): Promise<DeskStore> {
    try {
      const req = indexedDB.open(DB_NAME, DB_VERSION)
      req.onupgradeneeded = () => {
        req.result.createObjectStore(DESKS, { keyPath: 'desk' })
        req.result.createObjectStore(REVEALED, { keyPath: 'jti' })
      }
      return new DeskStore(await request(req))
    } catch {
      throw storageError()
    }
  }

  /** The record of `desk`, if enrolled. */
  async get(desk: string): Promise<DeskRecord | undefined> {
    try {
      return (await request(this.db.transaction(DESKS).objectStore(DESKS).get(desk))) as DeskRecord | undefined
    } catch {
      throw storageError()
    }
  }

  /** Writes a desk record (enrolment, or a new signature counter). */
  async put(record: DeskRecord): Promise<void> {
    try {
      const tx = this.db.transaction(DESKS, 'readwrite')
      tx.objectStore(DESKS).put(record)
      await done(tx)
    } catch {
      throw storageError()
    }
  }

  /**
   * Writes a new desk record unless the desk has one already, atomically (IndexedDB `add`): of two
   * tabs enrolling the same desk at once, one keeps its key and the other adopts it, so an
   * envelope sealed to the first key is never orphaned. Returns false when a record was there.
   */
  async add(record: DeskRecord): Promise<boolean> {
    let tx: IDBTransaction
    try {
      tx = this.db.transaction(DESKS, 'readwrite')
    } catch {
      throw storageError()
    }
    const req = tx.objectStore(DESKS).add(record)
    return new Promise((resolve, reject) => {
      req.onerror = (event) => {
        if (req.error?.name !== 'ConstraintError') return reject(storageError())
        event.preventDefault()
        resolve(false)
      }
      tx.oncomplete = () => resolve(true)
      tx.onabort = () => reject(storageError())
    })
  }

  /** Whether an envelope id was revealed here before. */
  async wasRevealed(jti: string): Promise<boolean> {
    try {
      return (await request(this.db.transaction(REVEALED).objectStore(REVEALED).count(jti))) > 0
    } catch {
      throw storageError()
    }
  }

  /**
   * Records `jti` as revealed, atomically: `add` fails when the id is there already, so of two
   * reveals racing for one envelope exactly one wins. Returns false for the loser.
   * `exp` (seconds) lets {@link prune} forget ids once their envelopes have expired anyway.
   */
  async markRevealed(jti: string, exp: number): Promise<boolean> {
    let tx: IDBTransaction
    try {
      tx = this.db.transaction(REVEALED, 'readwrite')
    } catch {
      throw storageError()
    }
    const req = tx.objectStore(REVEALED).add({ jti, exp, at: Date.now() })
    return new Promise((resolve, reject) => {
      req.onerror = (event) => {
        // The request's error, not the transaction's (which is still null at this point).
        if (req.error?.name !== 'ConstraintError') return reject(storageError())
        event.preventDefault() // nothing else to undo: let the transaction end quietly
        resolve(false)
      }
      tx.oncomplete = () => resolve(true)
      tx.onabort = () => reject(storageError())
    })
  }

  /** Forgets revealed ids whose envelopes expired more than a minute ago: `open` refuses those anyway. */
  async prune(nowSeconds = Math.floor(Date.now() / 1000)): Promise<void> {
    try {
      const tx = this.db.transaction(REVEALED, 'readwrite')
      const store = tx.objectStore(REVEALED)
      const all = (await request(store.getAll())) as Array<{ jti: string; exp: number }>
      for (const entry of all) if (entry.exp + 60 < nowSeconds) store.delete(entry.jti)
      await done(tx)
    } catch {
      // Pruning is housekeeping: a failure leaves a few extra ids, never a second reveal.
    }
  }

  /** Closes the connection. */
  close(): void {
    this.db.close()
  }
}

/**
 * How a stored record keeps its private key, read from the record itself: any private CryptoKey
 * in it is a usable key (`crypto-key`); wrapped bytes without a key are `wrapped` (PKCS #8 or a
 * seed, under the PRF-derived key); a seed beside the AES key that decrypts it is `sealed`.
 */
export function storedKeyForm(record: DeskRecord | undefined): 'wrapped' | 'crypto-key' | 'sealed' | 'none' {
  if (!record) return 'none'
  const key = record.key
  const values = Object.values(key as Record<string, unknown>)
  if (values.some((v) => v instanceof CryptoKey && v.type === 'private')) return 'crypto-key'
  if (key.type === 'sealed-seed') return key.key instanceof CryptoKey && key.sealed instanceof ArrayBuffer ? 'sealed' : 'none'
  if (values.some((v) => v instanceof CryptoKey)) return 'none'
  if (key.type === 'wrapped') return key.wrapped instanceof ArrayBuffer ? 'wrapped' : 'none'
  return key.type === 'wrapped-seed' && key.sealed instanceof ArrayBuffer ? 'wrapped' : 'none'
}
