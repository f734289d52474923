/**
 * The envelope store's contract, shared by every backend (SQLite, Redis) and by the conformance
 * suite that runs against each of them.
 *
 * The store only ever holds envelopes — ciphertext — and the metadata everyone may see (masked
 * preview, kind, conversation, times). It never receives plaintext, so nothing it returns, throws or
 * logs can hold any.
 *
 * @module
 */
import type { EnvelopeHeader } from '../../crypto/index.js'
import type { ErrorCode } from '../../errors.js'

/** What the store keeps next to an envelope, for listing and expiry. None of it is secret. */
export interface EnvelopeMeta {
  /** The conversation the envelope belongs to; defaults to the header's `ctx`. */
  conversation: string
  /** The masked preview shown in the transcript; defaults to the header's `preview`. */
  preview: string
  /** The field kind; defaults to the header's `kind`. */
  kind: string
  /**
   * When the store forgets the envelope, in milliseconds since the epoch; defaults to the header's
   * `exp` × 1000 and may only be earlier (a store keeping an envelope its recipient must refuse
   * would be pointless).
   */
  expiresAt: number
}

/** An envelope as `take` hands it over: the ciphertext, its metadata and when it was stored. */
export interface StoredEnvelope {
  /** The store id: the envelope's `jti`. */
  id: string
  /** The envelope (JWE Compact Serialization). */
  envelope: string
  /** Its metadata. */
  meta: EnvelopeMeta
  /** When `put` stored it, in milliseconds since the epoch. */
  storedAt: number
}

/** What `peek` shows: the protected header and metadata, never the ciphertext. */
export interface EnvelopePeek {
  /** The store id. */
  id: string
  /** The envelope's protected header, as `inspect` reads it (unauthenticated until opened). */
  header: EnvelopeHeader
  /** Its metadata. */
  meta: EnvelopeMeta
}

/** One line of a conversation's listing. */
export interface EnvelopeListing {
  /** The store id. */
  id: string
  /** Its metadata (preview, kind, expiry) for the transcript. */
  meta: EnvelopeMeta
}

/** Options of {@link EnvelopeStore.claim}. */
export interface ClaimOptions {
  /**
   * Who holds the claim: an agent session, a socket — any printable string of 1 to 128
   * characters. Only this holder may take or release the envelope while the claim lasts.
   */
  holder: string
  /**
   * How long the claim lasts without a take or a release, in milliseconds (default
   * {@link CLAIM_TTL.default}, at most {@link CLAIM_TTL.max}, never past the envelope's expiry).
   * When it lapses the envelope is available again: an agent tab that closed mid-step-up loses
   * nothing.
   */
  ttl?: number
  /** The time to judge by, ms since the epoch (default `Date.now()`). */
  now?: number
}

/** Options of {@link EnvelopeStore.take}. */
export interface TakeOptions {
  /** The time to judge expiry and claims by, ms since the epoch (default `Date.now()`). */
  now?: number
  /** The holder of a claim on the envelope: only it may take a claimed envelope. */
  holder?: string
}

/** Bounds of a claim's lifetime, in milliseconds. */
export const CLAIM_TTL = { default: 120_000, max: 600_000 } as const

/**
 * A view-once store of sealed envelopes. Every method is safe to call concurrently, from several
 * processes too: `take` hands a given envelope to exactly one caller.
 *
 * `now` parameters (milliseconds since the epoch, default `Date.now()`) let callers and tests judge
 * expiry at a chosen instant. An envelope is expired when `meta.expiresAt <= now`.
 */
export interface EnvelopeStore {
  /**
   * Stores an envelope and returns its id (the envelope's `jti`).
   *
   * @param envelope - a Secure Fields envelope; checked with `inspect`
   * @param meta - overrides of the metadata derived from the header
   * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED` (and the other `inspect` codes),
   *   `ERR_ENVELOPE_EXPIRED` when already expired, `ERR_INPUT_INVALID` for unusable metadata,
   *   `ERR_STORE_DUPLICATE` when the id is stored or was already taken, `ERR_STORE_CLOSED`
   */
  put(envelope: string, meta?: Partial<EnvelopeMeta>): Promise<string>
  /**
   * Atomically reads and deletes an envelope: of any number of concurrent callers, one gets it and
   * the others get `undefined`, and so does every later caller. An expired envelope is deleted and
   * not returned.
   *
   * @param options - the time to judge by (a number, or `{ now }`), and the `holder` of a claim
   * @throws {@link SecureFieldsError} `ERR_STORE_HELD` when another holder's claim on it is live
   */
  take(id: string, options?: number | TakeOptions): Promise<StoredEnvelope | undefined>
  /**
   * Hands an envelope over without deleting it yet: atomically marks it held by `holder` for a
   * while, so that it is taken only once the reveal succeeded (`take` with the same `holder`) and
   * put back when it failed (`release`) — or, if neither comes, when the claim lapses. Of any
   * number of concurrent claims by different holders, one wins; a holder may claim again (the
   * claim is renewed).
   *
   * @returns the envelope, or `undefined` when it is not stored (taken, expired, never stored)
   * @throws {@link SecureFieldsError} `ERR_STORE_HELD` when another holder's claim is live,
   *   `ERR_INPUT_INVALID` for a bad holder or ttl
   */
  claim(id: string, options: ClaimOptions): Promise<StoredEnvelope | undefined>
  /**
   * Puts a claimed envelope back, atomically: it is available to every holder again. Resolves
   * `true` when `holder` held it, `false` otherwise (another holder's claim is left alone).
   */
  release(id: string, holder: string): Promise<boolean>
  /** The header and metadata of a live envelope, without its ciphertext; it stays stored. */
  peek(id: string, now?: number): Promise<EnvelopePeek | undefined>
  /** The live envelopes of a conversation, oldest first (by `storedAt`, then id). */
  list(conversation: string, now?: number): Promise<EnvelopeListing[]>
  /** Deletes the envelopes expired at `now` and returns how many this call deleted. */
  sweep(now?: number): Promise<number>
  /** Releases the backend's resources; later calls throw `ERR_STORE_CLOSED`. Idempotent. */
  close(): Promise<void>
}

/**
 * Short names of the store's codes (thrown as `SecureFieldsError`; see `docs/store.md`). Every
 * value is a registered code; the meanings are in the registry (`ERRORS`, `src/errors.ts`).
 */
export const StoreErrorCodes = {
  DUPLICATE: 'ERR_STORE_DUPLICATE',
  CLOSED: 'ERR_STORE_CLOSED',
  CORRUPT: 'ERR_STORE_CORRUPT',
  UNAVAILABLE: 'ERR_STORE_UNAVAILABLE',
  HELD: 'ERR_STORE_HELD',
} as const satisfies Record<string, ErrorCode>
