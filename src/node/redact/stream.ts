/**
 * `createRedactStream`: `redact` as a Node `Transform`, for transcripts and logs too large to hold
 * in memory, piped from a file, a socket or a child process.
 *
 * The detector never reads a number across a line break (`src/validate/detect.ts`), so the stream
 * masks whole lines as they arrive and holds back only the line still being written: a number split
 * across chunks — even across the bytes of one UTF-8 character — is masked exactly as `redact`
 * would mask the whole text. A line longer than `maxLineLength` is cut at a character no number or
 * IBAN can contain, keeping enough text on both sides of the cut for the context words.
 *
 * @module
 */
import { StringDecoder } from 'node:string_decoder'
import { Transform, type TransformCallback } from 'node:stream'
import { invalidArgument } from '../../validate/assert.js'
import { CONTEXT_WINDOW } from '../../validate/detect-context.js'
import { findSensitiveNumbers, type SensitiveKind } from '../../validate/detect.js'
import { isSeparator } from '../../validate/digits.js'
import { applyMatches, emptyCounts, redactSettings, type RedactionCounts, type RedactOptions } from './redact.js'

/** Options of {@link createRedactStream}. */
export interface RedactStreamOptions extends RedactOptions {
  /**
   * The longest line held back whole, in UTF-16 code units; default 1 MiB. A longer line is cut at
   * a character that no number or IBAN contains (punctuation, a symbol, a letter of another
   * script…). A line with no such character for this long (a base64 blob) is cut where it is.
   */
  maxLineLength?: number
}

/** A redacting `Transform`: bytes or strings in (UTF-8), UTF-8 bytes out. */
export interface RedactStream extends Transform {
  /** How many numbers of each kind were masked so far. */
  readonly counts: RedactionCounts
}

/** Text kept on each side of a forced cut, for the context words (and a margin). */
const MARGIN = CONTEXT_WINDOW + 64
const DEFAULT_MAX_LINE = 1 << 20

/**
 * Whether `char` is one that no run of digits, separators or IBAN contains (see `detect.ts`): not a
 * digit of any script, a letter of an IBAN, `_`, `+`, or a separator the fields read.
 */
const isHardBoundary = (char: string) => !/[\p{N}A-Za-z_+]/u.test(char) && !isSeparator(char)

const LOW_SURROGATE = /[\uDC00-\uDFFF]/

function lastLineBreak(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
}

/**
 * A `Transform` that masks card numbers, SSNs and IBANs like `redact`, whatever the chunking.
 *
 * @example
 * ```ts
 * import { pipeline } from 'node:stream/promises'
 * const redactor = createRedactStream()
 * await pipeline(createReadStream('chat.log'), redactor, createWriteStream('chat.redacted.log'))
 * console.log(redactor.counts) // { card: 3, ssn: 0, iban: 1 }
 * ```
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when an option is not acceptable
 */
export function createRedactStream(options: RedactStreamOptions = {}): RedactStream {
  const { kinds, replace } = redactSettings(options)
  const maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE
  if (!Number.isSafeInteger(maxLine) || maxLine < 4 * MARGIN) invalidArgument(`options.maxLineLength must be an integer of at least ${4 * MARGIN}.`)
  const detect = { kinds: kinds as readonly SensitiveKind[] }
  const decoder = new StringDecoder('utf8')
  const counts = emptyCounts()
  /** Text received and not yet written. */
  let pending = ''
  /** The end of the text already written, on the same line: context for what follows a forced cut. */
  let behind = ''

  /** Masks and writes `pending[0, cut)`, reading up to `pending[0, scanTo)` for context. */
  function emit(stream: Transform, cut: number, scanTo: number): void {
    const text = behind + pending.slice(0, scanTo)
    const offset = behind.length
    const end = offset + cut
    // Matches that start in `behind` were handled with the text before; those past the cut wait.
    const matches = findSensitiveNumbers(text, detect).filter((m) => m.start >= offset && m.end <= end)
    const out = applyMatches(text, matches, replace, counts, offset, end)
    if (out !== '') stream.push(Buffer.from(out, 'utf8'))
    const written = text.slice(0, end)
    const lineStart = lastLineBreak(written) + 1
    behind = written.slice(Math.max(lineStart, written.length - MARGIN))
    pending = pending.slice(cut)
  }

  /**
   * Where to cut a line that grew past `maxLine`: after a hard boundary, with a margin after it,
   * and never between the two halves of a surrogate pair (they would become two U+FFFD).
   */
  function forcedCut(): number {
    const whole = (i: number) => !LOW_SURROGATE.test(pending[i] ?? '')
    for (let i = pending.length - MARGIN; i > MARGIN; i--) if (isHardBoundary(pending[i - 1]!) && whole(i)) return i
    const i = pending.length - MARGIN
    return whole(i) ? i : i - 1
  }

  const stream = new Transform({
    transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback) {
      try {
        pending += typeof chunk === 'string' ? decoder.write(Buffer.from(chunk, encoding)) : decoder.write(chunk)
        const lineEnd = lastLineBreak(pending) + 1
        // Whole lines are independent: read only them.
        if (lineEnd > 0) emit(this, lineEnd, lineEnd)
        while (pending.length > maxLine) emit(this, forcedCut(), pending.length)
        callback()
      } catch (error) {
        callback(error as Error)
      }
    },
    flush(callback: TransformCallback) {
      try {
        pending += decoder.end()
        emit(this, pending.length, pending.length)
        callback()
      } catch (error) {
        callback(error as Error)
      }
    },
  })
  return Object.defineProperty(stream, 'counts', { get: () => ({ ...counts }), enumerable: true }) as RedactStream
}
