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
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { verifyAuditLog } from '../../src/node/audit/index.js'
import { openSqliteStore } from '../../src/node/store/index.js'
import { addVirtualAuthenticator, launchChromium } from '../support/playwright.js'
import { canaryCard } from '../support/canary-values.js'
import { canaryPattern } from '../support/canary.js'

const PORT = Number(process.env.SF_E2E_PORT ?? 5673)
const FRAME_PORT = PORT + 1
// An order number as conversation id: identifiers are not values, and the audit log takes them.
const CONVERSATION = 'order-123456789012'

describe('the demo, end to end', function () {
  this.timeout(180_000)
  let server: ChildProcess
  let output = ''
  let dataDir: string
  let browser: Browser
  let agent: Page
  let customer: Page
  const canary = canaryCard()

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sf-demo-'))
    server = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
      env: { ...process.env, DEMO_PORT: String(PORT), DEMO_FRAME_PORT: String(FRAME_PORT), DEMO_DATA_DIR: dataDir, DEMO_VERBOSE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout!.on('data', (d) => (output += d))
    server.stderr!.on('data', (d) => (output += d))
    for (let i = 0; i < 300 && !output.includes('agent console'); i++) await new Promise((r) => setTimeout(r, 100))
    expect(output, output).to.include('agent console')
    browser = await launchChromium()
    const context = await browser.newContext()
    agent = await context.newPage()
    customer = await context.newPage()
  })

  after(async () => {
    await browser?.close()
    server?.kill('SIGTERM')
    await new Promise((r) => server?.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('runs the whole conversation with the card in the clear only inside the two frames', async () => {
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
    await customer.locator('#message').fill('Hello, I want to pay my order')
    await customer.locator('#composer button').click()
    await agent.locator('#transcript .entry.text', { hasText: 'pay my order' }).waitFor()
    await agent.locator('button[data-request="card"]').click()

    // The customer consents in the gate's frame, then types the card in the field's frame.
    await customer.bringToFront()
    const gate = customer.frameLocator('consent-gate iframe').first()
    await customer.waitForFunction(() =>
      ['consent-gate', 'secure-card-input'].every((tag) => (document.querySelector(tag) as unknown as { isReady?: boolean } | null)?.isReady === true),
    )
    // The gate takes a gesture once IntersectionObserver v2 has seen it fully visible for 500 ms.
    await customer.waitForTimeout(900)
    // As a customer does: point at the box, rest a moment (the gate ignores a pointer that just
    // arrived), click.
    await gate.locator('input.sf-gate-checkbox').hover()
    await customer.waitForTimeout(700)
    await gate.locator('input.sf-gate-checkbox').click()
    const card = customer.frameLocator('secure-card-input iframe')
    await card.locator('input[autocomplete="cc-number"]').click()
    await customer.keyboard.type(canary)
    await customer.keyboard.type('1130')
    await customer.keyboard.type('321')
    await customer.locator('button.send').click()

    // Both transcripts show the preview only.
    const preview = `Visa •••• ${canary.slice(-4)}`
    await customer.locator('#transcript .entry.secure .preview', { hasText: preview }).waitFor().catch(async (e) => {
      throw new Error(`${e.message}\nstatus: ${await customer.locator('.status').allInnerTexts()}\nserver: ${output.slice(-2000)}`)
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
    const stillStored = await openSqliteStore({ file: join(dataDir, 'envelopes.sqlite') })
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
    const verification = await verifyAuditLog(join(dataDir, 'audit.log'))
    expect(verification.ok, JSON.stringify(verification.problems)).to.equal(true)
    const entries = readFileSync(join(dataDir, 'audit.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: string; actor?: string })
    expect(entries.filter((e) => e.actor === 'back-office').map((e) => e.event)).to.deep.equal(['revealed', 'wiped'])
    const agentEvents = entries.filter((e) => e.actor === 'agent').map((e) => e.event)
    for (const e of ['claimed', 'released', 'taken', 'revealed', 'wiped']) expect(agentEvents, agentEvents.join(',')).to.include(e)

    // The envelope is gone from the store, and a second fetch finds nothing.
    const store = await openSqliteStore({ file: join(dataDir, 'envelopes.sqlite') })
    expect(await store.list(CONVERSATION)).to.deep.equal([])
    await store.close()

    // The digits are nowhere but the two frames.
    const pattern = canaryPattern(canary)
    const hostTexts: Record<string, string> = {
      'customer page': String(await customer.evaluate('document.documentElement.outerHTML')),
      'agent page': String(await agent.evaluate('document.documentElement.outerHTML')),
      'second agent page': String(await agentTab2.evaluate('document.documentElement.outerHTML')),
      'server output': output,
      'audit log': readFileSync(join(dataDir, 'audit.log'), 'latin1'),
    }
    for (const file of readdirSync(dataDir)) hostTexts[`data/${file}`] = readFileSync(join(dataDir, file), 'latin1')
    for (const [where, text] of Object.entries(hostTexts)) expect(pattern.test(text), `canary found in ${where}`).to.equal(false)
  })
})
