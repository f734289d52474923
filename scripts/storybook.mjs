#!/usr/bin/env node
// Storybook on the real frames. Every story runs the real frame pages on a second origin, served
// by the frame origin server (src/node/frame-server) with a DEMO policy (`demo: true`: frames fill
// in the sample values stories give them; never in production) that allows the Storybook origin
// as a parent and pins one demo key generated here.
//
//   node scripts/storybook.mjs dev     `npm run storybook`: Storybook on http://localhost:6006,
//                                      frames on http://fields.localhost:6007
//   node scripts/storybook.mjs build   `npm run build-storybook`: static into storybook-static/,
//                                      for http://localhost:6106 with frames on
//                                      http://fields.localhost:6107 (baked in)
//   node scripts/storybook.mjs serve   serves storybook-static/ on 6106 and its frames on 6107
//
// The frame base URL and the demo keys reach the stories as STORYBOOK_SF_FRAME_BASE,
// STORYBOOK_SF_PUBLIC_KEY (pinned) and STORYBOOK_SF_UNPINNED_KEY (not pinned: the refusal
// stories). A static build records its public keys in storybook-static/sf-demo-keys.json, so
// `serve` pins the key that build baked in. Frames come from SF_FRAME_OUT (default dist/frame),
// built first when missing or older than the sources.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'
import { ensureFrames, frameDir } from './frames.mjs'

register()
const { CONTENT_TYPES, startFrameServer } = await import('../src/node/frame-server/server.ts')
const { generateKeyPair } = await import('../src/crypto/index.ts')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** The fixed ports: dev (6006, frames 6007) and the static build (6106, frames 6107). */
export const PORTS = { dev: { host: 6006, frames: 6007 }, static: { host: 6106, frames: 6107 } }

/** Where the static build goes, and the file that records its demo keys. */
export const STATIC_DIR = join(root, 'storybook-static')
const KEYS_FILE = 'sf-demo-keys.json'

const hostOrigin = (port) => `http://localhost:${port}`
const frameBase = (port) => `http://fields.localhost:${port}/`

function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (${result.status})`)
}

/** Builds the frames when they are missing or older than the sources, and the manifest. */
export function prepare() {
  ensureFrames(root)
  // custom-elements.json feeds the controls and autodocs (setCustomElementsManifest).
  run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'])
}

/**
 * A fresh demo key pair to pin, one not pinned (for the refusal stories), and a pinned
 * post-quantum key set (a desk and a back office, HPKE-9-KE) for the key-set stories.
 */
export async function demoKeys() {
  const pinned = await generateKeyPair()
  const unpinned = await generateKeyPair()
  const pqSet = await Promise.all([0, 1].map(() => generateKeyPair({ alg: 'HPKE-9-KE' })))
  return { publicJwk: pinned.publicJwk, unpinnedPublicJwk: unpinned.publicJwk, pqKeySet: pqSet.map((k) => k.publicJwk) }
}

/** The environment Storybook passes to the stories (`import.meta.env.STORYBOOK_SF_*`). */
function storybookEnv(framePort, keys) {
  return {
    ...process.env,
    STORYBOOK_SF_FRAME_BASE: frameBase(framePort),
    STORYBOOK_SF_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
    STORYBOOK_SF_UNPINNED_KEY: JSON.stringify(keys.unpinnedPublicJwk),
    STORYBOOK_SF_PQ_KEY_SET: JSON.stringify(keys.pqKeySet),
  }
}

/** The demo frame origin: the Storybook origin as parent, the demo key pinned, demo values on. */
export function startDemoFrames({ hostPort, framePort, keys, log }) {
  return startFrameServer({
    port: framePort,
    dir: frameDir(root),
    allowParents: [hostOrigin(hostPort)],
    pinnedKeys: [keys.publicJwk.kid, ...(keys.pqKeySet ?? []).map((k) => k.kid)],
    demo: true,
    ...(log ? { log } : {}),
  })
}

/** Builds the static Storybook for `ports` into `outDir`; resolves with the keys baked in. */
export async function buildStatic({ outDir = STATIC_DIR, ports = PORTS.static } = {}) {
  prepare()
  const keys = await demoKeys()
  run(bin('storybook'), ['build', '--quiet', '-o', outDir], storybookEnv(ports.frames, keys))
  writeFileSync(join(outDir, KEYS_FILE), JSON.stringify({ ...keys, ports }, null, 2))
  return keys
}

/** Serves a static folder on loopback (GET only, no traversal). */
export async function serveStatic(dir, port) {
  const base = resolve(dir)
  const server = createServer((req, res) => {
    const path = normalize(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)))
    const file = path === base || path === base + sep ? join(base, 'index.html') : path
    if (!file.startsWith(base + sep)) return void res.writeHead(404).end()
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', ok)
  })
  return { close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())) }
}

/** Serves a static build and its demo frame origin; `close()` stops both. */
export async function serveBuilt({ dir = STATIC_DIR, log } = {}) {
  const { ports, ...keys } = JSON.parse(readFileSync(join(dir, KEYS_FILE), 'utf8'))
  const frames = await startDemoFrames({ hostPort: ports.host, framePort: ports.frames, keys, log })
  const site = await serveStatic(dir, ports.host)
  return {
    url: `${hostOrigin(ports.host)}/`,
    frameBase: frameBase(ports.frames),
    keys,
    close: async () => {
      await site.close()
      await frames.close()
    },
  }
}

/** Runs until Ctrl+C, then calls `stop`. */
function untilInterrupted(stop) {
  return new Promise((done) => {
    const end = () => void Promise.resolve(stop()).then(done)
    process.once('SIGINT', end)
    process.once('SIGTERM', end)
  })
}

async function dev() {
  prepare()
  const keys = await demoKeys()
  const ports = PORTS.dev
  const frames = await startDemoFrames({ hostPort: ports.host, framePort: ports.frames, keys })
  console.log(`demo frame origin on ${frameBase(ports.frames)} (parent ${hostOrigin(ports.host)}, demo key ${keys.publicJwk.kid})`)
  const child = spawn(bin('storybook'), ['dev', '-p', String(ports.host), '--host', 'localhost', '--no-open', '--ci'], {
    cwd: root,
    stdio: 'inherit',
    env: storybookEnv(ports.frames, keys),
  })
  child.once('exit', (code) => void frames.close().then(() => process.exit(code ?? 0)))
  await untilInterrupted(() => child.kill('SIGTERM'))
}

async function main(command) {
  switch (command) {
    case 'dev':
      return dev()
    case 'build': {
      const keys = await buildStatic()
      console.log(`storybook-static/ built for ${hostOrigin(PORTS.static.host)}, frames ${frameBase(PORTS.static.frames)}, demo key ${keys.publicJwk.kid}`)
      return
    }
    case 'serve': {
      const served = await serveBuilt()
      console.log(`Storybook on ${served.url} (frames ${served.frameBase}); Ctrl+C to stop`)
      return untilInterrupted(served.close)
    }
    default:
      throw new Error(`unknown command "${command}": use dev, build or serve`)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2] ?? 'dev').catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
