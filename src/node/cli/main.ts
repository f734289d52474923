/**
 * Entry point of the `secure-fields` binary.
 *
 * @module
 */
import { runCli } from './program.js'
import './commands.js'

const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
process.exitCode = code
