/**
 * Content coding for the frame origin: Brotli or gzip (node:zlib), chosen from the request's
 * `Accept-Encoding` (RFC 9110 §12.5.3), computed once per body and kept.
 *
 * @module
 */
import { brotliCompress, constants, gzip } from 'node:zlib'
import { promisify } from 'node:util'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** A coding the server can send. */
export type ContentCoding = 'br' | 'gzip'

/** Bodies smaller than this go out as they are: a coded one would save nothing worth a header. */
export const MIN_CODED_BYTES = 256

/** Media types worth compressing (the frame origin's text formats). */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml)/

/** Whether a body of this type and size is sent coded when the client accepts it. */
export function compressible(contentType: string, size: number): boolean {
  return size >= MIN_CODED_BYTES && COMPRESSIBLE.test(contentType)
}

/**
 * The coding to answer with: Brotli when the client accepts it, else gzip, else none. A coding
 * with `q=0` is refused (RFC 9110 §12.5.3); `*` accepts both.
 */
export function negotiateCoding(acceptEncoding: string | string[] | undefined): ContentCoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '')
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam === undefined ? 1 : Number(qParam.slice(2))
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepts = (coding: ContentCoding) => (q.get(coding) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return undefined
}

/** Compresses `body` with the strongest settings: these bodies are coded once and served many times. */
export function encode(body: Buffer, coding: ContentCoding): Promise<Buffer> {
  if (coding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    })
  }
  return gzipAsync(body, { level: constants.Z_BEST_COMPRESSION })
}

/**
 * A body and its coded forms, each made on first request and kept (a failed coding is retried on
 * the next request, never cached).
 */
export class CodedBody {
  private readonly coded = new Map<ContentCoding, Promise<Buffer>>()

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}

  /** The bytes to send for `coding` (undefined: identity), and the coding actually used. */
  async forCoding(coding: ContentCoding | undefined): Promise<{ bytes: Buffer; coding?: ContentCoding }> {
    if (!coding || !compressible(this.contentType, this.body.length)) return { bytes: this.body }
    let pending = this.coded.get(coding)
    if (!pending) {
      pending = encode(this.body, coding)
      this.coded.set(coding, pending)
      pending.catch(() => this.coded.delete(coding))
    }
    const bytes = await pending
    // A coding that does not shrink the body is not worth the client's work.
    return bytes.length < this.body.length ? { bytes, coding } : { bytes: this.body }
  }
}
