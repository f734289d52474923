/**
 * Registers the sub-commands that live with their own modules (frame server, audit log, redaction).
 *
 * @module
 */
import { registerCommand } from './program.js'
import { integrityCommand, serveCommand } from './serve-command.js'
import { auditCommand } from '../audit/command.js'
import { redactCommand } from '../redact/command.js'

registerCommand(serveCommand)
registerCommand(integrityCommand)
registerCommand(auditCommand)
registerCommand(redactCommand)
