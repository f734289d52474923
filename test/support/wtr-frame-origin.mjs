// A web-test-runner plugin that runs the real frame origin beside the test server: the built
// frames (dist/frame) on http://fields.localhost:PORT, allowing the test page's origin as parent
// and pinning the test keys (one X25519 key, one post-quantum key, and two key sets). Tests read
// the origins and keys from /__sf/config.json.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { register } from 'tsx/esm/api'
import { MUTANTS, buildMutant } from './mutants.mjs'

register()
const { startFrameServer } = await import('../../src/node/frame-server/server.ts')
const { generateKeyPair } = await import('../../src/crypto/index.ts')

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/**
 * The built frames on a plain static server, as a CDN would host them: no CSP, no policy in the
 * page, only `policy.json` beside it. What refuses a parent or a theme there is the frame itself.
 */
function startStaticFrames(dir, policy) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    if (path === '/policy.json') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(policy))
    try {
      const body = await readFile(join(dir, path))
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://fields.localhost:${server.address().port}/` })))
}

export function frameOriginPlugin({ hostPort, framePort }) {
  let server
  let strict
  let consent
  let pq
  let config
  let pinnedKid
  /** Servers started on demand (mutants, static hosting), closed with the plugin. */
  const extra = []
  let mutantBases
  let staticBases
  // The admin route's token stays in Node: tests pin desk keys through the sf-frame-pin command,
  // which calls the real route over HTTP.
  const adminToken = randomBytes(32).toString('base64url')
  return {
    name: 'secure-fields-frame-origin',
    async serverStart() {
      const pinned = await generateKeyPair()
      pinnedKid = pinned.publicJwk.kid
      const unpinned = await generateKeyPair()
      // Post-quantum (HPKE-9), and two key sets of Key Encryption keys, every key pinned; one more
      // Key Encryption key that is not.
      const pqKey = await generateKeyPair({ alg: 'HPKE-9' })
      const team = await Promise.all([0, 1].map(() => generateKeyPair({ alg: 'HPKE-4-KE' })))
      const pqTeam = await Promise.all([0, 1].map(() => generateKeyPair({ alg: 'HPKE-9-KE' })))
      const unpinnedTeamKey = await generateKeyPair({ alg: 'HPKE-4-KE' })
      const pinnedKids = [pinned, pqKey, ...team, ...pqTeam].map((k) => k.publicJwk.kid)
      server = await startFrameServer({
        port: framePort,
        dir: process.env.SF_FRAME_OUT ?? 'dist/frame',
        allowParents: [`http://localhost:${hostPort}`],
        pinnedKeys: pinnedKids,
        adminToken,
      })
      // A second deployment that does not allow the test page as a parent.
      strict = await startFrameServer({
        port: framePort + 1,
        dir: process.env.SF_FRAME_OUT ?? 'dist/frame',
        allowParents: ['https://chat.elsewhere.example'],
        pinnedKeys: [pinned.publicJwk.kid],
      })
      // A third deployment whose policy requires consent for card fields (--require-consent card).
      consent = await startFrameServer({
        port: framePort + 2,
        dir: process.env.SF_FRAME_OUT ?? 'dist/frame',
        allowParents: [`http://localhost:${hostPort}`],
        pinnedKeys: [pinned.publicJwk.kid],
        requireConsent: ['card'],
      })
      // A fourth deployment that seals SSNs and IBANs to post-quantum keys only (--require-pq).
      pq = await startFrameServer({
        port: framePort + 3,
        dir: process.env.SF_FRAME_OUT ?? 'dist/frame',
        allowParents: [`http://localhost:${hostPort}`],
        pinnedKeys: pinnedKids,
        requirePq: ['ssn', 'iban'],
      })
      const pairs = (list) => list.map((k) => ({ publicJwk: k.publicJwk, privateJwk: k.privateJwk }))
      config = {
        pqFrameBase: `http://fields.localhost:${pq.port}/`,
        pqKey: pairs([pqKey])[0],
        team: pairs(team),
        pqTeam: pairs(pqTeam),
        unpinnedTeamKey: pairs([unpinnedTeamKey])[0],
        strictFrameBase: `http://fields.localhost:${strict.port}/`,
        consentFrameBase: `http://fields.localhost:${consent.port}/`,
        hostOrigin: `http://localhost:${hostPort}`,
        frameBase: `http://fields.localhost:${server.port}/`,
        frameOrigin: `http://fields.localhost:${server.port}`,
        publicJwk: pinned.publicJwk,
        privateJwk: pinned.privateJwk,
        unpinnedPublicJwk: unpinned.publicJwk,
        unpinnedPrivateJwk: unpinned.privateJwk,
      }
    },
    async serverStop() {
      await server?.close()
      await strict?.close()
      await consent?.close()
      await pq?.close()
      for (const closeable of extra) await closeable.close()
    },
    async serve(context) {
      if (context.path === '/__sf/config.json') return { body: JSON.stringify(config), type: 'json' }
    },
    // sf-frame-pin { jwk } / sf-frame-unpin { kid }: the frame origin's admin route, as a chat
    // server calls it; resolves with the HTTP status.
    async executeCommand({ command, payload }) {
      // sf-mutant-frames: builds each mutant of test/support/mutants.mjs once and serves it as a
      // frame origin of its own (same parent, same pinned key); resolves with { name: base }.
      if (command === 'sf-mutant-frames') {
        mutantBases ??= (async () => {
          const bases = {}
          for (const name of Object.keys(MUTANTS)) {
            const mutant = await startFrameServer({ port: 0, dir: await buildMutant(name), allowParents: [`http://localhost:${hostPort}`], pinnedKeys: [pinnedKid] })
            extra.push(mutant)
            bases[name] = `http://fields.localhost:${mutant.port}/`
          }
          return bases
        })()
        return mutantBases
      }
      // sf-static-frames: the built frames on two static servers without CSP, one whose
      // policy.json allows the test page as a parent and one whose does not.
      if (command === 'sf-static-frames') {
        staticBases ??= (async () => {
          const dir = process.env.SF_FRAME_OUT ?? 'dist/frame'
          const allowed = await startStaticFrames(dir, { allowedParents: [`http://localhost:${hostPort}`], pinnedKeys: [pinnedKid], requireConsent: [], requirePq: [] })
          const refused = await startStaticFrames(dir, { allowedParents: ['https://chat.elsewhere.example'], pinnedKeys: [pinnedKid], requireConsent: [], requirePq: [] })
          for (const s of [allowed, refused]) extra.push({ close: () => new Promise((r) => s.server.close(r)) })
          return { allowed: allowed.base, refused: refused.base }
        })()
        return staticBases
      }
      const auth = { Authorization: `Bearer ${adminToken}` }
      if (command === 'sf-frame-pin') {
        const res = await fetch(`${server.url}/policy/keys`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(payload.jwk) })
        return res.status
      }
      if (command === 'sf-frame-unpin') {
        return (await fetch(`${server.url}/policy/keys/${encodeURIComponent(payload.kid)}`, { method: 'DELETE', headers: auth })).status
      }
      return undefined
    },
  }
}

/**
 * A dev-server middleware that echoes a submitted form (urlencoded POST to /__sf/echo) as a page,
 * so tests can see exactly what a real form submission sent.
 */
export function echoMiddleware() {
  return async (context, next) => {
    if (context.path !== '/__sf/echo' || context.method !== 'POST') return next()
    const chunks = []
    for await (const chunk of context.req) chunks.push(chunk)
    const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
    context.type = 'html'
    context.body = `<!doctype html><pre id="echo">${JSON.stringify(fields).replace(/</g, '\\u003c')}</pre>`
  }
}
