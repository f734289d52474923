/**
 * The demo end to end: one Node process (chat server, pages, frame origin, SQLite store, audit
 * log), pages in one Chromium. The customer (in a conversation whose id holds twelve digits) asks
 * for help, the agent requests a card, the customer consents and types it (sealed once, to the
 * agent's post-quantum desk and the back office), both transcripts show only the preview, the back
 * office checks a charge is possible and wipes its copy. A second agent tab on the same desk asks
 * for the value first — the first tab is told it is busy — and its step-up fails: the envelope
 * stays stored. The first tab reveals it once after a WebAuthn step-up, the envelope is deleted,
 * the audit trail shows every step — and the
 * card's digits are found nowhere: not in any page, the database file, the audit log, or the
 * server's output.
 */
import { expect } from 'chai'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { verifyAuditLog } from '../../src/node/audit/index.js'
import { openSqliteStore } from '../../src/node/store/index.js'
import { addVirtualAuthenticator, launchChromium } from '../support/playwright.js'
import { canaryCard } from '../support/canary-values.js'
import { canaryPattern } from '../support/canary.js'
import { startDemo, type DemoServer } from '../support/demo-server.js'

const PORT = Number(process.env.SF_E2E_PORT ?? 5673)
// An order number as conversation id: identifiers are not values, and the audit log takes them.
const CONVERSATION = 'order-123456789012'

describe('the demo, end to end', function () {
  this.timeout(180_000)
  let demo: DemoServer
  let browser: Browser
  let agent: Page
  let customer: Page
  const canary = canaryCard()
  /** The customer's device. */
  const DEVICES: Record<'desktop' | 'phone', BrowserContextOptions> = {
    desktop: {},
    phone: { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true },
  }

  before(async () => {
    demo = await startDemo(PORT, 'sf-demo-')
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await demo?.stop()
  })

  /**
   * The whole conversation, the customer on `device`: a desktop (mouse and keyboard), or a phone
   * (375×667, touch, `isMobile`) with taps only, reloading the page while the agent's request is
   * open. Each run has its own conversation (`CONVERSATION`) and its own browser contexts.
   */
  const conversationOn = (device: 'desktop' | 'phone', CONVERSATION: string) => async () => {
    const phone = device === 'phone'
    agent = await (await browser.newContext()).newPage()
    customer = await (await browser.newContext(DEVICES[device])).newPage()
    /** The customer's gesture on an element: a tap on the phone, a click on the desktop. */
    const press = (locator: Locator) => (phone ? locator.tap() : locator.click())

    // The agent sets up the desk: a click inside the reveal frame, a virtual authenticator.
    // (WebAuthn and the gate need their page focused: each step brings its page to the front.)
    await addVirtualAuthenticator(agent, { prf: true })
    await agent.bringToFront()
    await agent.goto(`http://localhost:${PORT}/agent?c=${CONVERSATION}`)
    const desk = agent.frameLocator('secure-reveal iframe')
    // A click in the first moments of a frame can be lost: wait for the element's ready signal.
    await agent.waitForFunction(() => (document.querySelector('secure-reveal') as unknown as { isReady?: boolean } | null)?.isReady === true)
    await desk.locator('button.sf-action').click()
    await agent.locator('#desk-status', { hasText: 'Desk ready.' }).waitFor()

    // The customer asks for help; the agent requests a card.
    await customer.bringToFront()
    await customer.goto(`http://localhost:${PORT}/?c=${CONVERSATION}`)
    await press(customer.locator('#message'))
    await customer.keyboard.type('Hello, I want to pay my order')
    await press(customer.locator('#composer button'))
    await agent.locator('#transcript .entry.text', { hasText: 'pay my order' }).waitFor()
    await agent.locator('button[data-request="card"]').click()
    // Asked, not yet answered: the agent's line says only what was requested.
    const requestLine = agent.locator('#transcript .entry.request')
    await requestLine.waitFor()
    expect((await requestLine.innerText()).trim()).to.match(/Requested card details\.$/)
    if (phone) {
      // The customer's page reloads while the request is open: its form is shown again.
      await customer.locator('.secure-request consent-gate').waitFor()
      await customer.reload()
      await customer.locator('.secure-request consent-gate').waitFor()
      expect(await customer.locator('.secure-request').count()).to.equal(1)
    }

    // The customer consents in the gate's frame, then types the card in the field's frame.
    await customer.bringToFront()
    const gate = customer.frameLocator('consent-gate iframe').first()
    await customer.waitForFunction(() =>
      ['consent-gate', 'secure-card-input'].every((tag) => (document.querySelector(tag) as unknown as { isReady?: boolean } | null)?.isReady === true),
    )
    const gateVisible = (visible: boolean) =>
      customer.waitForFunction((v) => (document.querySelector('consent-gate') as unknown as { state: { visible: boolean } }).state.visible === v, visible)
    // Sent before consenting: the form shows the field's note.
    await press(customer.locator('button.send'))
    const status = customer.locator('.secure-request .status')
    await status.filter({ hasText: 'Give your consent above to fill in this field.' }).waitFor()
    if (phone) {
      // The customer scrolls back up to the consent box: it leaves the screen and comes back whole.
      await customer.evaluate(() => scrollBy(0, document.querySelector('consent-gate')!.getBoundingClientRect().top + 40))
      await gateVisible(false)
      await customer.evaluate(() => document.querySelector('consent-gate')!.scrollIntoView({ block: 'start' }))
    }
    // The gate takes a gesture once it has seen its consent box wholly visible for a moment; the
    // first gesture must count.
    await gateVisible(true)
    const refusals: string[] = []
    await customer.exposeFunction('sfRefused', (code: string) => refusals.push(code))
    await customer.evaluate(() =>
      document.querySelector('consent-gate')!.addEventListener('secure-error', (e) => (window as unknown as { sfRefused(c: string): void }).sfRefused((e as CustomEvent<{ code: string }>).detail.code)),
    )
    const checkbox = gate.locator('input.sf-gate-checkbox')
    if (phone) await checkbox.tap()
    else {
      // As a person does: the pointer comes across the gate (its title) onto the box, and clicks.
      await gate.locator('.sf-gate-title').hover()
      await checkbox.click()
    }
    await customer.waitForFunction(() => (document.querySelector('consent-gate') as unknown as { consented: boolean }).consented)
    expect(refusals, 'the gate refused the first gesture').to.deep.equal([])
    // The field unlocks, and the "Give your consent above" note is gone.
    await customer.waitForFunction(() => (document.querySelector('secure-card-input') as unknown as { state: { locked?: boolean } }).state.locked !== true)
    await customer.waitForFunction(() => document.querySelector('.secure-request .status')?.textContent === '')
    const card = customer.frameLocator('secure-card-input iframe')
    await press(card.locator('input[autocomplete="cc-number"]'))
    await customer.keyboard.type(canary)
    await customer.keyboard.type('1130')
    await customer.keyboard.type('321')
    // The customer leaves the field (Tab on the desktop, a tap beside it on the phone): it settles
    // and shows its preview, which the envelope then carries.
    if (phone) await customer.locator('.secure-request .who').tap()
    else await customer.keyboard.press('Tab')
    await customer.waitForFunction((p) => (document.querySelector('secure-card-input') as unknown as { state: { preview?: string } }).state.preview === p, `Visa •••• ${canary.slice(-4)}`)
    await press(customer.locator('button.send'))

    // Both transcripts show the preview only.
    const preview = `Visa •••• ${canary.slice(-4)}`
    await customer.locator('#transcript .entry.secure .preview', { hasText: preview }).waitFor().catch(async (e) => {
      throw new Error(`${e.message}\nstatus: ${await customer.locator('.status').allInnerTexts()}\nserver: ${demo.output().slice(-2000)}`)
    })
    await agent.locator('#transcript .entry.secure .preview', { hasText: preview }).waitFor()
    // The card was sealed once, to the agent's post-quantum desk and to the back office: the back
    // office opened its copy, found a charge possible, and wiped it. The customer sees none of it.
    await agent.locator('#transcript .entry.back-office', { hasText: `a charge on ${preview} is possible` }).waitFor()
    expect(await customer.locator('#transcript .entry.back-office').count()).to.equal(0)

    // A second agent tab on the same desk (same browser profile: same desk key). Its own
    // authenticator holds no credential for the desk, so its step-up will fail.
    const agentTab2 = await agent.context().newPage()
    await addVirtualAuthenticator(agentTab2, { prf: true })
    await agentTab2.bringToFront()
    await agentTab2.goto(`http://localhost:${PORT}/agent?c=${CONVERSATION}`)
    await agentTab2.locator('#desk-status', { hasText: 'Desk ready.' }).waitFor()
    const desk2 = agentTab2.frameLocator('secure-reveal iframe')
    // Tab 2 asks first: the envelope goes to its desk, claimed, still in the store…
    await agentTab2.locator('#transcript .entry.secure button.reveal').click()
    await agentTab2.locator('#desk-status', { hasText: 'Confirm it is you' }).waitFor()
    // …so tab 1 is told another tab is revealing it.
    await agent.bringToFront()
    await agent.locator('#transcript .entry.secure button.reveal').click()
    await agent.locator('#desk-status', { hasText: 'another agent tab' }).waitFor()
    // Tab 2's step-up fails: nothing is lost, the envelope is put back.
    await agentTab2.bringToFront()
    await desk2.locator('button.sf-action').click({ timeout: 20000 })
    await agentTab2.locator('#desk-status', { hasText: 'Not revealed (ERR_STEP_UP_FAILED)' }).waitFor()
    const stillStored = await openSqliteStore({ file: join(demo.dataDir, 'envelopes.sqlite') })
    expect((await stillStored.list(CONVERSATION)).map((l) => l.meta.preview)).to.deep.equal([preview])
    await stillStored.close()
    await agentTab2.locator('#audit .event', { hasText: 'released' }).waitFor()

    // The agent reveals it once, after the step-up; then hides it (wiped).
    await agent.bringToFront()
    await agent.locator('#transcript .entry.secure button.reveal').click()
    await desk.locator('button.sf-action').click({ timeout: 20000 })
    await desk.locator('.sf-value-text', { hasText: canary.slice(0, 4) }).first().waitFor()
    const shown = (await desk.locator('.sf-value').innerText()).replace(/\s/g, '')
    expect(shown).to.include(canary)
    await desk.locator('button.sf-action').click() // Hide
    await agent.locator('#desk-status', { hasText: 'wiped and deleted' }).waitFor()
    expect((await desk.locator('.sf-value').innerText()).trim()).to.equal('')

    // The audit trail shows every step, and the log verifies. (The last entry travels page →
    // server → log → page: wait for it to come back. The back office's wipe came first, so the
    // agent's is the second `wiped`.)
    await agent.locator('#audit .event', { hasText: 'wiped' }).nth(1).waitFor()
    const events = await agent.locator('#audit .event').allInnerTexts()
    for (const e of ['stored', 'claimed', 'released', 'taken', 'revealed', 'wiped']) expect(events, events.join(',')).to.include(e)
    const verification = await verifyAuditLog(join(demo.dataDir, 'audit.log'))
    expect(verification.ok, JSON.stringify(verification.problems)).to.equal(true)
    // This run's entries: the log is the server's, and each run has its own conversation.
    const entries = readFileSync(join(demo.dataDir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; actor?: string; conversation?: string })
      .filter((e) => e.conversation === CONVERSATION)
    expect(entries.filter((e) => e.actor === 'back-office').map((e) => e.event)).to.deep.equal(['revealed', 'wiped'])
    const agentEvents = entries.filter((e) => e.actor === 'agent').map((e) => e.event)
    for (const e of ['claimed', 'released', 'taken', 'revealed', 'wiped']) expect(agentEvents, agentEvents.join(',')).to.include(e)

    // The envelope is gone from the store, and a second fetch finds nothing.
    const store = await openSqliteStore({ file: join(demo.dataDir, 'envelopes.sqlite') })
    expect(await store.list(CONVERSATION)).to.deep.equal([])
    await store.close()
    // Answered: the request's line says it was sent, and its form is gone.
    await agent.locator('#transcript .entry.request', { hasText: 'Requested card details — sent securely.' }).waitFor()
    expect(await customer.locator('.secure-request').count()).to.equal(0)

    // The digits are nowhere but the two frames.
    const pattern = canaryPattern(canary)
    const hostTexts: Record<string, string> = {
      'customer page': String(await customer.evaluate('document.documentElement.outerHTML')),
      'agent page': String(await agent.evaluate('document.documentElement.outerHTML')),
      'second agent page': String(await agentTab2.evaluate('document.documentElement.outerHTML')),
      'server output': demo.output(),
      'audit log': readFileSync(join(demo.dataDir, 'audit.log'), 'latin1'),
    }
    for (const file of readdirSync(demo.dataDir)) hostTexts[`data/${file}`] = readFileSync(join(demo.dataDir, file), 'latin1')
    for (const [where, text] of Object.entries(hostTexts)) expect(pattern.test(text), `canary found in ${where}`).to.equal(false)
    await agent.context().close()
    await customer.context().close()
  }

  it('runs the whole conversation with the card in the clear only inside the two frames', conversationOn('desktop', CONVERSATION))
  it('runs it again with the customer on a phone, taps only', conversationOn('phone', `${CONVERSATION}-phone`))
})
