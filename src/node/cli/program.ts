/**
 * The `secure-fields` command: assembles the sub-commands and maps outcomes to exit codes
 * (0 success, 1 failure with a one-line reason on stderr, 2 bad usage; docs/cli.md).
 *
 * @module
 */
import { Command, CommanderError } from 'commander'
import { packageVersion } from '../package-root.js'
import { EXIT, EXIT_CODE_ERROR, reason } from './io.js'
import { keygenCommand, sealCommand, openCommand, inspectCommand, type CliIo } from './envelope-commands.js'

/** Extra sub-commands contributed by other modules (frame server, audit log). */
export type CommandFactory = (io: CliIo) => Command

const extra: CommandFactory[] = []

/** Adds a sub-command to every program made after this call. */
export function registerCommand(factory: CommandFactory): void {
  extra.push(factory)
}

/** Builds the program. Exposed for tests, which inject their own streams. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('secure-fields')
    .description('Secure Fields: keys, envelopes, the frame origin server and the audit log.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
  for (const make of [keygenCommand, sealCommand, openCommand, inspectCommand, ...extra]) {
    const sub = make(io)
    configure(sub, io)
    program.addCommand(sub)
  }
  return program
}

/** Output, usage hint and exit override for a sub-command and its own sub-commands (`audit verify`). */
function configure(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
  for (const sub of command.commands) configure(sub, io)
}

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      // A command that reported on its own ends with its own code (`audit verify`: 0, 1 or 2).
      if (error.code === EXIT_CODE_ERROR) return error.exitCode
      // --help and --version exit 0; every other commander error is a usage error.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok
      return EXIT.usage
    }
    io.stderr.write(`secure-fields: ${reason(error)}\n`)
    return EXIT.failure
  }
}
