/**
 * The host's check of a field configuration (src/host/field-config.ts) agrees with the field
 * frame's own guard (`parseHostMessage`) on every configuration: a configuration the frame would
 * drop is refused on the page, one it would take is sent. Random configurations around each bound.
 */
import { expect } from 'chai'
import fc from 'fast-check'
import { fieldConfigAccepted } from '../../src/host/field-config.js'
import { DropCounter, stamp } from '../../src/protocol/check.js'
import { parseHostMessage } from '../../src/protocol/guards.js'
import type { FieldConfig, HostMessage } from '../../src/protocol/messages.js'

/** A string of length around `max` (at, just under and just over the bound), or short. */
const around = (max: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: max - 1, max: max + 1 }).map((n) => 'x'.repeat(n)))
const jwk = fc.constant({ kty: 'OKP', crv: 'X25519', x: 'a'.repeat(43) })
const config: fc.Arbitrary<FieldConfig> = fc.record(
  {
    kind: fc.constantFrom('card', 'ssn', 'text'),
    label: around(200),
    locale: around(35),
    theme: fc.dictionary(fc.string({ maxLength: 4 }), around(200), { maxKeys: 3 }),
    publicKey: fc.oneof(fc.constant(null), jwk, fc.array(jwk, { minLength: 0, maxLength: 9 }), fc.constant({ keys: [] })),
    context: around(256),
    required: fc.boolean(),
    disabled: fc.boolean(),
    placeholder: around(200),
    expiresIn: fc.oneof(fc.integer({ min: 1, max: 3600 }), fc.constant(1.5)),
    options: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(around(512), fc.integer(), fc.boolean()), { maxKeys: 18 }),
    gate: around(64),
  },
  { requiredKeys: ['kind', 'label', 'locale', 'theme', 'publicKey', 'context', 'required', 'disabled', 'options'] },
) as fc.Arbitrary<FieldConfig>

describe('the host’s check of a field configuration', () => {
  it('takes exactly what the field frame’s guard takes', () => {
    fc.assert(
      fc.property(config, (c) => {
        const message: HostMessage & { t: 'config' } = { t: 'config', config: c }
        const guard = parseHostMessage(stamp(message), new DropCounter()) !== undefined
        expect(fieldConfigAccepted(message)).to.equal(guard)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses an oversized message and one that cannot be serialized', () => {
    const base: FieldConfig = { kind: 'text', label: '', locale: 'en', theme: {}, publicKey: null, context: 'c', required: false, disabled: false, options: {} }
    const big = { ...base, options: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`o${i}`, 'x'.repeat(512)])) }
    expect(fieldConfigAccepted({ t: 'config', config: { ...big, publicKey: { k: 'x'.repeat(30000) } } })).to.equal(false)
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(fieldConfigAccepted({ t: 'config', config: { ...base, publicKey: loop } })).to.equal(false)
    expect(fieldConfigAccepted({ t: 'config', config: base })).to.equal(true)
  })
})
