/**
 * Pure validators of Secure Fields: card number, expiry and security code, US SSN / ITIN, IBAN
 * and the text presets — and the detector that finds card numbers, SSNs and IBANs in free text with
 * those same rules (the composer guard, `redact`, the audit log). No DOM, no Node built-ins: the same code runs in the field frames, in Node
 * and in tests.
 *
 * Customer input never throws: each validator returns `complete`, `valid` and, when not valid, a
 * stable {@link ValidationCode}. Only programmer errors (a non-string input, bad options) throw a
 * `SecureFieldsError` with code `ERR_INPUT_INVALID`. No code, message or preview holds the input
 * beyond the last characters a preview is allowed to show.
 *
 * @module
 */
export {
  VALIDATION_CODES,
  isValidationCode,
  type ValidationCode,
  type CardNumberCode,
  type ExpiryCode,
  type CvcCode,
  type SsnCode,
  type IbanCode,
  type AccountCode,
  type IdCode,
} from './codes.js'
export { sanitizeDigits, onlyDigits, normalizeDigits, type SanitizedDigits } from './digits.js'
export {
  luhn,
  detectBrand,
  validateCardNumber,
  formatCardNumber,
  previewCard,
  MAX_CARD_NUMBER_LENGTH,
  type CardBrand,
  type CardNumberResult,
} from './card.js'
export { validateExpiry, MAX_EXPIRY_YEARS_AHEAD, type ExpiryResult } from './expiry.js'
export { validateCvc, type CvcResult } from './cvc.js'
export { validateCard, type CardInput, type CardResult } from './card-form.js'
export { validateSsn, previewSsn, SSN_LENGTH, type SsnOptions, type SsnResult } from './ssn.js'
export { validateIban, previewIban, type IbanResult } from './iban.js'
export {
  validateText,
  createTextValidator,
  MAX_PATTERN_LENGTH,
  type TextPreset,
  type TextOptions,
  type TextResult,
  type TextValidator,
} from './text.js'
export { MASK_CHAR, visibleTail, maskedTail } from './preview.js'
export {
  findSensitiveNumbers,
  hasSensitiveNumber,
  SENSITIVE_KINDS,
  type SensitiveKind,
  type SensitiveMatch,
  type DetectOptions,
} from './detect.js'
export { SecureFieldsError, isSecureFieldsError } from '../errors.js'
