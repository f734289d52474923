// Every frame page answers each configuration with `configured`: no `refused` when the
// configuration is usable, the refusal's stable code and an English sentence when it is not — and
// a refusal lasts only as long as its cause: the configuration that fixes it is accepted. Spoken
// to directly, as a host would (no element whose own checks could hide the frame's answer).
import { expect } from 'chai'
import { rawFrame, type RawFrame } from '../support/raw-frame.js'
import { testConfig } from '../support/host.js'
import type { FieldConfig, FrameMessage } from '../../src/protocol/messages.js'
import type { GateConfig } from '../../src/protocol/consent.js'
import type { RevealConfig } from '../../src/protocol/reveal.js'

type Configured = Extract<FrameMessage, { t: 'configured' }>

/** Sends `config` and resolves with the `configured` that answers it (the next one). */
async function configure(frame: RawFrame, config: unknown): Promise<Configured> {
  const answered = frame.received.filter((m) => m.t === 'configured').length
  frame.send({ sf: 1, t: 'config', config })
  await frame.next(() => frame.received.filter((m) => m.t === 'configured').length > answered)
  return frame.received.filter((m): m is Configured => m.t === 'configured')[answered]!
}

async function field(overrides: Partial<FieldConfig> = {}): Promise<FieldConfig> {
  const cfg = await testConfig()
  return { kind: 'card', label: 'Card', locale: 'en', theme: {}, publicKey: cfg.publicJwk as unknown as Record<string, unknown>, context: 'c', required: false, disabled: false, options: {}, ...overrides }
}

/** The code of a configuration's refusal (`undefined`: accepted); its message is English for developers. */
function refusalCode(configured: Configured): string | undefined {
  if (configured.refused) expect(configured.refused.message, configured.refused.code).to.match(/^\S[\x20-\x7e]*[.)]$/)
  return configured.refused?.code
}

describe('frames answer every configuration with configured', () => {
  afterEach(() => document.body.replaceChildren())

  it('a field: refused without a key, with a broken, an all-zero or an unpinned key, and accepted once fixed', async () => {
    const cfg = await testConfig()
    const frame = await rawFrame('card')
    await frame.hello()
    expect(refusalCode(await configure(frame, await field({ publicKey: null })))).to.equal('ERR_KEY_MISSING')
    expect(refusalCode(await configure(frame, await field()))).to.equal(undefined)
    expect(refusalCode(await configure(frame, await field({ publicKey: { kty: 'OKP', crv: 'X25519', x: 'short' } })))).to.equal('ERR_KEY_INVALID')
    // The all-zero public key (RFC 7748 §6.1: every shared secret with it is all zeros): refused at import.
    expect(refusalCode(await configure(frame, await field({ publicKey: { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) } })))).to.equal('ERR_KEY_INVALID')
    expect(refusalCode(await configure(frame, await field({ publicKey: cfg.unpinnedPublicJwk as unknown as Record<string, unknown> })))).to.equal('ERR_POLICY_KEY_NOT_PINNED')
    expect(refusalCode(await configure(frame, await field({ context: '' })))).to.equal('ERR_CONTEXT_MISSING')
    expect(refusalCode(await configure(frame, await field()))).to.equal(undefined)
    // One answer per configuration, in order: seven sent, seven answered.
    expect(frame.received.filter((m) => m.t === 'configured')).to.have.length(7)
  })

  it('a field refused keeps the refusal in its state until fixed, and then seals', async () => {
    const frame = await rawFrame('ssn')
    await frame.hello()
    await configure(frame, await field({ kind: 'ssn', publicKey: null }))
    const refusedState = frame.received.filter((m) => m.t === 'state').at(-1) as Extract<FrameMessage, { t: 'state' }>
    expect(refusedState.state).to.deep.include({ valid: false, code: 'ERR_KEY_MISSING' })
    expect(refusalCode(await configure(frame, await field({ kind: 'ssn' })))).to.equal(undefined)
    const state = frame.received.filter((m) => m.t === 'state').at(-1) as Extract<FrameMessage, { t: 'state' }>
    expect(state.state.code).to.not.equal('ERR_KEY_MISSING')
  })

  it('a text field: refused for a pattern it cannot use, accepted once the pattern is fixed', async () => {
    const frame = await rawFrame('text')
    await frame.hello()
    const text = (pattern: string) => field({ kind: 'text', options: { preset: 'id', pattern } })
    expect(refusalCode(await configure(frame, await text('(a)\\1')))).to.equal('ERR_INPUT_INVALID')
    expect(refusalCode(await configure(frame, await text('[A-Z]{2}[0-9]{4}')))).to.equal(undefined)
  })

  it('a field: a configuration for another kind than its page is refused', async () => {
    const frame = await rawFrame('ssn')
    await frame.hello()
    expect(refusalCode(await configure(frame, await field({ kind: 'card' })))).to.equal('ERR_INPUT_INVALID')
    expect(refusalCode(await configure(frame, await field({ kind: 'ssn' })))).to.equal(undefined)
  })

  it('a consent gate: refused without a purpose or an http(s) policy, accepted once fixed', async () => {
    const frame = await rawFrame('gate')
    await frame.hello()
    const gate = (overrides: Partial<GateConfig>): GateConfig => ({ purpose: 'Share your card', policyUrl: 'https://example.com/privacy', policyVersion: '1', locale: 'en', theme: {}, ...overrides })
    expect(refusalCode(await configure(frame, gate({ purpose: ' ' })))).to.equal('ERR_GATE_CONFIG')
    expect(refusalCode(await configure(frame, gate({ policyUrl: 'javascript:alert(1)' })))).to.equal('ERR_GATE_CONFIG')
    expect(refusalCode(await configure(frame, gate({})))).to.equal(undefined)
  })

  it('a reveal desk: each configuration answered, in order', async () => {
    const frame = await rawFrame('reveal')
    await frame.hello()
    const reveal = (desk: string): RevealConfig => ({ desk, envelope: null, context: 'c', showFor: 30, locale: 'en', theme: {} })
    expect(refusalCode(await configure(frame, reveal('desk-configured-1')))).to.equal(undefined)
    expect(refusalCode(await configure(frame, reveal('desk-configured-2')))).to.equal(undefined)
    expect(frame.received.filter((m) => m.t === 'configured')).to.have.length(2)
  })
})
