/**
 * The tamper-evident audit log: append-only JSON lines, each entry chained to the previous one's
 * hash. See `docs/audit-log.md`.
 *
 * @module
 */
export { AUDIT_EVENTS, AuditErrorCodes, GENESIS, type AuditEntry, type AuditEvent, type AuditInput } from './types.js'
export { openAuditLog, readAuditHead, type AuditLog, type AuditLogOptions } from './log.js'
export { verifyAuditLog, type AuditProblem, type AuditProblemKind, type AuditVerification, type AuditVerifyOptions } from './verify.js'
export { formatCheckpoint, parseCheckpoint, type AuditCheckpoint } from './checkpoint.js'
export { canonicalJson, entryHash } from './canonical.js'
export { auditCommand, runAuditHead, runAuditVerify } from './command.js'
