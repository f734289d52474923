/**
 * Every customer can consent at the first try, whatever they consent with: a finger (a tap, a long
 * press, a tap on the label), a pen, a mouse clicking at once or after a short rest, the keyboard's
 * Space — and on a gate whose empty lower part is scrolled out of view while the consent box shows.
 * Each test counts the refusals: there must be none before the consent.
 */
import { expect } from 'chai'
import { inFrame } from '../support/frame-eval.js'
import { sendKeys } from '@web/test-runner-commands'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { SecureConsentDetail, SecureErrorDetail } from '../../src/host/events.js'
import { nextEvent, waitForState } from '../support/host.js'
import { cleanupGates, clickControl, controlPoint, mountGatedCard, playInput, tapControl, titlePoint, useTouchScreen, waitForGate } from '../support/gate.js'

/** Runs `gesture` once on a fresh gated card: it must consent, with no refusal, and unlock the card. */
async function consentsAtFirstTry(gesture: (gate: ConsentGate) => Promise<void>, { touch = false, gateAttributes = {} as Record<string, string> } = {}): Promise<SecureConsentDetail> {
  if (touch) await useTouchScreen()
  const { gate, card } = await mountGatedCard(gateAttributes)
  await waitForGate(gate, (s) => s.visible && s.controls.agree !== null)
  const consent = nextEvent<SecureConsentDetail>(gate, 'secure-consent')
  // A refusal fails the test at once, with what the customer was told.
  const refused = nextEvent<SecureErrorDetail>(gate, 'secure-error', (d) => d.code === 'ERR_CONSENT_OBSCURED' || d.code === 'ERR_CONSENT_MOVED', 20000).then(
    (d) => Promise.reject(new Error(`refused: ${d.code} ${d.message}`)),
    () => new Promise<never>(() => {}),
  )
  await gesture(gate)
  const detail = await Promise.race([consent, refused])
  await waitForState(card, (s) => !s.locked)
  return detail
}

describe('<consent-gate>: every customer consents at the first try', function () {
  this.timeout(60000)
  afterEach(cleanupGates)

  for (const after of [0, 100, 300]) {
    it(`a mouse click ${after} ms after the pointer arrives on the box`, async () => {
      await consentsAtFirstTry((gate) => clickControl(gate, 'agree', { after }))
    })
  }

  it('a pen brought over the gate onto the box, pressed at once', async () => {
    await consentsAtFirstTry(async (gate) => {
      const [tx, ty] = titlePoint(gate)
      const [x, y] = controlPoint(gate, 'agree')
      await playInput([
        { pen: 'move', x: tx, y: ty },
        { pen: 'move', x: Math.round((tx + x) / 2), y: Math.round((ty + y) / 2) },
        { pen: 'move', x, y },
        { pen: 'down', x, y },
        { pen: 'up', x, y },
      ])
    })
  })

  it('the keyboard: Tab from the page to the box, Space', async () => {
    await consentsAtFirstTry(async (gate) => {
      await tabToCheckbox(gate)
      await sendKeys({ press: 'Space' })
    })
  })

  it('Space right after the page resized the frame (a key has no position to move under)', async () => {
    await consentsAtFirstTry(async (gate) => {
      await tabToCheckbox(gate)
      const frame = gate.shadowRoot!.querySelector('iframe')!
      const resized = waitForGate(gate, (s) => !s.visible)
      frame.style.width = `${frame.getBoundingClientRect().width - 40}px`
      await resized
      await sendKeys({ press: 'Space' })
    })
  })

  it('a tap (DevTools Input.dispatchTouchEvent)', async () => {
    const { receipt } = await consentsAtFirstTry((gate) => tapControl(gate, 'agree'), { touch: true })
    expect(receipt.purpose).to.equal('Verify your identity')
  })

  it('an 800 ms long press', async () => {
    await consentsAtFirstTry((gate) => tapControl(gate, 'agree', { hold: 800 }), { touch: true })
  })

  it('a tap on the label, beside the box', async () => {
    await consentsAtFirstTry(
      async (gate) => {
        const [x, y] = controlPoint(gate, 'agree')
        await playInput([{ touch: 'start', x: x + 60, y }, { touch: 'end' }])
      },
      { touch: true },
    )
  })

  describe('a gate scrolled half out of view, its consent box in view', () => {
    /**
     * The customer scrolls the gate up into view, as far as its consent box: the room below it
     * stays below the fold. (From a start where the box is cut off, so that the gate's visibility
     * reports the end of the scroll.)
     */
    async function scrollRoomOutOfView(gate: ConsentGate): Promise<void> {
      const spacer = document.body.insertBefore(document.createElement('div'), document.body.firstChild)
      spacer.style.height = `${innerHeight * 2}px`
      const frame = gate.shadowRoot!.querySelector('iframe')!
      const agree = gate.state.controls.agree!
      const frameTop = () => frame.getBoundingClientRect().top + scrollY
      // The fold halfway down the purpose: the box is cut off.
      scrollTo(0, frameTop() + 40 - innerHeight)
      await waitForGate(gate, (s) => !s.visible)
      // The fold 30 px below the checkbox: the status line and the withdraw button's room are out of view.
      scrollTo(0, frameTop() + agree.y + agree.height + 30 - innerHeight)
      expect(frame.getBoundingClientRect().bottom).to.be.greaterThan(innerHeight + 20)
      await waitForGate(gate, (s) => s.visible)
    }

    it('a mouse click', async () => {
      await consentsAtFirstTry(async (gate) => {
        await scrollRoomOutOfView(gate)
        await clickControl(gate, 'agree')
      })
    })

    it('a tap', async () => {
      await consentsAtFirstTry(
        async (gate) => {
          await scrollRoomOutOfView(gate)
          await tapControl(gate, 'agree')
        },
        { touch: true },
      )
    })
  })
})

/**
 * Waits until the gate frame has the focus on its checkbox: focus crosses into a frame through the
 * browser, and a key sent before it lands goes to the page instead.
 */
/** A keyboard user on the page's control before the gate Tabs into the frame: the policy link, then the checkbox. */
async function tabToCheckbox(gate: ConsentGate): Promise<void> {
  const before = document.body.insertBefore(document.createElement('button'), gate)
  before.textContent = 'Back'
  before.focus()
  await sendKeys({ press: 'Tab' })
  await sendKeys({ press: 'Tab' })
  await checkboxFocused()
}

async function checkboxFocused(): Promise<void> {
  const deadline = Date.now() + 10000
  while (!(await inFrame('gate', () => document.hasFocus() && (document.activeElement as HTMLInputElement | null)?.type === 'checkbox'))) {
    if (Date.now() > deadline) throw new Error('the gate frame never had the focus on its checkbox')
    await new Promise((r) => setTimeout(r, 20))
  }
}
