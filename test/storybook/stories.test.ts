/**
 * Every story of the static Storybook, on the real frames: builds Storybook with
 * scripts/storybook.mjs (as `npm run build-storybook` does), serves storybook-static/ on
 * http://localhost:6106 beside its demo frame origin on http://fields.localhost:6107, and loads
 * each story of index.json in Chromium (playwright-core). A story passes when every element in it
 * is ready — or reports exactly the `secure-error` its story expects (`data-expect-error`) — and
 * shows the validation code its story names (`data-expect-code`), its play function finished, no
 * page error and no other `secure-error` occurred, and axe finds no WCAG 2.x A/AA violation on
 * the host page and inside every frame.
 *
 * Axe inside the frames: the frames keep their strict CSP and Trusted Types (no bypass). Axe's
 * source is evaluated in each frame's own context through the DevTools protocol (Playwright's
 * `frame.evaluate`), which the page's CSP does not govern, and run there.
 */
import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, Frame, Page } from 'playwright-core'
import { buildStatic, serveBuilt, STATIC_DIR } from '../../scripts/storybook.mjs'
import { launchChromium } from '../support/playwright.js'

interface Entry {
  id: string
  title: string
  name: string
  type: 'story' | 'docs'
}

interface Outcome {
  elements: number
  waiting: string[]
  unexpected: string[]
  errorDisplay: string | null
  pageErrors: string[]
  host: string[]
  frames: string[]
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'], iframes: false }
/** Pages loading stories at once (two cores: two pages keep the step well under three minutes). */
const CONCURRENCY = 2
const SETTLE_MS = 20_000

// The build runs when this file loads, so the stories (from its index.json) become tests.
await buildStatic()
const stories = (Object.values(JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8')).entries) as Entry[]).filter((e) => e.type === 'story')

/** Runs in the story's page: waits until every element settled; reports what did not. */
async function settle(timeout: number) {
  const SELECTOR = 'secure-card-input, secure-ssn-input, secure-text-input, consent-gate, secure-reveal'
  type El = HTMLElement & { isReady?: boolean; state?: { code?: string }; __sfErrors?: string[] }
  const root = document.getElementById('storybook-root')!
  const elements = () => [...root.querySelectorAll<El>(SELECTOR)]
  const waitingFor = () => {
    const waiting: string[] = []
    for (const el of elements()) {
      const expectError = el.dataset.expectError
      if (expectError) {
        if (!(el.__sfErrors ?? []).includes(expectError)) waiting.push(`${el.localName}: no ${expectError}`)
      } else if (!el.isReady) waiting.push(`${el.localName}: not ready`)
      else if (el.dataset.expectCode && el.state?.code !== el.dataset.expectCode) waiting.push(`${el.localName}: code ${el.state?.code} instead of ${el.dataset.expectCode}`)
    }
    const phase = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase
    if (phase !== 'finished') waiting.push(`render phase ${phase}`)
    if (root.querySelector('[data-sealable]') && !root.querySelector('[data-sealed]')) waiting.push('not sealed')
    return waiting
  }
  const deadline = Date.now() + timeout
  let waiting = waitingFor()
  while (waiting.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
    waiting = waitingFor()
  }
  const unexpected = elements().flatMap((el) => (el.__sfErrors ?? []).filter((c) => c !== el.dataset.expectError).map((c) => `${el.localName}: ${c}`))
  const errorDisplay = document.body.classList.contains('sb-show-errordisplay') ? (document.getElementById('error-message')?.textContent ?? 'error') : null
  return { elements: elements().length, waiting, unexpected, errorDisplay }
}

/** Before any script of the page: every `secure-error` is recorded on the element it came from. */
function recordErrors() {
  document.addEventListener(
    'secure-error',
    (event) => {
      const el = event.composedPath()[0] as HTMLElement & { __sfErrors?: string[] }
      ;(el.__sfErrors ??= []).push((event as CustomEvent<{ code: string }>).detail.code)
    },
    true,
  )
}

type Violation = { id: string; impact: string; nodes: Array<{ target: unknown }> }
const describeViolations = (where: string, violations: Violation[]) =>
  violations.map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)

/**
 * Runs axe inside a frame. Frames are transparent: what shows behind their text is the host
 * page's background, which axe inside the frame cannot see. The frame's root gets that backdrop
 * (through the CSSOM, which its CSP allows) so color contrast is judged as the customer sees it.
 */
async function axeInFrame(frame: Frame): Promise<string[]> {
  const backdrop = await (await frame.frameElement()).evaluate((iframe) => {
    for (let node: Node | null = iframe; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      const color = node instanceof Element ? getComputedStyle(node).backgroundColor : ''
      if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color
    }
    return 'rgb(255, 255, 255)'
  })
  await frame.evaluate((color) => document.documentElement.style.setProperty('background-color', color), backdrop)
  await frame.evaluate(AXE)
  const violations = await frame.evaluate(async (options) => (await (window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(document, options)).violations, AXE_OPTIONS)
  return describeViolations(new URL(frame.url()).pathname, violations)
}

async function runStory(page: Page, baseUrl: string, id: string): Promise<Outcome> {
  const pageErrors: string[] = []
  const onError = (error: Error) => pageErrors.push(error.message)
  page.on('pageerror', onError)
  try {
    await page.goto(`${baseUrl}iframe.html?id=${encodeURIComponent(id)}&viewMode=story`)
    const settled = await page.evaluate(settle, SETTLE_MS)
    await page.addScriptTag({ content: AXE })
    const hostViolations = await page.evaluate(
      async (options) => (await (window as unknown as { axe: { run(c: string, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run('#storybook-root', options)).violations,
      AXE_OPTIONS,
    )
    const frames: string[] = []
    for (const frame of page.frames()) if (frame !== page.mainFrame() && frame.url().startsWith('http')) frames.push(...(await axeInFrame(frame)))
    return { ...settled, pageErrors, host: describeViolations('host', hostViolations), frames }
  } finally {
    page.off('pageerror', onError)
  }
}

describe('Storybook: every story on the real frames', function () {
  this.timeout(240_000)
  let browser: Browser
  let served: Awaited<ReturnType<typeof serveBuilt>>
  const outcomes = new Map<string, Outcome | Error>()

  before(async () => {
    served = await serveBuilt()
    browser = await launchChromium()
    const queue = [...stories]
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const context = await browser.newContext()
        // tsx keeps function names with an `__name` helper, which the page needs for `settle`.
        await context.addInitScript('globalThis.__name = (fn) => fn')
        await context.addInitScript(recordErrors)
        const page = await context.newPage()
        for (let story = queue.shift(); story; story = queue.shift()) {
          outcomes.set(story.id, await runStory(page, served.url, story.id).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))))
        }
        await context.close()
      }),
    )
  })

  after(async () => {
    await browser?.close()
    await served?.close()
  })

  it('has stories for every element in each of its states', () => {
    const names = (title: string) => stories.filter((s) => s.title === title).map((s) => s.name)
    const fields = ['secure-card-input', 'secure-ssn-input', 'secure-text-input/IBAN', 'secure-text-input/Account', 'secure-text-input/ID']
    for (const title of fields) {
      const list = names(`Elements/${title}`)
      for (const state of ['Empty', 'Typing', 'Complete', 'Sealed', 'Disabled', 'Refused By Policy']) expect(list, title).to.include(state)
      expect(list.filter((n) => n.startsWith('Invalid ')), title).to.have.length.greaterThan(2)
    }
    expect(names('Elements/consent-gate')).to.include.members(['Consent Pending', 'Consent Given'])
    expect(names('Elements/secure-reveal')).to.include.members(['Not Set Up', 'Counting Down'])
    expect(names('Themes')).to.include.members(['Presets', 'Reference'])
  })

  for (const story of stories) {
    it(`${story.title} › ${story.name}`, () => {
      const outcome = outcomes.get(story.id)
      if (outcome instanceof Error) throw outcome
      expect(outcome, 'not run').to.not.equal(undefined)
      const { elements, waiting, unexpected, errorDisplay, pageErrors, host, frames } = outcome!
      // Stories without a secure element: the themes reference table, and the composer guard (a plain chat box).
      const withoutElements = (story.title === 'Themes' && story.name === 'Reference') || story.title === 'Composer guard'
      if (!withoutElements) expect(elements, 'secure elements on the page').to.be.greaterThan(0)
      expect(waiting, 'did not settle').to.deep.equal([])
      expect(unexpected, 'unexpected secure-error').to.deep.equal([])
      expect(errorDisplay, 'Storybook error').to.equal(null)
      expect(pageErrors, 'page errors').to.deep.equal([])
      expect(host, 'axe on the host page').to.deep.equal([])
      expect(frames, 'axe inside the frames').to.deep.equal([])
    })
  }
})
