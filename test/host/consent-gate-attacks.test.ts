/**
 * No host script can unlock a field behind a `<consent-gate>`. Each test plays one trick of a
 * hostile (or buggy) host page, waits longer than the gate's gesture confirmation, checks that the
 * field is still locked, and then shows that a real click in the gate does unlock it — so the
 * setup was able to unlock, and the trick was what did not.
 */
import { expect } from 'chai'
import { sendKeys, sendMouse } from '@web/test-runner-commands'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import { ARM_AFTER_MS, CONFIRM_MS } from '../../src/frame/gate/visibility.js'
import { rejection } from '../support/keys.js'
import { nextEvent, testConfig, waitForState } from '../support/host.js'
import { cleanupGates, clickControl, consentFor, GATE, mountGate, mountGatedCard } from '../support/gate.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Longer than any consent could take to arrive: arming, confirmation, broadcast, hashing. */
const SETTLE_MS = ARM_AFTER_MS + CONFIRM_MS + 500

/** The card is still locked after the trick had every chance to work; then a real click unlocks. */
async function expectLockedThenRealClickUnlocks(gate: ConsentGate, card: SecureCardInput): Promise<void> {
  await sleep(SETTLE_MS)
  expect(card.state.locked, 'the trick unlocked the field').to.equal(true)
  expect(gate.consented).to.equal(false)
  expect((await rejection(() => card.seal())).code).to.equal('ERR_CONSENT_REQUIRED')
  expect(card.checkValidity()).to.equal(false)
  const { digest } = await consentFor(gate)
  await waitForState(card, (s) => !s.locked)
  expect(digest).to.match(/^[A-Za-z0-9_-]{43}$/)
}

/** What a field frame would accept if the host could speak for the gate. */
function forgedStatus(gateId: string) {
  const receipt = { purpose: GATE.purpose, policyUrl: GATE.policyUrl, policyVersion: GATE.policyVersion, textDigest: 'A'.repeat(43), time: new Date().toISOString() }
  return { sf: 1, t: 'consent-status', from: 'gate', gate: gateId, consented: true, receipt }
}

const iframeOf = (el: Element) => el.shadowRoot!.querySelector('iframe')!

describe('<consent-gate>: no host script can unlock a field', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  it('synthetic clicks and key presses on the gate, its iframe and the field do nothing', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForState(card, (s) => s.locked === true)
    const gateFrame = iframeOf(gate)
    for (const target of [gate, gateFrame, card, iframeOf(card)]) {
      target.click()
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 20, clientY: 20 }))
      target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }))
      target.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, composed: true }))
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, composed: true }))
    }
    // Even with the gate's frame focused, the page's synthetic keys never enter it.
    gateFrame.focus()
    document.activeElement?.dispatchEvent(new KeyboardEvent('keypress', { key: ' ', bubbles: true, composed: true }))
    await expectLockedThenRealClickUnlocks(gate, card)
  })

  it('forged and replayed messages to the gate and field windows and on their ports are dropped', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForState(card, (s) => s.locked === true)
    const forged = forgedStatus(gate.gateId!)
    const gateWindow = iframeOf(gate).contentWindow!
    const cardWindow = iframeOf(card).contentWindow!
    const payloads = [
      forged,
      { sf: 1, t: 'consent', receipt: forged.receipt, digest: 'A'.repeat(43) },
      { sf: 1, t: 'state', state: { consented: true } },
      { sf: 1, t: 'hello' },
    ]
    for (const data of payloads) {
      gateWindow.postMessage(data, '*')
      cardWindow.postMessage(data, '*')
    }
    // On the ports themselves (a script reaching into the elements' internals).
    const gatePort = (gate as unknown as { frame: { send(m: unknown): void } }).frame
    const cardPort = (card as unknown as { frame: { send(m: unknown): void } }).frame
    for (const data of payloads) {
      gatePort.send(data)
      cardPort.send(data)
    }
    // A BroadcastChannel of the page's own origin is another channel altogether.
    const channel = new BroadcastChannel('secure-fields:consent:v1')
    channel.postMessage(forged)
    channel.close()
    await expectLockedThenRealClickUnlocks(gate, card)

    // Replay: after a withdrawal, the earlier consent sent again counts for nothing.
    const earlier = { sf: 1, t: 'consent-status', from: 'gate', gate: gate.gateId!, consented: true, receipt: gate.receipt }
    const withdrawn = waitForState(card, (s) => s.locked === true)
    await clickControl(gate, 'withdraw')
    await withdrawn
    cardWindow.postMessage(earlier, '*')
    cardPort.send(earlier)
    await sleep(SETTLE_MS)
    expect(card.state.locked).to.equal(true)
  })

  it('attribute flips — consented, checked, locked, removed gate attributes, inert off — do not unlock', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForState(card, (s) => s.locked === true)
    for (const el of [gate, card]) for (const name of ['consented', 'checked', 'locked', 'open']) el.setAttribute(name, '')
    card.setAttribute('locked', 'false')
    for (const name of ['purpose', 'policy-url', 'policy-version']) gate.removeAttribute(name)
    await nextEvent(gate, 'secure-error', (d: { code: string }) => d.code === 'ERR_GATE_CONFIG')
    // Make the field reachable on the host side and click into it for real, then type.
    card.removeAttribute('inert')
    iframeOf(card).tabIndex = 0
    const box = iframeOf(card).getBoundingClientRect()
    await sendMouse({ type: 'click', position: [Math.round(box.x + 40), Math.round(box.y + box.height / 2)] })
    await sendKeys({ type: '4242424242424242' })
    await sleep(SETTLE_MS)
    expect(card.state).to.include({ locked: true, empty: true })
    // Restore the gate's text: a real click works again.
    gate.setAttribute('purpose', GATE.purpose)
    gate.setAttribute('policy-url', GATE.policyUrl)
    gate.setAttribute('policy-version', GATE.policyVersion)
    await expectLockedThenRealClickUnlocks(gate, card)
  })

  it('a field told to drop its gate (configuration without `gate`) stays locked', async () => {
    const { gate, card } = await mountGatedCard()
    await waitForState(card, (s) => s.locked === true)
    Object.defineProperty(card, 'gateId', { value: () => undefined, configurable: true })
    card.requestUpdate() // the element re-sends its configuration, now without a gate
    await card.updateComplete
    await expectLockedThenRealClickUnlocks(gate, card)
  })

  it('a second gate the page controls, "clicked" by script, unlocks nothing — not even its own fields', async () => {
    const { gate, card } = await mountGatedCard()
    const rogue = await mountGate({ purpose: 'Rogue' })
    const rogueCard = document.createElement('secure-card-input') as SecureCardInput
    const cfg = await testConfig()
    rogueCard.setAttribute('frame-origin', cfg.frameBase)
    rogueCard.setAttribute('public-key', JSON.stringify(cfg.publicJwk))
    rogueCard.setAttribute('context', 'conversation-42')
    const ready = nextEvent(rogueCard, 'secure-ready')
    rogue.append(rogueCard)
    await ready
    // Rebind the real card to the rogue gate, and "click" the rogue gate every way a script can.
    Object.defineProperty(card, 'gateId', { value: () => rogue.gateId, configurable: true })
    card.requestUpdate()
    for (const target of [rogue, iframeOf(rogue)]) {
      target.click()
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    }
    await sleep(SETTLE_MS)
    expect(rogueCard.state.locked).to.equal(true)
    expect(card.state.locked).to.equal(true)
    expect(rogue.consented).to.equal(false)
    // Back on its own gate, the real card opens with a real click.
    Object.defineProperty(card, 'gateId', { value: () => gate.gateId, configurable: true })
    card.requestUpdate()
    await expectLockedThenRealClickUnlocks(gate, card)
    await sleep(SETTLE_MS) // the consent broadcast reached every frame of the origin by now
    expect(rogueCard.state.locked, 'consent in one gate unlocked another gate’s field').to.equal(true)
  })
})
