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
import { cleanupGates, clickControl, consentFor, controlPoint, mountGatedCard, waitForGate } from '../support/gate.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('<consent-gate>: a gate slid under the pointer', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('a click right after the gate moved under a resting pointer is refused; a resting pointer then clicks', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
    const target = controlPoint(gate, 'agree')
    // The gate goes out of the way (still fully visible); the pointer rests where its checkbox
    // will land.
    gate.style.position = 'relative'
    gate.style.top = '260px'
    await sendMouse({ type: 'move', position: target })
    await sleep(DWELL_MS + 300)
    await waitForGate(gate, (s) => s.visible)
    // Slide it back under the pointer and click at once (after two frames, so the layout the
    // click lands on is the new one).
    const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED')
    gate.style.top = '0px'
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    expect(controlPoint(gate, 'agree')).to.deep.equal(target)
    await sendMouse({ type: 'click', position: target })
    expect((await refused).code).to.equal('ERR_CONSENT_OBSCURED')
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
