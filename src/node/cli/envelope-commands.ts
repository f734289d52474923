/**
 * `keygen`, `seal`, `open` and `inspect`: the envelope from the command line.
 *
 * @module
 */
import { Command, Option } from 'commander'
import { constants, existsSync } from 'node:fs'
import { mkdir, open as openFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair, inspect, open, seal, LIMITS, DEFAULT_LIFETIME, ALGORITHMS, type KeyAlgorithm } from '../../crypto/index.js'
import { recipientList } from '../../crypto/seal-to.js'
import { SecureFieldsError, ErrorCodes } from '../../errors.js'
import { readAll, readPrivateJwkFile, readPublicJwkFile, usage, withoutTrailingNewline } from './io.js'

/** Streams a command reads from and writes to (injectable for tests). */
export interface CliIo {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

async function writeNew(path: string, text: string, mode: number): Promise<void> {
  // O_EXCL: refuse to overwrite an existing key file, atomically.
  let handle
  try {
    handle = await openFile(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode)
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST'
    throw new SecureFieldsError(exists ? ErrorCodes.FILE_EXISTS : ErrorCodes.FILE_WRITE, exists ? `${path} already exists; refusing to overwrite it.` : `Cannot write ${path}.`)
  }
  try {
    await handle.writeFile(`${text}\n`)
    await handle.chmod(mode)
  } finally {
    await handle.close()
  }
}

const write = (stream: NodeJS.WritableStream, data: string | Uint8Array) =>
  new Promise<void>((resolve, reject) => stream.write(data, (e) => (e ? reject(e) : resolve())))

const collect = (value: string, previous: string[] = []) => [...previous, value]

/** `secure-fields keygen --out DIR [--alg ALG]`. */
export function keygenCommand(io: CliIo): Command {
  return new Command('keygen')
    .description('Generate a recipient key pair: DIR/private.jwk.json (mode 0600) and DIR/public.jwk.json.')
    .requiredOption('--out <dir>', 'folder for the two JWK files (created if missing)')
    .addOption(
      new Option('--alg <alg>', 'HPKE-4: X25519; HPKE-9: post-quantum hybrid (MLKEM768-X25519); the -KE forms are for envelopes with several recipients')
        .choices(Object.keys(ALGORITHMS))
        .default('HPKE-4'),
    )
    .action(async ({ out, alg }: { out: string; alg: KeyAlgorithm }) => {
      const { privateJwk, publicJwk } = await generateKeyPair({ alg })
      await mkdir(out, { recursive: true, mode: 0o700 })
      const privatePath = join(out, 'private.jwk.json')
      const publicPath = join(out, 'public.jwk.json')
      // Check both first, so a refusal never leaves a new private key beside an old public one.
      for (const path of [privatePath, publicPath]) {
        if (existsSync(path)) throw new SecureFieldsError(ErrorCodes.FILE_EXISTS, `${path} already exists; refusing to overwrite it.`)
      }
      await writeNew(privatePath, JSON.stringify(privateJwk, null, 2), 0o600)
      await writeNew(publicPath, JSON.stringify(publicJwk, null, 2), 0o644)
      await write(io.stdout, `${publicJwk.kid}\n`)
      await write(io.stderr, `wrote ${privatePath} (0600) and ${publicPath}\n`)
    })
}

/** `secure-fields seal --key PUBLIC [--key PUBLIC…] --context C [--kind K]`. */
export function sealCommand(io: CliIo): Command {
  return new Command('seal')
    .description(
      'Seal the plaintext read from stdin to one public key (JWE Compact envelope) or several (JWE JSON envelope, any one key opens it); print the envelope on stdout.',
    )
    .requiredOption('--key <file>', 'a recipient public JWK file, or a JWKS file (repeatable)', collect)
    .requiredOption('--context <id>', 'context id (conversation) the envelope is bound to')
    .option('--kind <kind>', 'field kind', 'text')
    .option('--preview <text>', 'masked preview to carry in the header', '')
    .addOption(new Option('--expires-in <seconds>', 'lifetime in seconds').default(DEFAULT_LIFETIME).argParser((v) => Number(v)))
    .option('--raw', 'keep a trailing newline of stdin (by default one is dropped)')
    .action(async (o: { key: string[]; context: string; kind: string; preview: string; expiresIn: number; raw?: boolean }) => {
      // Each file holds one public JWK or a key set; one key in all seals to that key alone.
      const keys = (await Promise.all(o.key.map((file) => readPublicJwkFile(file, 'seal --key')))).flatMap((k) => recipientList(k))
      // One trailing line break more than the limit may arrive (it is dropped below).
      const input = await readAll(io.stdin, LIMITS.plaintextBytes + 2, `The plaintext is larger than ${LIMITS.plaintextBytes} bytes.`)
      const plaintext = o.raw ? input : withoutTrailingNewline(input)
      try {
        const envelope = await seal(new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.length), keys, {
          kind: o.kind,
          context: o.context,
          preview: o.preview,
          expiresIn: o.expiresIn,
        })
        await write(io.stdout, `${envelope}\n`)
      } finally {
        input.fill(0)
      }
    })
}

/** `secure-fields open --key PRIVATE (--context C | --any-context)`. */
export function openCommand(io: CliIo): Command {
  return new Command('open')
    .description('Open the envelope read from stdin with a private key; write the plaintext to stdout.')
    .requiredOption('--key <file>', 'recipient private JWK file')
    .option('--context <id>', 'the context id (conversation) the envelope must have been sealed for')
    .option('--any-context', 'open an envelope sealed for any context (a value from one conversation could then be read as another\'s)')
    .option('--require-consent', 'refuse envelopes sealed without a consent receipt')
    .action(async (o: { key: string; context?: string; anyContext?: boolean; requireConsent?: boolean }, command: Command) => {
      // The context binds a value to its conversation: skipping that check is a choice, not a default.
      if (o.context === undefined && !o.anyContext) usage(command, 'name the context the envelope must have been sealed for: --context ID, or --any-context.')
      if (o.context !== undefined && o.anyContext) usage(command, '--any-context contradicts --context.')
      const key = await readPrivateJwkFile(o.key, 'open --key')
      const envelope = (await readAll(io.stdin, LIMITS.envelopeChars + 2, `The envelope is longer than ${LIMITS.envelopeChars} characters.`)).toString('ascii').trim()
      const { plaintext } = await open(envelope, key, { context: o.context, consent: o.requireConsent ? true : undefined })
      try {
        await write(io.stdout, plaintext)
      } finally {
        plaintext.fill(0)
      }
    })
}

/** `secure-fields inspect`. */
export function inspectCommand(io: CliIo): Command {
  return new Command('inspect')
    .description('Print the protected header of the envelope read from stdin, as JSON. Needs no key.')
    .action(async () => {
      const envelope = (await readAll(io.stdin, LIMITS.envelopeChars + 2, `The envelope is longer than ${LIMITS.envelopeChars} characters.`)).toString('ascii').trim()
      if (!envelope) throw new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, 'No envelope on stdin.')
      await write(io.stdout, `${JSON.stringify(inspect(envelope), null, 2)}\n`)
    })
}
