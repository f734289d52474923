#!/usr/bin/env node
// `npm test`: type check, Node tests, browser tests in headless Chromium; ends with one plain line
// `N passed, N failed` and a non-zero exit on any failure. Run through scripts/bootstrap.mjs,
// which installs what is missing first.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const tmp = mkdtempSync(join(tmpdir(), 'sf-test-'))
const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSteps = []

function bin(name) {
  return join('node_modules', '.bin', name)
}

/** Runs a step whose outcome is one check (type check, build). */
function check(name, cmd, args) {
  console.log(`\n━━ ${name}`)
  const ok = spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0
  ok ? totals.passed++ : (totals.failed++, failedSteps.push(name))
  return ok
}

/** Runs a test step whose reporter writes its counts to SF_RESULT_FILE. */
function suite(name, cmd, args) {
  console.log(`\n━━ ${name}`)
  const file = join(tmp, `${name.replace(/\W+/g, '-')}.json`)
  const status = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, SF_RESULT_FILE: file } }).status
  let counts
  try {
    counts = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 } // the runner died before reporting
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1 // a non-zero exit is a failure, whatever was counted
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  if (counts.failed) failedSteps.push(name)
  console.log(`   ${name}: ${counts.passed} passed, ${counts.failed} failed`)
}

const started = Date.now()
check('type check', bin('tsc'), ['-p', 'tsconfig.json'])
check('build frames', process.execPath, ['scripts/build.mjs', 'frames'])
suite('node tests', bin('mocha'), ['--reporter', './test/support/mocha-count-reporter.cjs', 'test/{crypto,validate,protocol,node,e2e}/**/*.test.ts'])
check('build package', process.execPath, ['scripts/build.mjs', 'lib'])
check('size budgets', bin('size-limit'), [])
// The built package as a vendor gets it: entry points against their types, then `npm pack` into a
// fresh Vite app (npm install from the cache where it can), type-checked, built, served with
// `npx secure-fields serve` and sealing a card in Chromium (ports SF_E2E_PORT + 10 and + 11).
suite('package', bin('mocha'), ['--reporter', './test/support/mocha-count-reporter.cjs', 'test/package/**/*.test.ts'])
suite('browser tests', bin('wtr'), ['--config', 'web-test-runner.config.mjs'])
// Builds the static Storybook (scripts/storybook.mjs) and loads every story on the real frames,
// with axe on the page and inside each frame (ports 6106 and 6107).
suite('storybook', bin('mocha'), ['--reporter', './test/support/mocha-count-reporter.cjs', 'test/storybook/**/*.test.ts'])

rmSync(tmp, { recursive: true, force: true })
console.log(`\n${failedSteps.length ? `Failed: ${failedSteps.join(', ')}\n` : ''}Took ${Math.round((Date.now() - started) / 1000)} s.`)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed ? 1 : 0)
