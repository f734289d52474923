/**
 * Demo mode on the frame origin: only `startFrameServer({ demo: true })` (what the Storybook
 * script runs) publishes `demo: true` in the policy; by default it is off, and the
 * `secure-fields serve` CLI has no way to turn it on.
 */
import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFrameServer } from '../../src/node/frame-server/server.js'

const BIN = fileURLToPath(new URL('../../bin/secure-fields.mjs', import.meta.url))

describe('frame server: demo mode', function () {
  this.timeout(30000)
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-demo-policy-'))
    writeFileSync(join(dir, 'card.html'), '<!doctype html><html><head></head><body></body></html>')
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  for (const demo of [undefined, false, true]) {
    it(`demo: ${demo} → the policy ${demo ? 'says' : 'does not say'} demo, in policy.json and in every page`, async () => {
      const server = await startFrameServer({ port: 0, dir, allowParents: ['http://localhost:1'], ...(demo === undefined ? {} : { demo }) })
      try {
        const policy = (await (await fetch(`${server.url}/policy.json`)).json()) as Record<string, unknown>
        const page = await (await fetch(`${server.url}/card.html`)).text()
        if (demo) {
          expect(policy.demo).to.equal(true)
          expect(page).to.contain('&quot;demo&quot;:true')
        } else {
          expect(policy).to.not.have.property('demo')
          expect(page).to.not.contain('demo')
        }
      } finally {
        await server.close()
      }
    })
  }

  it('`secure-fields serve` has no demo option', () => {
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' })
    expect(help.stdout).to.contain('--allow-parent')
    expect(help.stdout.toLowerCase()).to.not.contain('demo')
    const tried = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--allow-parent', 'http://localhost:1', '--dir', dir, '--demo'], { encoding: 'utf8', timeout: 10000 })
    expect(tried.status).to.not.equal(0)
    expect(tried.stderr).to.match(/unknown option/i)
  })
})
