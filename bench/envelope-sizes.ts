/**
 * Envelope sizes, in characters (= bytes: envelopes are ASCII), for a card-sized value padded as
 * the card field pads it (80 bytes, docs/envelope.md "Padding"): per suite, and per number of
 * recipients for the JSON (Key Encryption) envelopes, with what each added recipient costs.
 */
import { seal, generateKeyPair, LIMITS, type KeyAlgorithm } from '../src/crypto/index.js'
import { fmt, table } from './measure.js'

/** The card field's padded size (`paddedSizeFor` of its longest value, 76 bytes). */
const CARD_PAD = 80
const CLAIMS = { kind: 'card', context: 'conversation-42', preview: 'Visa •••• 4242', padTo: CARD_PAD }

/** Prints the size table for `plaintext`. */
export async function printEnvelopeSizes(plaintext: string): Promise<void> {
  const rows: string[][] = []
  for (const alg of ['HPKE-4', 'HPKE-9'] as const) {
    const { publicJwk } = await generateKeyPair({ alg })
    rows.push([`${alg}, compact`, '1', fmt((await seal(plaintext, publicJwk, CLAIMS)).length), ''])
  }
  for (const alg of ['HPKE-4-KE', 'HPKE-9-KE'] as KeyAlgorithm[]) {
    const keys = await Promise.all(Array.from({ length: LIMITS.recipients }, () => generateKeyPair({ alg })))
    let previous: { size: number; n: number } | undefined
    for (const n of [1, 2, 3, 5, LIMITS.recipients]) {
      const size = (await seal(plaintext, keys.slice(0, n).map((k) => k.publicJwk), CLAIMS)).length
      const per = previous ? `+${fmt((size - previous.size) / (n - previous.n))}` : ''
      rows.push([`${alg}, JSON`, String(n), fmt(size), per])
      previous = { size, n }
    }
  }
  console.log(`\nEnvelope size (card-sized plaintext, ${new TextEncoder().encode(plaintext).length} bytes padded to ${CARD_PAD}, as the card field seals it; same claims)\n`)
  table(['suite, form', 'recipients', 'characters', 'per added recipient'], rows)
}
