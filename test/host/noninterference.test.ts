// What the host page learns is the documented disclosure and nothing else, proved by comparison:
// one scripted session per element — typing, focus games by the page, seal() after every
// keystroke, forged themes and locale changes, errors, Tab, a form — run with two secrets that
// share the disclosure. Everything the page can observe must be identical (test/support/observer.ts
// says what that is). The controls (noninterference-controls.test.ts) show the harness sees leaks.
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { differential, FieldSession, type Kit } from '../support/differential.js'
import { cleanup, nextEvent, waitForState } from '../support/host.js'
import { consentFor, mountGate } from '../support/gate.js'
import { authenticatorPerTest, clickAction, enrol, mountReveal, pinDesk, sealTo, setEnvelope, uniqueDesk } from '../support/reveal.js'
import { resetMouse } from '@web/test-runner-commands'
import { inspect } from '../../src/crypto/index.js'
import type { SecureReveal } from '../../src/host/secure-reveal.js'

/** A card: the disclosure is its brand and last four; the rest of the number, the date and the code differ. */
interface CardSecret {
  number: string
  expiry: string
  cvc: string
}

async function cardSession(secret: CardSecret, kit: Kit): Promise<void> {
  const s = await FieldSession.open(kit, 'secure-card-input', 'card', { label: 'Card' })
  await s.focus()
  // The page plays with focus while the number is typed, and seals after every key.
  await s.type(secret.number.slice(0, 6), async (i) => (i % 2 === 0 ? s.focusGame() : undefined))
  // A letter by mistake, reported, then deleted.
  await s.type('x\b')
  await s.forgedTheme()
  await s.type(secret.number.slice(6, 12), async (i) => (i % 3 === 0 ? s.focusGame() : undefined))
  await s.snapshot('number half typed')
  await s.type(secret.number.slice(12))
  await s.type(secret.expiry)
  await s.snapshot('expiry typed')
  await s.type(secret.cvc)
  await s.snapshot('code typed')
  await s.tabOut()
  await s.snapshot('left')
  s.form.requestSubmit()
  await s.seal()
}

/** A one-input field typed with a focus game after every key, as in the account-number page. */
function singleSession(tag: string, page: string, attributes: Record<string, string>) {
  return async (value: string, kit: Kit): Promise<void> => {
    const s = await FieldSession.open(kit, tag, page, attributes)
    await s.focus()
    const half = Math.floor(value.length / 2)
    await s.type(value.slice(0, half), () => s.focusGame())
    await s.forgedTheme()
    await s.type(value.slice(half), () => s.focusGame())
    await s.snapshot('typed')
    await s.tabOut()
    await s.snapshot('left')
    s.form.requestSubmit()
    await s.seal()
  }
}

describe('noninterference: the page observes only the documented disclosure', function () {
  this.timeout(240000)
  afterEach(async () => {
    await sendKeys({ up: 'Shift' }).catch(() => undefined)
    cleanup()
  })

  it('<secure-card-input>: two Visa cards ending 4242, different numbers, dates and codes', async () => {
    const result = await differential(cardSession, [
      { number: '4242424242424242', expiry: '1230', cvc: '123' },
      { number: '4000056655694242', expiry: '0729', cvc: '987' },
    ])
    expect(result.difference, result.difference).to.equal(undefined)
    // The session did reach a released preview and envelopes, both runs alike.
    expect(JSON.stringify(result.records[0])).to.include('Visa •••• 4242')
  })

  it('<secure-ssn-input>: two SSNs ending 6789', async () => {
    const result = await differential(singleSession('secure-ssn-input', 'ssn', { label: 'SSN' }), ['123456789', '234566789'])
    expect(result.difference, result.difference).to.equal(undefined)
    expect(JSON.stringify(result.records[0])).to.include('•••-••-6789')
  })

  it('<secure-text-input preset="account">: two 12-digit account numbers ending 4617, the page toggling focus after every key', async () => {
    const result = await differential(singleSession('secure-text-input', 'text', { preset: 'account', label: 'Account' }), ['730519284617', '118842064617'])
    expect(result.difference, result.difference).to.equal(undefined)
    expect(JSON.stringify(result.records[0])).to.include('•••• 4617')
  })

  it('<secure-text-input preset="iban">: two German IBANs ending 3000', async () => {
    const result = await differential(singleSession('secure-text-input', 'text', { preset: 'iban', label: 'IBAN' }), ['DE89370400440532013000', 'DE93500105175678903000'])
    expect(result.difference, result.difference).to.equal(undefined)
    expect(JSON.stringify(result.records[0])).to.include('DE •••• 3000')
  })

  it('<secure-text-input preset="id">: two IDs ending 3456 under a pattern', async () => {
    const result = await differential(singleSession('secure-text-input', 'text', { preset: 'id', pattern: '[A-Z]{2}[0-9]{6}', label: 'ID' }), ['AB123456', 'XY983456'])
    expect(result.difference, result.difference).to.equal(undefined)
    expect(JSON.stringify(result.records[0])).to.include('•••• 3456')
  })

  it('<consent-gate> around a <secure-card-input>: consent, then two cards ending 4242', async () => {
    const gatedCard = async (secret: CardSecret, kit: Kit) => {
      let gate: Element | undefined
      const s = await FieldSession.open(kit, 'secure-card-input', 'card', { label: 'Card' }, async (form) => {
        gate = await mountGate({ 'frame-origin': kit.frameBase }, form)
        // The gate's id on the frame origin is random, as a nonce is.
        const id = kit.observer.portMessages.find((m) => m.t === 'gate')?.id
        if (typeof id === 'string') kit.observer.alias(id, '<gate id>')
        return gate
      })
      // The receipt holds the time of consent, and its digest (in every envelope) follows from it.
      const { digest } = await consentFor(gate as never)
      kit.observer.alias(digest, '<receipt digest>')
      await resetMouse()
      await waitForState(s.field, (state) => !state.locked)
      await s.focus()
      await s.type(secret.number, async (i) => (i % 4 === 0 ? s.focusGame() : undefined))
      await s.type(secret.expiry + secret.cvc)
      await s.tabOut()
      await s.snapshot('left')
    }
    const result = await differential(gatedCard, [
      { number: '4242424242424242', expiry: '1230', cvc: '123' },
      { number: '4000056655694242', expiry: '0729', cvc: '987' },
    ])
    expect(result.difference, result.difference).to.equal(undefined)
    expect(JSON.stringify(result.records[0])).to.include('<receipt digest>')
  })

  describe('<secure-reveal> on the agent page', () => {
    const addAuthenticator = authenticatorPerTest()

    it('two cards ending 4242, revealed and hidden: the page sees the same', async () => {
      await addAuthenticator()
      const desk = uniqueDesk()
      const first = await mountReveal({ desk })
      await enrol(first)
      const jwk = await first.publicKey()
      expect(await pinDesk(jwk)).to.equal(201)
      cleanup()
      // Same length plaintexts (the envelope's length is the page's to see).
      const envelopes = await Promise.all([
        sealTo(jwk, JSON.stringify({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' }), { kind: 'card', preview: 'Visa •••• 4242' }),
        sealTo(jwk, JSON.stringify({ number: '4000056655694242', exp_month: 10, exp_year: 2029, cvc: '987' }), { kind: 'card', preview: 'Visa •••• 4242' }),
      ])
      const revealSession = async (envelope: string, kit: Kit) => {
        kit.observer.alias(inspect(envelope).jti, '<jti>')
        const reveal = (await mountReveal({ desk, 'show-for': '300', 'frame-origin': kit.frameBase })) as SecureReveal
        await setEnvelope(reveal, envelope)
        await kit.observer.snapshot('envelope set', [reveal])
        const revealed = nextEvent(reveal, 'secure-revealed')
        await clickAction(reveal)
        await revealed
        await kit.observer.snapshot('revealed', [reveal])
        const wiped = nextEvent(reveal, 'secure-wiped')
        await clickAction(reveal)
        await wiped
        await kit.observer.snapshot('wiped', [reveal])
      }
      const result = await differential(revealSession, envelopes as [string, string])
      expect(result.difference, result.difference).to.equal(undefined)
      expect(JSON.stringify(result.records[0])).to.include('secure-revealed')
    })
  })

  it('accounts of different lengths give envelopes of one length (padding)', async () => {
    // Not the same disclosure (the lengths differ), so not a differential run: only the lengths.
    const lengths: number[] = []
    for (const value of ['12345', '730519284617', '1111111111111111']) {
      cleanup()
      const kit: Kit = { observer: (await import('../support/observer.js')).installObserver(), frameBase: (await import('../support/host.js').then((m) => m.testConfig())).frameBase }
      try {
        const s = await FieldSession.open(kit, 'secure-text-input', 'text', { preset: 'account' })
        await s.focus()
        await s.type(value)
        lengths.push((await s.field.seal()).length)
      } finally {
        kit.observer.uninstall()
      }
    }
    expect(new Set(lengths).size, JSON.stringify(lengths)).to.equal(1)
  })
})
