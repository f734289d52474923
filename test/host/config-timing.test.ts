/**
 * Configuration that comes late, changes or gets fixed always recovers (issue: a React app's
 * `publicKey` arriving after a fetch left the field refused for good). For each element and each
 * attribute or property that reaches its frame, four timings — set at creation, set late (after
 * the frame has shown its element), changed twice, set wrong then fixed — must end in the same
 * state, and seal (or refuse) the same, as the value set at creation. The element's state is
 * derived from its current configuration and its frame's last verdict, never remembered.
 *
 * Waits are on conditions only: `seal()` waits for the frame's verdict on the configuration as it
 * is now, which is what a page does too.
 */
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { inspect } from '../../src/crypto/index.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureReveal } from '../../src/host/secure-reveal.js'
import { cleanup, CONTEXT, nextEvent, testConfig, typeInto, waitForState, type TestConfig } from '../support/host.js'
import { rejectionCode } from '../support/sealed.js'
import { cleanupGates, GATE } from '../support/gate.js'
import { uniqueDesk } from '../support/reveal.js'

type Value = unknown
/** How a value is applied: through the attribute (strings; `true`/`false` for boolean attributes) or the property. */
type Via = { attr: string } | { prop: string }

interface FieldCase {
  tag: 'secure-card-input' | 'secure-ssn-input' | 'secure-text-input'
  /** What the row is about (the attribute or property name). */
  name: string
  via: Via
  /** Attributes every timing starts from (beside frame-origin, public-key and context unless overridden). */
  base?: Record<string, string | null>
  good: (cfg: TestConfig) => Value
  /** A second, different value for "changed twice" (default: `wrong`). */
  other?: (cfg: TestConfig) => Value
  /** A value the frame or the host refuses. */
  wrong?: (cfg: TestConfig) => Value
  /** What to type once the field is usable (in steps: a card's number, expiry, code), so that a seal has something to seal. */
  type?: string | string[]
  /** What the element ends in with `good`, so that four timings agreeing cannot all be wrong. */
  expected: string
  /** What else the value set at creation must show (the row's own effect). */
  also?: (o: Outcome, cfg: TestConfig) => void
  /** A further observation of the row's own effect. */
  probe?: (el: SecureFieldElement) => unknown
}

const json = (v: unknown) => JSON.stringify(v)

function apply(el: Element, via: Via, value: Value): void {
  if ('prop' in via) {
    ;(el as unknown as Record<string, Value>)[via.prop] = value
  } else if (value === true) el.setAttribute(via.attr, '')
  else if (value === false || value === null || value === undefined) el.removeAttribute(via.attr)
  else el.setAttribute(via.attr, String(value))
}

/** The frame's verdict on the configuration as it is now: `seal()` waits for it, then answers. */
async function settle(el: SecureFieldElement): Promise<void> {
  await el.seal().catch(() => undefined)
}

/** What a page can observe of a field: the seal's outcome, its validity, focusability, title, and the row's probe. */
type Outcome = Awaited<ReturnType<typeof outcome>>

async function outcome(el: SecureFieldElement, c: FieldCase) {
  let code = await rejectionCode(el.seal())
  let sealed: Record<string, unknown> | undefined
  if (code === 'ERR_FIELD_EMPTY' && c.type) {
    const [first, ...more] = typeof c.type === 'string' ? [c.type] : c.type
    await typeInto(el, first!)
    for (const keys of more) await sendKeys({ type: keys })
    await waitForState(el, (s) => s.valid).catch((e) => {
      throw new Error(`${String(e)} in state ${JSON.stringify(el.state)} (code before typing ${code}, problem ${el.validationMessage})`)
    })
    const envelope = el.seal()
    code = await rejectionCode(envelope)
    if (!code) {
      const header = inspect(await envelope)
      sealed = { kind: header.kind, ctx: header.ctx, kids: header.recipients.map((r) => r.kid), lifetime: header.exp - header.iat, preview: header.preview }
    }
  }
  const iframe = el.shadowRoot!.querySelector('iframe')
  return {
    seal: code ?? 'sealed',
    sealed,
    valid: el.checkValidity(),
    flags: { valueMissing: el.validity.valueMissing, badInput: el.validity.badInput, customError: el.validity.customError },
    message: el.validationMessage,
    state: { valid: el.state.valid, code: el.state.code ?? '' },
    tabIndex: iframe?.tabIndex,
    inert: el.hasAttribute('inert'),
    title: iframe?.title,
    iframes: el.shadowRoot!.querySelectorAll('iframe').length,
    probe: await c.probe?.(el),
  }
}

async function create(c: FieldCase, cfg: TestConfig, initial: Value | typeof UNSET): Promise<SecureFieldElement> {
  const el = document.createElement(c.tag) as SecureFieldElement
  const attributes: Record<string, string | null> = { 'frame-origin': cfg.frameBase, 'public-key': json(cfg.publicJwk), context: CONTEXT, ...c.base }
  for (const [name, value] of Object.entries(attributes)) if (value !== null) el.setAttribute(name, value)
  if (initial !== UNSET) apply(el, c.via, initial)
  document.querySelector('form')!.append(el)
  await settle(el)
  return el
}

const UNSET = Symbol('unset')
/** The four timings: each returns the element, settled with `good` in force. */
const TIMINGS: Record<string, (c: FieldCase, cfg: TestConfig) => Promise<SecureFieldElement> | undefined> = {
  'set at creation': async (c, cfg) => create(c, cfg, c.good(cfg)),
  'set late': async (c, cfg) => {
    const el = await create(c, cfg, UNSET)
    apply(el, c.via, c.good(cfg))
    await settle(el)
    return el
  },
  'changed twice': async (c, cfg) => {
    const other = (c.other ?? c.wrong)!(cfg)
    const el = await create(c, cfg, c.good(cfg))
    apply(el, c.via, other)
    await settle(el)
    apply(el, c.via, c.good(cfg))
    await settle(el)
    return el
  },
  'set wrong, then fixed': (c, cfg) => {
    if (!c.wrong) return undefined
    return (async () => {
      const el = await create(c, cfg, c.wrong!(cfg))
      apply(el, c.via, c.good(cfg))
      await settle(el)
      return el
    })()
  },
}

const CARD = ['4242424242424242', '1230', '123']
const KEY_INVALID = { kty: 'OKP', crv: 'X25519', x: 'not-a-key' }
const teamKeys = (cfg: TestConfig) => cfg.team.map((k) => k.publicJwk)
const formValueNamed = (name: string) => (el: SecureFieldElement) => new FormData(el.form!).has(name)

const FIELD_CASES: FieldCase[] = [
  // The user's bug: the key comes after mount, by attribute or (React) by property.
  { tag: 'secure-card-input', name: 'public-key (attribute)', via: { attr: 'public-key' }, base: { 'public-key': null }, good: (c) => json(c.publicJwk), other: (c) => json(teamKeys(c)), wrong: () => json(KEY_INVALID), type: CARD, expected: 'sealed', also: (o, c) => expect(o.sealed?.kids).to.deep.equal([c.publicJwk.kid]) },
  { tag: 'secure-text-input', name: 'publicKey (property)', via: { prop: 'publicKey' }, base: { 'public-key': null, preset: 'account' }, good: (c) => c.publicJwk, other: (c) => c.unpinnedPublicJwk, wrong: () => null, type: '12345678', expected: 'sealed', also: (o, c) => expect(o.sealed?.kids).to.deep.equal([c.publicJwk.kid]) },
  { tag: 'secure-ssn-input', name: 'publicKey (property, a key set)', via: { prop: 'publicKey' }, base: { 'public-key': null }, good: teamKeys, other: (c) => c.publicJwk, wrong: (c) => [c.unpinnedTeamKey.publicJwk], type: '123456789', expected: 'sealed', also: (o, c) => expect(o.sealed?.kids).to.deep.equal(c.team.map((k) => k.publicJwk.kid)) },
  { tag: 'secure-text-input', name: 'context', via: { attr: 'context' }, base: { context: null, preset: 'account' }, good: () => CONTEXT, other: () => 'conversation-7', wrong: () => '', type: '12345678', expected: 'sealed', also: (o) => expect(o.sealed?.ctx).to.equal(CONTEXT) },
  // A text field refused for a bad pattern recovers when the attribute is fixed.
  { tag: 'secure-text-input', name: 'pattern', via: { attr: 'pattern' }, base: { preset: 'id' }, good: () => '\\d{4}', other: () => '[a-z]+', wrong: () => '(', type: '1234', expected: 'sealed' },
  { tag: 'secure-text-input', name: 'preset', via: { attr: 'preset' }, good: () => 'account', other: () => 'iban', wrong: () => 'passport', type: '12345678', expected: 'sealed', also: (o) => expect(o.sealed?.kind).to.equal('account') },
  { tag: 'secure-text-input', name: 'minlength', via: { attr: 'minlength' }, base: { preset: 'account', maxlength: '9' }, good: () => '6', other: () => '8', wrong: () => 'many', type: '1234567', expected: 'sealed' },
  { tag: 'secure-text-input', name: 'maxlength', via: { attr: 'maxlength' }, base: { preset: 'account', minlength: '4' }, good: () => '9', other: () => '12', wrong: () => '2', type: '1234567', expected: 'sealed' },
  { tag: 'secure-text-input', name: 'mask', via: { attr: 'mask' }, base: { preset: 'id' }, good: () => 'AA-0000', other: () => '0000', type: 'ab1234', expected: 'sealed', also: (o) => expect(o.sealed?.kind).to.equal('id') },
  { tag: 'secure-text-input', name: 'preview', via: { attr: 'preview' }, base: { preset: 'account' }, good: () => 'none', other: () => 'default', wrong: () => 'half', type: '12345678', expected: 'sealed', also: (o) => expect(o.sealed?.preview).to.equal('') },
  { tag: 'secure-ssn-input', name: 'allow-itin', via: { attr: 'allow-itin' }, good: () => true, other: () => false, type: '912701234', expected: 'sealed', also: (o) => expect(o.sealed?.kind).to.equal('ssn') },
  { tag: 'secure-text-input', name: 'expires-in', via: { attr: 'expires-in' }, base: { preset: 'account' }, good: () => '120', other: () => '600', type: '12345678', expected: 'sealed', also: (o) => expect(o.sealed?.lifetime).to.equal(120) },
  { tag: 'secure-text-input', name: 'name', via: { attr: 'name' }, base: { preset: 'account' }, good: () => 'account', other: () => 'other', type: '12345678', expected: 'sealed', probe: formValueNamed('account'), also: (o) => expect(o.probe).to.equal(true) },
  { tag: 'secure-text-input', name: 'required', via: { attr: 'required' }, good: () => true, other: () => false, expected: 'ERR_FIELD_EMPTY', also: (o) => expect(o.flags.valueMissing).to.equal(true) },
  { tag: 'secure-card-input', name: 'disabled', via: { attr: 'disabled' }, good: () => true, other: () => false, expected: 'ERR_FIELD_DISABLED', also: (o) => expect([o.tabIndex, o.inert]).to.deep.equal([-1, true]) },
  { tag: 'secure-text-input', name: 'locale', via: { attr: 'locale' }, base: { required: '' }, good: () => 'fr', other: () => 'de', expected: 'ERR_FIELD_EMPTY', also: (o) => expect(o.message).to.equal('Ce champ est obligatoire.') },
  { tag: 'secure-text-input', name: 'lang', via: { attr: 'lang' }, base: { required: '' }, good: () => 'es', other: () => 'de', expected: 'ERR_FIELD_EMPTY', also: (o) => expect(o.message).to.equal('Este campo es obligatorio.') },
  { tag: 'secure-text-input', name: 'label', via: { attr: 'label' }, good: () => 'Bank account', other: () => 'Account', wrong: () => 'x'.repeat(201), expected: 'ERR_FIELD_EMPTY', also: (o) => expect(o.title).to.equal('Bank account') },
  { tag: 'secure-text-input', name: 'frame-title', via: { attr: 'frame-title' }, good: () => 'Numéro', other: () => 'Nummer', expected: 'ERR_FIELD_EMPTY', also: (o) => expect(o.title).to.equal('Numéro') },
  { tag: 'secure-text-input', name: 'theme', via: { prop: 'theme' }, base: { preset: 'account' }, good: () => ({ '--sf-color-text': '#123456' }), wrong: () => ({ '--sf-color-text': 'url(https://example.com/x)' }), type: '12345678', expected: 'sealed' },
  { tag: 'secure-card-input', name: 'frame-origin', via: { attr: 'frame-origin' }, base: { 'frame-origin': null }, good: (c) => c.frameBase, wrong: (c) => c.strictFrameBase, type: CARD, expected: 'sealed' },
]

describe('configuration that comes late, changes or gets fixed (every timing ends as if set at creation)', function () {
  this.timeout(120000)
  beforeEach(() => document.body.append(document.createElement('form')))
  afterEach(cleanup)

  for (const c of FIELD_CASES) {
    it(`<${c.tag}> ${c.name}`, async () => {
      const cfg = await testConfig()
      const outcomes: Record<string, unknown> = {}
      for (const [timing, run] of Object.entries(TIMINGS)) {
        try {
          const el = await run(c, cfg)
          if (!el) continue
          outcomes[timing] = await outcome(el, c)
        } catch (error) {
          throw new Error(`${timing}: ${String(error)}`)
        }
        cleanup()
        document.body.append(document.createElement('form'))
      }
      const atCreation = outcomes['set at creation'] as Outcome
      expect(atCreation.seal, 'the value set at creation').to.equal(c.expected)
      c.also?.(atCreation, cfg)
      for (const [timing, o] of Object.entries(outcomes)) expect(o, timing).to.deep.equal(atCreation)
    })
  }
})
