/**
 * `secure-fields redact`: stdin to stdout with card numbers, SSNs and IBANs masked to their
 * previews, for transcripts and logs (`secure-fields redact < chat.log > chat.redacted.log`).
 *
 * @module
 */
import { Command, InvalidArgumentError, Option } from 'commander'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { SENSITIVE_KINDS, type SensitiveKind } from '../../validate/detect.js'
import type { CliIo } from '../cli/envelope-commands.js'
import { createRedactStream } from './stream.js'

function parseKinds(value: string): SensitiveKind[] {
  const kinds = value.split(',').map((k) => k.trim())
  for (const kind of kinds) {
    if (!(SENSITIVE_KINDS as readonly string[]).includes(kind)) throw new InvalidArgumentError(`unknown kind; use ${SENSITIVE_KINDS.join(', ')}.`)
  }
  return kinds as SensitiveKind[]
}

/** `secure-fields redact [--kinds card,ssn,iban] [--counts]`. */
export function redactCommand(io: CliIo): Command {
  return new Command('redact')
    .description('Copy stdin to stdout with card numbers, SSNs and IBANs replaced by their masked previews (Visa •••• 4242).')
    .addOption(new Option('--kinds <list>', `comma-separated kinds to mask (${SENSITIVE_KINDS.join(', ')})`).argParser(parseKinds))
    .option('--counts', 'print how many of each kind were masked on stderr at the end')
    .action(async (o: { kinds?: SensitiveKind[]; counts?: boolean }) => {
      const redactor = createRedactStream(o.kinds ? { kinds: o.kinds } : {})
      // Written through, not piped: the command must not end the caller's stdout. A write that
      // fails (a full disk, a closed pipe) reaches `done` and ends the pipeline, so the command
      // exits 1 with one line; stdout's own 'error' event is heard meanwhile, or it would crash the
      // process with a stack trace.
      const heard = () => undefined
      io.stdout.on('error', heard)
      const out = new Writable({ write: (chunk: Buffer, _encoding, done) => void io.stdout.write(chunk, (error) => done(error ?? null)) })
      try {
        await pipeline(io.stdin, redactor, out)
      } finally {
        io.stdout.off('error', heard)
      }
      if (o.counts) {
        const { counts } = redactor
        io.stderr.write(`redacted: ${SENSITIVE_KINDS.map((k) => `${counts[k]} ${k}`).join(', ')}\n`)
      }
    })
}
