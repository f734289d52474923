// What a field frame decides, as pure functions of what it knows (src/frame/runtime/
// field-judgement.ts): the refusal a configuration earns, whether the inputs take input, whether a
// seal may go ahead. Nothing is remembered between two judgements, so the configuration that fixes
// a cause clears its refusal whatever came before — stated as properties over sequences.
import { expect } from 'chai'
import fc from 'fast-check'
import { configRefusal, inputsDisabled, sealRefusal, type ConfigFacts, type KeyImport } from '../../src/frame/runtime/field-judgement.js'
import type { Recipients } from '../../src/frame/runtime/seal.js'
import type { FramePolicy } from '../../src/protocol/policy.js'
import type { FieldConfig } from '../../src/protocol/messages.js'

const keys = (kid: string, pq = false): Recipients => ({ kids: [kid], pq, seal: async () => 'x' })
const open: FramePolicy = { allowedParents: [], requireConsent: [], requirePq: [] }
const config = (overrides: Partial<FieldConfig> = {}): FieldConfig => ({
  kind: 'card',
  label: '',
  locale: 'en',
  theme: {},
  publicKey: { kty: 'OKP' },
  context: 'c',
  required: false,
  disabled: false,
  options: {},
  ...overrides,
})
const good: ConfigFacts = { config: config(), pageKind: 'card', policy: open, key: { recipients: keys('k1') }, gated: false }

/** Each cause of refusal, and the code it earns. */
const CAUSES: Array<[string, Partial<ConfigFacts>, string]> = [
  ['no key', { config: config({ publicKey: null }), key: undefined }, 'ERR_KEY_MISSING'],
  ['a key that did not import', { key: { refusal: { code: 'ERR_KEY_INVALID', message: 'Invalid X25519 JWK: x is a point of small order.' } } }, 'ERR_KEY_INVALID'],
  ['a key the origin does not pin', { policy: { ...open, pinnedKeys: ['other'] } }, 'ERR_POLICY_KEY_NOT_PINNED'],
  ['a classical key where post-quantum is required', { policy: { ...open, requirePq: ['card'] } }, 'ERR_POLICY_PQ_REQUIRED'],
  ['no context', { config: config({ context: '' }) }, 'ERR_CONTEXT_MISSING'],
  ['options the view refused', { options: { code: 'ERR_INPUT_INVALID', message: 'options.pattern is not valid.' } }, 'ERR_INPUT_INVALID'],
  ['another kind than the page', { config: config({ kind: 'ssn' }) }, 'ERR_INPUT_INVALID'],
  ['a consent policy and no gate', { policy: { ...open, requireConsent: ['card'] } }, 'ERR_POLICY_CONSENT_REQUIRED'],
]

describe('field frames: decisions as pure functions', () => {
  it('each cause earns its code with an English message, and the usable configuration none', () => {
    expect(configRefusal(good)).to.equal(undefined)
    for (const [name, change, code] of CAUSES) {
      const refusal = configRefusal({ ...good, ...change })
      expect(refusal?.code, name).to.equal(code)
      expect(refusal?.message, name).to.match(/^\S[\x20-\x7e]*[.)]$/)
    }
    // The cause fixed: gated behind a consent gate, the consent policy is met.
    expect(configRefusal({ ...good, policy: { ...open, requireConsent: ['card'] }, gated: true })).to.equal(undefined)
  })

  it('a judgement depends on its facts alone: in any sequence of configurations, each is judged as if it came first', () => {
    const judged: Array<[ConfigFacts, string | undefined]> = [[good, undefined], ...CAUSES.map(([, change, code]): [ConfigFacts, string] => [{ ...good, ...change }, code])]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...judged), { minLength: 1, maxLength: 12 }), (sequence) => {
        for (const [facts, code] of sequence) expect(configRefusal(facts)?.code).to.equal(code)
      }),
    )
  })

  it('the inputs take input exactly when the field is neither disabled, refused nor locked', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (disabled, refused, locked) => {
        expect(inputsDisabled({ disabled, refused, locked })).to.equal(disabled || refused || locked)
      }),
    )
  })

  it('a seal goes ahead only for a valid value of a usable, unlocked, enabled field, within the policy', () => {
    const evaluation = { empty: false, valid: true, kind: 'iban' }
    const base = { locked: false, disabled: false, evaluation, policy: open, pageKind: 'text', recipients: keys('k1') }
    expect(sealRefusal(base)).to.equal(undefined)
    const cases: Array<[object, string]> = [
      [{ refusal: { code: 'ERR_KEY_MISSING', message: 'No public key is configured.' } }, 'ERR_KEY_MISSING'],
      [{ locked: true }, 'ERR_CONSENT_REQUIRED'],
      [{ disabled: true }, 'ERR_FIELD_DISABLED'],
      [{ evaluation: undefined }, 'ERR_FIELD_EMPTY'],
      [{ evaluation: { ...evaluation, empty: true } }, 'ERR_FIELD_EMPTY'],
      [{ evaluation: { ...evaluation, valid: false } }, 'ERR_FIELD_INVALID'],
      // The policy names envelope kinds too: a text field's IBAN.
      [{ policy: { ...open, requireConsent: ['iban'] } }, 'ERR_POLICY_CONSENT_REQUIRED'],
      [{ policy: { ...open, requirePq: ['iban'] } }, 'ERR_POLICY_PQ_REQUIRED'],
    ]
    for (const [change, code] of cases) expect(sealRefusal({ ...base, ...change })?.code, code).to.equal(code)
    expect(sealRefusal({ ...base, policy: { ...open, requireConsent: ['iban'] }, consent: 'digest' })).to.equal(undefined)
  })

  it('a key import that failed is the refusal, whatever its code (ERR_RECIPIENTS_INVALID too)', () => {
    const key: KeyImport = { refusal: { code: 'ERR_RECIPIENTS_INVALID', message: 'These keys cannot share one envelope: the same key is given twice.' } }
    expect(configRefusal({ ...good, key })).to.deep.equal(key.refusal)
  })
})
