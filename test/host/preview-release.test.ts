// The preview rule, on the issue's own pages: a page that plays focus games and calls seal() at
// will learns no preview until the customer says they are done (Enter, Tab out) or the value
// reaches a length that cannot grow; and a page that times seal() learns nothing of the value.
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { inspect } from '../../src/crypto/index.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import { cleanup, mountField, nextEvent, tabOut, waitForState } from '../support/host.js'
import { countEdits, editsHandled } from '../support/frame-eval.js'

/** Every preview the page sees: in state, in `secure-sealed`, and in the header of every `seal()` it makes. */
function watchPreviews(el: SecureFieldElement): string[] {
  const seen: string[] = []
  el.addEventListener('secure-change', (e) => e.detail.preview !== undefined && seen.push(e.detail.preview))
  el.addEventListener('secure-sealed', (e) => seen.push(e.detail.preview))
  return seen
}

async function sealPreview(el: SecureFieldElement, seen: string[]): Promise<void> {
  await el.seal().then((envelope) => seen.push(inspect(envelope).preview), () => undefined)
}

/** The page moves focus to a decoy and back (a blur and a focus the frame cannot tell from the customer's). */
async function focusGame(el: SecureFieldElement, decoy: HTMLElement): Promise<void> {
  const blurred = nextEvent(el, 'secure-blur')
  decoy.focus()
  await blurred
  const focused = nextEvent(el, 'secure-focus')
  el.focus()
  await focused
}

async function typeWithGames(el: SecureFieldElement, page: string, value: string, seen: string[]): Promise<void> {
  const decoy = document.body.appendChild(document.createElement('input'))
  const focused = nextEvent(el, 'secure-focus')
  el.focus()
  await focused
  await countEdits(page)
  let edits = 0
  for (const key of value) {
    await sendKeys({ type: key })
    await editsHandled(page, ++edits)
    await sealPreview(el, seen)
    await focusGame(el, decoy)
    await sealPreview(el, seen)
  }
}

describe('previews: released by the customer, never by the page', function () {
  this.timeout(120000)
  afterEach(cleanup)

  for (const [preset, value, tail] of [
    ['account', '730519284617', '•••• 4617'],
    ['id', 'AB7305192846', '•••• 2846'],
  ] as const) {
    it(`${preset}: focus games and seal() after every key show nothing; Tab out shows only the final tail`, async () => {
      const el = await mountField('secure-text-input', { preset })
      const seen = watchPreviews(el)
      await typeWithGames(el, 'text', value, seen)
      // The value has been valid for a while and the page keeps playing: still nothing.
      await focusGame(el, document.querySelector('input')!)
      await sealPreview(el, seen)
      expect(seen.filter((p) => p !== ''), JSON.stringify(seen)).to.deep.equal([])
      expect(el.state.valid).to.equal(true)
      await tabOut(el)
      await waitForState(el, (s) => s.preview !== undefined)
      await sealPreview(el, seen)
      expect([...new Set(seen.filter((p) => p !== ''))]).to.deep.equal([tail])
    })
  }

  it('Enter releases the preview (and asks the form to submit)', async () => {
    const el = await mountField('secure-text-input', { preset: 'account' })
    const focused = nextEvent(el, 'secure-focus')
    el.focus()
    await focused
    await sendKeys({ type: '730519284617' })
    await waitForState(el, (s) => s.valid)
    expect(el.state.preview).to.equal(undefined)
    await sendKeys({ press: 'Enter' })
    expect((await waitForState(el, (s) => s.preview !== undefined)).preview).to.equal('•••• 4617')
  })

  it('a value at maxlength cannot grow: its preview is released without Tab or Enter', async () => {
    const el = await mountField('secure-text-input', { preset: 'account', maxlength: '12' })
    const seen = watchPreviews(el)
    await typeWithGames(el, 'text', '730519284617', seen)
    expect([...new Set(seen.filter((p) => p !== ''))]).to.deep.equal(['•••• 4617'])
  })

  it('a change after the release withdraws the preview until the customer releases the new value', async () => {
    const el = await mountField('secure-text-input', { preset: 'account' })
    const focused = nextEvent(el, 'secure-focus')
    el.focus()
    await focused
    await sendKeys({ type: '730519284617' })
    await sendKeys({ press: 'Enter' })
    await waitForState(el, (s) => s.preview === '•••• 4617')
    await sendKeys({ type: '5' })
    expect((await waitForState(el, (s) => s.preview === undefined)).valid).to.equal(true)
  })
})

describe('validation time tells the page nothing', function () {
  this.timeout(120000)
  afterEach(cleanup)

  it('seal() takes as long for a value that would make a backtracking pattern explode as for any other', async () => {
    // With a backtracking engine, `(?:[0-4]|[0-4])*-` takes time exponential in the run of 0–4 the
    // value starts with: ~13 ms for 25 zeros against ~0.1 ms otherwise (the measurement).
    const pattern = '(?:[0-4]|[0-4])*-'
    const samples: Record<string, number[]> = { slow: [], fast: [] }
    const fields: Record<string, SecureFieldElement> = {}
    for (const [name, value] of [
      ['slow', '0000000000000000000000000'],
      ['fast', '5555555555555555555555555'],
    ] as const) {
      const el = await mountField('secure-text-input', { preset: 'id', pattern, label: name })
      const focused = nextEvent(el, 'secure-focus')
      el.focus()
      await focused
      await sendKeys({ type: value })
      await waitForState(el, (s) => s.code === 'id.invalid')
      fields[name] = el
    }
    // Interleaved, so that the machine's load falls on both alike.
    for (let i = 0; i < 30; i++) {
      for (const name of ['slow', 'fast'] as const) {
        const started = performance.now()
        await fields[name]!.seal().catch(() => undefined)
        samples[name]!.push(performance.now() - started)
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const [slow, fast] = [median(samples.slow!), median(samples.fast!)]
    // Within the noise of a message round trip: no factor of a hundred, no 13 ms.
    expect(Math.abs(slow - fast), JSON.stringify({ slow, fast })).to.be.below(Math.max(3, 0.5 * Math.min(slow, fast)))
  })
})
