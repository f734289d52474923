/**
 * The tamper-evident audit log: append-only JSON lines, each entry chained to the previous one's
 * hash. See `docs/audit-log.md`.
 *
 * @module
 */
export { AUDIT_EVENTS, AuditErrorCodes, GENESIS, type AuditEntry, type AuditEvent, type AuditInput } from './types.js'
export { openAuditLog, type AuditLog, type AuditLogOptions } from './log.js'
export { verifyAuditLog, type AuditProblem, type AuditProblemKind, type AuditVerification } from './verify.js'
export { canonicalJson, entryHash } from './canonical.js'
export { auditCommand, runAuditVerify } from './command.js'
