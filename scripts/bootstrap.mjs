#!/usr/bin/env node
// The one entry point of `npm start`, `npm test` and `npm run bench*` on a fresh machine: checks
// Node, installs the npm dependencies when the lock file changed, makes sure the system tools the
// command needs exist (Chromium, redis-server) — installing them from Debian's packages where it
// can — and then runs the command. Node built-ins only: nothing is installed yet when this starts.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureTool } from './tools.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [command = 'test', ...rest] = process.argv.slice(2)

const tasks = {
  start: { tools: ['chromium'], run: ['scripts/start.mjs'] },
  test: { tools: ['chromium', 'redis-server'], run: ['scripts/test.mjs'] },
  bench: { tools: ['chromium'], run: ['scripts/bench.mjs'] },
  'bench:crypto': { tools: [], run: ['scripts/bench.mjs', 'crypto'] },
  'bench:elements': { tools: ['chromium'], run: ['scripts/bench.mjs', 'elements'] },
  'bench:card-entry': { tools: [], run: ['scripts/bench.mjs', 'card-entry'] },
  'bench:wire': { tools: [], run: ['scripts/bench.mjs', 'wire'] },
  'bench:redact': { tools: [], run: ['scripts/bench.mjs', 'redact'] },
}

function fail(message) {
  console.error(`\n✖ ${message}\n`)
  process.exit(1)
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node.js ${process.versions.node} is too old: install Node.js 20.19 or newer (https://nodejs.org) and run this again.`)
  }
}

function installDependencies() {
  const lock = join(root, 'package-lock.json')
  const stamp = join(root, 'node_modules', '.secure-fields-install')
  const digest = createHash('sha256').update(readFileSync(lock)).update(readFileSync(join(root, 'package.json'))).digest('hex')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return
  console.log('› Installing npm dependencies (npm ci)…')
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) fail('npm ci failed: check your network access to the npm registry, then run this again.')
  writeFileSync(stamp, digest)
}

const task = tasks[command]
if (!task) fail(`unknown command "${command}": use one of ${Object.keys(tasks).join(', ')}`)
checkNode()
installDependencies()
for (const tool of task.tools) {
  const found = ensureTool(tool)
  if (!found.ok) fail(found.message)
  if (tool === 'chromium') process.env.CHROME_PATH = found.path
  if (tool === 'redis-server') process.env.REDIS_SERVER_PATH = found.path
}
const result = spawnSync(process.execPath, [...task.run, ...rest], { cwd: root, stdio: 'inherit', env: process.env })
process.exit(result.status ?? 1)
