/**
 * Configuration timing for `<consent-gate>` and `<secure-reveal>`, as test/host/config-timing.test.ts
 * does for the fields: each attribute set at creation, set late (after the frame shows its
 * element), changed twice, or set wrong then fixed ends in the same state — the same consent
 * receipt for the gate, the same reveal (or refusal) for the desk — as set at creation.
 */
import { expect } from 'chai'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { DeskPublicJwk, SecureReveal } from '../../src/host/secure-reveal.js'
import { CONTEXT, nextEvent, testConfig } from '../support/host.js'
import { cleanupGates, consentFor, GATE } from '../support/gate.js'
import { authenticatorPerTest, enrol, mountReveal, rejectionCode, sealTo, uniqueDesk } from '../support/reveal.js'

type Timing = 'set at creation' | 'set late' | 'changed twice' | 'set wrong, then fixed'

interface Row<V> {
  /** The attribute. */
  attr: string
  good: V
  other: V
  wrong?: V
}

/**
 * Waits for the frame's verdict on the element's configuration as it is now (what `seal()` and
 * `reveal()` wait for inside): the element's frame controller, reached as a test may.
 */
async function settled(el: ConsentGate | SecureReveal): Promise<void> {
  await el.updateComplete
  await (el as unknown as { frame: { settled(): Promise<void> } }).frame.settled()
}

/** Runs one timing: `mount` creates and appends the element with the row's attribute at `initial` (undefined: absent). */
async function timed<E extends ConsentGate | SecureReveal>(
  timing: Timing,
  attr: string,
  good: string,
  other: string,
  wrong: string | undefined,
  mount: (initial: string | undefined) => Promise<E>,
): Promise<E | undefined> {
  const set = async (el: E, value: string) => {
    el.setAttribute(attr, value)
    await settled(el)
  }
  switch (timing) {
    case 'set at creation':
      return mount(good)
    case 'set late': {
      const el = await mount(undefined)
      await set(el, good)
      return el
    }
    case 'changed twice': {
      const el = await mount(good)
      await set(el, other)
      await set(el, good)
      return el
    }
    case 'set wrong, then fixed': {
      if (wrong === undefined) return undefined
      const el = await mount(wrong)
      await set(el, good)
      return el
    }
  }
}

const TIMINGS: Timing[] = ['set at creation', 'set late', 'changed twice', 'set wrong, then fixed']

describe('<consent-gate> configuration that comes late, changes or gets fixed', function () {
  this.timeout(120000)
  afterEach(cleanupGates)

  const ROWS: Array<Row<string>> = [
    { attr: 'purpose', good: GATE.purpose, other: 'Check your age', wrong: '' },
    { attr: 'policy-url', good: GATE.policyUrl, other: 'https://example.com/other-policy', wrong: 'javascript:alert(1)' },
    { attr: 'policy-version', good: GATE.policyVersion, other: '2025-01' },
    { attr: 'locale', good: 'fr', other: 'de' },
  ]

  for (const row of ROWS) {
    it(row.attr, async () => {
      const cfg = await testConfig()
      const mount = async (initial: string | undefined) => {
        const gate = document.createElement('consent-gate') as ConsentGate
        const attributes: Record<string, string> = { 'frame-origin': cfg.frameBase, purpose: GATE.purpose, 'policy-url': GATE.policyUrl, 'policy-version': GATE.policyVersion }
        delete attributes[row.attr]
        if (initial !== undefined) attributes[row.attr] = initial
        for (const [name, value] of Object.entries(attributes)) gate.setAttribute(name, value)
        // A gate set wrong is fixed once it has said so.
        const refused = row.wrong !== undefined && initial === row.wrong ? nextEvent<{ code: string }>(gate, 'secure-error', (d) => d.code === 'ERR_GATE_CONFIG') : undefined
        document.body.append(gate)
        await refused
        await settled(gate)
        return gate
      }
      const outcomes: Record<string, unknown> = {}
      for (const timing of TIMINGS) {
        const gate = await timed(timing, row.attr, row.good, row.other, row.wrong, mount)
        if (!gate) continue
        // The customer consents for real: the receipt says what the gate showed them.
        const { receipt } = await consentFor(gate)
        outcomes[timing] = { purpose: receipt.purpose, policyUrl: receipt.policyUrl, policyVersion: receipt.policyVersion, textDigest: receipt.textDigest, consented: gate.state.consented }
        await cleanupGates()
      }
      const atCreation = outcomes['set at creation'] as Record<string, unknown>
      if (row.attr !== 'locale') expect(atCreation[row.attr === 'policy-url' ? 'policyUrl' : row.attr === 'policy-version' ? 'policyVersion' : 'purpose']).to.equal(row.good)
      for (const [timing, o] of Object.entries(outcomes)) expect(o, timing).to.deep.equal(atCreation)
    })
  }
})

describe('<consent-gate> refusals are reported once', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('a gate without a purpose says so once (one secure-error), and works once it has one', async () => {
    const cfg = await testConfig()
    const gate = document.createElement('consent-gate') as ConsentGate
    for (const [name, value] of Object.entries({ 'frame-origin': cfg.frameBase, 'policy-url': GATE.policyUrl, 'policy-version': GATE.policyVersion })) gate.setAttribute(name, value)
    const errors: string[] = []
    gate.addEventListener('secure-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code))
    const refused = nextEvent(gate, 'secure-error', (d: { code: string }) => d.code === 'ERR_GATE_CONFIG')
    document.body.append(gate)
    await refused
    await settled(gate)
    // A change that does not fix it is judged again, and is no news.
    gate.setAttribute('policy-version', '2025-01')
    await settled(gate)
    gate.setAttribute('purpose', GATE.purpose)
    await settled(gate)
    const { receipt } = await consentFor(gate)
    expect(receipt.purpose).to.equal(GATE.purpose)
    expect(errors).to.deep.equal(['ERR_GATE_CONFIG'])
  })
})

describe('<secure-reveal> configuration that comes late, changes or gets fixed', function () {
  this.timeout(120000)
  const addAuthenticator = authenticatorPerTest()
  let desk: string
  let jwk: DeskPublicJwk

  beforeEach(async () => {
    await addAuthenticator()
    const enrolling = await mountReveal()
    await enrol(enrolling)
    desk = enrolling.desk
    jwk = await enrolling.publicKey()
    enrolling.remove()
  })

  /** Mounts a desk element with `attributes` (null: absent) and waits for the frame's verdict. */
  async function mount(attributes: Record<string, string | null>): Promise<SecureReveal> {
    const cfg = await testConfig()
    const el = document.createElement('secure-reveal') as SecureReveal
    const all: Record<string, string | null> = { 'frame-origin': cfg.frameBase, desk, context: CONTEXT, ...attributes }
    for (const [name, value] of Object.entries(all)) if (value !== null) el.setAttribute(name, value)
    document.body.append(el)
    await settled(el)
    return el
  }

  /** What the agent sees: the desk's key, and the reveal of the envelope (or its refusal). */
  async function outcome(el: SecureReveal) {
    const status = await el.frameStatus().catch((e: { code?: string }) => ({ phase: e.code }))
    const kid = status.phase === 'idle' ? (await el.publicKey()).kid : undefined
    const revealed = await el.reveal().then(
      (d) => ({ kind: d.kind, preview: d.preview }),
      (e: { code?: string }) => e.code,
    )
    if (typeof revealed === 'object') {
      const wiped = nextEvent(el, 'secure-wiped')
      el.hide()
      await wiped
    }
    el.remove()
    return { phase: status.phase, kid, revealed }
  }

  it('desk', async () => {
    const outcomes: Record<string, unknown> = {}
    for (const timing of TIMINGS) {
      // View once: each timing reveals its own envelope, sealed the same way.
      const envelope = await sealTo(jwk, 'the-value')
      const el = await timed(timing, 'desk', desk, uniqueDesk(), 'not a desk id!', (initial) => mount({ desk: initial ?? uniqueDesk(), envelope }))
      if (el) outcomes[timing] = await outcome(el)
    }
    expect(outcomes['set at creation']).to.deep.equal({ phase: 'idle', kid: jwk.kid, revealed: { kind: 'text', preview: '•••' } })
    for (const [timing, o] of Object.entries(outcomes)) expect(o, timing).to.deep.equal(outcomes['set at creation'])
  })

  it('envelope', async () => {
    const outcomes: Record<string, unknown> = {}
    for (const timing of TIMINGS) {
      const envelope = await sealTo(jwk, 'the-value')
      const other = await sealTo(jwk, 'another-value')
      const el = await timed(timing, 'envelope', envelope, other, 'not.an.envelope', (initial) => mount({ envelope: initial ?? null }))
      if (el) outcomes[timing] = await outcome(el)
    }
    expect(outcomes['set at creation']).to.deep.equal({ phase: 'idle', kid: jwk.kid, revealed: { kind: 'text', preview: '•••' } })
    for (const [timing, o] of Object.entries(outcomes)) expect(o, timing).to.deep.equal(outcomes['set at creation'])
  })

  it('context', async () => {
    const outcomes: Record<string, unknown> = {}
    for (const timing of TIMINGS) {
      const envelope = await sealTo(jwk, 'the-value')
      const el = await timed(timing, 'context', CONTEXT, 'conversation-7', 'conversation-7', (initial) => mount({ envelope, context: initial ?? null }))
      if (el) outcomes[timing] = await outcome(el)
    }
    expect(outcomes['set at creation']).to.deep.equal({ phase: 'idle', kid: jwk.kid, revealed: { kind: 'text', preview: '•••' } })
    for (const [timing, o] of Object.entries(outcomes)) expect(o, timing).to.deep.equal(outcomes['set at creation'])
  })

  it('a refused desk id is refused at once, and fixing it clears the refusal', async () => {
    const el = await mount({ desk: 'not a desk id!' })
    expect(await rejectionCode(el.publicKey())).to.equal('ERR_INPUT_INVALID')
    el.desk = desk
    expect((await el.publicKey()).kid).to.equal(jwk.kid)
  })
})
