/**
 * The demo, in one Node process: the chat server (WebSocket), the customer page and the agent
 * console on http://localhost:5173, the frame origin on http://fields.localhost:5174, the SQLite
 * envelope store and the audit log under ./data. `npm start` runs this.
 *
 * @module
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startFrameServer } from '../../src/node/frame-server/server.js'
import { openSqliteStore } from '../../src/node/store/index.js'
import { openAuditLog } from '../../src/node/audit/index.js'
import { createChat } from './chat.js'
import { startApp } from './app.js'
import { createBackOffice } from './back-office.js'

const port = Number(process.env.DEMO_PORT ?? 5173)
const framePort = Number(process.env.DEMO_FRAME_PORT ?? 5174)
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? 'data')
const frameDir = resolve(process.env.SF_FRAME_OUT ?? 'dist/frame')
const log = (line: string) => console.log(`[demo] ${line}`)

mkdirSync(dataDir, { recursive: true })
const store = await openSqliteStore({ file: join(dataDir, 'envelopes.sqlite') })
const audit = await openAuditLog(join(dataDir, 'audit.log'))
// The back office's post-quantum key; every card is sealed to it beside the agent's desk.
const backOffice = await createBackOffice()
const frames = await startFrameServer({
  port: framePort,
  dir: frameDir,
  allowParents: [`http://localhost:${port}`],
  // Pinning is on from the start: only the back office and desk keys enrolled in this demo.
  pinnedKeys: [backOffice.publicJwk.kid!],
  requireConsent: ['card', 'ssn'],
  // An SSN stays valid for a lifetime: seal it to post-quantum keys only.
  requirePq: ['ssn'],
  log: process.env.DEMO_VERBOSE ? (line) => log(`frame origin ${line}`) : undefined,
})
const frameBase = `http://fields.localhost:${frames.port}/`
const chat = createChat({ store, audit, pinDeskKey: (kid) => frames.pinKey(kid), backOffice, log })
const app = await startApp({ port, frameBase, onSocket: (socket) => chat.connect(socket) })

// Expired envelopes leave the store; each sweep is logged (counts only).
const sweeper = setInterval(async () => {
  const removed = await store.sweep()
  if (removed) log(`swept ${removed} expired envelope(s)`)
}, 30_000)

log(`customer page  http://localhost:${port}/`)
log(`agent console  http://localhost:${port}/agent`)
log(`frame origin   ${frameBase}`)
log(`data           ${dataDir}`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  clearInterval(sweeper)
  await new Promise<void>((r) => {
    app.close(() => r())
    app.closeAllConnections()
  })
  await frames.close()
  await store.close()
  await audit.close()
  log('stopped')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
