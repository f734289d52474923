/**
 * Demo values on a production frame origin (the test origin's policy has no `demo: true`): every
 * frame ignores them — nothing is filled in, no consent is given, nothing is shown — and says so
 * with a non-fatal `ERR_POLICY_DEMO`, while the element keeps working. Only a demo origin
 * (Storybook's, scripts/storybook.mjs) uses them; the Storybook test shows that side.
 */
import { expect } from 'chai'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import type { SecureReveal } from '../../src/host/secure-reveal.js'
import type { SecureErrorDetail } from '../../src/host/events.js'
import { rejection } from '../support/keys.js'
import { CONTEXT, mountField, nextEvent, testConfig, typeInto, waitForState } from '../support/host.js'
import { cleanupGates, GATE } from '../support/gate.js'
import { uniqueDesk } from '../support/reveal.js'

/** Creates `tag` on the test frame origin with `demo` set before it connects; waits for ERR_POLICY_DEMO. */
async function mountWithDemo<T extends HTMLElement>(tag: string, attributes: Record<string, string>, demo: unknown, parent: Element = document.body) {
  const cfg = await testConfig()
  const el = document.createElement(tag) as T & { demo?: unknown }
  for (const [name, value] of Object.entries({ 'frame-origin': cfg.frameBase, ...attributes })) el.setAttribute(name, value)
  el.demo = demo
  const ignored = nextEvent<SecureErrorDetail>(el, 'secure-error', (d) => d.code === 'ERR_POLICY_DEMO')
  parent.append(el)
  return { el: el as T, ignored }
}

const FIELDS: Array<{ tag: string; attributes: Record<string, string>; demo: unknown; keys: string }> = [
  { tag: 'secure-card-input', attributes: {}, demo: { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }, keys: '4' },
  { tag: 'secure-ssn-input', attributes: {}, demo: { value: '123-45-6789' }, keys: '1' },
  { tag: 'secure-text-input', attributes: { preset: 'iban' }, demo: { value: 'DE89 3704 0044 0532 0130 00' }, keys: 'D' },
]

describe('demo values on a production frame origin are ignored', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  for (const spec of FIELDS) {
    it(`<${spec.tag}> fills nothing in, reports ERR_POLICY_DEMO, and still takes typing`, async () => {
      const cfg = await testConfig()
      const { el, ignored } = await mountWithDemo<SecureFieldElement>(spec.tag, { 'public-key': JSON.stringify(cfg.publicJwk), context: CONTEXT, ...spec.attributes }, spec.demo)
      expect((await ignored).code).to.equal('ERR_POLICY_DEMO')
      const state = await waitForState(el, () => el.isReady)
      expect(state).to.deep.include({ empty: true, valid: false })
      expect((await rejection(() => el.seal())).code).to.equal('ERR_FIELD_EMPTY')
      // Not fatal: the field works as ever.
      await typeInto(el, spec.keys)
      expect((await waitForState(el, (s) => !s.empty)).empty).to.equal(false)
    })
  }

  it('<consent-gate> does not start consented, and the field behind it stays locked', async () => {
    const cfg = await testConfig()
    const { el: gate, ignored } = await mountWithDemo<ConsentGate>('consent-gate', { purpose: GATE.purpose, 'policy-url': GATE.policyUrl, 'policy-version': GATE.policyVersion }, { consented: true })
    expect((await ignored).code).to.equal('ERR_POLICY_DEMO')
    const card = await mountField('secure-card-input', { 'public-key': JSON.stringify(cfg.publicJwk) }, gate)
    const state = await waitForState(card, (s) => s.locked === true)
    expect(state.locked).to.equal(true)
    expect(gate.consented).to.equal(false)
    expect(gate.state.consented).to.equal(false)
    expect((await rejection(() => card.seal())).code).to.equal('ERR_CONSENT_REQUIRED')
  })

  it('<secure-reveal> shows nothing: its value node stays empty and the desk still asks to be set up', async () => {
    const { el: desk, ignored } = await mountWithDemo<SecureReveal>('secure-reveal', { desk: uniqueDesk(), context: CONTEXT }, { value: '4242424242424242', kind: 'text' })
    expect((await ignored).code).to.equal('ERR_POLICY_DEMO')
    const status = await desk.frameStatus()
    expect(status.phase).to.equal('enrol')
    expect(status.valueNodeEmpty).to.equal(true)
    expect(desk.phase).to.equal('enrol')
  })
})
