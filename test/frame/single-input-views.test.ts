// The SSN and text views on their own, in the test page: what a host cannot see from outside the
// frame — default labels, the ITIN note, input attributes, what the mask displays — and how they
// treat options they cannot use.
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import type { FieldConfig } from '../../src/protocol/messages.js'
import { ENGLISH, loadLocale } from '../../src/frame/i18n/index.js'
import type { FieldView } from '../../src/frame/runtime/view.js'
import { createSingleInputView, type SingleInputParsed } from '../../src/frame/runtime/single-input-view.js'
import { createSsnView } from '../../src/frame/ssn/ssn-view.js'
import { createTextView } from '../../src/frame/text/text-view.js'

function config(kind: FieldConfig['kind'], options: FieldConfig['options'], extra: Partial<FieldConfig> = {}): FieldConfig {
  return { kind, label: '', locale: 'en', theme: {}, publicKey: null, context: 'c', required: false, disabled: false, options, ...extra }
}

let root: HTMLElement
let edits = 0
function mount(view: FieldView): { label: HTMLLabelElement; input: HTMLInputElement } {
  root = document.body.appendChild(document.createElement('main'))
  view.mount(root, () => edits++)
  return { label: root.querySelector('label')!, input: view.inputs[0]! }
}

/** Types into the view's input through real key events. */
async function type(input: HTMLInputElement, keys: string): Promise<void> {
  input.focus()
  await sendKeys({ type: keys })
}

const codeOf = async (fn: () => unknown) => {
  try {
    await fn()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return undefined
}

describe('frame/single-input views', () => {
  afterEach(() => root?.remove())

  describe('SSN view', () => {
    it('labels itself from the locale unless the host gives a label', async () => {
      const view = createSsnView()
      const { label, input } = mount(view)
      await view.configure(config('ssn', {}), ENGLISH)
      expect(label.textContent).to.equal('Social Security number')
      expect(label.htmlFor).to.equal(input.id)
      expect(input.placeholder).to.equal('123-45-6789')
      await view.configure(config('ssn', {}), await loadLocale('es'))
      expect(label.textContent).to.equal('Número de Seguro Social')
      await view.configure(config('ssn', {}, { label: 'Your SSN' }), ENGLISH)
      expect(label.textContent).to.equal('Your SSN')
    })

    it('is numeric, autocomplete="off", and masks 000-00-0000', async () => {
      const view = createSsnView()
      const { input } = mount(view)
      await view.configure(config('ssn', {}), ENGLISH)
      expect(input.inputMode).to.equal('numeric')
      expect(input.getAttribute('autocomplete')).to.equal('off')
      await type(input, '123456789')
      expect(input.value).to.equal('123-45-6789')
      expect(view.evaluate(new Date()).valid).to.equal(true)
      expect(view.plaintext()).to.equal('123456789')
      expect(edits).to.be.greaterThan(0)
    })

    it('reads Arabic-Indic and full-width digits as digits', async () => {
      const view = createSsnView()
      const { input } = mount(view)
      await view.configure(config('ssn', {}), ENGLISH)
      await type(input, '١٢٣٤٥６７８９')
      expect(input.value).to.equal('123-45-6789')
      expect(view.evaluate(new Date())).to.include({ valid: true, preview: '•••-••-6789' })
    })

    it('notes an ITIN (to be announced), with or without allow-itin', async () => {
      for (const allowItin of [false, true]) {
        const view = createSsnView()
        const { input } = mount(view)
        await view.configure(config('ssn', { allowItin }), ENGLISH)
        await type(input, '912701234')
        const evaluation = view.evaluate(new Date())
        expect(evaluation).to.include({ note: 'ssn.itin-recognised', brand: 'itin', valid: allowItin, kind: 'ssn' })
        if (!allowItin) expect(evaluation.code).to.equal('ssn.itin-not-allowed')
        expect(ENGLISH.t(evaluation.note as never)).to.equal('Recognised as an ITIN.')
        root.remove()
      }
    })

    it('refuses options it does not know', async () => {
      const view = createSsnView()
      mount(view)
      expect(await codeOf(() => view.configure(config('ssn', { allowItin: 'yes' }), ENGLISH))).to.equal('ERR_INPUT_INVALID')
      expect(await codeOf(() => view.configure(config('ssn', { preset: 'iban' }), ENGLISH))).to.equal('ERR_INPUT_INVALID')
      expect(view.evaluate(new Date()).valid).to.equal(false)
    })
  })

  describe('the shared helper', () => {
    it('an older configuration that finishes last does not overwrite a newer one', async () => {
      const releases: Array<() => void> = []
      const view = createSingleInputView<string>('sf-test', {
        fallbackKind: 'test',
        parse: (c) =>
          new Promise<SingleInputParsed<string>>((resolve) => {
            releases.push(() => resolve({ options: c.label, setup: { labelKey: 'id.label', inputMode: 'text', autocomplete: 'off' } }))
          }),
        evaluate: (_value, options) => ({ empty: false, complete: true, valid: true, preview: options, kind: 'test' }),
        plaintext: () => '',
        maxBytes: () => 16,
      })
      const { label } = mount(view)
      const older = view.configure(config('text', {}, { label: 'older' }), ENGLISH)
      const newer = view.configure(config('text', {}, { label: 'newer' }), ENGLISH)
      releases[1]!()
      await newer
      releases[0]!()
      await older
      expect(label.textContent).to.equal('newer')
      expect(view.evaluate(new Date()).preview).to.equal('newer')
    })
  })

  describe('text view', () => {
    it('labels each preset from the locale', async () => {
      const view = createTextView()
      const { label } = mount(view)
      const labels: Record<string, string> = { iban: 'IBAN', account: 'Account number', id: 'ID number' }
      for (const [preset, text] of Object.entries(labels)) {
        await view.configure(config('text', { preset }), ENGLISH)
        expect(label.textContent).to.equal(text)
      }
      await view.configure(config('text', { preset: 'account' }), await loadLocale('de'))
      expect(label.textContent).to.equal((await loadLocale('de')).t('account.label'))
    })

    it('shows an IBAN in upper case, in groups of four, and seals the electronic format', async () => {
      const view = createTextView()
      const { input } = mount(view)
      await view.configure(config('text', { preset: 'iban' }), ENGLISH)
      expect(input.getAttribute('autocapitalize')).to.equal('characters')
      await type(input, 'de89370400440532013000')
      expect(input.value).to.equal('DE89 3704 0044 0532 0130 00')
      expect(view.evaluate(new Date())).to.include({ valid: true, preview: 'DE •••• 3000', kind: 'iban' })
      expect(view.plaintext()).to.equal('DE89370400440532013000')
    })

    it('an ID mask shows its fixed characters and upper-cases its A letters', async () => {
      const view = createTextView()
      const { input } = mount(view)
      await view.configure(config('text', { preset: 'id', mask: 'AA-000000' }), ENGLISH)
      await type(input, 'ab12')
      expect(input.value).to.equal('AB-12')
      expect(view.evaluate(new Date())).to.include({ valid: false, complete: false, code: 'id.too-short' })
      await sendKeys({ type: '٣٤５6' })
      expect(input.value).to.equal('AB-123456')
      expect(view.evaluate(new Date())).to.include({ valid: true, complete: true, kind: 'id' })
    })

    it('account numbers get the numeric keyboard', async () => {
      const view = createTextView()
      const { input } = mount(view)
      await view.configure(config('text', { preset: 'account' }), ENGLISH)
      expect(input.inputMode).to.equal('numeric')
    })

    it('options it cannot use throw ERR_INPUT_INVALID and leave nothing valid', async () => {
      const view = createTextView()
      const { input } = mount(view)
      await view.configure(config('text', { preset: 'id' }), ENGLISH)
      await type(input, 'AB')
      const unusable: FieldConfig['options'][] = [{ preset: 'id', pattern: '(' }, { preset: 'iban', mask: '0000' }, { preset: 'id', mask: '' }, { preset: 'id', mask: 5 }, { preset: 'x' }, { preset: 'iban', minLength: 3 }]
      for (const options of unusable) {
        expect(await codeOf(() => view.configure(config('text', options), ENGLISH)), JSON.stringify(options)).to.equal('ERR_INPUT_INVALID')
        expect(view.evaluate(new Date()).valid).to.equal(false)
      }
    })
  })
})
