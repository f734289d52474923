#!/usr/bin/env node
// `npm start` (through scripts/bootstrap.mjs): builds the frames when they are missing or older
// than their sources, then runs the demo — chat server, customer page and agent console on
// http://localhost:5173, frame origin on http://fields.localhost:5174, store and audit log in ./data.
import { spawn } from 'node:child_process'
import { ensureFrames } from './frames.mjs'

ensureFrames()
const demo = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal))
demo.on('exit', (code) => process.exit(code ?? 0))
