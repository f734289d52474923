#!/usr/bin/env node
// `npm start` (through scripts/bootstrap.mjs): builds the frames when they are missing or older
// than their sources, then runs the demo — chat server, customer page and agent console on
// http://localhost:5173, frame origin on http://fields.localhost:5174, store and audit log in ./data.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const built = 'dist/frame/secure-fields.js'
const stale = !existsSync(built) || ['src/frame', 'src/host', 'src/protocol', 'src/crypto', 'src/validate'].some((d) => newest(d) > statSync(built).mtimeMs)
if (stale) {
  console.log('› Building the frames…')
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'frames'], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const demo = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal))
demo.on('exit', (code) => process.exit(code ?? 0))
