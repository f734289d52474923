/**
 * Clickjacking: the gate takes a gesture only while its frame is fully visible and unobscured
 * (IntersectionObserver v2). Real mouse clicks reach the gate through a transparent overlay with
 * `pointer-events: none`, and on a gate faded to half opacity: both are refused, the customer is
 * told (the localized `consent.obscured`, announced in the frame and reported as
 * `ERR_CONSENT_OBSCURED`), and the field stays locked.
 */
import { expect } from 'chai'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureErrorDetail } from '../../src/host/events.js'
import { en } from '../../src/frame/i18n/en.js'
import { CONFIRM_MS, VISIBILITY_DELAY_MS } from '../../src/frame/gate/visibility.js'
import { nextEvent, waitForState } from '../support/host.js'
import { cleanupGates, clickControl, consentFor, controlPoint, mountGatedCard, waitForGate } from '../support/gate.js'
import { sendMouse } from '@web/test-runner-commands'
import { DWELL_MS } from '../../src/frame/gate/pointer-dwell.js'

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
    const { message } = await refusedClick(gate)
    expect(message).to.equal(en['consent.obscured'])
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
    const { message } = await refusedClick(gate)
    expect(message).to.equal(en['consent.obscured'])
    await sleep(CONFIRM_MS + 300)
    expect(card.state.locked).to.equal(true)
    gate.style.removeProperty('opacity')
    await consentFor(gate)
    await waitForState(card, (s) => !s.locked)
  })

  it('a click on a scaled gate is refused', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    gate.style.setProperty('transform', 'scale(1.02)')
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
    expect((await refused).message).to.equal(en['consent.obscured'])
    await sleep(CONFIRM_MS + 300)
    expect(card.state.locked).to.equal(true)
    expect(gate.consented).to.equal(false)
  })

  it('a gate that just became visible does not take a click until it has been visible a while', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible)
    const cover = overlay(gate)
    await waitForGate(gate, (s) => !s.visible)
    // The pointer already rests on the box (under the bait), so only the arming is in question.
    const position = controlPoint(gate, 'agree')
    await sendMouse({ type: 'move', position })
    await sleep(DWELL_MS + 150)
    // The bait is pulled away shortly before the click: the observer has seen the gate visible
    // again (two observation periods), but not for ARM_AFTER_MS yet.
    cover.remove()
    await sleep(2 * VISIBILITY_DELAY_MS + 50)
    const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
    await sendMouse({ type: 'click', position })
    const { message } = await refused
    expect(message).to.equal(en['consent.obscured'])
    expect(card.state.locked).to.equal(true)
  })
})
