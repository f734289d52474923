/**
 * The `audit` sub-command of the `secure-fields` CLI: `audit verify FILE [--since CHECKPOINT]`
 * and `audit head FILE`.
 *
 * @module
 */
import { Command } from 'commander'
import { isSecureFieldsError } from '../../errors.js'
import { exitWith, usage } from '../cli/io.js'
import type { CliIo } from '../cli/envelope-commands.js'
import { formatCheckpoint, parseCheckpoint, type AuditCheckpoint } from './checkpoint.js'
import { readAuditHead } from './log.js'
import { verifyAuditLog, type AuditVerification } from './verify.js'

/** What the verifier made of a file, or why it could not judge it (exit 2). */
async function judge(file: string, since: AuditCheckpoint | undefined, out: (line: string) => void): Promise<AuditVerification | undefined> {
  let result
  try {
    result = await verifyAuditLog(file, { since })
  } catch (error) {
    out(`error: ${isSecureFieldsError(error) ? error.message : 'the audit log cannot be verified.'} (${file})`)
    return undefined
  }
  // Lines, and not one of them an entry: this is some other file, not a damaged log.
  if (result.entries === 0 && result.problems.some((p) => p.problem === 'malformed' || p.problem === 'truncated')) {
    out(`error: not an audit log: no line of it is an audit entry (${file})`)
    return undefined
  }
  return result
}

const report = (result: AuditVerification, out: (line: string) => void) => {
  for (const p of result.problems) out(`line ${p.line}: ${p.problem}${p.seq === undefined ? '' : ` (seq ${p.seq})`} — ${p.message}`)
}

/**
 * Verifies an audit log and reports to `out`, one line per call: `ok: N entries`, or one line per
 * problem (`line 7: altered (seq 6) — …`).
 *
 * @param options - `since`: a checkpoint (`audit head`) whose entry must still be in the log
 * @returns the exit code: 0 intact, 1 problems found, 2 the file could not be read or is not an
 *   audit log
 */
export async function runAuditVerify(file: string, out: (line: string) => void, options: { since?: AuditCheckpoint } = {}): Promise<number> {
  const result = await judge(file, options.since, out)
  if (!result) return 2
  if (result.ok) {
    out(`ok: ${result.entries} entries${options.since ? `, checkpoint seq ${options.since.seq} present` : ''}`)
    return 0
  }
  report(result, out)
  return 1
}

/**
 * Prints the checkpoint of an intact log, `seq:hash` of its last entry, on `out`; problems go to
 * `err`. Keep the checkpoint elsewhere and later run `audit verify FILE --since CHECKPOINT`.
 *
 * @returns the exit code: 0 printed, 1 the log does not verify or has no entry yet, 2 the file
 *   could not be read or is not an audit log
 */
export async function runAuditHead(file: string, out: (line: string) => void, err: (line: string) => void = out): Promise<number> {
  const result = await judge(file, undefined, err)
  if (!result) return 2
  if (!result.ok) {
    report(result, err)
    err('error: no checkpoint: the log does not verify.')
    return 1
  }
  let head
  try {
    head = await readAuditHead(file)
  } catch {
    err(`error: the audit log cannot be read. (${file})`)
    return 2
  }
  if (!head) {
    err('error: no checkpoint: the log has no entry yet.')
    return 1
  }
  out(formatCheckpoint(head))
  return 0
}

const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }

/**
 * The `audit` command, as `secure-fields` mounts it. Each sub-command reports on `io.stdout` and
 * ends with its exit code (a `CommanderError` whose `exitCode` it is; `runCli` returns it).
 */
export function auditCommand(io: CliIo = processIo): Command {
  const line = (stream: NodeJS.WritableStream) => (text: string) => void stream.write(`${text}\n`)
  const audit = new Command('audit').description('work with audit logs')
  audit
    .command('verify')
    .description("check an audit log's hash chain; exit 0 when intact, 1 when entries were altered, removed, reordered or cut off after a checkpoint, 2 when the file cannot be read or is not an audit log")
    .argument('<file>', 'the audit log (JSON lines)')
    .option('--since <checkpoint>', 'a checkpoint printed earlier by `audit head` (seq:hash): its entry must still be in the log')
    .action(async (file: string, o: { since?: string }, command: Command) => {
      let since: AuditCheckpoint | undefined
      if (o.since !== undefined) {
        try {
          since = parseCheckpoint(o.since)
        } catch (error) {
          usage(command, isSecureFieldsError(error) ? error.message : 'bad checkpoint')
        }
      }
      const code = await runAuditVerify(file, line(io.stdout), { since })
      if (code !== 0) exitWith(code)
    })
  audit
    .command('head')
    .description('print a checkpoint of an intact log (seq:hash of its last entry) to keep elsewhere and pass to `audit verify --since`')
    .argument('<file>', 'the audit log (JSON lines)')
    .action(async (file: string) => {
      const code = await runAuditHead(file, line(io.stdout), line(io.stderr))
      if (code !== 0) exitWith(code)
    })
  return audit
}
