/**
 * Numbers typed in the wrong place, end to end on the demo: the customer types, pastes and
 * autofills a card number, an SSN and an IBAN into the plain chat box, the agent pastes one back
 * into theirs, and a client without the guard sends one straight to the chat server. The
 * composer shows and sends previews, the server masks what reached it and counts it in the audit
 * log, look-alikes go through unchanged — and the digits are nowhere: not in either page, the
 * server's transcript or output, the SQLite file or the audit log.
 */
import { expect } from 'chai'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import WebSocket from 'ws'
import { verifyAuditLog } from '../../src/node/audit/index.js'
import { launchChromium } from '../support/playwright.js'
import { canaryCard, canaryIban, canarySsn } from '../support/canary-values.js'
import { canaryPattern } from '../support/canary.js'
import { startDemo, type DemoServer } from '../support/demo-server.js'

// Ports of their own, beside the demo's end-to-end test.
const PORT = Number(process.env.SF_E2E_PORT ?? 5673) + 2
const CONVERSATION = 'conversation-guard'

const spaced = (digits: string, every = 4) => digits.replace(new RegExp(`(\\d{${every}})(?!$)`, 'g'), '$1 ')

describe('the demo: numbers typed in the chat box', function () {
  this.timeout(180_000)
  let demo: DemoServer
  let browser: Browser
  let context: BrowserContext
  let agent: Page
  let customer: Page
  const card = canaryCard()
  const pastedCard = canaryCard()
  const filledCard = canaryCard()
  const agentCard = canaryCard()
  const rawCard = canaryCard()
  const ssn = canarySsn()
  const pastedSsn = canarySsn()
  const filledSsn = canarySsn()
  const { iban } = canaryIban()
  const { iban: pastedIban } = canaryIban()
  const canaries = [card, pastedCard, filledCard, agentCard, rawCard, ssn, pastedSsn, filledSsn, iban.slice(4), pastedIban.slice(4)]
  const dashedSsn = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`
  const printedIban = (value: string) => value.replace(/(.{4})(?!$)/g, '$1 ')

  before(async () => {
    demo = await startDemo(PORT, 'sf-demo-guard-')
    browser = await launchChromium()
    context = await browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://localhost:${PORT}` })
    agent = await context.newPage()
    customer = await context.newPage()
    for (const [page, path] of [
      [agent, '/agent'],
      [customer, '/'],
    ] as const) {
      await page.goto(`http://localhost:${PORT}${path}?c=${CONVERSATION}`)
      await page.waitForFunction(() => document.documentElement.dataset.composerGuard === 'ready')
    }
  })

  after(async () => {
    await browser?.close()
    await demo?.stop()
  })

  /** Sends what is in the page's composer; resolves with the composer's text afterwards. */
  const enter = async (page: Page) => {
    await page.locator('#message').press('Enter')
    return page.locator('#message').inputValue()
  }
  const lastEntry = (page: Page, text: string) => page.locator('#transcript .entry.text .body', { hasText: text }).last().waitFor()

  it('typed by the customer: the composer masks it on Enter, says why, and sends the preview', async () => {
    await customer.bringToFront()
    await customer.locator('#message').click()
    await customer.keyboard.type(`my card is ${spaced(card)} and ssn ${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`)
    const masked = `my card is Visa •••• ${card.slice(-4)} and ssn •••-••-${ssn.slice(-4)}`
    expect(await enter(customer)).to.equal(masked)
    const notice = customer.locator('#composer-notice')
    expect(await notice.getAttribute('role')).to.equal('status')
    expect(await notice.innerText()).to.include(`Visa •••• ${card.slice(-4)}`)
    expect(await customer.evaluate(() => document.activeElement?.id)).to.equal('message')
    // Sent as it now reads, on the next Enter; both sides show the previews.
    expect(await enter(customer)).to.equal('')
    await lastEntry(agent, masked)
    await lastEntry(customer, masked)
  })

  it('pasted and autofilled by the customer, each kind: masked as it lands', async () => {
    await customer.bringToFront()
    await customer.locator('#message').click()
    await customer.evaluate((text) => navigator.clipboard.writeText(text), `${spaced(pastedCard).replace(/ /g, '-')}, ${dashedSsn(pastedSsn)}, ${printedIban(pastedIban)}`)
    await customer.keyboard.type('pasted ')
    await customer.keyboard.press('Control+V')
    const pasted = `pasted Visa •••• ${pastedCard.slice(-4)}, •••-••-${pastedSsn.slice(-4)}, DE •••• ${pastedIban.slice(-4)}`
    await customer.waitForFunction((value) => (document.querySelector('#message') as HTMLInputElement).value === value, pasted)
    await customer.evaluate(() => navigator.clipboard.writeText(''))
    await enter(customer)
    await lastEntry(agent, pasted)
    // A password manager: the value set, then an input event without a key.
    await customer.evaluate((value) => {
      const input = document.querySelector('#message') as HTMLInputElement
      input.value = value
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }, `${filledCard} and IBAN ${printedIban(iban)}, SSN ${dashedSsn(filledSsn)}`)
    const filled = `Visa •••• ${filledCard.slice(-4)} and IBAN DE •••• ${iban.slice(-4)}, SSN •••-••-${filledSsn.slice(-4)}`
    expect(await customer.locator('#message').inputValue()).to.equal(filled)
    await enter(customer)
    await lastEntry(agent, filled)
  })

  it('pasted back by the agent: the agent console masks it too', async () => {
    await agent.bringToFront()
    await agent.locator('#message').fill(`confirming card ${agentCard}`)
    expect(await enter(agent)).to.equal(`confirming card Visa •••• ${agentCard.slice(-4)}`)
    expect(await agent.locator('#composer-notice').innerText()).to.match(/^Hidden for your safety/)
    await enter(agent)
    await lastEntry(customer, `confirming card Visa •••• ${agentCard.slice(-4)}`)
  })

  it('look-alikes are sent unchanged', async () => {
    await customer.bringToFront()
    for (const message of ['Order #123-4567890-1234567 from 2026-01-15', 'call me at +1 (555) 123-4567', 'tracking 9400 1000 0000 0000 0000 00', 'I paid $1,234.56 on 15/01/2026']) {
      await customer.locator('#message').fill(message)
      expect(await enter(customer)).to.equal('')
      await lastEntry(agent, message)
    }
  })

  it('a client without the guard: the chat server masks the number before storing or relaying it, and counts it in the audit log', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${PORT}/ws`, { origin: `http://localhost:${PORT}` })
    try {
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
      socket.send(JSON.stringify({ type: 'hello', role: 'customer', conversation: CONVERSATION }))
      socket.send(JSON.stringify({ type: 'say', text: `raw ${spaced(rawCard)}` }))
      await lastEntry(agent, `raw Visa •••• ${rawCard.slice(-4)}`)
    } finally {
      // An open socket would keep the demo server from stopping.
      socket.close()
    }
    await agent.locator('#audit .audit.redacted', { hasText: 'card 1' }).waitFor()
    const entries = readFileSync(join(demo.dataDir, 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; actor?: string; detail?: Record<string, string> })
    expect(entries.filter((e) => e.event === 'redacted')).to.deep.equal([
      { ...entries.find((e) => e.event === 'redacted'), actor: 'customer', detail: { card: '1', ssn: '0', iban: '0' } },
    ])
    expect((await verifyAuditLog(join(demo.dataDir, 'audit.log'))).ok).to.equal(true)
  })

  it('the digits are nowhere: pages, a fresh transcript, server output, SQLite file, audit log', async () => {
    // The server's transcript, as a page that joins now receives it.
    const late = await context.newPage()
    await late.goto(`http://localhost:${PORT}/agent?c=${CONVERSATION}`)
    await late.locator('#transcript .entry.text', { hasText: 'raw Visa' }).waitFor()
    const places: Record<string, string> = {
      'customer page': await customer.evaluate(() => document.documentElement.outerHTML),
      'agent page': await agent.evaluate(() => document.documentElement.outerHTML),
      'transcript sent to a new page': await late.evaluate(() => document.querySelector('#transcript')!.textContent ?? ''),
      'server output': demo.output(),
    }
    for (const file of readdirSync(demo.dataDir)) places[`data/${file}`] = readFileSync(join(demo.dataDir, file), 'latin1')
    expect(Object.keys(places)).to.include.members(['data/audit.log', 'data/envelopes.sqlite'])
    for (const canary of canaries) {
      const pattern = canaryPattern(canary.slice(0, 12))
      for (const [where, text] of Object.entries(places)) expect(pattern.test(text), `digits of a canary in ${where}`).to.equal(false)
    }
  })
})
