import { expect } from 'chai'
import fc from 'fast-check'
import { DropCounter, MAX_ENVELOPE_CHARS } from '../../src/protocol/guards.js'
import { clampShowFor, parseRevealFrameMessage, parseRevealHostMessage, type RevealConfig } from '../../src/protocol/reveal.js'

const config: RevealConfig = { desk: 'desk-1', envelope: null, context: 'conversation-42', showFor: 30, locale: 'en', theme: {} }
const jwk = { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43), kid: 'B'.repeat(43), alg: 'HPKE-4', use: 'enc' }

describe('protocol/reveal: the guards of the reveal desk', () => {
  it('host → frame: accepts config, reveal, hide, status and destroy', () => {
    const drops = new DropCounter()
    expect(parseRevealHostMessage({ sf: 1, t: 'config', config }, drops)).to.deep.equal({ t: 'config', config })
    expect(parseRevealHostMessage({ sf: 1, t: 'reveal', id: 3 }, drops)).to.deep.equal({ t: 'reveal', id: 3 })
    expect(parseRevealHostMessage({ sf: 1, t: 'status', id: 0 }, drops)).to.deep.equal({ t: 'status', id: 0 })
    expect(parseRevealHostMessage({ sf: 1, t: 'hide', extra: 'ignored' }, drops)).to.deep.equal({ t: 'hide' })
    expect(parseRevealHostMessage({ sf: 1, t: 'destroy' }, drops)).to.deep.equal({ t: 'destroy' })
    expect(drops.total).to.equal(0)
  })

  it('host → frame: drops bad desk ids, oversized envelopes, missing ids, unknown types and other versions', () => {
    const drops = new DropCounter()
    const bad: unknown[] = [
      { sf: 1, t: 'config', config: { ...config, desk: 'has space' } },
      { sf: 1, t: 'config', config: { ...config, desk: '' } },
      { sf: 1, t: 'config', config: { ...config, envelope: 'e'.repeat(MAX_ENVELOPE_CHARS + 1) } },
      { sf: 1, t: 'config', config: { ...config, theme: 'red' } },
      { sf: 1, t: 'reveal' },
      { sf: 1, t: 'reveal', id: -1 },
      { sf: 1, t: 'seal', id: 1 },
      { sf: 2, t: 'reveal', id: 1 },
      { t: 'reveal', id: 1 },
      { sf: 1, t: 'config', config: { ...config, context: 'c'.repeat(40000) } },
    ]
    for (const m of bad) expect(parseRevealHostMessage(m, drops), JSON.stringify(m).slice(0, 80)).to.equal(undefined)
    expect(drops.counts).to.include({ malformed: 7, unknown: 1, version: 1, oversized: 1 })
  })

  it('frame → host: accepts the desk, phases, outcomes, status, and the shared error, audit and height', () => {
    const drops = new DropCounter()
    const good = [
      { t: 'ready', kind: 'reveal' },
      { t: 'desk', desk: { desk: 'desk-1', publicJwk: jwk, protection: 'prf' } },
      { t: 'phase', phase: 'shown' },
      { t: 'phase', phase: 'idle', code: 'ERR_ALREADY_REVEALED', text: 'This value has already been revealed.' },
      { t: 'revealed', id: 0, jti: 'J'.repeat(22), kind: 'card', preview: 'Visa •••• 4242' },
      { t: 'wiped', jti: 'J'.repeat(22), kind: 'card', preview: 'Visa •••• 4242' },
      { t: 'reveal-error', id: 2, code: 'ERR_STEP_UP_FAILED', message: 'no' },
      { t: 'reveal-error', id: 2, code: 'ERR_STEP_UP_FAILED', message: 'The step-up failed or was cancelled.', text: 'Verificación fallida.' },
      { t: 'configured' },
      { t: 'configured', refused: { code: 'ERR_DESK_STORAGE', message: 'The desk storage on the frame origin is unavailable.' } },
      { t: 'status', id: 1, status: { phase: 'done', valueNodeEmpty: true, storedKey: 'wrapped' } },
      { t: 'height', px: 80 },
      { t: 'error', code: 'ERR_DESK_STORAGE', message: 'x', fatal: true },
      { t: 'audit', event: 'wiped', detail: { jti: 'J'.repeat(22), reason: 'timeout' } },
    ]
    for (const m of good) expect(parseRevealFrameMessage({ sf: 1, ...m }, drops), m.t).to.deep.equal(m)
    expect(drops.total).to.equal(0)
  })

  it('frame → host: drops a desk whose JWK is private, unknown phases and malformed outcomes', () => {
    const drops = new DropCounter()
    const bad = [
      { t: 'desk', desk: { desk: 'desk-1', publicJwk: { ...jwk, d: 'secret' }, protection: 'prf' } },
      { t: 'desk', desk: { desk: 'desk-1', publicJwk: jwk, protection: 'cloud' } },
      { t: 'phase', phase: 'showing-everything' },
      { t: 'revealed', id: 0, jti: 'J', kind: 'card' },
      { t: 'wiped', jti: 7, kind: 'card', preview: '' },
      { t: 'status', id: 1, status: { phase: 'done', valueNodeEmpty: 'yes', storedKey: 'wrapped' } },
      { t: 'value', text: '4242424242424242' },
      { t: 'reveal-error', id: 2, code: 'ERR_STEP_UP_FAILED', message: 'no', text: 7 },
      { t: 'phase', phase: 'idle', text: 'x'.repeat(301) },
      { t: 'configured', refused: { code: 'ERR_DESK_STORAGE' } },
    ]
    for (const m of bad) expect(parseRevealFrameMessage({ sf: 1, ...m }, drops), m.t).to.equal(undefined)
    expect(drops.counts).to.include({ malformed: 9, unknown: 1 })
  })

  it('never throws, whatever arrives', () => {
    const drops = new DropCounter()
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('config', 'reveal', 'status', 'desk', 'phase', 'revealed', 'wiped', 'audit'), (payload, t) => {
        parseRevealHostMessage(payload, drops)
        parseRevealFrameMessage(payload, drops)
        parseRevealHostMessage({ sf: 1, t, config: payload, id: payload, desk: payload, phase: payload }, drops)
        parseRevealFrameMessage({ sf: 1, t, status: payload, jti: payload, desk: payload, detail: payload }, drops)
      }),
      { numRuns: 2000 },
    )
  })

  it('show-for is clamped to 1…300 seconds, default 30', () => {
    expect(clampShowFor(undefined)).to.equal(30)
    expect(clampShowFor(Number.NaN)).to.equal(30)
    expect(clampShowFor(0)).to.equal(30)
    expect(clampShowFor(0.4)).to.equal(1)
    expect(clampShowFor(5)).to.equal(5)
    expect(clampShowFor(3600)).to.equal(300)
  })
})
