/**
 * What a field seals to and with: the imported recipients and the claims of its envelopes.
 * Declared apart from `seal.ts` (one key) and `seal-set.ts` (key sets, loaded on demand), which
 * both make {@link Recipients}, so that neither imports the other for its type.
 *
 * @module
 */

/** Claims the frame puts in an envelope. */
export interface FrameClaims {
  kind: string
  context: string
  preview: string
  consent?: string
  expiresIn?: number
  /** The size the plaintext is padded to (see `src/crypto/padding.ts`). */
  padTo: number
}

/** The keys a field seals to, imported and checked: one key, or a set that can share an envelope. */
export interface Recipients {
  /** Each key's RFC 7638 thumbprint, in order. */
  readonly kids: readonly string[]
  /** Whether every key is post-quantum (`HPKE-9`, `HPKE-9-KE`). */
  readonly pq: boolean
  /** Seals the encoded value to every key. */
  seal(bytes: Uint8Array, claims: FrameClaims): Promise<string>
}
