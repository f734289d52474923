/**
 * `npm run bench:card-entry`: how cards typed in one go end, per brand and length — read exactly
 * as typed, refused as ambiguous, or (never, if the reading is right) read as another card — and
 * how often the caret has to come back from the expiry to the number, under each advance policy.
 *
 * Cards come from the generators of the property tests (test/support/card-entries.ts): half of
 * them have a shorter prefix that passes Luhn, the case that used to be cut; every grouping, digit
 * script and expiry format. The figures chose the frame's policy: `early` everywhere (`longest`
 * leaves some short Maestro cards read as a longer, incomplete number).
 */
import fc from 'fast-check'
import creditCardType from 'credit-card-type'
import { segmentCardEntry, type AdvancePolicy } from '../src/validate/card-entry.js'
import { validateExpiry } from '../src/validate/expiry.js'
import { BRANDS, EXPIRY_FORMATS, NUMBER_GROUPINGS, formatExpiryAs, groupNumber, inScript, trueCardArbitrary, type TrueCard } from '../test/support/card-entries.js'
import { table } from './measure.js'

const NOW = new Date()
const PER_LENGTH = Number(process.env.BENCH_CARDS ?? 200)

interface Tally {
  exact: number
  ambiguous: number
  /** Read as another card that is complete and valid: would be sealed. */
  wrong: number
  /** Read as something that is not a valid card (the field stays invalid): nothing sealed. */
  stuck: number
  /** Times the caret came back from the expiry or code to the number, in all. */
  returns: number
  runs: number
}

function tally(policy: AdvancePolicy, text: string, card: TrueCard, into: Tally): void {
  const chars = Array.from(text)
  let previous = 'number'
  for (let i = 1; i <= chars.length; i++) {
    const { next } = segmentCardEntry(chars.slice(0, i).join(''), NOW, { policy: () => policy })
    if (next === 'number' && previous !== 'number') into.returns++
    previous = next
  }
  const end = segmentCardEntry(text, NOW, { policy: () => policy })
  const expiry = validateExpiry(end.entry.expiry, NOW)
  const exact = end.entry.number === card.number && expiry.valid && expiry.month === card.month && expiry.year === card.year && end.entry.cvc === card.cvc
  into.runs++
  if (end.ambiguous) into.ambiguous++
  else if (exact) into.exact++
  else if (end.settled || (expiry.valid && end.entry.cvc.length === card.cvc.length)) into.wrong++
  else into.stuck++
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`
const rows: string[][] = []
const totals: Record<AdvancePolicy, Tally> = {
  early: { exact: 0, ambiguous: 0, wrong: 0, stuck: 0, returns: 0, runs: 0 },
  longest: { exact: 0, ambiguous: 0, wrong: 0, stuck: 0, returns: 0, runs: 0 },
}
let seed = 1
for (const brand of BRANDS) {
  const lengths = [...creditCardType.getTypeInfo(brand).lengths].sort((a, b) => a - b)
  for (const length of lengths) {
    const cards = fc
      .sample(trueCardArbitrary(NOW, [brand]).filter((c) => c.number.length === length), { numRuns: PER_LENGTH * 4, seed: seed++ })
      .slice(0, PER_LENGTH)
    const inputs = fc.sample(
      fc.record({ grouping: fc.constantFrom(...NUMBER_GROUPINGS), format: fc.constantFrom(...EXPIRY_FORMATS), script: fc.constantFrom('ascii', 'arabic', 'persian', 'fullwidth' as const), sep: fc.nat() }),
      { numRuns: cards.length, seed: seed++ },
    )
    const per: Record<AdvancePolicy, Tally> = {
      early: { exact: 0, ambiguous: 0, wrong: 0, stuck: 0, returns: 0, runs: 0 },
      longest: { exact: 0, ambiguous: 0, wrong: 0, stuck: 0, returns: 0, runs: 0 },
    }
    cards.forEach((card, i) => {
      const { grouping, format, script, sep } = inputs[i]!
      const text = inScript(groupNumber(card.number, grouping, sep) + formatExpiryAs(card.month, card.year, format) + card.cvc, script as 'ascii')
      for (const policy of ['early', 'longest'] as const) {
        tally(policy, text, card, per[policy])
        tally(policy, text, card, totals[policy])
      }
    })
    const e = per.early
    const l = per.longest
    if (!e.runs) continue
    rows.push([brand, String(length), String(e.runs), pct(e.exact, e.runs), pct(e.ambiguous, e.runs), String(e.wrong), String(e.stuck), (e.returns / e.runs).toFixed(2), pct(l.exact, l.runs), String(l.wrong), String(l.stuck), (l.returns / l.runs).toFixed(2)])
  }
}
console.log(`\nCards typed in one go (number, expiry, code; any grouping, script and expiry format), ${PER_LENGTH} per brand and length\n`)
table(['brand', 'length', 'cards', 'early: exact', 'ambiguous', 'wrong', 'stuck', 'returns/card', 'longest: exact', 'wrong', 'stuck', 'returns/card'], rows)
for (const policy of ['early', 'longest'] as const) {
  const t = totals[policy]
  console.log(
    `${policy}: ${t.runs} cards, ${pct(t.exact, t.runs)} exact, ${pct(t.ambiguous, t.runs)} ambiguous (refused), ${t.wrong} read as another valid card, ${t.stuck} left invalid, ${(t.returns / t.runs).toFixed(3)} caret returns per card`,
  )
}
if (totals.early.wrong) {
  console.error('The frame’s policy read a card as another valid card.')
  process.exit(1)
}
