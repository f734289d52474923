import { expect } from 'chai'
import { en, UI_KEYS, type MessageKey } from '../../src/frame/i18n/en.js'
import { LOCALES, loadLocale, type Messages } from '../../src/frame/i18n/index.js'
import { VALIDATION_CODES } from '../../src/validate/codes.js'

const EN_KEYS = Object.keys(en).sort()
const LOCALE_NAMES = Object.keys(LOCALES)
const tables: Record<string, Messages> = {}
before(async () => {
  for (const name of LOCALE_NAMES) tables[name] = await LOCALES[name]!()
})

/** The `{name}` placeholders of a message, sorted, with repeats. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '').sort()
}

describe('frame/i18n: message tables', () => {
  it('has the five locales, English the reference', () => {
    expect([...LOCALE_NAMES].sort()).to.deep.equal(['ar', 'de', 'en', 'es', 'fr'])
    expect(tables['en']).to.equal(en)
  })

  it('English has exactly the validation codes and the interface keys', () => {
    expect(EN_KEYS).to.deep.equal([...VALIDATION_CODES, ...UI_KEYS].sort())
  })

  for (const name of LOCALE_NAMES) {
    describe(`locale ${name}`, () => {

      it('has exactly the keys of English', () => {
        const table = tables[name]!
        expect(Object.keys(table).sort()).to.deep.equal(EN_KEYS)
      })

      it('has a message for every validation code', () => {
        const table = tables[name]!
        for (const code of VALIDATION_CODES) expect(table[code], code).to.be.a('string')
      })

      it('has no empty message', () => {
        const table = tables[name]!
        for (const [key, message] of Object.entries(table)) expect(message.trim(), key).to.not.equal('')
      })

      it('keeps the placeholders of English', () => {
        const table = tables[name]!
        for (const key of EN_KEYS as MessageKey[]) {
          expect(placeholders(table[key]), key).to.deep.equal(placeholders(en[key]))
        }
      })

      it('gives two validation codes the same message only where English does', () => {
        const table = tables[name]!
        for (const [i, a] of VALIDATION_CODES.entries()) {
          for (const b of VALIDATION_CODES.slice(i + 1)) {
            if (table[a] === table[b]) expect(en[a], `${a} and ${b} share "${table[a]}"`).to.equal(en[b])
          }
        }
      })
    })
  }
})

describe('frame/i18n: loadLocale', async () => {
  it('falls back from a regional tag to its language', async () => {
    expect((await loadLocale('es-MX')).lang).to.equal('es')
    expect((await loadLocale('fr_CA')).lang).to.equal('fr')
    expect((await loadLocale('DE-at')).lang).to.equal('de')
  })

  it('gives Arabic right-to-left and the others left-to-right', async () => {
    expect((await loadLocale('ar')).dir).to.equal('rtl')
    expect((await loadLocale('ar-EG')).dir).to.equal('rtl')
    for (const tag of ['en', 'es', 'fr', 'de']) expect((await loadLocale(tag)).dir, tag).to.equal('ltr')
  })

  it('falls back to English for an unknown, empty or missing tag', async () => {
    for (const tag of ['xx', 'zh-CN', '', undefined]) {
      const locale = await loadLocale(tag)
      expect(locale.lang, String(tag)).to.equal('en')
      expect(locale.dir).to.equal('ltr')
      expect(locale.t('field.required')).to.equal(en['field.required'])
    }
  })

  it('translates by key in the resolved table', async () => {
    for (const name of LOCALE_NAMES) {
      expect((await loadLocale(name)).t('card.number.invalid')).to.equal(tables[name]!['card.number.invalid'])
    }
  })

  it('substitutes placeholders', async () => {
    expect((await loadLocale('en')).t('reveal.countdown', { n: 5 })).to.equal('Hidden in 5 s')
    expect((await loadLocale('en')).t('consent.version', { v: '2025-01' })).to.equal('Version 2025-01')
    for (const name of LOCALE_NAMES) {
      const text = (await loadLocale(name)).t('reveal.countdown', { n: 5 })
      expect(text, name).to.contain('5').and.not.contain('{n}')
    }
  })
})
