/**
 * Every element speaks the language it is given — its `locale` attribute, else the closest `lang`
 * on the page — in en, es, fr, de and ar, and Arabic runs right to left. Fields are checked
 * through the localized message of their state; the gate and the desk, whose text never reaches
 * the page, through the frame probe (test/support/wtr-frame-probe.mjs), as is every frame's `dir`.
 */
import { expect } from 'chai'
import { loadLocale } from '../../src/frame/i18n/index.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import { mountField, nextEvent, waitForState } from '../support/host.js'
import { cleanupGates, mountGate } from '../support/gate.js'
import { mountReveal } from '../support/reveal.js'
import { probeFrame } from '../support/frame-probe.js'

const LOCALES = ['en', 'es', 'fr', 'de', 'ar'] as const
const FIELDS = [
  { tag: 'secure-card-input', page: 'card', attributes: {}, label: 'card.label.number' },
  { tag: 'secure-ssn-input', page: 'ssn', attributes: {}, label: 'ssn.label' },
  { tag: 'secure-text-input', page: 'text', attributes: { preset: 'account' }, label: 'account.label' },
] as const

describe('locales: messages and direction follow locale and lang', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  for (const lang of LOCALES) {
    const dir = lang === 'ar' ? 'rtl' : 'ltr'
    describe(lang, () => {
      for (const spec of FIELDS) {
        it(`<${spec.tag} locale="${lang}">: the state's message, the labels and dir="${dir}"`, async () => {
          const t = (await loadLocale(lang)).t
          // Required and empty: the state carries the localized "required" message.
          const el = await mountField<SecureFieldElement>(spec.tag, { ...spec.attributes, locale: lang, required: '' })
          const state = await waitForState(el, (s) => s.message !== undefined)
          expect(state.message).to.equal(t('field.required'))
          const frame = await probeFrame(spec.page)
          expect(frame).to.include({ lang, dir })
          expect(frame.controls[0]!.name).to.equal(t(spec.label))
        })
      }

      it(`<consent-gate locale="${lang}">: its text and dir="${dir}"`, async () => {
        const t = (await loadLocale(lang)).t
        await mountGate({ locale: lang })
        const frame = await probeFrame('gate')
        expect(frame).to.include({ lang, dir })
        expect(frame.text).to.contain(t('consent.title')).and.contain(t('consent.agree'))
      })

      it(`<secure-reveal locale="${lang}">: its text and dir="${dir}"`, async () => {
        const t = (await loadLocale(lang)).t
        await mountReveal({ locale: lang })
        const frame = await probeFrame('reveal')
        expect(frame).to.include({ lang, dir })
        expect(frame.controls.find((c) => c.tag === 'button')!.name).to.equal(t('reveal.enrol'))
      })
    })
  }

  it('without a locale attribute, the closest lang decides (lang="ar" on an ancestor: Arabic, right to left)', async () => {
    const t = (await loadLocale('ar')).t
    const section = document.body.appendChild(document.createElement('section'))
    section.lang = 'ar'
    const el = await mountField<SecureFieldElement>('secure-ssn-input', { required: '' }, section)
    expect((await waitForState(el, (s) => s.message !== undefined)).message).to.equal(t('field.required'))
    expect(await probeFrame('ssn')).to.include({ lang: 'ar', dir: 'rtl' })
  })

  it('configurations apply in order: a switch to Arabic and straight back to English ends in English', async () => {
    // The Arabic table loads on demand; the English one is at hand. Sent one right after the
    // other, the second configuration must not finish first and then be undone by the first.
    const [en, ar] = [(await loadLocale('en')).t, (await loadLocale('ar')).t]
    const el = await mountField<SecureFieldElement>('secure-ssn-input', { locale: 'en', required: '' })
    expect((await waitForState(el, (s) => s.message !== undefined)).message).to.equal(en('field.required'))
    const arabic = nextEvent<{ message?: string }>(el, 'secure-change', (s) => s.message === ar('field.required'))
    el.setAttribute('locale', 'ar')
    await el.updateComplete
    el.setAttribute('locale', 'en')
    await arabic
    expect((await waitForState(el, (s) => s.message === en('field.required'), 5000)).message).to.equal(en('field.required'))
    expect(await probeFrame('ssn')).to.include({ lang: 'en', dir: 'ltr' })
  })

  it('the locale attribute wins over the closest lang; a regional tag falls back to its language', async () => {
    const t = (await loadLocale('de')).t
    const section = document.body.appendChild(document.createElement('section'))
    section.lang = 'fr'
    const el = await mountField<SecureFieldElement>('secure-card-input', { locale: 'de-AT', required: '' }, section)
    expect((await waitForState(el, (s) => s.message !== undefined)).message).to.equal(t('field.required'))
    expect(await probeFrame('card')).to.include({ lang: 'de', dir: 'ltr' })
  })
})
