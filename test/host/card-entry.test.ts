// The card goes in whole, however a real customer enters it: the real card frame in Chromium, real
// keys, an input method, the clipboard, autofill, clicks — and the envelope opened with the real
// private key. Fixed cases first (the numbers and formats), then a model-based property.
import { expect } from 'chai'
import fc from 'fast-check'
import { sendKeys } from '@web/test-runner-commands'
import { open } from '../../src/crypto/index.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import { cleanup, CONTEXT, mountField, nextEvent, testConfig, waitForState } from '../support/host.js'
import { autofillCard, cardEditsHandled as editsHandled, cardInputs, clickInto, compose, countCardEdits as countEdits, digitCount, focusField, framesHold, inFrame, pasteText, typeText } from '../support/card-frame.js'
import { EXPIRY_FORMATS, NUMBER_GROUPINGS, formatExpiryAs, groupNumber, inScript, trueCardArbitrary, type TrueCard } from '../support/card-entries.js'
import { probeFrame } from '../support/frame-probe.js'
import { formatExpiry } from '../../src/validate/expiry.js'
import type { SecureChangeDetail } from '../../src/host/events.js'

interface Sealed {
  number: string
  exp_month: number
  exp_year: number
  cvc: string
}

async function opened(envelope: string): Promise<{ value: Sealed; preview: string }> {
  const { privateJwk } = await testConfig()
  const { plaintext, claims } = await open(envelope, privateJwk, { context: CONTEXT })
  return { value: JSON.parse(new TextDecoder().decode(plaintext)) as Sealed, preview: claims.preview }
}

const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: { code?: string }) => e.code)

/** The customer says they are done: a real Enter in the frame. */
const pressEnter = () => sendKeys({ press: 'Enter' })

describe('<secure-card-input>: the card goes in whole', () => {
  afterEach(cleanup)

  describe('numbers whose shorter prefix passes Luhn, typed straight on into the expiry and code', () => {
    const cases: Array<[string, string, string]> = [
      ['4526 0181 5908 3012 660', '4526018159083012660', 'Visa •••• 2660'],
      ['3528 6030 8246 2811 940', '3528603082462811940', 'JCB •••• 1940'],
      ['6282 1993 5181 9095 7', '62821993518190957', 'UnionPay •••• 0957'],
      ['6759 3786 5797 2', '6759378657972', 'Maestro •••• 7972'],
    ]
    for (const [typed, number, preview] of cases) {
      it(`${typed} is sealed whole, with its own last four`, async () => {
        const card = await mountField<SecureCardInput>('secure-card-input')
        await focusField(card)
        await typeText(`${typed}1230123`)
        await framesHold(digitCount(typed) + 7)
        await waitForState(card, (s) => s.valid)
        await pressEnter()
        const { value, preview: sealedPreview } = await opened(await card.seal())
        expect(value).to.deep.equal({ number, exp_month: 12, exp_year: 2030, cvc: '123' })
        expect(sealedPreview).to.equal(preview)
      })
    }
  })

  describe('expiry formats, by keys, paste and autofill', () => {
    const formats: Array<[string, number, number]> = [
      ['12/2030', 12, 2030],
      ['122030', 12, 2030],
      ['12 / 2030', 12, 2030],
      ['1/30', 1, 2030],
      ['0130', 1, 2030],
      ['12/30', 12, 2030],
    ]
    for (const [expiry, month, year] of formats) {
      for (const how of ['typed', 'pasted', 'autofilled'] as const) {
        it(`${JSON.stringify(expiry)} ${how} ends as ${month}/${year}`, async () => {
          const card = await mountField<SecureCardInput>('secure-card-input')
          await focusField(card)
          await typeText('4242424242424242')
          await framesHold(16)
          if (how === 'typed') await typeText(expiry)
          else if (how === 'pasted') await pasteText(expiry)
          else await autofillCard([null, expiry, null])
          await framesHold(16 + digitCount(formatExpiry(expiry)))
          if (how === 'autofilled') await clickInto('cvc')
          await typeText('123')
          await waitForState(card, (s) => s.valid)
          const { value } = await opened(await card.seal())
          expect(value).to.include({ exp_month: month, exp_year: year })
        })
      }
    }
  })

  describe('digit scripts', () => {
    for (const script of ['arabic', 'persian', 'fullwidth'] as const) {
      it(`${script} digits are read in all three inputs, typed or pasted`, async () => {
        const card = await mountField<SecureCardInput>('secure-card-input')
        await focusField(card)
        await typeText(inScript('4242 4242 4242 4242', script))
        await framesHold(16)
        await pasteText(inScript('12/30', script))
        await framesHold(20)
        await clickInto('cvc')
        await typeText(inScript('123', script))
        await waitForState(card, (s) => s.valid)
        expect(await cardInputs()).to.deep.equal(['4242 4242 4242 4242', '12/30', '123'])
        const { value } = await opened(await card.seal())
        expect(value).to.deep.equal({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' })
      })
    }

    it('full-width digits composed through an input method are read', async () => {
      const card = await mountField<SecureCardInput>('secure-card-input')
      await focusField(card)
      await compose(inScript('4242424242424242', 'fullwidth'))
      await framesHold(16)
      await compose(inScript('1230', 'fullwidth'))
      await compose(inScript('123', 'fullwidth'))
      await waitForState(card, (s) => s.valid)
      const { value } = await opened(await card.seal())
      expect(value).to.deep.equal({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' })
    })
  })

  describe('characters that cannot belong', () => {
    it('a letter in the number is kept in view and reported, never dropped into a valid number', async () => {
      const card = await mountField<SecureCardInput>('secure-card-input')
      await focusField(card)
      await typeText('4242 4242 4242 424x2')
      const state = await waitForState(card, (s) => s.code === 'card.number.invalid-characters')
      expect(state.valid).to.equal(false)
      expect((await cardInputs())[0]).to.include('x')
      await clickInto('expiry')
      await typeText('1230123')
      await framesHold(23)
      expect(card.state).to.deep.include({ valid: false, code: 'card.number.invalid-characters' })
      expect(await rejection(card.seal())).to.equal('ERR_FIELD_INVALID')
    })

    it('a four-digit code left after the brand changes to one of three digits is reported', async () => {
      const card = await mountField<SecureCardInput>('secure-card-input')
      await focusField(card)
      await typeText('378282246310005')
      await framesHold(15)
      await typeText('12301234')
      await waitForState(card, (s) => s.valid)
      // The customer replaces the number with a Visa: the code keeps its four digits, and says so.
      await clickInto('number')
      await sendKeys({ down: 'Control' })
      await sendKeys({ press: 'a' })
      await sendKeys({ up: 'Control' })
      await typeText('4242424242424242')
      const state = await waitForState(card, (s) => s.code === 'card.cvc.invalid')
      expect(state.valid).to.equal(false)
      expect((await cardInputs())[2]).to.equal('1234')
      const frame = await probeFrame('card')
      expect(frame.text).to.include('The security code is invalid.')
    })
  })

  describe('errors per input', () => {
    it('moving on into an empty expiry shows no error there; leaving it does', async () => {
      const card = await mountField<SecureCardInput>('secure-card-input')
      await focusField(card)
      await typeText('4242424242424242')
      await framesHold(16)
      const frame = await probeFrame('card')
      expect(frame.active?.className).to.include('sf-input')
      const expiry = frame.controls.find((c) => c.id.startsWith('sf-expiry'))!
      expect(expiry.invalid).to.equal('false')
      expect(frame.text).to.not.include('Enter the expiry date.')
      // Leaving the expiry empty (to the code, with Tab) is a reason to say so.
      await sendKeys({ press: 'Tab' })
      const after = await probeFrame('card')
      expect(after.controls.find((c) => c.id.startsWith('sf-expiry'))!.invalid).to.equal('true')
      expect(after.liveRegions.map((r) => r.text).join(' ')).to.include('Enter the expiry date.')
    })

    it('a number of one possible length that fails Luhn is reported at once; one that may still grow, once left', async () => {
      const mastercard = await mountField<SecureCardInput>('secure-card-input')
      await focusField(mastercard)
      await typeText('5555555555554443')
      await waitForState(mastercard, (s) => s.code === 'card.number.invalid')
      expect((await probeFrame('card')).text).to.include('Your card number is invalid.')
      cleanup()
      // Visa also issues 18 and 19 digits: sixteen that fail Luhn may be the start of a longer one.
      const visa = await mountField<SecureCardInput>('secure-card-input')
      await focusField(visa)
      await typeText('4242424242424241')
      await framesHold(16)
      expect((await probeFrame('card')).text).to.not.include('Your card number is invalid.')
      await sendKeys({ press: 'Tab' })
      await waitForFrameText('Your card number is invalid.')
    })
  })

  describe('Enter', () => {
    it('Enter in any input submits the surrounding form, with the sealed value and its preview', async () => {
      const form = document.body.appendChild(document.createElement('form'))
      const submitted = new Promise<FormData>((resolve) =>
        form.addEventListener('submit', (e) => {
          e.preventDefault()
          resolve(new FormData(form))
        }),
      )
      const card = await mountField<SecureCardInput>('secure-card-input', { name: 'card' }, form)
      await focusField(card)
      await typeText('42424242424242421230')
      await framesHold(20)
      await typeText('123')
      await waitForState(card, (s) => s.valid)
      await pressEnter()
      const data = await submitted
      const { value, preview } = await opened(String(data.get('card')))
      expect(value.number).to.equal('4242424242424242')
      expect(preview).to.equal('Visa •••• 4242')
    })

    it('Enter with an invalid card asks the form, which refuses to submit', async () => {
      const form = document.body.appendChild(document.createElement('form'))
      let submits = 0
      form.addEventListener('submit', (e) => {
        e.preventDefault()
        submits++
      })
      const card = await mountField<SecureCardInput>('secure-card-input', { name: 'card', required: '' }, form)
      await focusField(card)
      await typeText('4242')
      const invalid = nextEvent(card, 'invalid' as never)
      await pressEnter()
      await invalid
      expect(submits).to.equal(0)
    })
  })

  describe('layout', () => {
    for (const width of [320, 375]) {
      it(`at ${width} px with a 24 px font, the brand name never covers a digit`, async () => {
        await executeViewport(width)
        try {
          const card = await mountField<SecureCardInput>('secure-card-input', {
            style: '--sf-font-size: 24px; --sf-label-size: 24px; display: block; width: 100%',
          })
          await focusField(card)
          await typeText('3782 822463 10005')
          await waitForState(card, (s) => s.brand === 'american-express')
          const layout = await inFrame('card', () => {
            const rect = (el: Element | null) => el!.getBoundingClientRect().toJSON() as DOMRect
            return { badge: rect(document.querySelector('.sf-brand')), input: rect(document.querySelector('.sf-number input')), width: document.documentElement.clientWidth, text: document.querySelector('.sf-brand')!.textContent }
          })
          expect(layout.text).to.equal('American Express')
          const overlaps = layout.badge.left < layout.input.right && layout.badge.right > layout.input.left && layout.badge.top < layout.input.bottom && layout.badge.bottom > layout.input.top
          expect(overlaps, JSON.stringify(layout)).to.equal(false)
          expect(layout.badge.right).to.be.at.most(layout.width + 0.5)
        } finally {
          await executeViewport(800)
        }
      })
    }
  })
})

async function waitForFrameText(text: string): Promise<void> {
  const deadline = Date.now() + 10000
  while (!(await probeFrame('card')).text.includes(text)) {
    if (Date.now() > deadline) throw new Error(`the card frame never said ${JSON.stringify(text)}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

async function executeViewport(width: number): Promise<void> {
  const { executeServerCommand } = await import('@web/test-runner-commands')
  await executeServerCommand('sf-viewport', { width, height: 800 })
}

// ─── The model: cards entered every way customers enter them ─────────────────────────────────

const NOW = new Date()

type Mode = 'straight' | 'per-input' | 'paste-whole' | 'paste-parts' | 'autofill' | 'ime-number'

const entryArbitrary = fc.record({
  card: trueCardArbitrary(NOW),
  grouping: fc.constantFrom(...NUMBER_GROUPINGS),
  seed: fc.nat(),
  format: fc.constantFrom(...EXPIRY_FORMATS),
  script: fc.constantFrom('ascii', 'arabic', 'persian', 'fullwidth') as fc.Arbitrary<'ascii' | 'arabic' | 'persian' | 'fullwidth'>,
  mode: fc.constantFrom<Mode>('straight', 'straight', 'per-input', 'paste-whole', 'paste-parts', 'autofill', 'ime-number'),
  finish: fc.constantFrom('enter', 'tab'),
})

type Entry = typeof entryArbitrary extends fc.Arbitrary<infer T> ? T : never

/**
 * The browser run replays the same forty entries every time, so a clean clone passes or fails the
 * same way; the random search runs in `test/validate/card-entry.test.ts` (thousands of entries
 * against the same segmentation) and `npm run bench:card-entry`. Change the seed to explore here,
 * and keep what it finds below as fixed cases.
 */
const MODEL_SEED = 20261130

/**
 * Enters `entry` into the focused card field the way its mode says, and waits until the frame has
 * handled every edit.
 */
async function enter(entry: Entry): Promise<void> {
  const { card, grouping, seed, format, script, mode } = entry
  const number = inScript(groupNumber(card.number, grouping, seed), script)
  const expiry = inScript(formatExpiryAs(card.month, card.year, format), script)
  const cvc = inScript(card.cvc, script)
  const chars = (text: string) => Array.from(text).length
  await countEdits()
  switch (mode) {
    case 'straight':
      // Without looking at the screen: the caret moves on by itself.
      await typeText(number + expiry + cvc)
      return editsHandled(chars(number + expiry + cvc))
    case 'per-input':
      await typeText(number)
      await editsHandled(chars(number))
      await clickInto('expiry')
      await typeText(expiry)
      await editsHandled(chars(number + expiry))
      await clickInto('cvc')
      await typeText(cvc)
      return editsHandled(chars(number + expiry + cvc))
    case 'paste-whole':
      await pasteText(`${number} ${expiry} ${cvc}`)
      return editsHandled(1)
    case 'paste-parts':
      await pasteText(number)
      await editsHandled(1)
      await clickInto('expiry')
      await pasteText(expiry)
      await editsHandled(2)
      await clickInto('cvc')
      await pasteText(cvc)
      return editsHandled(3)
    case 'autofill':
      await autofillCard([number, expiry, cvc])
      await editsHandled(3)
      return clickInto('cvc')
    case 'ime-number':
      await compose(inScript(card.number, 'fullwidth'))
      await editsHandled(1)
      await typeText(expiry + cvc)
      return editsHandled(1 + chars(expiry + cvc))
  }
}

describe('<secure-card-input>: model-based, every brand, length, grouping, script, format and way of entering', function () {
  this.timeout(600000)
  afterEach(cleanup)

  it('property: the envelope opens to exactly the card entered, with its brand and last four — or the field refuses an ambiguous entry', async () => {
    const outcomes: Record<string, { exact: number; ambiguous: number }> = {}
    const field = await freshField()
    await fc.assert(
      fc.asyncProperty(entryArbitrary, async (entry) => {
        const outcome = await check(field, entry)
        const key = `${entry.card.brand}/${entry.card.number.length}`
        outcomes[key] ??= { exact: 0, ambiguous: 0 }
        outcomes[key][outcome]++
      }),
      { numRuns: 40, seed: MODEL_SEED, endOnFailure: true, reporter: report },
    )
    console.log(`card entry outcomes (brand/length: exact, ambiguous): ${JSON.stringify(outcomes)}`)
  })

  describe('cases the model found (kept as fixed cases)', () => {
    const found: Array<[string, Entry]> = [
      [
        // The sixteenth digit passes Luhn and moves the caret on; the seventeenth lands in the expiry.
        'a 17-digit Mir typed with a look at the screen, then a click into the expiry',
        { card: { brand: 'mir', number: '22021063423987210', month: 2, year: 2043, cvc: '131', shorterPrefixValid: true }, grouping: 'none', seed: 468373623, format: 'MM/YY', script: 'ascii', mode: 'per-input', finish: 'enter' },
      ],
      [
        // Pasted into its own input, the expiry is the expiry: no reading across the boundary.
        'an 18-digit Mir and its expiry pasted into their own inputs',
        { card: { brand: 'mir', number: '220208363192878037', month: 6, year: 2028, cvc: '593', shorterPrefixValid: false }, grouping: 'brand', seed: 1025702796, format: 'MM-YY', script: 'persian', mode: 'paste-parts', finish: 'enter' },
      ],
      [
        // `11 ` shows `11/`; the slash typed next must not make `11//`.
        'an expiry typed key by key as "MM / YY"',
        { card: { brand: 'troy', number: '6509238626394927', month: 11, year: 2033, cvc: '217', shorterPrefixValid: false }, grouping: 'spaces', seed: 29, format: 'MM / YY', script: 'persian', mode: 'per-input', finish: 'tab' },
      ],
      [
        'a Diners Club pasted part by part, after a run that ended with Enter',
        { card: { brand: 'diners-club', number: '36706211893425', month: 11, year: 2037, cvc: '351', shorterPrefixValid: false }, grouping: 'brand', seed: 25, format: 'M/YY', script: 'ascii', mode: 'paste-parts', finish: 'tab' },
      ],
      [
        // 631171586919694 passes Luhn and `3-34` is a date: the paste is still the 18-digit number.
        'an 18-digit Maestro grouped with dashes, pasted alone, then its expiry and code in their own inputs',
        { card: { brand: 'maestro', number: '631171586919694334', month: 2, year: 2035, cvc: '836', shorterPrefixValid: true }, grouping: 'dashes', seed: 6, format: 'M/YY', script: 'arabic', mode: 'paste-parts', finish: 'enter' },
      ],
      [
        'the same Maestro typed key by key into the number, then a click into the expiry',
        { card: { brand: 'maestro', number: '631171586919694334', month: 2, year: 2035, cvc: '836', shorterPrefixValid: true }, grouping: 'dashes', seed: 6, format: 'M/YY', script: 'ascii', mode: 'per-input', finish: 'tab' },
      ],
    ]
    for (const [name, entry] of found) {
      it(name, async () => {
        expect(await check(await freshField(), entry)).to.equal('exact')
      })
    }
  })
})

let outside: HTMLInputElement

/** A card field for a run of entries, and a host input where focus goes between runs. */
async function freshField(): Promise<SecureCardInput> {
  const field = await mountField<SecureCardInput>('secure-card-input')
  outside = document.body.appendChild(document.createElement('input'))
  return field
}

/**
 * One entry, from an empty field with focus outside it: entered, finished with Enter or Tab, sealed
 * and opened. Exact, or refused as ambiguous — and only a card typed in one go can be that.
 */
async function check(card: SecureCardInput, entry: Entry): Promise<'exact' | 'ambiguous'> {
  card.clear()
  await waitForState(card, (s) => s.empty)
  outside.focus()
  await focusField(card)
  await enter(entry)
  const state = await waitForState(card, (s: SecureChangeDetail) => s.valid || s.code === 'card.entry.ambiguous', 10000)
  if (state.code === 'card.entry.ambiguous') {
    expect(['straight', 'paste-whole', 'ime-number']).to.include(entry.mode)
    expect(await rejection(card.seal())).to.equal('ERR_FIELD_INVALID')
    return 'ambiguous'
  }
  if (entry.finish === 'enter') await pressEnter()
  else await sendKeys({ press: 'Tab' })
  await waitForState(card, (s) => s.preview !== undefined)
  const { value, preview } = await opened(await card.seal())
  expect(value, JSON.stringify({ entry, inputs: await cardInputs() })).to.deep.equal(expected(entry.card))
  expect(preview).to.match(new RegExp(` •••• ${entry.card.number.slice(-4)}$`))
  return 'exact'
}

/** fast-check's report, with the failing entry and the error in full (the runner cuts long messages). */
function report(details: fc.RunDetails<[Entry]>): void {
  if (!details.failed) return
  console.error(`failing entry: ${JSON.stringify(details.counterexample)}\nseed: ${details.seed}\nerror: ${String(details.errorInstance)}`)
  throw new Error(`the property failed (seed ${details.seed}): ${String(details.errorInstance)}`)
}

function expected(card: TrueCard): Sealed {
  return { number: card.number, exp_month: card.month, exp_year: card.year, cvc: card.cvc }
}
