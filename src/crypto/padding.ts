/**
 * Length hiding: a field's plaintext is padded to a fixed size per kind before it is sealed, so the
 * ciphertext no longer grows by one byte per character typed. The page sees the envelope, and an
 * account or ID number's length is not part of what it may learn (docs/envelope.md, "Padding").
 *
 * The scheme is ISO/IEC 7816-4 (one `0x80` byte, then zeros up to the size), which is unambiguous
 * for any plaintext, and the size is named in the authenticated `pad` header member, so `open`
 * knows to remove it and refuses an envelope whose padding is not exactly that.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'

/** Smallest and largest padded size, in bytes. */
export const PAD_LIMITS = { min: 16, max: 4096 } as const

/**
 * The padded size for values of at most `maxBytes` bytes: room for the `0x80` marker, rounded up
 * to a multiple of 16 (and at least {@link PAD_LIMITS}.min).
 */
export function paddedSizeFor(maxBytes: number): number {
  return Math.max(PAD_LIMITS.min, Math.ceil((maxBytes + 1) / 16) * 16)
}

/**
 * Returns a new buffer of `size` bytes: `bytes`, `0x80`, zeros.
 *
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_TOO_LARGE` when `bytes` does not fit (it needs one
 *   byte more than its length)
 */
export function pad(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `The value does not fit its padded size of ${size} bytes.`)
  }
  const out = new Uint8Array(size)
  out.set(bytes)
  out[bytes.length] = 0x80
  return out
}

/**
 * Removes the padding of a plaintext that was padded to `size` bytes, and wipes `padded`.
 *
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED` when `padded` is not exactly `size`
 *   bytes of ISO/IEC 7816-4 padding
 */
export function unpad(padded: Uint8Array, size: number): Uint8Array {
  try {
    let end = padded.length - 1
    while (end >= 0 && padded[end] === 0) end--
    if (padded.length !== size || end < 0 || padded[end] !== 0x80) {
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, 'Malformed envelope: the plaintext is not padded as its header says.')
    }
    return padded.slice(0, end)
  } finally {
    padded.fill(0)
  }
}
