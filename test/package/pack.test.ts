/**
 * The package as a chat vendor gets it (run after `npm run build`): `npm pack`, then a fresh Vite
 * app in a temporary folder — a plain TypeScript customer page, the same in React with a raw tag in
 * JSX, an agent console, Preact JSX and Node imports type-checked — installs the tarball (the other
 * dependencies from the npm cache where it can, at the versions this project uses), type-checks,
 * builds, runs `npx secure-fields serve` from that install (no `--dir`) beside `vite preview`, and
 * seals a card in Chromium on both customer pages; the envelope opens with the key made by the
 * installed CLI. Along the way: no native module came with the package, the store says which
 * driver to install, the customer bundles hold no agent code and the agent bundle no customer code,
 * and `secure-fields integrity` hashes the loader as it is served.
 */
import { expect } from 'chai'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/playwright.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FIXTURE = join(ROOT, 'test', 'package', 'vendor-app')
const APP_PORT = Number(process.env.SF_E2E_PORT ?? 5673) + 10
const FRAME_PORT = APP_PORT + 1
const CONTEXT = 'conversation-pack'
const CARD = '4242424242424242'

/** Runs a command in `cwd`; fails with its output unless it exits 0. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 600_000 })
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`.slice(-6000))
  return r.stdout
}

/**
 * Starts a long-running command in a process group of its own (npx runs it as a child: the group
 * is what to stop); resolves once its output matches `ready`.
 */
function start(command: string, args: string[], cwd: string, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} did not start:\n${output}`)), 60_000)
    const onData = (d: Buffer) => {
      output += d
      if (ready.test(output)) {
        clearTimeout(timer)
        resolve({ child, output: () => output })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))
    })
  })
}

/** Every file under `dir`, relative paths. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path, base) : [path.slice(base.length + 1)]
  })
}

describe('the packed package in a fresh Vite app (plain TypeScript and React)', function () {
  this.timeout(900_000)
  let work: string
  let app: string
  const servers: ChildProcess[] = []
  let browser: Browser | undefined
  const npx = (args: string[], env: NodeJS.ProcessEnv = {}) => run('npx', ['--no-install', ...args], app, env)

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'sf-pack-'))
    // npm pack: exactly what the registry would get (package.json `files`).
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string }>
    const tarball = join(work, packed[0]!.filename)
    app = join(work, 'app')
    cpSync(FIXTURE, app, { recursive: true })
    // The app's other dependencies at this project's own versions: the npm cache has them.
    const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    const template = readFileSync(join(app, 'package.template.json'), 'utf8')
    writeFileSync(join(app, 'package.json'), template.replace('%TARBALL%', tarball).replace(/%([@a-z/-]+)%/g, (_, name: string) => ours.devDependencies[name]!))
    rmSync(join(app, 'package.template.json'))
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app)
  })

  after(async () => {
    await browser?.close()
    const exited = servers.map((s) => (s.exitCode === null ? new Promise((r) => s.once('exit', r)) : undefined))
    for (const s of servers) if (s.pid) process.kill(-s.pid, 'SIGTERM')
    await Promise.all(exited)
    rmSync(work, { recursive: true, force: true })
  })

  it('installs without any native module, and without the server drivers', () => {
    const tree = JSON.parse(run('npm', ['ls', '--all', '--json'], app)) as { dependencies: Record<string, { dependencies?: Record<string, unknown> }> }
    const names = new Set<string>()
    const collect = (deps: Record<string, { dependencies?: Record<string, unknown> }> | undefined) => {
      for (const [name, node] of Object.entries(deps ?? {})) {
        if (names.has(name)) continue
        names.add(name)
        collect(node.dependencies as never)
      }
    }
    collect(tree.dependencies['secure-fields']!.dependencies as never)
    expect([...names]).to.include('lit')
    expect(existsSync(join(app, 'node_modules', 'better-sqlite3'))).to.equal(false)
    expect(existsSync(join(app, 'node_modules', 'ioredis'))).to.equal(false)
    // Nothing secure-fields brought in builds or ships a native addon.
    // (Optional peers not installed are listed by npm too: only what is on disk counts.)
    const installed = [join(app, 'node_modules', 'secure-fields'), ...[...names].map((n) => join(app, 'node_modules', n))].filter((dir) => existsSync(dir))
    const native = installed.flatMap((dir) =>
      walk(dir)
        .filter((f) => f.endsWith('.node') || f.endsWith('binding.gyp'))
        .map((f) => join(dir, f)),
    )
    expect(native).to.deep.equal([])
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'secure-fields', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(Object.keys(manifest.dependencies)).not.to.include.members(['better-sqlite3', 'ioredis'])
  })

  it('the Node side loads without the drivers and says which one to install', () => {
    const out = run(
      process.execPath,
      ['--input-type=module', '-e', "const { openSqliteStore } = await import('secure-fields/node'); try { await openSqliteStore({ file: ':memory:' }) } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })) }"],
      app,
    )
    const { code, message } = JSON.parse(out) as { code: string; message: string }
    expect(code).to.equal('ERR_STORE_UNAVAILABLE')
    expect(message).to.include('npm install better-sqlite3')
  })

  it('type-checks the pages, the JSX of both frameworks and the Node imports', () => {
    npx(['tsc', '-p', 'tsconfig.json'])
  })

  it('builds; the customer bundles carry no agent code, the agent bundle no customer code', () => {
    npx(['vite', 'build', '--logLevel', 'warn'])
    const assets = join(app, 'dist', 'assets')
    const chunkOf = (page: string) => {
      const html = readFileSync(join(app, 'dist', `${page}.html`), 'utf8')
      const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
      expect(files.length, page).to.be.above(0)
      return files.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n')
    }
    for (const page of ['index', 'react']) {
      const code = chunkOf(page)
      expect(code, page).to.include('secure-card-input')
      expect(code, page).not.to.include('secure-reveal')
      expect(code, page).not.to.include('ERR_ALREADY_REVEALED')
    }
    const agent = chunkOf('agent')
    expect(agent).to.include('secure-reveal')
    expect(agent).not.to.include('secure-card-input')
    expect(agent).not.to.include('consent-gate')
  })

  it('serves its frames with `npx secure-fields serve` from the install, and seals a card on both pages', async () => {
    npx(['secure-fields', 'keygen', '--out', 'keys'])
    const publicJwk = readFileSync(join(app, 'keys', 'public.jwk.json'), 'utf8')
    const origin = `http://localhost:${APP_PORT}`
    const frames = await start('npx', ['--no-install', 'secure-fields', 'serve', '--port', String(FRAME_PORT), '--allow-parent', origin, '--pin-key', 'keys/public.jwk.json', ], app, /listening on/)
    servers.push(frames.child)
    expect(frames.output()).to.include(join('node_modules', 'secure-fields', 'dist', 'frame'))
    const preview = await start('npx', ['--no-install', 'vite', 'preview', '--port', String(APP_PORT), '--strictPort', '--host', '127.0.0.1'], app, new RegExp(`${APP_PORT}`))
    servers.push(preview.child)

    // The loader's published hash is the hash of what is served.
    const integrity = npx(['secure-fields', 'integrity', '--json'])
    const served = Buffer.from(await (await fetch(`http://127.0.0.1:${FRAME_PORT}/secure-fields.js`, { headers: { Origin: origin } })).arrayBuffer())
    expect((JSON.parse(integrity) as Record<string, string>)['secure-fields.js']).to.equal(`sha384-${createHash('sha384').update(served).digest('base64')}`)

    browser = await launchChromium()
    const query = new URLSearchParams({ frames: `http://fields.localhost:${FRAME_PORT}/`, key: publicJwk, context: CONTEXT })
    for (const page of ['index', 'react']) {
      const tab: Page = await browser.newPage()
      const errors: string[] = []
      const console: string[] = []
      tab.on('pageerror', (e) => errors.push(e.message))
      tab.on('console', (m) => console.push(`${m.type()}: ${m.text()}`))
      await tab.goto(`${origin}/${page === 'index' ? '' : 'react.html'}?${query}`)
      await tab
        .waitForFunction(() => (document.querySelector('secure-card-input') as unknown as { isReady?: boolean } | null)?.isReady === true)
        .catch(async (e: Error) => {
          const src = await tab.evaluate(() => document.querySelector('secure-card-input')?.shadowRoot?.querySelector('iframe')?.src)
          throw new Error(`${page}: ${e.message}\niframe: ${src}\nerrors: ${errors.join('\n')}\nconsole: ${console.join('\n')}\nframes: ${frames.output().slice(-2000)}`)
        })
      const card = tab.frameLocator('secure-card-input iframe')
      await card.locator('input[autocomplete="cc-number"]').click()
      await tab.keyboard.type(CARD)
      await tab.keyboard.type('1130')
      await tab.keyboard.type('321')
      await tab.locator('#send:not([disabled])').click()
      await tab.locator('#envelope', { hasText: /^(ey|error)/ }).waitFor()
      const envelope = (await tab.locator('#envelope').innerText()).trim()
      expect(envelope, `${page}: ${console.join('\n')}`).to.match(/^ey/)
      const opened = spawnSync('npx', ['--no-install', 'secure-fields', 'open', '--key', 'keys/private.jwk.json', '--context', CONTEXT], { cwd: app, input: envelope, encoding: 'utf8' })
      expect(opened.status, opened.stderr).to.equal(0)
      expect((JSON.parse(opened.stdout) as { number: string }).number, page).to.equal(CARD)
      expect(errors, page).to.deep.equal([])
      await tab.close()
    }
  })
})

