/**
 * Input and output of the CLI: stdin as bytes, key files, and the one-line failure report.
 *
 * @module
 */
import { readFile } from 'node:fs/promises'
import { SecureFieldsError, ErrorCodes } from '../../errors.js'

/** Exit codes of `secure-fields`: 0 success, 1 failure (reason on stderr), 2 bad usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** Reads all of stdin (or another stream) into one buffer, refusing more than `limit` bytes. */
export async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    chunks.push(b)
    if (size > limit) {
      for (const c of chunks) c.fill(0)
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Input is larger than ${limit} bytes.`)
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

/** The one-line reason printed on stderr for a failure. */
export function reason(error: unknown): string {
  if (error instanceof SecureFieldsError) return `${error.code}: ${error.message}`
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}
