/**
 * Clickjacking, the moving-gate variant: a page keeps the gate fully visible but out of the way,
 * and slides it under the pointer just before the customer clicks something else. The gate counts
 * a pointer click only after the pointer has rested inside it; and only when its whole text is in
 * view (a frame shrunk or scrolled to show just the checkbox does not count).
 */
import { expect } from 'chai'
import { sendMouse } from '@web/test-runner-commands'
import type { SecureErrorDetail } from '../../src/host/events.js'
import { contentFits, DWELL_MS } from '../../src/frame/gate/pointer-dwell.js'
import { nextEvent, waitForState } from '../support/host.js'
import { probeFrame } from '../support/frame-probe.js'
import { cleanupGates, clickControl, consentFor, controlPoint, mountGatedCard, waitForGate } from '../support/gate.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('<consent-gate>: a gate slid under the pointer', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('a click right after the gate moved under a resting pointer is refused; a resting pointer then clicks', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
    const target = controlPoint(gate, 'agree')
    gate.style.position = 'relative'
    // A click on a frame that moved a moment ago can miss it (the browser's hit-testing catches up
    // with the new layout a little later): a missed click is tried again; a consent fails at once.
    let refusal: SecureErrorDetail | undefined
    for (let attempt = 0; attempt < 3 && !refusal; attempt++) {
      // The gate goes out of the way (still fully visible); the pointer rests where its checkbox
      // will land.
      gate.style.top = '260px'
      // (Moving the pointer in the same instant could still reach the frame at its old place.)
      await sleep(150)
      await sendMouse({ type: 'move', position: target })
      await sleep(DWELL_MS + 300)
      await waitForGate(gate, (s) => s.visible)
      // Slide it back under the pointer and click soon after: well inside the dwell time.
      const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED', 1500)
      gate.style.top = '0px'
      await sleep(150)
      expect(controlPoint(gate, 'agree')).to.deep.equal(target)
      await sendMouse({ type: 'click', position: target })
      refusal = await refused.catch(() => undefined)
      expect(gate.consented, `attempt ${attempt}`).to.equal(false)
    }
    expect(refusal?.code).to.equal('ERR_CONSENT_OBSCURED')
    await sleep(300)
    expect(gate.consented).to.equal(false)
    expect(card.state.locked).to.equal(true)
    // A customer who points at the box and then clicks consents.
    await consentFor(gate)
    await waitForState(card, (s) => s.locked !== true)
  })

  it('a click from a pointer that just arrived is refused, however visible the gate', async () => {
    const { gate } = await mountGatedCard()
    const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
    await clickControl(gate, 'agree', { dwell: 0 })
    expect((await refused).code).to.equal('ERR_CONSENT_OBSCURED')
    expect(gate.consented).to.equal(false)
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

  it('contentFits: only a whole, unscrolled text counts', async () => {
    const frame = document.body.appendChild(document.createElement('iframe'))
    frame.srcdoc = '<!doctype html><body style="margin:0"><div style="height:300px">purpose</div><input type=checkbox id=box></body>'
    await new Promise((r) => frame.addEventListener('load', r, { once: true }))
    const win = frame.contentWindow!
    frame.style.height = '400px'
    await sleep(50)
    expect(contentFits(win)).to.equal(true)
    frame.style.height = '60px'
    await sleep(50)
    expect(contentFits(win)).to.equal(false)
    frame.style.height = '400px'
    win.document.body.style.height = '2000px'
    win.scrollTo(0, 250)
    await sleep(50)
    expect(contentFits(win)).to.equal(false)
    frame.remove()
  })
})
