/**
 * The `audit` sub-command of the `secure-fields` CLI: `secure-fields audit verify FILE`.
 *
 * @module
 */
import { Command } from 'commander'
import { isSecureFieldsError } from '../../errors.js'
import { verifyAuditLog } from './verify.js'

/**
 * Verifies an audit log and reports to `out`, one line per call: `ok: N entries`, or one line per
 * problem (`line 7: altered (seq 6) — …`).
 *
 * @returns the exit code: 0 intact, 1 problems found, 2 the file could not be read
 */
export async function runAuditVerify(file: string, out: (line: string) => void): Promise<number> {
  let result
  try {
    result = await verifyAuditLog(file)
  } catch (error) {
    out(`error: ${isSecureFieldsError(error) ? error.message : 'the audit log cannot be verified.'} (${file})`)
    return 2
  }
  if (result.ok) {
    out(`ok: ${result.entries} entries`)
    return 0
  }
  for (const p of result.problems) out(`line ${p.line}: ${p.problem}${p.seq === undefined ? '' : ` (seq ${p.seq})`} — ${p.message}`)
  return 1
}

/**
 * The `audit` command, to mount into the main CLI with `program.addCommand(auditCommand())`.
 * Sets `process.exitCode` rather than exiting, so output is flushed first.
 */
export function auditCommand(): Command {
  const audit = new Command('audit').description('work with audit logs')
  audit
    .command('verify')
    .description('check an audit log\'s hash chain; exit 0 when intact, 1 when entries were altered, removed or reordered')
    .argument('<file>', 'the audit log (JSON lines)')
    .action(async (file: string) => {
      process.exitCode = await runAuditVerify(file, (line) => process.stdout.write(`${line}\n`))
    })
  return audit
}
