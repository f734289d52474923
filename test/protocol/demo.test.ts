/**
 * The demo member of each page's configuration (src/protocol/demo.ts): the guards accept exactly
 * the documented shapes, bounded, and drop a configuration whose demo member is anything else;
 * the policy turns demo mode on only with `demo: true`.
 */
import { expect } from 'chai'
import { DropCounter, parseHostMessage, stamp } from '../../src/protocol/guards.js'
import { parseGateHostMessage } from '../../src/protocol/consent.js'
import { parseRevealHostMessage } from '../../src/protocol/reveal.js'
import { parsePolicy } from '../../src/protocol/policy.js'
import type { FieldConfig } from '../../src/protocol/messages.js'

const field = (kind: FieldConfig['kind'], demo: unknown) =>
  stamp({ t: 'config', config: { kind, label: '', locale: 'en', theme: {}, publicKey: null, context: 'c', required: false, disabled: false, options: {}, demo } })
const gate = (demo: unknown) => stamp({ t: 'config', config: { purpose: 'p', policyUrl: 'https://example.com', policyVersion: '1', locale: 'en', theme: {}, demo } })
const reveal = (demo: unknown) => stamp({ t: 'config', config: { desk: 'd', envelope: null, context: 'c', showFor: 30, locale: 'en', theme: {}, demo } })

describe('protocol: demo members', () => {
  it('field configs take their kind’s demo members, as bounded strings', () => {
    const accepted: Array<[FieldConfig['kind'], unknown]> = [
      ['card', { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }],
      ['card', { expiry: '12/30', touched: false }],
      ['ssn', { value: '123-45-6789' }],
      ['text', { value: 'x'.repeat(256) }],
    ]
    for (const [kind, demo] of accepted) expect(parseHostMessage(field(kind, demo), new DropCounter()), JSON.stringify(demo)).to.not.equal(undefined)
  })

  it('a field config whose demo member has another shape is dropped whole, as malformed', () => {
    const refused: Array<[FieldConfig['kind'], unknown]> = [
      ['card', { value: '4242' }], // another kind's member
      ['ssn', { number: '123' }],
      ['card', { number: '4'.repeat(33) }], // longer than the input holds
      ['ssn', { value: '1'.repeat(17) }],
      ['text', { value: 'x'.repeat(257) }],
      ['card', { number: 4242 }],
      ['ssn', { value: '1', touched: 'yes' }],
      ['card', ['4242']],
      ['card', 'demo'],
      ['card', null],
    ]
    for (const [kind, demo] of refused) {
      const drops = new DropCounter()
      expect(parseHostMessage(field(kind, demo), drops), JSON.stringify(demo)).to.equal(undefined)
      expect(drops.counts.malformed, JSON.stringify(demo)).to.equal(1)
    }
  })

  it('gate configs take only { consented: true }', () => {
    expect(parseGateHostMessage(gate({ consented: true }), new DropCounter())).to.not.equal(undefined)
    for (const demo of [{ consented: false }, { consented: true, extra: 1 }, {}, true]) {
      const drops = new DropCounter()
      expect(parseGateHostMessage(gate(demo), drops), JSON.stringify(demo)).to.equal(undefined)
      expect(drops.counts.malformed).to.equal(1)
    }
  })

  it('reveal configs take { value, kind, preview? }, bounded', () => {
    expect(parseRevealHostMessage(reveal({ value: 'v', kind: 'card' }), new DropCounter())).to.not.equal(undefined)
    expect(parseRevealHostMessage(reveal({ value: 'v', kind: 'card', preview: '•••• 4242' }), new DropCounter())).to.not.equal(undefined)
    for (const demo of [{ value: 'v'.repeat(513), kind: 'card' }, { value: 'v' }, { value: 'v', kind: 'card', extra: '' }, { value: 1, kind: 'card' }]) {
      const drops = new DropCounter()
      expect(parseRevealHostMessage(reveal(demo), drops), JSON.stringify(demo).slice(0, 60)).to.equal(undefined)
      expect(drops.counts.malformed).to.equal(1)
    }
  })

  it('the policy is a demo origin only with demo: true', () => {
    expect(parsePolicy({ allowedParents: [], demo: true }).demo).to.equal(true)
    for (const demo of [false, 'true', 1, {}, undefined]) expect(parsePolicy({ allowedParents: [], demo }), String(demo)).to.not.have.property('demo')
  })
})
