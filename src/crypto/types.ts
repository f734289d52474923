/**
 * The shapes the crypto layer speaks in: JWKs (X25519, RFC 8037 §2; `AKP`, RFC 9964 §3), the
 * imported keys every suite hands to `seal` and `open`, and the suites themselves. One module,
 * because a key names the suite that imported it and a suite the keys it imports: `jwk.ts`,
 * `akp.ts` and `suite.ts` build on these without importing one another in a circle.
 *
 * @module
 */
import type { CipherSuite, Key } from 'hpke'

/** A public X25519 JWK (RFC 8037 §2). `kid` is the RFC 7638 thumbprint when made here. */
export interface PublicJwk {
  kty: 'OKP'
  crv: 'X25519'
  /** base64url of the 32-byte public key */
  x: string
  kid?: string
  alg?: string
  use?: 'enc'
  key_ops?: string[]
}

/** A private X25519 JWK: a {@link PublicJwk} with the private scalar `d`. Keep it secret. */
export interface PrivateJwk extends PublicJwk {
  /** base64url of the 32-byte private key */
  d: string
}

/**
 * A public `AKP` JWK (RFC 9964 §3) of a post-quantum suite, as draft-ietf-jose-hpke-pq-pqt-01 §4
 * defines it: `alg` is required and fixes the suite and the Key Management Mode; `pub` is the
 * KEM's SerializePublicKey output. `kid` is the RFC 7638 thumbprint when made here.
 */
export interface AkpPublicJwk {
  kty: 'AKP'
  /** `HPKE-9` (Integrated Encryption) or `HPKE-9-KE` (Key Encryption). */
  alg: string
  /** base64url of the serialized public key (1216 bytes for MLKEM768-X25519). */
  pub: string
  kid?: string
  use?: 'enc'
  key_ops?: string[]
}

/** A private `AKP` JWK: an {@link AkpPublicJwk} with `priv`, the KEM's 32-byte seed. Keep it secret. */
export interface AkpPrivateJwk extends AkpPublicJwk {
  /** base64url of SerializePrivateKey: the 32-byte seed the whole key pair expands from. */
  priv: string
}

/** Any public JWK this library seals to. */
export type AnyPublicJwk = PublicJwk | AkpPublicJwk
/** Any private JWK this library opens with. */
export type AnyPrivateJwk = PrivateJwk | AkpPrivateJwk

/** An imported public key, ready to seal to. */
export interface SenderKey {
  /** RFC 7638 thumbprint of the key: the envelope's (or its recipient's) `kid`. */
  readonly kid: string
  /**
   * The `alg` the JWK declared (`HPKE-4`, `HPKE-4-KE`, `HPKE-9`, `HPKE-9-KE`), which fixes its
   * Key Management Mode; `undefined` for an X25519 JWK without `alg`, usable in either mode.
   */
  readonly alg: string | undefined
  /** @internal the HPKE key */
  readonly key: Key
  /** @internal the suite that imported it and seals with it */
  readonly suite: SenderSuite
}

/** An imported private key, ready to open with. Reuse it: importing is part of an open's cost. */
export interface RecipientKey {
  /** RFC 7638 thumbprint of the matching public key. */
  readonly kid: string
  /** The `alg` the JWK declared, as for {@link SenderKey.alg}. */
  readonly alg: string | undefined
  /** @internal the HPKE key */
  readonly key: Key
  /** @internal the suite that imported it and opens with it */
  readonly suite: Suite
}

/** A JOSE-HPKE suite family this library can seal to: one HPKE cipher suite, two `alg`s. */
export interface SenderSuite {
  /** The Integrated Encryption `alg` (draft-ietf-jose-hpke-encrypt-20 §5.1): `HPKE-4`, `HPKE-9`. */
  readonly alg: string
  /** The Key Encryption `alg` of the same HPKE suite (§6.2): `HPKE-4-KE`, `HPKE-9-KE`. */
  readonly keAlg: string
  /** Whether the KEM resists a cryptographically relevant quantum computer. */
  readonly pq: boolean
  /** The HPKE cipher suite (`hpke` package) that does the work. */
  readonly hpke: CipherSuite<Key>
  /** Validates and imports a recipient's public JWK of this family. Throws `ERR_KEY_INVALID`. */
  importPublic(jwk: unknown): Promise<SenderKey>
}

/** A JOSE-HPKE suite family this library can seal to and open. */
export interface Suite extends SenderSuite {
  /** Validates and imports a recipient's private JWK of this family. Throws `ERR_KEY_INVALID`. */
  importPrivate(jwk: unknown): Promise<RecipientKey>
  /** Generates a key pair as JWKs for `alg` (one of {@link SenderSuite.alg}, {@link SenderSuite.keAlg}). */
  generate(alg?: string): Promise<{ privateJwk: AnyPrivateJwk; publicJwk: AnyPublicJwk }>
}
