/**
 * One conformance suite for every field element: form association, events and their shapes, the
 * seal round trip with the private key, the canary sweep, fuzzing of the message boundary, theme
 * refusal, pinned-key refusal, and the `en` and `es` locales. A new element gets it by one line:
 * `describeFieldConformance(spec)`.
 */
import { expect } from 'chai'
import fc from 'fast-check'
import { inspect, open } from '../../src/crypto/index.js'
import { DropCounter, parseHostMessage } from '../../src/protocol/guards.js'
import type { FrameMessage } from '../../src/protocol/messages.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import type { SecureChangeDetail, SecureSealedDetail } from '../../src/host/events.js'
import { loadLocale } from '../../src/frame/i18n/index.js'
import { installRecorder } from '../support/canary.js'
import { cleanup, CONTEXT, leave, mountField, tabOut, nextEvent, testConfig, typeInto, waitForState } from '../support/host.js'
import { rawFrame } from '../support/raw-frame.js'
import { rejectionCode } from '../support/sealed.js'

/** What the suite needs to know about one field element. */
export interface FieldSpec {
  /** Suite title, e.g. `<secure-text-input preset="iban">`. */
  title: string
  tag: string
  /** Frame page the element loads. */
  page: string
  /** Extra attributes every instance gets (e.g. `preset`). */
  attributes?: Record<string, string>
  /** Options the element sends to its frame (for raw-frame tests). */
  frameOptions?: Record<string, string | number | boolean>
  /** Config `kind` for raw-frame tests. */
  frameKind: 'card' | 'ssn' | 'text'
  /** Key presses, as `sendKeys` `type` strings in order, that enter a valid value into a focused field. */
  validKeys: string[]
  /** The opened envelope's plaintext for `validKeys`. */
  validPlaintext: string
  /** The envelope `kind` claim and the preview for `validKeys`. */
  kind: string
  preview: string
  /** Keys that make a complete but invalid value, and the code it gets. */
  invalidKeys: string[]
  invalidCode: string
  /** A fresh canary: the keys that type it, and the digits the sweep searches for. */
  canary(): { keys: string[]; digits: string }
}

async function fill(element: SecureFieldElement, keys: string[]): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands')
  await typeInto(element, keys[0]!)
  for (const k of keys.slice(1)) await sendKeys({ type: k })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Registers the conformance suite for `spec`. */
export function describeFieldConformance(spec: FieldSpec): void {
  const mount = (attributes: Record<string, string | null> = {}, parent?: Element) =>
    mountField(spec.tag, { ...spec.attributes, ...attributes }, parent)

  describe(`${spec.title}: conformance`, function () {
    this.timeout(60000)
    afterEach(cleanup)

    describe('seal round trip and events', () => {
      it('seal() gives an envelope that opens with the private key to the value typed', async () => {
        const el = await mount()
        await fill(el, spec.validKeys)
        await waitForState(el, (s) => s.valid)
        await tabOut(el)
        const state = await waitForState(el, (s) => s.preview !== undefined)
        expect(state.preview).to.equal(spec.preview)
        const envelope = await el.seal()
        const { privateJwk } = await testConfig()
        const { plaintext, claims } = await open(envelope, privateJwk, { context: CONTEXT })
        expect(new TextDecoder().decode(plaintext)).to.equal(spec.validPlaintext)
        expect(claims).to.include({ kind: spec.kind, preview: spec.preview, ctx: CONTEXT })
      })

      it('events carry documented shapes only', async () => {
        const el = await mount()
        const changes: SecureChangeDetail[] = []
        const sealed: SecureSealedDetail[] = []
        el.addEventListener('secure-change', (e) => changes.push(e.detail))
        el.addEventListener('secure-sealed', (e) => sealed.push(e.detail))
        const focused = nextEvent(el, 'secure-focus')
        await fill(el, spec.validKeys)
        await focused
        await waitForState(el, (s) => s.valid)
        await el.seal()
        const allowed = ['empty', 'complete', 'valid', 'brand', 'preview', 'code', 'message', 'locked']
        for (const c of changes) {
          expect(Object.keys(c).every((k) => allowed.includes(k)), JSON.stringify(c)).to.equal(true)
          expect(c).to.include.keys('empty', 'complete', 'valid')
        }
        expect(sealed.length).to.be.greaterThan(0)
        for (const s of sealed) expect(Object.keys(s).sort()).to.deep.equal(['envelope', 'kind', 'preview'])
        const blurred = nextEvent(el, 'secure-blur')
        document.body.appendChild(document.createElement('input')).focus()
        await blurred
      })

      it('shows no preview of a value still being typed, and never an intermediate one', async () => {
        // A preview per keystroke would show each new character: previews appear only once the
        // value is final or settled, and are always the final one.
        const el = await mount()
        const previews: string[] = []
        el.addEventListener('secure-change', (e) => e.detail.preview !== undefined && previews.push(e.detail.preview))
        el.addEventListener('secure-sealed', (e) => previews.push(e.detail.preview))
        const { sendKeys } = await import('@web/test-runner-commands')
        await typeInto(el, spec.validKeys[0]!.slice(0, 1))
        for (const key of [spec.validKeys[0]!.slice(1), ...spec.validKeys.slice(1)].join('')) {
          await sendKeys({ type: key })
          // A page calling seal() after every keystroke learns nothing more.
          await el.seal().then((envelope) => previews.push(inspect(envelope).preview), () => undefined)
        }
        await waitForState(el, (s) => s.valid)
        await tabOut(el)
        await waitForState(el, (s) => s.preview === spec.preview)
        const shown = previews.filter((p) => p !== '')
        expect(shown.length).to.be.greaterThan(0)
        expect([...new Set(shown)], JSON.stringify(previews)).to.deep.equal([spec.preview])
      })

      it('changing the key or the context after typing clears the value', async () => {
        const el = await mount()
        await fill(el, spec.validKeys)
        await waitForState(el, (s) => s.valid)
        el.context = 'conversation-other'
        await waitForState(el, (s) => s.empty)
        expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_EMPTY')
        await leave(el)
        await fill(el, spec.validKeys)
        await waitForState(el, (s) => s.valid)
        const { publicJwk } = await testConfig()
        el.publicKey = { ...publicJwk } // the same key, as a new object: not a change
        await sleep(100)
        expect(el.state.empty).to.equal(false)
        el.publicKey = { ...publicJwk, kid: 'another-kid-string' }
        await waitForState(el, (s) => s.empty)
      })

      it('a complete but invalid value reports its code, and seal() rejects', async () => {
        const el = await mount()
        await fill(el, spec.invalidKeys)
        const state = await waitForState(el, (s) => s.code === spec.invalidCode)
        expect(state.valid).to.equal(false)
        expect(state.message).to.be.a('string').and.not.equal('')
        expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_INVALID')
      })
    })

    describe('form association', () => {
      it('submitting the form sends the envelope under the name', async () => {
        // A real submission, into a frame of the test server that echoes what it received.
        // (The name must be set before insertion to name the frame's browsing context.)
        const sink = document.createElement('iframe')
        sink.name = 'sink'
        document.body.append(sink)
        const form = document.body.appendChild(document.createElement('form'))
        form.method = 'post'
        form.action = '/__sf/echo'
        form.target = 'sink'
        const el = await mount({ name: 'secret' }, form)
        await fill(el, spec.validKeys)
        await waitForState(el, (s) => s.valid)
        for (let i = 0; i < 50 && !el.envelope; i++) await sleep(20)
        const loaded = new Promise((r) => sink.addEventListener('load', r, { once: true }))
        form.requestSubmit()
        await loaded
        const echoed = JSON.parse(sink.contentDocument!.getElementById('echo')!.textContent!) as Record<string, string>
        const envelope = echoed.secret!
        expect(envelope).to.equal(el.envelope)
        const { privateJwk } = await testConfig()
        expect(new TextDecoder().decode((await open(envelope, privateJwk)).plaintext)).to.equal(spec.validPlaintext)
      })

      it('required blocks an empty field and an invalid one', async () => {
        const form = document.body.appendChild(document.createElement('form'))
        const el = await mount({ name: 'secret', required: '' }, form)
        let submitted = false
        form.addEventListener('submit', (e) => {
          submitted = true
          e.preventDefault()
        })
        expect(el.validity.valueMissing).to.equal(true)
        expect(form.checkValidity()).to.equal(false)
        form.requestSubmit()
        await fill(el, spec.invalidKeys)
        await waitForState(el, (s) => s.code === spec.invalidCode)
        expect(el.validity.valid).to.equal(false)
        expect(el.validationMessage).to.not.equal('')
        form.requestSubmit()
        await sleep(50)
        expect(submitted).to.equal(false)
      })

      it('reset clears the value and the form value', async () => {
        const form = document.body.appendChild(document.createElement('form'))
        const el = await mount({ name: 'secret' }, form)
        await fill(el, spec.validKeys)
        await waitForState(el, (s) => s.valid)
        await el.seal()
        expect(new FormData(form).get('secret')).to.be.a('string')
        form.reset()
        await waitForState(el, (s) => s.empty)
        expect(el.envelope).to.equal(null)
        expect(new FormData(form).get('secret')).to.equal(null)
      })

      it('disabled makes it inert: no form value, no typing, no sealing', async () => {
        const form = document.body.appendChild(document.createElement('form'))
        const el = await mount({ name: 'secret', disabled: '' }, form)
        expect(el.hasAttribute('inert')).to.equal(true)
        expect(el.shadowRoot!.querySelector('iframe')!.tabIndex).to.equal(-1)
        expect(await rejectionCode(el.seal())).to.equal('ERR_FIELD_DISABLED')
        expect(new FormData(form).get('secret')).to.equal(null)
        // A disabled fieldset disables it too.
        const fieldset = form.appendChild(document.createElement('fieldset'))
        const other = await mount({ name: 'other' }, fieldset)
        fieldset.disabled = true
        await sleep(50)
        expect(other.hasAttribute('inert')).to.equal(true)
        expect(await rejectionCode(other.seal())).to.equal('ERR_FIELD_DISABLED')
      })
    })

    describe('locales', () => {
      for (const lang of ['en', 'es']) {
        it(`messages in ${lang}`, async () => {
          const el = await mount({ locale: lang })
          await fill(el, spec.invalidKeys)
          const state = await waitForState(el, (s) => s.code === spec.invalidCode)
          expect(state.message).to.equal((await loadLocale(lang)).t(spec.invalidCode as never))
        })
      }
    })

    describe('the canary sweep', () => {
      it('typing, sealing and submitting leave the value nowhere the page can see', async () => {
        const recorder = installRecorder()
        try {
          const { keys, digits } = spec.canary()
          const form = document.body.appendChild(document.createElement('form'))
          const el = await mount({ name: 'secret', label: 'Secret', required: '' }, form)
          await fill(el, keys)
          await waitForState(el, (s) => s.valid)
          expect(await el.seal()).to.be.a('string')
          await sleep(400)
          el.blur()
          expect(new FormData(form).get('secret')).to.be.a('string')
          const found = await recorder.sweep(digits, [form])
          expect(found, `found in: ${found.join(', ')}`).to.deep.equal([])
        } finally {
          recorder.uninstall()
        }
      })
    })

    describe('the message boundary', () => {
      it('10,000 random messages neither crash the frame nor change its state', async () => {
        const { sendKeys } = await import('@web/test-runner-commands')
        const cfg = await testConfig()
        const frame = await rawFrame(spec.page)
        await frame.hello()
        frame.send({
          sf: 1,
          t: 'config',
          config: { kind: spec.frameKind, label: 'x', locale: 'en', theme: {}, publicKey: cfg.publicJwk, context: CONTEXT, required: true, disabled: false, options: spec.frameOptions ?? {} },
        })
        await frame.next((m) => m.t === 'state')
        frame.iframe.focus()
        frame.send({ sf: 1, t: 'focus' })
        await frame.next((m) => m.t === 'focus')
        for (const k of spec.validKeys) await sendKeys({ type: k })
        await frame.next((m) => m.t === 'state' && m.state.valid)
        await sleep(400)
        const settled = frame.received.length
        const drops = new DropCounter()
        const structured = fc.record(
          {
            sf: fc.oneof(fc.constant(1), fc.constant(2), fc.constant('1'), fc.anything()),
            t: fc.oneof(fc.constantFrom('config', 'seal', 'focus', 'clear', 'destroy', 'hello', 'boot', 'state'), fc.string()),
            id: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(undefined)),
            config: fc.oneof(fc.anything(), fc.record({ kind: fc.string(), label: fc.anything(), theme: fc.dictionary(fc.string(), fc.string()) })),
          },
          { requiredKeys: [] },
        )
        const messages = fc
          .sample(fc.oneof(fc.anything({ withMap: true, withSet: true, withTypedArray: true }), structured), 10000)
          .filter((m) => parseHostMessage(m, drops) === undefined)
        expect(messages.length).to.be.greaterThan(9000)
        for (const m of messages) {
          try {
            frame.send(m)
          } catch {
            /* not cloneable: never sent */
          }
        }
        for (const m of messages.slice(0, 1000)) {
          try {
            frame.iframe.contentWindow!.postMessage(m, cfg.frameOrigin)
          } catch {
            /* not cloneable */
          }
        }
        frame.send({ sf: 1, t: 'seal', id: 7 })
        const sealed = (await frame.next((m) => m.t === 'sealed' && m.id === 7, 20000)) as Extract<FrameMessage, { t: 'sealed' }>
        const between = frame.received.slice(settled).filter((m) => m.t !== 'sealed' && m.t !== 'audit')
        expect(between, JSON.stringify(between)).to.deep.equal([])
        expect(new TextDecoder().decode((await open(sealed.envelope, cfg.privateJwk)).plaintext)).to.equal(spec.validPlaintext)
      })
    })

    describe('policy', () => {
      it('a theme value with url() is refused', async () => {
        const errors: string[] = []
        const onError = (e: Event) => errors.push((e as CustomEvent<{ code: string }>).detail.code)
        document.addEventListener('secure-error', onError)
        try {
          const el = await mount({}).catch(() => undefined)
          expect(el).to.not.equal(undefined)
          el!.theme = { '--sf-color-background': 'url(https://tracker.example/x.png)', '--sf-color-text': '#222' }
          await sleep(50)
          expect(errors).to.include('ERR_THEME_REFUSED')
          expect(el!.isReady).to.equal(true)
        } finally {
          document.removeEventListener('secure-error', onError)
        }
      })

      it('a recipient key the frame origin has not pinned is refused', async () => {
        const cfg = await testConfig()
        const code = await mount({ 'public-key': JSON.stringify(cfg.unpinnedPublicJwk) }).then(
          () => 'ready',
          (e: { code?: string }) => e.code,
        )
        expect(code).to.equal('ERR_POLICY_KEY_NOT_PINNED')
        const el = document.body.querySelector(spec.tag) as SecureFieldElement
        expect(await rejectionCode(el.seal())).to.equal('ERR_POLICY_KEY_NOT_PINNED')
        expect(el.checkValidity()).to.equal(false)
      })
    })
  })
}
