import { expect } from 'chai'
import fc from 'fast-check'
import { previewCard } from '../../src/validate/card.js'
import { findSensitiveNumbers, hasSensitiveNumber, SENSITIVE_KINDS, type SensitiveMatch } from '../../src/validate/detect.js'
import { previewIban } from '../../src/validate/iban.js'
import { previewSsn } from '../../src/validate/ssn.js'
import { validateCardNumber } from '../../src/validate/card.js'
import { cardBrandsAndLengths, ibanCountries, inScript, luhnCheckDigit, seeded, validCard, validIban } from '../support/sensitive-corpus.js'

const kinds = (text: string) => findSensitiveNumbers(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}:${m.preview}`)

/** Words that say nothing about what a number is. */
const NEUTRAL = fc.array(fc.constantFrom('hello', 'my', 'number', 'is', 'thanks', 'ok', ',', ':', 'please', 'here', '—', '!', '?', 'the', 'and', 'مرحبا', 'hola', 'merci', 'danke'), { maxLength: 6 }).map((w) => w.join(' '))
const SCRIPT = fc.constantFrom('ascii', 'arabic-indic', 'extended-arabic-indic', 'full-width') as fc.Arbitrary<Parameters<typeof inScript>[1]>
const CARD_SEPARATOR = fc.constantFrom('', ' ', '-', '  ', '/', '.', '\u00a0', ' - ', '\u2009', '\u2013', '\u3000', '\uff0f', '\u2215', '\uff0e')

function grouped(digits: string, gaps: readonly number[], separator: string): string {
  return [...digits].map((d, i) => (gaps.includes(i) && separator ? separator : '') + d).join('')
}

describe('validate/detect', () => {
  describe('examples', () => {
    it('finds a card in a sentence, with its range as written and the field preview', () => {
      const text = 'my card is 4242 4242 4242 4242, thanks'
      expect(findSensitiveNumbers(text)).to.deep.equal([{ kind: 'card', start: 11, end: 30, preview: 'Visa •••• 4242' }])
    })

    it('reads the separators and digit scripts of the fields: double spaces, slashes (full-width and division ones too), no-break spaces, full-width stops, Arabic-Indic and full-width digits', () => {
      for (const written of [
        '4242  4242  4242  4242',
        '4242/4242/4242/4242',
        '4242／4242／4242／4242',
        '4242\u22154242\u22154242\u22154242',
        '４２４２．４２４２．４２４２．４２４２',
        '4242\u00a04242\u00a04242\u00a04242',
        '٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢',
        '۴۲۴۲-۴۲۴۲-۴۲۴۲-۴۲۴۲',
        '４２４２４２４２４２４２４２４２',
      ]) {
        expect(kinds(`card ${written} ok`), written).to.deep.equal([`card:${written}:Visa •••• 4242`])
      }
    })

    it('finds a card followed by its expiry and code, or after an expiry with a slash, and masks only the number', () => {
      expect(kinds('4111 1111 1111 1111 12/29 123')).to.deep.equal(['card:4111 1111 1111 1111:Visa •••• 1111'])
      expect(kinds('4111 1111 1111 1111 1229 123')).to.deep.equal(['card:4111 1111 1111 1111:Visa •••• 1111'])
      expect(kinds('3782 822463 10005 1229 1234')).to.deep.equal(['card:3782 822463 10005:American Express •••• 0005'])
      expect(kinds('11/29 4111 1111 1111 1111')).to.deep.equal(['card:4111 1111 1111 1111:Visa •••• 1111'])
      // An expiry typed with a full-width or division slash is one written with a slash.
      expect(kinds('１１／２９ ４１１１ １１１１ １１１１ １１１１')).to.deep.equal(['card:４１１１ １１１１ １１１１ １１１１:Visa •••• 1111'])
      expect(kinds('11\u221529 4111 1111 1111 1111')).to.deep.equal(['card:4111 1111 1111 1111:Visa •••• 1111'])
    })

    it('finds two cards in one run, set apart or one after the other', () => {
      expect(kinds('4111111111111111 5555555555554444')).to.have.length(2)
      expect(kinds('4111-1111-1111-1111 5555-5555-5555-4444')).to.have.length(2)
      expect(kinds('4111 1111 1111 1111 5555 5555 5555 4444')).to.deep.equal(['card:4111 1111 1111 1111:Visa •••• 1111', 'card:5555 5555 5555 4444:Mastercard •••• 4444'])
    })

    it('reads a 19-digit card whole, even when its first 16 digits pass for a card too', () => {
      const payload = '411111111111111112'
      const long = payload + luhnCheckDigit(payload)
      const written = `${long.slice(0, 4)} ${long.slice(4, 8)} ${long.slice(8, 12)} ${long.slice(12, 16)} ${long.slice(16)}`
      expect(kinds(`card ${written}`)).to.deep.equal([`card:${written}:Visa •••• ${long.slice(-4)}`])
      expect(kinds(`card ${written} 1229`)).to.deep.equal([`card:${written}:Visa •••• ${long.slice(-4)}`])
    })

    it('reads a card followed by a short group (a PIN), but not the first digits of a longer grouped number', () => {
      expect(kinds('it is 4111 1111 1111 1111 5555')).to.deep.equal(['card:4111 1111 1111 1111:Visa •••• 1111'])
      expect(kinds('it is 4111 1111 1111 1111 123456 78901')).to.deep.equal([])
    })

    it('reads a card only grouped as cards are printed: the same digits grouped as a phone number are not a card', () => {
      // A number with a card brand's prefix that passes Luhn, as an Indonesian mobile number is
      // written without its plus sign.
      const payload = '628123456789'
      const number = payload + luhnCheckDigit(payload)
      expect(validateCardNumber(number).valid).to.equal(true)
      expect(kinds(`call me at ${number.slice(0, 2)} ${number.slice(2, 5)} ${number.slice(5, 9)} ${number.slice(9)}`)).to.deep.equal([])
      expect(kinds(`call me at ${number}`)).to.have.length(1)
    })

    it('finds SSNs grouped 3-2-4, and nine digits only next to a word that says SSN', () => {
      expect(kinds('ssn 123-45-6789')).to.deep.equal(['ssn:123-45-6789:•••-••-6789'])
      expect(kinds('123 45 6789')).to.deep.equal(['ssn:123 45 6789:•••-••-6789'])
      expect(kinds('١٢٣-٤٥-٦٧٨٩')).to.deep.equal(['ssn:١٢٣-٤٥-٦٧٨٩:•••-••-6789'])
      expect(kinds('123456789')).to.deep.equal([])
      expect(kinds('ticket 123456789')).to.deep.equal([])
      expect(kinds('SSN: 123456789')).to.deep.equal(['ssn:123456789:•••-••-6789'])
      expect(kinds('123456789 is my social')).to.deep.equal(['ssn:123456789:•••-••-6789'])
      expect(kinds('mi número de seguro social es 123456789')).to.deep.equal(['ssn:123456789:•••-••-6789'])
      // ITINs are taxpayer numbers of the same shape.
      expect(kinds('ITIN 912-70-1234')).to.deep.equal(['ssn:912-70-1234:•••-••-1234'])
      // SSA rules: no area 000, 666 or 9xx (but ITINs), no group 00, no serial 0000.
      for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000']) expect(kinds(`ssn ${bad}`), bad).to.deep.equal([])
      // 3-2-4 inside a longer number joined the same way is part of that number.
      expect(kinds('account 01-234-56-7890')).to.deep.equal([])
      expect(kinds('234-56-7890 01/02/1980')).to.deep.equal(['ssn:234-56-7890:•••-••-7890'])
    })

    it('finds IBANs of any country, printed, electronic or lower case, and only at their exact length', () => {
      expect(kinds('IBAN DE89 3704 0044 0532 0130 00 ok')).to.deep.equal(['iban:DE89 3704 0044 0532 0130 00:DE •••• 3000'])
      expect(kinds('de89370400440532013000')).to.deep.equal(['iban:de89370400440532013000:DE •••• 3000'])
      expect(kinds('GB82 WEST 1234 5698 7654 32')).to.deep.equal(['iban:GB82 WEST 1234 5698 7654 32:GB •••• 5432'])
      expect(kinds('DE89 3704 0044 0532 0130 001')).to.deep.equal([])
      expect(kinds('DE88 3704 0044 0532 0130 00')).to.deep.equal([])
      expect(kinds('xDE89370400440532013000')).to.deep.equal([])
    })

    it('leaves look-alikes alone: orders, phones, tracking numbers, dates, amounts, timestamps, ISBNs, IPs', () => {
      for (const text of [
        'Order #123-4567890-1234567',
        'order 4111111111111111',
        'tracking number 4111 1111 1111 1111',
        'INV-4111111111111111',
        'A4111111111111111',
        '4111111111111111X',
        '+1 4111111111111111',
        'call +44 20 7946 0958 or +62 812 3456 7890',
        '9400 1000 0000 0000 0000 00',
        '1Z 999 AA1 01 2345 6784',
        '2024-01-15 10:30:00',
        '30/12/2024 - 05/01/2025',
        '1 234 567 890 123,45 €',
        '1705312200123',
        'ISBN 978-3-16-148410-0',
        '192.168.100.200 10.0.0.1',
        'zip 12345-6789',
        '4111 1111 1111 1112',
      ]) {
        expect(findSensitiveNumbers(text), text).to.deep.equal([])
      }
    })

    it('never reads a number across a line break', () => {
      expect(kinds('4111 1111\n1111 1111')).to.deep.equal([])
      expect(kinds('SSN\n123456789')).to.deep.equal([])
      expect(kinds('order\n4111111111111111')).to.have.length(1)
    })

    it('reads numbers inside identifiers only when asked', () => {
      expect(findSensitiveNumbers('agent4111111111111111')).to.deep.equal([])
      expect(findSensitiveNumbers('agent4111111111111111', { insideWords: true })).to.have.length(1)
      expect(findSensitiveNumbers('ibanDE89370400440532013000', { insideWords: true })).to.have.length(1)
    })

    it('looks only for the kinds asked, and refuses bad options without echoing them', () => {
      const text = '4111111111111111 and 123-45-6789 and DE89370400440532013000'
      expect(findSensitiveNumbers(text, { kinds: ['ssn'] }).map((m) => m.kind)).to.deep.equal(['ssn'])
      expect(findSensitiveNumbers(text).map((m) => m.kind)).to.deep.equal(['card', 'ssn', 'iban'])
      expect(hasSensitiveNumber(text, { kinds: ['iban'] })).to.equal(true)
      expect(SENSITIVE_KINDS).to.deep.equal(['card', 'ssn', 'iban'])
      for (const bad of [{ kinds: ['cards'] }, { kinds: 'card' }, { insideWords: 'yes' }, 7]) {
        expect(() => findSensitiveNumbers(text, bad as never)).to.throw().with.property('code', 'ERR_INPUT_INVALID')
      }
      expect(() => findSensitiveNumbers(4111111111111111 as never)).to.throw(/text must be a string/)
    })
  })

  describe('properties', () => {
    it('finds every valid card of every brand and length, in any layout and digit script, with the field preview', () => {
      fc.assert(
        fc.property(fc.constantFrom(...cardBrandsAndLengths()), fc.integer(), CARD_SEPARATOR, SCRIPT, NEUTRAL, NEUTRAL, (bl, seed, separator, script, before, after) => {
          const digits = validCard(bl.brand, bl.length, seeded(seed))
          fc.pre(digits !== undefined)
          const written = inScript(grouped(digits!, bl.gaps, separator), script)
          const text = `${before} ${written} ${after}`
          const start = before.length + 1
          expect(findSensitiveNumbers(text)).to.deep.equal([{ kind: 'card', start, end: start + written.length, preview: previewCard(digits!) }])
        }),
        { numRuns: 300 },
      )
    })

    it('a card with one digit changed is not a card (Luhn catches every single substitution)', () => {
      fc.assert(
        fc.property(fc.constantFrom(...cardBrandsAndLengths()), fc.integer(), fc.nat(), fc.integer({ min: 1, max: 9 }), (bl, seed, at, delta) => {
          const digits = validCard(bl.brand, bl.length, seeded(seed))
          fc.pre(digits !== undefined)
          const i = at % digits!.length
          const changed = digits!.slice(0, i) + String((Number(digits![i]) + delta) % 10) + digits!.slice(i + 1)
          expect(findSensitiveNumbers(`card ${changed}`).filter((m) => m.kind === 'card')).to.deep.equal([])
        }),
        { numRuns: 300 },
      )
    })

    it('finds every valid SSN grouped 3-2-4 with one kind of separator, in any digit script', () => {
      const ssn = fc
        .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
        .filter(([area]) => area !== 666)
        .map(([a, g, s]) => `${String(a).padStart(3, '0')}${String(g).padStart(2, '0')}${String(s).padStart(4, '0')}`)
      fc.assert(
        fc.property(ssn, fc.constantFrom('-', ' ', '.', '/', '\u2013', ' - ', '  '), SCRIPT, NEUTRAL, (digits, separator, script, before) => {
          const written = inScript(`${digits.slice(0, 3)}${separator}${digits.slice(3, 5)}${separator}${digits.slice(5)}`, script)
          const start = before.length + 1
          expect(findSensitiveNumbers(`${before} ${written} ok`)).to.deep.equal([{ kind: 'ssn', start, end: start + written.length, preview: previewSsn(digits) }])
          // Ungrouped, it needs a word that says SSN.
          expect(findSensitiveNumbers(`${before} ${inScript(digits, script)} ok`)).to.deep.equal([])
          expect(findSensitiveNumbers(`SSN ${inScript(digits, script)}`)).to.have.length(1)
        }),
        { numRuns: 300 },
      )
    })

    it('finds a valid IBAN of every country ibantools knows', () => {
      const random = seeded(7)
      for (const country of ibanCountries()) {
        const iban = validIban(country, random.int(1, 2 ** 30))
        if (!iban) continue
        const printed = iban.replace(/(.{4})(?!$)/g, '$1 ')
        for (const written of [iban, printed, printed.toLowerCase(), inScript(printed, 'arabic-indic')]) {
          expect(findSensitiveNumbers(`IBAN: ${written}.`), written).to.deep.equal([{ kind: 'iban', start: 6, end: 6 + written.length, preview: previewIban(iban) }])
        }
      }
    })

    /** Text made of what numbers are made of: digits of every script, separators, letters, words. */
    const NOISY = fc
      .array(
        fc.oneof(
          fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '٤', '۴', '４', ' ', '-', '/', '.', '  ', '\n', 'DE', 'ssn', 'card', 'order', '+', 'x', '#', ','),
          fc.constantFrom('4111111111111111', '4111 1111 1111 1111', '123-45-6789', 'DE89370400440532013000', '378282246310005'),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''))

    it('returns matches in order, inside the text, never overlapping, starting and ending on a character of the number', () => {
      fc.assert(
        fc.property(NOISY, (text) => {
          let end = 0
          for (const m of findSensitiveNumbers(text)) {
            expect(m.start).to.be.at.least(end)
            expect(m.end).to.be.greaterThan(m.start)
            expect(m.end).to.be.at.most(text.length)
            expect(text.slice(m.start, m.end)).to.match(/^[\p{N}A-Za-z][\s\S]*[\p{N}A-Za-z]$/u)
            end = m.end
          }
        }),
        { numRuns: 500 },
      )
    })

    it('gives away at most the last four characters, in the shape of a field preview', () => {
      const shapes = [/^[A-Za-z][A-Za-z ]* •••• \d{4}$/, /^•••-••-\d{4}$/, /^[A-Z]{2} •••• [A-Z0-9]{4}$/]
      fc.assert(
        fc.property(NOISY, (text) => {
          for (const m of findSensitiveNumbers(text)) {
            expect(Object.keys(m).sort()).to.deep.equal(['end', 'kind', 'preview', 'start'])
            expect(shapes.some((s) => s.test(m.preview)), m.preview).to.equal(true)
          }
        }),
        { numRuns: 500 },
      )
    })

    it('judges each line on its own: the matches of two lines are those of each', () => {
      const shift = (ms: SensitiveMatch[], by: number) => ms.map((m) => ({ ...m, start: m.start + by, end: m.end + by }))
      fc.assert(
        fc.property(NOISY.map((t) => t.replace(/\n/g, ' ')), NOISY.map((t) => t.replace(/\n/g, ' ')), fc.constantFrom('\n', '\r\n', '\r'), (a, b, lineBreak) => {
          expect(findSensitiveNumbers(a + lineBreak + b)).to.deep.equal([...findSensitiveNumbers(a), ...shift(findSensitiveNumbers(b), a.length + lineBreak.length)])
        }),
        { numRuns: 500 },
      )
    })
  })
})
