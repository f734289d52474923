/**
 * Input and output of the CLI: stdin as bytes, key files, and the one-line failure report.
 *
 * @module
 */
import { readFile } from 'node:fs/promises'
import { CommanderError, type Command } from 'commander'
import { SecureFieldsError, ErrorCodes } from '../../errors.js'
import { recipientList } from '../../crypto/seal-to.js'

/**
 * Exit codes of `secure-fields` (docs/cli.md): 0 success, 1 failure (a one-line reason on
 * stderr), 2 bad usage (the command line itself is wrong, or a file is not what the command reads).
 */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** The `CommanderError` code of {@link exitWith}. */
export const EXIT_CODE_ERROR = 'secure-fields.exit'

/**
 * Ends a command that has already reported on its own (a verification verdict) with `code`.
 * `runCli` returns the code; a program of your own that mounts the command gets a
 * `CommanderError` with that `exitCode`.
 */
export function exitWith(code: number): never {
  throw new CommanderError(code, EXIT_CODE_ERROR, `exit ${code}`)
}

/** Refuses the command line: prints `error: message` and the usage hint, and exits 2. */
export function usage(command: Command, message: string): never {
  command.error(`error: ${message}`, { exitCode: EXIT.usage, code: 'secure-fields.usage' })
}

/**
 * Reads all of stdin (or another stream) into one buffer, refusing more than `limit` bytes with
 * `ERR_ENVELOPE_TOO_LARGE` and `tooLarge` as the message (which names the documented limit).
 */
export async function readAll(stream: NodeJS.ReadableStream, limit: number, tooLarge = `Input is larger than ${limit} bytes.`): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    chunks.push(b)
    if (size > limit) {
      for (const c of chunks) c.fill(0)
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, tooLarge)
    }
  }
  const all = Buffer.concat(chunks)
  for (const c of chunks) c.fill(0)
  return all
}

/** Drops one trailing line break (`\n` or `\r\n`), as typed or echoed input ends with one. */
export function withoutTrailingNewline(bytes: Buffer): Buffer {
  let end = bytes.length
  if (end > 0 && bytes[end - 1] === 0x0a) end--
  if (end > 0 && bytes[end - 1] === 0x0d && end === bytes.length - 1) end--
  return bytes.subarray(0, end)
}

/** Reads and parses a JWK file. Errors name the file, never its content. */
export async function readJwkFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new SecureFieldsError(ErrorCodes.KEY_INVALID, `Cannot read key file ${path}.`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new SecureFieldsError(ErrorCodes.KEY_INVALID, `Key file ${path} is not JSON.`)
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether a JWK holds private key material: `d` (OKP, RFC 8037) or `priv` (AKP, RFC 9964). */
const isPrivate = (jwk: unknown): boolean => isRecord(jwk) && ('d' in jwk || 'priv' in jwk)

/**
 * Reads a file that must hold public keys: one JWK, or a key set (a JWKS or an array of JWKs). A
 * private JWK, alone or in a set, is refused: where a public key belongs (pinning, sealing) a
 * private one would be copied, logged or served by mistake.
 */
export async function readPublicJwkFile(path: string, option: string): Promise<unknown> {
  const jwk = await readJwkFile(path)
  if (recipientList(jwk).some(isPrivate)) {
    throw new SecureFieldsError(ErrorCodes.KEY_INVALID, `${path} holds a private key: ${option} takes public keys (public.jwk.json). Keep the private key where envelopes are opened.`)
  }
  return jwk
}

/** Reads a JWK file that must hold a private key, X25519 or post-quantum (`open`). */
export async function readPrivateJwkFile(path: string, option: string): Promise<unknown> {
  const jwk = await readJwkFile(path)
  if (isRecord(jwk) && !isPrivate(jwk)) {
    throw new SecureFieldsError(ErrorCodes.KEY_INVALID, `${path} is a public key: ${option} takes the private key (private.jwk.json).`)
  }
  return jwk
}

/** The one-line reason printed on stderr for a failure. */
export function reason(error: unknown): string {
  if (error instanceof SecureFieldsError) return `${error.code}: ${error.message}`
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}
