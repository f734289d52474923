import { expect } from 'chai'
import fc from 'fast-check'
import { segmentCardEntry } from '../../src/validate/card-entry.js'
import { validateExpiry } from '../../src/validate/expiry.js'
import {
  EXPIRY_FORMATS,
  NUMBER_GROUPINGS,
  formatExpiryAs,
  groupNumber,
  inScript,
  trueCardArbitrary,
  type TrueCard,
} from '../support/card-entries.js'

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0))

/** A card typed in one go: number, optional separator, expiry, optional separator, code. */
const typedCard = fc.record({
  card: trueCardArbitrary(NOW),
  grouping: fc.constantFrom(...NUMBER_GROUPINGS),
  seed: fc.nat(),
  format: fc.constantFrom(...EXPIRY_FORMATS),
  between: fc.constantFrom('', ' ', '  '),
  script: fc.constantFrom('ascii', 'arabic', 'persian', 'fullwidth') as fc.Arbitrary<'ascii' | 'arabic' | 'persian' | 'fullwidth'>,
})

type TypedCard = typeof typedCard extends fc.Arbitrary<infer T> ? T : never

function typed({ card, grouping, seed, format, between, script }: TypedCard): string {
  return inScript(groupNumber(card.number, grouping, seed) + between + formatExpiryAs(card.month, card.year, format) + between + card.cvc, script)
}

/** Whether a reading is exactly the card the customer meant. */
function isTruth(entry: { number: string; expiry: string; cvc: string }, card: TrueCard): boolean {
  const expiry = validateExpiry(entry.expiry, NOW)
  return entry.number === card.number && expiry.valid && expiry.month === card.month && expiry.year === card.year && entry.cvc === card.cvc
}

describe('validate/card-entry: a card typed in one go', () => {
  it('the issue’s numbers, typed straight on into the expiry and code, are read whole', () => {
    for (const number of ['4526018159083012660', '3528603082462811940', '62821993518190957', '6759378657972']) {
      const result = segmentCardEntry(`${number}1230123`, NOW)
      expect(result.entry, number).to.deep.equal({ number, expiry: '1230', cvc: '123' })
    }
  })

  it('a 16-digit Visa typed straight on lands its expiry in the expiry, and the caret moves on at once', () => {
    expect(segmentCardEntry('4242424242424242', NOW)).to.deep.include({ next: 'expiry' })
    expect(segmentCardEntry('42424242424242421', NOW).entry).to.deep.equal({ number: '4242424242424242', expiry: '1', cvc: '' })
    expect(segmentCardEntry('42424242424242421230', NOW)).to.deep.include({ next: 'cvc' })
  })

  it('digits that cannot start a date go back into the number; the caret follows them', () => {
    // 4526 0181 5908 3012 passes Luhn, and so does the 19-digit number it starts.
    expect(segmentCardEntry('45260181590830126', NOW).entry).to.deep.include({ number: '4526018159083012', expiry: '6' })
    const back = segmentCardEntry('452601815908301266', NOW)
    expect(back).to.deep.include({ next: 'number' })
    expect(back.entry).to.deep.equal({ number: '452601815908301266', expiry: '', cvc: '' })
  })

  it('a date typed complete but past ends the expiry: the next digits are the code, and nothing is valid', () => {
    const result = segmentCardEntry('42424242424242420120123', NOW)
    expect(result.entry).to.deep.equal({ number: '4242424242424242', expiry: '0120', cvc: '123' })
    expect(result.settled).to.equal(false)
  })

  it('an entry that reads as two valid cards is ambiguous and never settled', () => {
    // 18 digits and 05/30, or 19 digits and 5/30: both complete Maestro cards.
    const result = segmentCardEntry('67597308878820294005/30404', NOW)
    expect(result.ambiguous).to.equal(true)
    expect(result.settled).to.equal(false)
  })

  it('property: typed in one go, in any script and grouping, the end reads the card typed — or says it is ambiguous', () => {
    fc.assert(
      fc.property(typedCard, (input) => {
        const text = typed(input)
        const chars = Array.from(text)
        // Never settled on another card along the way: a settled reading is final, and its
        // preview would be released.
        for (let i = 1; i <= chars.length; i++) {
          const prefix = segmentCardEntry(chars.slice(0, i).join(''), NOW)
          if (prefix.settled) expect(isTruth(prefix.entry, input.card), `settled early at ${i}: ${JSON.stringify(prefix.entry)}`).to.equal(true)
        }
        const end = segmentCardEntry(text, NOW)
        if (!end.ambiguous) expect(isTruth(end.entry, input.card), JSON.stringify({ text, entry: end.entry })).to.equal(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('property: pasted whole into the number field, the card is read the same way', () => {
    fc.assert(
      fc.property(typedCard, (input) => {
        const end = segmentCardEntry(typed({ ...input, between: ' ' }), NOW)
        if (!end.ambiguous) expect(isTruth(end.entry, input.card)).to.equal(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('a grouped number pasted alone is the whole number, not a shorter one and a date cut from its last group', () => {
    // 631171586919694 passes Luhn and `3-34` reads as March 2034: a 15-digit Maestro and its expiry.
    for (const pasted of ['6311-7158-6919-6943-34', '6311 7158 6919 6943 34', '٦٣١١-٧١٥٨-٦٩١٩-٦٩٤٣-٣٤']) {
      const result = segmentCardEntry(pasted, NOW, { finished: true })
      expect(result.entry, pasted).to.deep.equal({ number: '631171586919694334', expiry: '', cvc: '' })
      expect(result.ambiguous, pasted).to.equal(false)
    }
    // Typed straight on, the same number still reads whole with its expiry and code.
    expect(segmentCardEntry('6311-7158-6919-6943-342/35836', NOW, { finished: true }).entry).to.deep.equal({ number: '631171586919694334', expiry: '2/35', cvc: '836' })
  })

  it('property: a number alone, finished (pasted, autofilled, or left for the expiry), reads whole — never ambiguous when grouped', () => {
    fc.assert(
      fc.property(typedCard, ({ card, grouping, seed, script }) => {
        const result = segmentCardEntry(inScript(groupNumber(card.number, grouping, seed), script), NOW, { finished: true })
        if (grouping === 'spaces' || grouping === 'dashes' || grouping === 'brand') expect(result.ambiguous, card.number).to.equal(false)
        if (!result.ambiguous) expect(result.entry, card.number).to.deep.equal({ number: card.number, expiry: '', cvc: '' })
      }),
      { numRuns: 3000 },
    )
  })

  it('property: the reading shown only ever moves to a longer number as characters are appended', () => {
    fc.assert(
      fc.property(typedCard, (input) => {
        const chars = Array.from(typed(input))
        let longest = 0
        for (let i = 1; i <= chars.length; i++) {
          const { entry, next } = segmentCardEntry(chars.slice(0, i).join(''), NOW)
          // Once the caret left the number, the number it left is never shortened again.
          if (next !== 'number') {
            expect(entry.number.length).to.be.at.least(longest)
            longest = entry.number.length
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})
