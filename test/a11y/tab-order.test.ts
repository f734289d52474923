/**
 * Keyboard users reach every field and leave it again, in both directions: real Tab and Shift+Tab
 * key presses (sendKeys) move from a host input into a card's three inputs, on into an SSN field,
 * out to a host button, and all the way back. Focus is followed on the host page and inside the
 * cross-origin frames (test/support/wtr-frame-probe.mjs).
 */
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import { cleanup, mountField } from '../support/host.js'
import { probeFrames } from '../support/frame-probe.js'

/** Where focus is: `host:<id>` on the page, or `<page>:<input id prefix>` inside a frame. */
async function where(): Promise<string> {
  const active = document.activeElement
  if (active && !active.localName.startsWith('secure-')) return `host:${active.id || active.localName}`
  const focused = (await probeFrames()).find((f) => f.hasFocus && f.active)
  if (!focused) return `element:${active?.localName ?? 'none'}`
  const page = new URL(focused.url).pathname.replace(/^\/|\.html$/g, '')
  return `${page}:${focused.active!.id.replace(/-\d+$/, '')}`
}

/** Presses Tab (with Shift when `back`) and waits until focus reaches `expected`; resolves with where it went. */
async function tab(back: boolean, expected: string): Promise<string> {
  if (back) await sendKeys({ down: 'Shift' })
  await sendKeys({ press: 'Tab' })
  if (back) await sendKeys({ up: 'Shift' })
  let now = await where()
  for (let i = 0; i < 100 && now !== expected; i++) {
    await new Promise((r) => setTimeout(r, 20))
    now = await where()
  }
  return now
}

describe('keyboard: Tab and Shift+Tab through several fields', function () {
  this.timeout(60000)
  afterEach(cleanup)

  it('goes host input → card number, expiry, code → SSN → host button, and back', async () => {
    const before = document.body.appendChild(document.createElement('input'))
    before.id = 'before'
    before.setAttribute('aria-label', 'Name')
    const form = document.body.appendChild(document.createElement('form'))
    await mountField('secure-card-input', { label: 'Card' }, form)
    await mountField('secure-ssn-input', { label: 'SSN' }, form)
    const after = form.appendChild(document.createElement('button'))
    after.id = 'after'
    after.textContent = 'Send'
    before.focus()
    expect(await where()).to.equal('host:before')

    const forward = ['card:sf-number', 'card:sf-expiry', 'card:sf-cvc', 'ssn:sf-ssn', 'host:after']
    const backward = ['ssn:sf-ssn', 'card:sf-cvc', 'card:sf-expiry', 'card:sf-number', 'host:before']
    const visited: string[] = []
    for (const step of forward) visited.push(await tab(false, step))
    for (const step of backward) visited.push(await tab(true, step))
    expect(visited).to.deep.equal([...forward, ...backward])
  })
})
