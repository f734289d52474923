/**
 * The demo's back office: the service that charges cards. It holds its own post-quantum Key
 * Encryption key (`HPKE-9-KE`), so every card a customer seals goes to the agent's desk and to it
 * in one envelope — no second typing, no re-encryption by the chat server. It opens a card only to
 * check that a charge is possible (a valid number, not expired), then wipes it; the demo charges
 * nothing. It never logs or returns a value: only the preview and a yes or no.
 *
 * @module
 */
import { generateKeyPair, open, type AkpPublicJwk } from '../../src/crypto/index.js'
import { fromUtf8 } from '../../src/crypto/bytes.js'
import { validateCard } from '../../src/validate/index.js'

/** What the back office says about a card. */
export interface ChargeCheck {
  /** Whether the card could be charged: a valid number and a date not past. */
  chargeable: boolean
  /** `"<brand> •••• <last four>"`, or `''`. */
  preview: string
}

/** The back office: its public key (pinned by the frame origin) and the check. */
export interface BackOffice {
  readonly publicJwk: AkpPublicJwk
  /** Opens a card envelope sealed to the back office for `context`, checks it, wipes it. */
  checkCharge(envelope: string, context: string): Promise<ChargeCheck>
}

/** Makes the back office with a fresh key pair (kept in memory for the demo's lifetime). */
export async function createBackOffice(): Promise<BackOffice> {
  const { privateJwk, publicJwk } = await generateKeyPair({ alg: 'HPKE-9-KE' })
  return {
    publicJwk,
    async checkCharge(envelope, context) {
      const { plaintext, claims } = await open(envelope, privateJwk, { context })
      try {
        if (claims.kind !== 'card') return { chargeable: false, preview: '' }
        // docs/envelope.md: {"number","exp_month","exp_year","cvc"}.
        const card = JSON.parse(fromUtf8(plaintext)) as { number: string; exp_month: number; exp_year: number; cvc: string }
        const expiry = `${String(card.exp_month).padStart(2, '0')}/${String(card.exp_year % 100).padStart(2, '0')}`
        const result = validateCard({ number: card.number, expiry, cvc: card.cvc }, new Date())
        return { chargeable: result.valid, preview: result.preview }
      } finally {
        plaintext.fill(0)
      }
    },
  }
}
