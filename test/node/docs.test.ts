/**
 * The docs say what the code does: the pages that show how to load an element load the right
 * loader; the deployment page lists every loader the build makes; and what `open` resolves with is
 * what the docs say. (Error codes: errors.test.ts; CLI exit codes: cli-exit-codes.test.ts.)
 */
import { expect } from 'chai'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateKeyPair, open, seal } from '../../src/crypto/index.js'
import { packageFrameDir } from '../../src/node/frame-server/frames-dir.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const read = (path: string) => readFileSync(path, 'utf8')

describe('docs match behaviour', () => {
  it('the reveal page loads the agent loader (the customer loader does not define <secure-reveal>)', () => {
    const page = read(join(ROOT, 'docs', 'elements', 'secure-reveal.md'))
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!)
    expect(scripts.length).to.be.above(0)
    for (const src of scripts) expect(src).to.match(/secure-fields-agent\.js$/)
    for (const page of ['secure-card-input', 'secure-ssn-input', 'secure-text-input', 'consent-gate']) {
      for (const m of read(join(ROOT, 'docs', 'elements', `${page}.md`)).matchAll(/<script[^>]*src="([^"]+)"/g)) expect(m[1], page).to.match(/\/secure-fields\.js$/)
    }
  })

  it("the deployment page's table lists every loader the build makes, and the frame pages", () => {
    const page = read(join(ROOT, 'docs', 'deploy-frame-origin.md'))
    const section = page.slice(page.indexOf('## What to serve'), page.indexOf('\n## ', page.indexOf('## What to serve') + 1))
    // The first cell of each row of the table: the paths it covers.
    const listed = [...section.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((c) => c[1]!))
    const built = readdirSync(packageFrameDir())
    const loaders = built.filter((f) => /^secure-fields.*\.js$/.test(f))
    expect(loaders).to.have.length.above(1)
    for (const file of [...loaders, ...built.filter((f) => f.endsWith('.html'))]) expect(listed, file).to.include(file)
  })

  it('open resolves with { plaintext, claims }, as the envelope page says', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair()
    const opened = await open(await seal('x', publicJwk, { kind: 'text', context: 'c' }), privateJwk, { context: 'c' })
    expect(Object.keys(opened).sort()).to.deep.equal(['claims', 'plaintext'])
    expect(opened.plaintext).to.be.instanceOf(Uint8Array)
    expect(read(join(ROOT, 'docs', 'envelope.md'))).to.include('`{ plaintext, claims }`')
  })
})
