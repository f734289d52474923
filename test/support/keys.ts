import { generateKeyPair } from '../../src/crypto/keys.js'
import type { PrivateJwk, PublicJwk } from '../../src/crypto/jwk.js'

let cached: Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> | undefined

/** One recipient key pair shared by a test file (generation is cheap, but stable keys read better). */
export function testKeys(): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  cached ??= generateKeyPair()
  return cached
}

/** Runs `fn` and returns the error it throws, or fails. */
export async function rejection(fn: () => Promise<unknown> | unknown): Promise<Error & { code?: string }> {
  try {
    await fn()
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected a rejection, got success')
}
