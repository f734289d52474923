/**
 * `npm run bench:elements`: the elements in headless Chromium, one run — loader and frame bytes,
 * element connected → frame ready (median and p95 over 50 loads), keystroke → host
 * `secure-change` (p95), and 20 fields on one page → all ready. Figures are printed, never asserted.
 */
import { createServer } from 'node:http'
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startFrameServer } from '../src/node/frame-server/server.js'
import { generateKeyPair } from '../src/crypto/index.js'
import { chromeArgs, chromePath } from '../scripts/chrome.mjs'
import { table } from './measure.js'

const HOST_PORT = Number(process.env.BENCH_HOST_PORT ?? 5373)
const FRAME_PORT = Number(process.env.BENCH_FRAME_PORT ?? 5374)
const dir = process.env.SF_FRAME_OUT ?? 'dist/frame'
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length

/** What a card frame loads before it can boot: its page, its entry chunk and its stylesheet. */
function frameBytes(): { js: number; css: number; html: number } {
  const html = readFileSync(join(dir, 'card.html'), 'utf8')
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => join(dir, m[1]!))
  const sum = (ext: string) => assets.filter((a) => a.endsWith(ext)).reduce((n, a) => n + gz(a), 0)
  return { js: sum('.js'), css: sum('.css'), html: gzipSync(html).length }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const { publicJwk } = await generateKeyPair()
const frames = await startFrameServer({ port: FRAME_PORT, dir, allowParents: [`http://localhost:${HOST_PORT}`], pinnedKeys: [publicJwk.kid!] })
const frameBase = `http://fields.localhost:${frames.port}/`
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="${frameBase}secure-fields.js"></script></head><body><main id="root"></main></body></html>`
const host = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page))
await new Promise<void>((r) => host.listen(HOST_PORT, '127.0.0.1', () => r()))

const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs.filter((a: string) => a !== '--headless=new'), headless: true })
try {
  const tab = await browser.newPage()
  await tab.goto(`http://localhost:${HOST_PORT}/`)
  await tab.waitForFunction(() => customElements.get('secure-card-input') !== undefined)
  const setup = { frameBase, key: JSON.stringify(publicJwk) }

  // Element connected → frame ready, 50 times (the first one cold: nothing cached yet). With
  // `keep`, one field stays on the page meanwhile, as in a chat that already shows a field: the
  // browser then reuses the frame origin's renderer process instead of starting one per load.
  const measureLoads = (keep: boolean): Promise<number[]> => tab.evaluate(async ({ frameBase, key, keep }) => {
    if (keep) {
      const resident = document.createElement('secure-card-input')
      resident.setAttribute('frame-origin', frameBase)
      resident.setAttribute('public-key', key)
      resident.setAttribute('context', 'bench')
      resident.id = 'resident'
      const ready = new Promise((r) => resident.addEventListener('secure-ready', r, { once: true }))
      document.body.append(resident)
      await ready
    }
    const times: number[] = []
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('secure-card-input')
      el.setAttribute('frame-origin', frameBase)
      el.setAttribute('public-key', key)
      el.setAttribute('context', 'bench')
      const ready = new Promise((r) => el.addEventListener('secure-ready', r, { once: true }))
      const t0 = performance.now()
      document.getElementById('root')!.append(el)
      await ready
      times.push(performance.now() - t0)
      el.remove()
    }
    document.getElementById('resident')?.remove()
    return times
  }, { ...setup, keep })
  const loads = await measureLoads(false)
  const loadsWarm = await measureLoads(true)

  // Keystroke → secure-change: alternate a digit and Backspace so every key changes the state.
  await tab.evaluate(async ({ frameBase, key }) => {
    const el = document.createElement('secure-card-input')
    el.setAttribute('frame-origin', frameBase)
    el.setAttribute('public-key', key)
    el.setAttribute('context', 'bench')
    ;(window as unknown as { changes: number[] }).changes = []
    el.addEventListener('secure-change', () => (window as unknown as { changes: number[] }).changes.push(performance.timeOrigin + performance.now()))
    const ready = new Promise((r) => el.addEventListener('secure-ready', r, { once: true }))
    document.getElementById('root')!.append(el)
    await ready
    const focused = new Promise((r) => el.addEventListener('secure-focus', r, { once: true }))
    ;(el as HTMLElement).focus()
    await focused
  }, setup)
  await tab.waitForTimeout(300)
  const keystrokes: number[] = []
  for (let i = 0; i < 60; i++) {
    const before = await tab.evaluate(() => (window as unknown as { changes: number[] }).changes.length)
    const t0 = performance.timeOrigin + performance.now()
    await tab.keyboard.press(i % 2 === 0 ? '4' : 'Backspace')
    await tab.waitForFunction((n) => (window as unknown as { changes: number[] }).changes.length > n, before, { polling: 'raf' })
    const t1 = await tab.evaluate((n) => (window as unknown as { changes: number[] }).changes[n]!, before)
    if (i >= 10) keystrokes.push(t1 - t0) // the first ones warm up the path
  }

  // 20 fields at once → all ready.
  const twenty = await tab.evaluate(async ({ frameBase, key }) => {
    document.getElementById('root')!.replaceChildren()
    const t0 = performance.now()
    const all: Promise<unknown>[] = []
    for (let i = 0; i < 20; i++) {
      const el = document.createElement('secure-card-input')
      el.setAttribute('frame-origin', frameBase)
      el.setAttribute('public-key', key)
      el.setAttribute('context', 'bench')
      all.push(new Promise((r) => el.addEventListener('secure-ready', r, { once: true })))
      document.getElementById('root')!.append(el)
    }
    await Promise.all(all)
    return performance.now() - t0
  }, setup)

  const loader = gz(join(dir, 'secure-fields.js'))
  const frame = frameBytes()
  const locales = readdirSync(join(dir, 'assets')).filter((f) => /^(es|fr|de|ar)-.*\.js$/.test(f))
  const warm = loads.slice(1)
  console.log(`\nElements in headless Chromium ${browser.version()} (frames from ${frameBase})\n`)
  table(
    ['measure', 'value', 'goal'],
    [
      ['host loader (secure-fields.js, Lit included), min+gz', kb(loader), '≤ 12.5 KB'],
      ['card frame app (entry JS + CSS), min+gz', kb(frame.js + frame.css), '≤ 28.5 KB'],
      ['  of which JS / CSS / page', `${kb(frame.js)} / ${kb(frame.css)} / ${kb(frame.html)}`, ''],
      ['  one extra locale, loaded on demand', locales.length ? `${kb(Math.max(...locales.map((f) => gz(join(dir, 'assets', f)))))} max` : 'n/a', ''],
      ['connected → ready, first (cold)', `${loads[0]!.toFixed(1)} ms`, ''],
      ['connected → ready, median of 49 warm', `${percentile(warm, 50).toFixed(1)} ms`, '≤ 50 ms'],
      ['connected → ready, p95 of 49 warm', `${percentile(warm, 95).toFixed(1)} ms`, ''],
      ['  …another field already on the page, median', `${percentile(loadsWarm, 50).toFixed(1)} ms`, '≤ 50 ms'],
      ['  …another field already on the page, p95', `${percentile(loadsWarm, 95).toFixed(1)} ms`, ''],
      ['keystroke → secure-change, median', `${percentile(keystrokes, 50).toFixed(1)} ms`, ''],
      ['keystroke → secure-change, p95', `${percentile(keystrokes, 95).toFixed(1)} ms`, '≤ 16 ms'],
      ['20 fields on one page → all ready', `${twenty.toFixed(1)} ms`, ''],
    ],
  )
  console.log('\n(keystroke times run from the DevTools key dispatch to the host event, on one clock)')
} finally {
  await browser.close()
  await frames.close()
  host.close()
}
