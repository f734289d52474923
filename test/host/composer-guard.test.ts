/**
 * The composer guard in a real page: a chat's own composer (input, textarea, contenteditable) with
 * the chat's own send handlers, typed into with real keys, pasted into from the clipboard, filled
 * by a password manager, composed by an input method, undone — and the digits reach no send
 * handler, no event and nothing a page script can observe.
 */
import { expect } from 'chai'
import { executeServerCommand, sendKeys } from '@web/test-runner-commands'
import { guardComposer, type ComposerGuard } from '../../src/host/composer-guard.js'
import { NOTICE_TEXTS } from '../../src/host/composer-notice.js'
import type { SecureDetectedDetail } from '../../src/host/events.js'
import { installRecorder } from '../support/canary.js'
import { canaryCard, canaryIban, canarySsn } from '../support/canary-values.js'
import { testConfig } from '../support/host.js'

/** A chat box as a chat page builds it: a form, a composer, a send button, and what was sent. */
function chat(kind: 'input' | 'textarea' | 'editable', lang = 'en') {
  const root = document.body.appendChild(document.createElement('section'))
  root.lang = lang
  const form = root.appendChild(document.createElement('form'))
  const composer =
    kind === 'editable' ? Object.assign(document.createElement('div'), { contentEditable: 'true' }) : document.createElement(kind === 'input' ? 'input' : 'textarea')
  composer.setAttribute('aria-label', 'Message')
  const button = document.createElement('button')
  button.type = kind === 'input' ? 'submit' : 'button'
  button.textContent = 'Send'
  form.append(composer, button)
  const sent: string[] = []
  const control = composer instanceof HTMLInputElement || composer instanceof HTMLTextAreaElement ? composer : undefined
  const text = () => (control ? control.value : composer.textContent ?? '')
  const clear = () => (control ? (control.value = '') : (composer.textContent = ''))
  const sendNow = () => {
    sent.push(text())
    clear()
  }
  // The chat's own handlers, added before the guard exists, on the composer itself.
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    sendNow()
  })
  if (kind !== 'input') {
    composer.addEventListener('keydown', (e) => {
      const key = e as KeyboardEvent
      if (key.key === 'Enter' && !key.shiftKey && !key.isComposing) {
        e.preventDefault()
        sendNow()
      }
    })
    button.addEventListener('click', sendNow)
  }
  const detected: SecureDetectedDetail[] = []
  composer.addEventListener('secure-detected', (e) => detected.push((e as CustomEvent<SecureDetectedDetail>).detail))
  return { root, form, composer: composer as HTMLElement, button, sent, detected, text, remove: () => root.remove() }
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => requestAnimationFrame(r))
  expect(condition(), what).to.equal(true)
}

const notice = (guarded: ReturnType<typeof chat>) => guarded.root.querySelector<HTMLElement>('.secure-composer-notice')!

describe('guardComposer', () => {
  let guard: ComposerGuard | undefined
  let box: ReturnType<typeof chat> | undefined
  afterEach(() => {
    guard?.disconnect()
    box?.remove()
    guard = box = undefined
  })

  it('typed card number + Enter in an <input>: the form is not submitted, the number becomes its preview, the event holds kind and preview', async () => {
    box = chat('input')
    guard = guardComposer(box.composer)
    await guard.ready
    const card = canaryCard()
    box.composer.focus()
    await sendKeys({ type: `my card is ${card.replace(/(\d{4})(?!$)/g, '$1 ')}` })
    await sendKeys({ press: 'Enter' })
    const preview = `Visa •••• ${card.slice(-4)}`
    expect(box.sent).to.deep.equal([])
    expect(box.text()).to.equal(`my card is ${preview}`)
    expect(box.detected).to.deep.equal([{ kind: 'card', preview }])
    expect(document.activeElement).to.equal(box.composer)
    // Announced, in a live region the composer names as its description.
    const region = notice(box)
    expect(region.getAttribute('role')).to.equal('status')
    expect(region.getAttribute('aria-live')).to.equal('polite')
    expect(box.composer.getAttribute('aria-describedby')).to.equal(region.id)
    expect(region.textContent).to.equal(`Hidden for your safety: card ${preview}. ${NOTICE_TEXTS.en.advice}`)
    // The masked message goes on the next Enter, and the notice clears.
    await sendKeys({ press: 'Enter' })
    expect(box.sent).to.deep.equal([`my card is ${preview}`])
    expect(region.textContent).to.equal('')
  })

  it('a <textarea> with a send button: the click is stopped before the chat’s own handler, focus comes back; Shift+Enter is a new line', async () => {
    box = chat('textarea')
    guard = guardComposer(box.composer, { send: box.button })
    await guard.ready
    const ssn = canarySsn()
    box.composer.focus()
    await sendKeys({ type: 'hello' })
    await sendKeys({ down: 'Shift' })
    await sendKeys({ press: 'Enter' })
    await sendKeys({ up: 'Shift' })
    await sendKeys({ type: `ssn ${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}` })
    box.button.focus()
    box.button.click()
    expect(box.sent).to.deep.equal([])
    expect(box.text()).to.equal(`hello\nssn •••-••-${ssn.slice(-4)}`)
    expect(box.detected).to.deep.equal([{ kind: 'ssn', preview: `•••-••-${ssn.slice(-4)}` }])
    expect(document.activeElement).to.equal(box.composer)
    box.button.click()
    expect(box.sent).to.deep.equal([`hello\nssn •••-••-${ssn.slice(-4)}`])
  })

  it('a contenteditable composer: the IBAN is replaced in place, inline formatting kept around it', async () => {
    box = chat('editable')
    guard = guardComposer(box.composer, { send: 'form button' })
    await guard.ready
    const { iban } = canaryIban()
    box.composer.focus()
    await sendKeys({ type: 'refund to ' })
    await sendKeys({ type: iban.replace(/(.{4})(?!$)/g, '$1 ') })
    await sendKeys({ press: 'Enter' })
    expect(box.sent).to.deep.equal([])
    expect(box.text()).to.equal(`refund to DE •••• ${iban.slice(-4)}`)
    expect(box.detected).to.deep.equal([{ kind: 'iban', preview: `DE •••• ${iban.slice(-4)}` }])
    // Lines of a contenteditable are never read as one number.
    box.composer.innerHTML = '<div>4111 1111 1111</div><div>1111</div>'
    box.button.click()
    expect(box.sent).to.deep.equal(['4111 1111 11111111'])
  })

  it('a real paste is masked as it lands, before any send', async () => {
    const cfg = await testConfig()
    await executeServerCommand('sf-grant-clipboard', { origin: cfg.hostOrigin })
    box = chat('input')
    guard = guardComposer(box.composer)
    await guard.ready
    const card = canaryCard()
    box.composer.focus()
    await navigator.clipboard.writeText(`${card.slice(0, 4)}-${card.slice(4, 8)}-${card.slice(8, 12)}-${card.slice(12)}`)
    await sendKeys({ type: 'it is ' })
    await executeServerCommand('sf-paste')
    await navigator.clipboard.writeText('')
    expect(box.text()).to.equal(`it is Visa •••• ${card.slice(-4)}`)
    expect(box.detected).to.have.length(1)
    expect(box.sent).to.deep.equal([])
  })

  it('a password manager’s fill (value set, then an input event without a key) is masked at once', async () => {
    box = chat('input')
    guard = guardComposer(box.composer)
    await guard.ready
    const card = canaryCard()
    const input = box.composer as HTMLInputElement
    input.value = card
    input.dispatchEvent(new Event('input', { bubbles: true }))
    expect(input.value).to.equal(`Visa •••• ${card.slice(-4)}`)
    expect(box.detected).to.deep.equal([{ kind: 'card', preview: `Visa •••• ${card.slice(-4)}` }])
  })

  it('an input method: nothing is touched while composing, the committed text is masked, and the committing Enter is not a send', async () => {
    box = chat('textarea')
    guard = guardComposer(box.composer)
    await guard.ready
    const card = canaryCard()
    const wide = [...card].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    box.composer.focus()
    await executeServerCommand('sf-ime', { compose: [wide.slice(0, 8), wide] })
    expect(box.text()).to.equal(wide)
    expect(box.detected).to.deep.equal([])
    // Enter while composing commits the composition: the guard leaves it to the input method.
    const enter = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })
    box.composer.dispatchEvent(enter)
    expect(enter.defaultPrevented).to.equal(false)
    expect(box.text()).to.equal(wide)
    await executeServerCommand('sf-ime', { commit: wide })
    await until(() => box!.detected.length === 1, 'the committed text is masked')
    expect(box.text()).to.equal(`Visa •••• ${card.slice(-4)}`)
  })

  for (const kind of ['textarea', 'editable'] as const) {
    it(`undo after a masked paste does not bring the digits back (${kind})`, async () => {
      const cfg = await testConfig()
      await executeServerCommand('sf-grant-clipboard', { origin: cfg.hostOrigin })
      box = chat(kind)
      guard = guardComposer(box.composer)
      await guard.ready
      const card = canaryCard()
      box.composer.focus()
      await sendKeys({ type: 'card ' })
      await navigator.clipboard.writeText(card)
      await executeServerCommand('sf-paste')
      await navigator.clipboard.writeText('')
      expect(box.text()).to.equal(`card Visa •••• ${card.slice(-4)}`)
      // A contenteditable is masked through the editing command, which the browser can undo: the
      // digits it brings back are masked again as they return.
      for (let i = 0; i < 3; i++) {
        await executeServerCommand('sf-undo')
        expect(box.text()).not.to.include(card.slice(0, 8))
      }
      await sendKeys({ press: 'Enter' })
      for (const message of box.sent) expect(message).not.to.include(card.slice(0, 8))
    })
  }

  it('a send before the detector has loaded is held, then masked', async () => {
    box = chat('input')
    const card = canaryCard()
    ;(box.composer as HTMLInputElement).value = `card ${card}`
    guard = guardComposer(box.composer)
    // Synchronously, before the guard's module has even answered.
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    box.composer.dispatchEvent(enter)
    expect(enter.defaultPrevented).to.equal(true)
    await guard.ready
    await until(() => box!.detected.length === 1, 'masked once loaded')
    expect(box.text()).to.equal(`card Visa •••• ${card.slice(-4)}`)
  })

  it('look-alikes are sent unchanged: orders, phones, tracking numbers, dates, amounts', async () => {
    box = chat('textarea')
    guard = guardComposer(box.composer)
    await guard.ready
    const messages = [
      'Order #123-4567890-1234567 placed on 2026-01-15',
      'call me at +1 (555) 123-4567 or +44 20 7946 0958',
      'tracking 9400 1000 0000 0000 0000 00 and 1Z999AA10123456784',
      'I paid $1,234.56 on 15/01/2026 at 10:30',
      'order 4111111111111111',
    ]
    box.composer.focus()
    for (const message of messages) {
      ;(box.composer as HTMLTextAreaElement).value = message
      await sendKeys({ press: 'Enter' })
    }
    expect(box.sent).to.deep.equal(messages)
    expect(box.detected).to.deep.equal([])
  })

  for (const lang of ['es', 'fr', 'de', 'ar'] as const) {
    it(`speaks the composer's language: ${lang}`, async () => {
      box = chat('input', lang)
      guard = guardComposer(box.composer)
      await guard.ready
      const card = canaryCard()
      ;(box.composer as HTMLInputElement).value = card
      box.button.click()
      const texts = NOTICE_TEXTS[lang]
      const region = notice(box)
      expect(region.textContent).to.equal(`${texts.lead} ${texts.kinds.card} Visa •••• ${card.slice(-4)}. ${texts.advice}`)
      expect(region.dir).to.equal(lang === 'ar' ? 'rtl' : 'ltr')
      // The preview is isolated, so that it reads left to right inside Arabic.
      expect(region.querySelector('bdi')?.textContent).to.equal(`Visa •••• ${card.slice(-4)}`)
    })
  }

  it('uses the page’s notice element, or only a hidden live region; disconnect undoes everything', async () => {
    box = chat('input')
    const own = box.root.appendChild(document.createElement('p'))
    guard = guardComposer(box.composer, { notice: own, locale: 'de' })
    await guard.ready
    ;(box.composer as HTMLInputElement).value = canaryCard()
    expect((await guard.check()).map((d) => d.kind)).to.deep.equal(['card'])
    expect(own.textContent).to.match(/^Zu Ihrer Sicherheit ausgeblendet/)
    expect(own.getAttribute('role')).to.equal('status')
    expect(notice(box)).to.equal(null)
    guard.disconnect()
    expect(own.textContent).to.equal('')
    expect(box.composer.hasAttribute('aria-describedby')).to.equal(false)
    ;(box.composer as HTMLInputElement).value = canaryCard()
    await sendKeys({ press: 'Enter' })
    box.composer.focus()
    await sendKeys({ press: 'Enter' })
    expect(box.sent).to.have.length(1) // no guard any more

    guard = guardComposer(box.composer, { notice: false })
    await guard.ready
    const hidden = document.body.querySelector<HTMLElement>(':scope > .secure-composer-notice')!
    ;(box.composer as HTMLInputElement).value = canaryCard()
    await guard.check()
    expect(hidden.textContent).to.match(/^Hidden for your safety/)
    expect(hidden.getBoundingClientRect().width).to.be.at.most(1)
    guard.disconnect()
    expect(hidden.isConnected).to.equal(false)
  })

  it('refuses what it cannot guard, without echoing it', () => {
    const email = Object.assign(document.createElement('input'), { type: 'email' })
    for (const [target, options] of [
      [document.createElement('div'), {}],
      [email, {}],
      [document.createElement('textarea'), { kinds: ['cards'] }],
      [document.createElement('textarea'), { notice: 'here' }],
      [document.createElement('textarea'), 'x'],
    ] as const) {
      expect(() => guardComposer(target as HTMLElement, options as never)).to.throw().with.property('code', 'ERR_INPUT_INVALID')
    }
  })

  it('nothing a page script can observe holds the digits: events, DOM, attributes, console, messages (canary sweep)', async () => {
    const recorder = installRecorder()
    try {
      box = chat('editable')
      guard = guardComposer(box.composer, { send: box.button })
      await guard.ready
      const card = canaryCard()
      const ssn = canarySsn()
      box.composer.focus()
      await sendKeys({ type: `card ${card} and ssn ${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}` })
      box.button.click()
      expect(box.detected.map((d) => d.kind)).to.deep.equal(['card', 'ssn'])
      box.button.click()
      expect(box.sent).to.have.length(1)
      for (const canary of [card, ssn]) {
        expect(await recorder.sweep(canary)).to.deep.equal([])
        for (const message of box.sent) expect(message).not.to.include(canary.slice(0, 8))
      }
    } finally {
      recorder.uninstall()
    }
  })
})
