/**
 * `secure-fields/crypto`: the envelope — pure functions over bytes, the same in frames, browsers,
 * workers and Node.
 *
 * @packageDocumentation
 */
export { seal, type SealOptions } from './seal.js'
export { open, MAX_CLOCK_TOLERANCE, type OpenOptions, type Opened } from './open.js'
export { openWith } from './open-with.js'
export { PAD_LIMITS } from './padding.js'
export { inspect } from './inspect.js'
export { generateKeyPair, type KeyPairOptions } from './keys.js'
export { HPKE_4, HPKE_4_WEB, createHpke4Suite, type Suite, type SenderSuite } from './suite.js'
export { loadHpke9 } from './resolve.js'
export { recipientFromCryptoKey } from './crypto-key.js'
export { HPKE_9, recipientFromSeed } from './hpke9.js'
export { sealWithSuite } from './seal-with-suite.js'
export { sealTo, recipientList } from './seal-to.js'
export { ALGORITHMS, algorithmInfo, CONTENT_ENC, type AlgorithmInfo, type KeyAlgorithm, type KeyMode } from './algorithms.js'
export { thumbprint } from './thumbprint.js'
export {
  publicJwkOf,
  type AkpPrivateJwk,
  type AkpPublicJwk,
  type AnyPrivateJwk,
  type AnyPublicJwk,
  type PrivateJwk,
  type PublicJwk,
  type RecipientKey,
  type SenderKey,
} from './jwk.js'
export {
  DEFAULT_LIFETIME,
  ENVELOPE_TYP,
  LIMITS,
  type EnvelopeClaims,
  type EnvelopeHeader,
  type ProtectedHeader,
  type RecipientInfo,
  type SealClaims,
} from './header.js'
export {
  SecureFieldsError,
  ERRORS,
  ErrorCodes,
  isErrorCode,
  isSecureFieldsError,
  type ErrorArea,
  type ErrorAudience,
  type ErrorCode,
  type ErrorInfo,
} from '../errors.js'
