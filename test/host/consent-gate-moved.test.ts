/**
 * Clickjacking, the moving-gate variant: the page keeps the gate fully visible but out of the way,
 * and slides it under the pointer or the finger just before the customer clicks or taps something
 * else — or moves the gate, or its text, during the press. Each is refused and the customer is
 * told (`ERR_CONSENT_MOVED`, the localized `consent.moved.*`); a customer who then uses the box as
 * a person does consents.
 */
import { expect } from 'chai'
import { sendMouse } from '@web/test-runner-commands'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureErrorDetail } from '../../src/host/events.js'
import { en } from '../../src/frame/i18n/en.js'
import { STABLE_MS } from '../../src/frame/gate/gesture-rules.js'
import { nextEvent, waitForState } from '../support/host.js'
import { bringMouse, cleanupGates, consentFor, controlPoint, mountGatedCard, playInput, tapControl, useTouchScreen, waitForGate } from '../support/gate.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The host page has laid out and painted (the browser hit-tests the new layout from then on). */
const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
const iframeOf = (gate: ConsentGate) => gate.shadowRoot!.querySelector('iframe')!

/** The next refusal the gate reports. */
const refusal = (gate: ConsentGate) => nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_MOVED' || d.code === 'ERR_CONSENT_OBSCURED')

/** Moves the gate by `dy` px (relative positioning) and waits until the page shows it there. */
async function slide(gate: ConsentGate, dx: number, dy: number): Promise<void> {
  gate.style.position = 'relative'
  gate.style.left = `${dx}px`
  gate.style.top = `${dy}px`
  await painted()
}

describe('<consent-gate>: a gate moved under the pointer or finger', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('a click right after the gate slid under a resting mouse is refused; brought across the box, the mouse consents', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
    const target = controlPoint(gate, 'agree')
    // The gate goes out of the way (still fully visible); the pointer rests where its checkbox will land.
    await slide(gate, 0, 260)
    await sendMouse({ type: 'move', position: target })
    await waitForGate(gate, (s) => s.visible)
    // Slid back under the resting pointer; the customer clicks (meaning the page under it).
    await slide(gate, 0, 0)
    expect(controlPoint(gate, 'agree')).to.deep.equal(target)
    const refused = refusal(gate)
    await sendMouse({ type: 'click', position: target })
    const { code, text } = await refused
    expect(code).to.equal('ERR_CONSENT_MOVED')
    expect(text).to.equal(en['consent.moved.click'])
    expect(gate.consented).to.equal(false)
    expect(card.state.locked).to.equal(true)
    // A customer who points at the box across the gate and clicks consents.
    await consentFor(gate)
    await waitForState(card, (s) => s.locked !== true)
  })

  it('a mouse that appears on the box (it did not cross the gate) counts only once it has rested there', async () => {
    const { gate } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
    const target = controlPoint(gate, 'agree')
    const refused = refusal(gate)
    await sendMouse({ type: 'move', position: target })
    await sendMouse({ type: 'click', position: target })
    expect((await refused).code).to.equal('ERR_CONSENT_MOVED')
    expect(gate.consented).to.equal(false)
    // The customer reads the message and clicks again, the pointer still there.
    await sleep(STABLE_MS)
    const consent = nextEvent(gate, 'secure-consent')
    await sendMouse({ type: 'click', position: target })
    await consent
  })

  it('a frame resized under a pointer that came across the gate refuses the click that follows', async () => {
    const { gate } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
    // As consentFor, but the page resizes the frame (its text reflows) just before the click.
    const target = await bringMouse(gate, 'agree')
    const frame = iframeOf(gate)
    frame.style.width = `${frame.getBoundingClientRect().width - 40}px`
    await painted()
    const refused = refusal(gate)
    await sendMouse({ type: 'click', position: target })
    expect((await refused).code).to.equal('ERR_CONSENT_MOVED')
    expect(gate.consented).to.equal(false)
  })

  describe('on a touch screen', () => {
    beforeEach(useTouchScreen)

    it('the gate slid under a finger 100 ms before a tap does not take it, and says so; a later tap consents', async () => {
      const { gate, card } = await mountGatedCard()
      await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
      const [x, y] = controlPoint(gate, 'agree')
      await slide(gate, 0, 260)
      await waitForGate(gate, (s) => s.visible)
      // The finger comes down on the page where the checkbox is about to be; 100 ms before, the
      // page slides the gate there.
      await slide(gate, 0, 0)
      const refused = refusal(gate)
      await sleep(100)
      await playInput([{ touch: 'start', x, y }, { touch: 'end' }])
      const { code, text } = await refused
      expect(code).to.equal('ERR_CONSENT_MOVED')
      expect(text).to.equal(en['consent.moved.tap'])
      expect(gate.consented).to.equal(false)
      expect(card.state.locked).to.equal(true)
      // Told, the customer taps again on the gate, which has stayed put since: consent.
      const consent = nextEvent(gate, 'secure-consent')
      await tapControl(gate, 'agree')
      await consent
      await waitForState(card, (s) => !s.locked)
    })

    it('a gate cut short below its consent box, slid 24 px under a finger aimed just below it, refuses the tap', async () => {
      // A slide under 30 px escapes the browser's moved-frame check: the gate's own rule (a tap must
      // land 32 px inside the frame) is what refuses it.
      const { gate } = await mountGatedCard()
      await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
      const box = gate.state.box!
      const frame = iframeOf(gate)
      // The page cuts the frame right below the consent box (the box itself stays whole).
      frame.style.setProperty('height', `${Math.ceil(box.y + box.height)}px`, 'important')
      // A resized frame arms again after a while (the browser drops taps on it meanwhile).
      await waitForGate(gate, (s) => !s.visible)
      await waitForGate(gate, (s) => s.visible)
      const bottom = Math.floor(frame.getBoundingClientRect().bottom)
      const [x] = controlPoint(gate, 'agree')
      // The bait sits 6 px below the frame; 100 ms before the finger lands there, the gate slides
      // down 24 px: the finger lands on the label's last line, 18 px inside the frame.
      await slide(gate, 0, 24)
      const refused = refusal(gate)
      await sleep(100)
      await playInput([{ touch: 'start', x: x + 40, y: bottom + 6 }, { touch: 'end' }])
      const { code } = await refused
      expect(code).to.equal('ERR_CONSENT_MOVED')
      expect(gate.consented).to.equal(false)
    })

    it('a gate moved during a long press on the label loses the press', async () => {
      const { gate } = await mountGatedCard()
      await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
      const [x, y] = controlPoint(gate, 'agree')
      const refused = refusal(gate)
      await playInput([{ touch: 'start', x: x + 60, y }])
      await slide(gate, 10, 0)
      await playInput([{ wait: 300 }, { touch: 'end' }])
      expect((await refused).code).to.equal('ERR_CONSENT_MOVED')
      expect(gate.consented).to.equal(false)
    })
  })
})
