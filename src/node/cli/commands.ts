/**
 * Registers the sub-commands that live with their own modules (frame server, audit log).
 *
 * @module
 */
import { registerCommand } from './program.js'
import { integrityCommand, serveCommand } from './serve-command.js'
import { auditCommand } from '../audit/command.js'

registerCommand(serveCommand)
registerCommand(integrityCommand)
registerCommand(auditCommand)
