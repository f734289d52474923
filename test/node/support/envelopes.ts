/**
 * Test envelopes: real seals with the shared test key. The "plaintexts" are well-known test card
 * numbers, never real data.
 */
import { seal } from '../../../src/crypto/index.js'
import { testKeys } from '../../support/keys.js'

let counter = 0

/** Seals a fresh test card envelope; every call gets a new jti. */
export async function testEnvelope(options: { context?: string; expiresIn?: number; now?: number; preview?: string } = {}): Promise<string> {
  const { publicJwk } = await testKeys()
  counter++
  return seal(
    `4111111111111111|${counter}`,
    publicJwk,
    {
      kind: 'card',
      context: options.context ?? 'conversation-1',
      preview: options.preview ?? `Visa •••• ${String(1000 + (counter % 9000))}`,
      ...(options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn }),
    },
    options.now === undefined ? {} : { now: options.now },
  )
}

/** Runs `fn` and returns the error it throws, or fails. */
export { rejection } from '../../support/keys.js'
