/**
 * The JOSE-HPKE algorithms this library speaks, as static facts: which suite family, which Key
 * Management Mode, and the sizes a parser needs before any suite code is loaded. `inspect` works
 * from this table alone, so it never loads the post-quantum code.
 *
 * - `HPKE-4`, `HPKE-4-KE`: DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / ChaCha20-Poly1305
 *   (draft-ietf-jose-hpke-encrypt-20 §5.1 and §6.2; RFC 9180 ids 0x0020 / 0x0001 / 0x0003).
 * - `HPKE-9`, `HPKE-9-KE`: MLKEM768-X25519 (X-Wing) / SHAKE256 / AES-256-GCM
 *   (draft-ietf-jose-hpke-pq-pqt-01 §3; draft-ietf-hpke-pq-04 ids 0x647a / 0x0011 / 0x0002).
 *
 * @module
 */

/** Key Management Mode (draft-ietf-jose-hpke-encrypt-20 §3). */
export type KeyMode = 'integrated' | 'key-encryption'

/** What the library knows about one `alg` value. */
export interface AlgorithmInfo {
  /** The JOSE `alg` value. */
  readonly alg: string
  /** The family's Integrated Encryption `alg`: the name of the suite that implements it. */
  readonly family: 'HPKE-4' | 'HPKE-9'
  /** Integrated Encryption (compact envelope) or Key Encryption (JSON envelope, one CEK per recipient). */
  readonly mode: KeyMode
  /** JWK key type: `OKP` (RFC 8037) or `AKP` (RFC 9964). */
  readonly kty: 'OKP' | 'AKP'
  /** Whether the KEM resists a cryptographically relevant quantum computer. */
  readonly pq: boolean
  /** Size of the HPKE encapsulated secret (RFC 9180 §7.1 Nenc). */
  readonly Nenc: number
  /** Size of a serialized public key (Npk). */
  readonly Npk: number
  /** Size of a serialized private key (Nsk). */
  readonly Nsk: number
  /** Size of the HPKE AEAD's tag (Nt). */
  readonly Nt: number
}

const X25519 = { family: 'HPKE-4', kty: 'OKP', pq: false, Nenc: 32, Npk: 32, Nsk: 32, Nt: 16 } as const
// draft-ietf-hpke-pq-04 §4 (IANA table): MLKEM768-X25519 has Nenc 1120, Npk 1216, Nsk 32.
const XWING = { family: 'HPKE-9', kty: 'AKP', pq: true, Nenc: 1120, Npk: 1216, Nsk: 32, Nt: 16 } as const

/** Every `alg` this library seals to and opens. */
export const ALGORITHMS: Readonly<Record<string, AlgorithmInfo>> = {
  'HPKE-4': { alg: 'HPKE-4', mode: 'integrated', ...X25519 },
  'HPKE-4-KE': { alg: 'HPKE-4-KE', mode: 'key-encryption', ...X25519 },
  'HPKE-9': { alg: 'HPKE-9', mode: 'integrated', ...XWING },
  'HPKE-9-KE': { alg: 'HPKE-9-KE', mode: 'key-encryption', ...XWING },
}

/** The names accepted by `generateKeyPair({ alg })` and `secure-fields keygen --alg`. */
export type KeyAlgorithm = 'HPKE-4' | 'HPKE-4-KE' | 'HPKE-9' | 'HPKE-9-KE'

/** The table entry of `alg`, or `undefined` for anything this library does not speak. */
export function algorithmInfo(alg: unknown): AlgorithmInfo | undefined {
  return typeof alg === 'string' && Object.hasOwn(ALGORITHMS, alg) ? ALGORITHMS[alg] : undefined
}

/**
 * The content encryption algorithm of every JSON (Key Encryption) envelope: AES-256-GCM
 * (RFC 7518 §5.3), as in the drafts' own Key Encryption examples. WebCrypto has it everywhere.
 */
export const CONTENT_ENC = 'A256GCM'
