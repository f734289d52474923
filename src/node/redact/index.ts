/**
 * Redaction of card numbers, SSNs and IBANs in transcripts and logs: `redact`, `redactWithCounts`,
 * the streaming `createRedactStream`, and the `secure-fields redact` command. See
 * `docs/composer-guard.md`.
 *
 * @module
 */
export { redact, redactWithCounts, emptyCounts, type RedactOptions, type RedactResult, type RedactionCounts } from './redact.js'
export { createRedactStream, type RedactStream, type RedactStreamOptions } from './stream.js'
export { redactCommand } from './command.js'
export { findSensitiveNumbers, SENSITIVE_KINDS, type SensitiveKind, type SensitiveMatch, type DetectOptions } from '../../validate/detect.js'
