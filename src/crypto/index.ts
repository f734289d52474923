/**
 * `secure-fields/crypto`: the envelope — pure functions over bytes, the same in frames, browsers,
 * workers and Node.
 *
 * @packageDocumentation
 */
export { seal, type SealOptions } from './seal.js'
export { open, MAX_CLOCK_TOLERANCE, type OpenOptions, type Opened } from './open.js'
export { PAD_LIMITS } from './padding.js'
export { inspect } from './inspect.js'
export { generateKeyPair } from './keys.js'
export { HPKE_4, HPKE_4_WEB, createHpke4Suite, type Suite, type SenderSuite } from './suite.js'
export { sealWithSuite } from './seal-with-suite.js'
export {
  thumbprint,
  publicJwkOf,
  recipientFromCryptoKey,
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
  type ProtectedHeader,
  type SealClaims,
} from './header.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError, type ErrorCode } from '../errors.js'
