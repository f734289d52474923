/**
 * Clickjacking: the gate takes a gesture only while its consent box is wholly visible and
 * unobscured (IntersectionObserver v2). Real clicks and taps reach the gate through a transparent
 * overlay with `pointer-events: none`, on a gate faded to half opacity, on a scaled one: each is
 * refused, the customer is told what to do (the localized `consent.hidden.*`, announced in the
 * frame's live region, and reported as `ERR_CONSENT_OBSCURED`), and the field stays locked.
 */
import { expect } from 'chai'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureErrorDetail } from '../../src/host/events.js'
import { en } from '../../src/frame/i18n/en.js'
import { LOCALES } from '../../src/frame/i18n/index.js'
import { CONFIRM_MS, VISIBILITY_DELAY_MS } from '../../src/frame/gate/visibility.js'
import { nextEvent, waitForState } from '../support/host.js'
import { probeFrame, waitForFrame } from '../support/frame-probe.js'
import { bringMouse, cleanupGates, clickControl, consentFor, mountGatedCard, tapControl, useTouchScreen, waitForGate } from '../support/gate.js'
import { sendMouse } from '@web/test-runner-commands'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A transparent box over the gate's frame that lets every click through. */
function overlay(gate: ConsentGate): HTMLDivElement {
  const box = gate.shadowRoot!.querySelector('iframe')!.getBoundingClientRect()
  const div = document.createElement('div')
  for (const [k, v] of Object.entries({ position: 'fixed', left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px`, 'pointer-events': 'none', background: 'transparent', 'z-index': '10' })) {
    div.style.setProperty(k, v)
  }
  document.body.append(div)
  return div
}

/** Clicks "I agree" for real on a gate the customer cannot fully see; resolves with the refusal. */
async function refusedClick(gate: ConsentGate): Promise<SecureErrorDetail> {
  const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
  await clickControl(gate, 'agree', { waitVisible: false })
  return refused
}

describe('<consent-gate>: clickjacking', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('a click through a transparent overlay is refused and the customer is told', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    const cover = overlay(gate)
    await waitForGate(gate, (s) => !s.visible)
    const audit = nextEvent<{ event: string }>(gate, 'secure-audit', (d) => d.event === 'consent-refused')
    const { text } = await refusedClick(gate)
    expect(text).to.equal(en['consent.hidden.click'])
    await audit
    await sleep(CONFIRM_MS + 300)
    expect(card.state.locked).to.equal(true)
    expect(gate.consented).to.equal(false)
    // Uncovered, the same real click works.
    cover.remove()
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
  })

  it('a click on a gate at half opacity is refused and the customer is told', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    gate.style.setProperty('opacity', '0.5')
    await waitForGate(gate, (s) => !s.visible)
    const { text } = await refusedClick(gate)
    expect(text).to.equal(en['consent.hidden.click'])
    await sleep(CONFIRM_MS + 300)
    expect(card.state.locked).to.equal(true)
    gate.style.removeProperty('opacity')
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
  })

  it('a click on a gate scaled down is refused', async () => {
    // (Proportional upscaling leaves the text legible: IntersectionObserver v2 lets it pass.)
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    gate.style.setProperty('transform', 'scale(0.9)')
    gate.style.setProperty('transform-origin', '0 0')
    await waitForGate(gate, (s) => !s.visible)
    await refusedClick(gate)
    await sleep(CONFIRM_MS + 300)
    expect(card.state.locked).to.equal(true)
  })

  it('an overlay that appears within the confirmation period cancels the click', async () => {
    // The observer reports at most every 100 ms, so an overlay laid just before a click can still
    // look absent at the click: the gate confirms a click only if no loss of visibility is
    // reported during CONFIRM_MS. Here the overlay lands right after the click, inside that period.
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
    await clickControl(gate, 'agree')
    overlay(gate)
    expect((await refused).text).to.equal(en['consent.hidden.click'])
    await sleep(CONFIRM_MS + 300)
    expect(card.state.locked).to.equal(true)
    expect(gate.consented).to.equal(false)
  })

  it('a gate that just became visible does not take a click until it has been visible a while', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    const cover = overlay(gate)
    await waitForGate(gate, (s) => !s.visible)
    // The pointer already came across the gate onto the box (under the bait), so only the arming
    // is in question.
    const position = await bringMouse(gate, 'agree')
    // The bait is pulled away shortly before the click: the observer has seen the gate visible
    // again (two observation periods), but not for ARM_AFTER_MS yet.
    cover.remove()
    await sleep(2 * VISIBILITY_DELAY_MS + 50)
    const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
    await sendMouse({ type: 'click', position })
    const { text } = await refused
    expect(text).to.equal(en['consent.hidden.click'])
    expect(card.state.locked).to.equal(true)
  })

  it('a tap on a faded gate is refused, and the customer is told to scroll and tap again, in their language, aloud', async () => {
    await useTouchScreen()
    for (const lang of ['en', 'es', 'fr', 'de', 'ar']) {
      const table = await LOCALES[lang]!()
      const { gate, card } = await mountGatedCard({ locale: lang })
      await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
      gate.style.setProperty('opacity', '0.5')
      await waitForGate(gate, (s) => !s.visible)
      const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
      await tapControl(gate, 'agree', { waitVisible: false })
      const { message, text } = await refused
      expect(text, lang).to.equal(table['consent.hidden.tap'])
      // The developer's message is English, whatever the customer's language.
      expect(message, lang).to.match(/^The consent box was covered, faded, transformed or out of view when the touch gesture came/)
      // Announced: the frame's assertive live region says it.
      await waitForFrame('gate', (f) => f.liveRegions.some((r) => r.live === 'assertive' && r.text === text))
      expect(card.state.locked).to.equal(true)
      gate.remove()
    }
  })

  it('takes no theme from the page: its words stay painted, on an opaque background', async () => {
    const { gate } = await mountGatedCard()
    gate.theme = { '--sf-color-text': 'transparent', '--sf-color-label': 'transparent', '--sf-color-accent': 'transparent', '--sf-color-background': 'transparent' }
    await sleep(300)
    const frame = await probeFrame('gate')
    expect(frame.text).to.include('Verify your identity')
    expect(frame.textColors.length).to.be.greaterThan(0)
    for (const color of frame.textColors) expect(color, JSON.stringify(frame.textColors)).to.not.match(/rgba\(\d+, \d+, \d+, 0\)|transparent/)
    expect(frame.background).to.equal('rgb(255, 255, 255)')
  })
})
