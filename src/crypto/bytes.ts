/**
 * Byte helpers shared by the crypto modules: strict base64url, UTF-8, constant-shape compare and
 * wiping. Pure: no DOM, no Node built-ins.
 *
 * @module
 */

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const DECODE = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i

/** base64url without padding (RFC 7515 §2, RFC 4648 §5). */
export function b64uEncode(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}

/**
 * Strict base64url decoding: the alphabet of RFC 4648 §5, no padding, and the canonical encoding
 * only (RFC 4648 §3.5: the unused bits of the last character must be zero), so no two strings
 * decode to the same bytes — a changed character in an envelope can never decode to the original
 * segment.
 *
 * @returns the bytes, or `undefined` when `text` is not canonical base64url
 */
export function b64uDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string') return undefined
  const rest = text.length % 4
  if (rest === 1) return undefined
  const out = new Uint8Array(((text.length - rest) / 4) * 3 + (rest ? rest - 1 : 0))
  let o = 0
  let i = 0
  const digit = (k: number) => {
    const c = text.charCodeAt(k)
    return c < 128 ? DECODE[c]! : -1
  }
  for (; i + 3 < text.length; i += 4) {
    const a = digit(i), b = digit(i + 1), c = digit(i + 2), d = digit(i + 3)
    if ((a | b | c | d) < 0) return undefined
    const n = (a << 18) | (b << 12) | (c << 6) | d
    out[o++] = n >> 16
    out[o++] = (n >> 8) & 255
    out[o++] = n & 255
  }
  if (rest) {
    const a = digit(i), b = digit(i + 1), c = rest === 3 ? digit(i + 2) : 0
    if ((a | b | c) < 0) return undefined
    // Non-canonical: bits beyond the last byte must be zero.
    if (rest === 2 ? b & 15 : c & 3) return undefined
    const n = (a << 18) | (b << 12) | (c << 6)
    out[o++] = n >> 16
    if (rest === 3) out[o++] = (n >> 8) & 255
  }
  return out
}

/** UTF-8 encoding of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(text)
}

/** Strict UTF-8 decoding: throws on invalid sequences. */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes)
}

/** ASCII bytes of a string that is known to be ASCII (a base64url segment). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0x7f
  return out
}

/** Concatenates byte arrays into a fresh buffer. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0
  for (const p of parts) length += p.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/**
 * Overwrites buffers with zeros. JavaScript cannot promise that no copy survives elsewhere in the
 * heap, but every buffer this library owns is zeroed as soon as it is no longer needed, on error
 * paths too, so a heap snapshot or a later read of a reused buffer finds nothing.
 */
export function wipe(...buffers: Array<Uint8Array | undefined | null>): void {
  for (const b of buffers) b?.fill(0)
}

/** 16 random bytes, base64url: a unique id (`jti`). */
export function randomId(): string {
  return b64uEncode(crypto.getRandomValues(new Uint8Array(16)))
}
