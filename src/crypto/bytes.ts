/**
 * Byte helpers shared by the crypto modules: strict base64url, UTF-8, constant-shape compare and
 * wiping. Pure: no DOM, no Node built-ins.
 *
 * @module
 */

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

/** base64url without padding (RFC 7515 §2, RFC 4648 §5). */
export function b64uEncode(bytes: Uint8Array): string {
  // btoa/atob exist in every runtime we support and keep a frame's bundle small.
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[])
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const B64U = /^[A-Za-z0-9_-]*$/

/**
 * Strict base64url decoding: the alphabet of RFC 4648 §5, no padding, and the canonical encoding
 * only. Re-encoding must give back the input, so no two strings decode to the same bytes — a
 * flipped character in an envelope can never decode to the original segment.
 *
 * @returns the bytes, or `undefined` when `text` is not canonical base64url
 */
export function b64uDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  // RFC 4648 §3.3: reject characters outside the alphabet; a length of 1 mod 4 is never valid.
  if (typeof text !== 'string' || !B64U.test(text) || text.length % 4 === 1) return undefined
  let binary: string
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return undefined
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  // RFC 4648 §3.5: non-zero pad bits would let two strings decode to the same bytes.
  return b64uEncode(bytes) === text ? bytes : undefined
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
