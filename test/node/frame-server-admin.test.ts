import { expect } from 'chai'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '../../src/crypto/index.js'
import { serveProcess } from '../support/serve-process.js'
import { tokenMatches } from '../../src/node/frame-server/admin-routes.js'
import { startFrameServer, type FrameServer } from '../../src/node/frame-server/server.js'

const TOKEN = 'test-admin-token-0123456789abcdef-XYZ'

function call(server: { url: string }, method: string, path: string, options: { token?: string; body?: string } = {}) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), 'Content-Type': 'application/json' },
    ...(options.body !== undefined ? { body: options.body } : {}),
  })
}

describe('frame server: desk key registration (POST/DELETE /policy/keys)', function () {
  this.timeout(30000)
  let dir: string
  let server: FrameServer
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-admin-'))
    writeFileSync(join(dir, 'card.html'), '<!doctype html><html><head></head><body></body></html>')
    server = await startFrameServer({ port: 0, dir, allowParents: ['http://localhost:1'], pinnedKeys: [], adminToken: TOKEN })
  })
  after(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pins a public JWK with the right token: 201 {kid}, in the live policy, policy.json and the pages', async () => {
    const { publicJwk } = await generateKeyPair()
    const res = await call(server, 'POST', '/policy/keys', { token: TOKEN, body: JSON.stringify(publicJwk) })
    expect(res.status).to.equal(201)
    expect(await res.json()).to.deep.equal({ kid: publicJwk.kid })
    expect(server.policy().pinnedKeys).to.include(publicJwk.kid)
    const policy = (await (await fetch(`${server.url}/policy.json`)).json()) as { pinnedKeys: string[] }
    expect(policy.pinnedKeys).to.include(publicJwk.kid)
    expect(await (await fetch(`${server.url}/card.html`)).text()).to.contain(publicJwk.kid!)
    // Again: already pinned, 200, listed once.
    const again = await call(server, 'POST', '/policy/keys', { token: TOKEN, body: JSON.stringify(publicJwk) })
    expect(again.status).to.equal(200)
    expect(server.policy().pinnedKeys!.filter((k) => k === publicJwk.kid)).to.have.length(1)
  })

  it('unpins with DELETE /policy/keys/<kid>: 204, then 404 for a key not pinned', async () => {
    const { publicJwk } = await generateKeyPair()
    await call(server, 'POST', '/policy/keys', { token: TOKEN, body: JSON.stringify(publicJwk) })
    const res = await call(server, 'DELETE', `/policy/keys/${publicJwk.kid}`, { token: TOKEN })
    expect(res.status).to.equal(204)
    expect(server.policy().pinnedKeys).to.not.include(publicJwk.kid)
    expect((await call(server, 'DELETE', `/policy/keys/${publicJwk.kid}`, { token: TOKEN })).status).to.equal(404)
  })

  it('refuses a missing or wrong token with 401 and changes nothing', async () => {
    const { publicJwk } = await generateKeyPair()
    const before = server.policy().pinnedKeys
    for (const token of [undefined, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const res = await call(server, 'POST', '/policy/keys', { ...(token ? { token } : {}), body: JSON.stringify(publicJwk) })
      expect(res.status, String(token)).to.equal(401)
      expect(res.headers.get('www-authenticate')).to.equal('Bearer')
    }
    const pinned = (await generateKeyPair()).publicJwk
    await call(server, 'POST', '/policy/keys', { token: TOKEN, body: JSON.stringify(pinned) })
    expect((await call(server, 'DELETE', `/policy/keys/${pinned.kid}`, { token: 'wrong' })).status).to.equal(401)
    expect(server.policy().pinnedKeys).to.include(pinned.kid)
    expect(server.policy().pinnedKeys).to.not.include(publicJwk.kid)
    expect(before).to.not.include(publicJwk.kid)
  })

  it('refuses what is not a public X25519 JWK with 400: private key, wrong curve, wrong kid, not JSON', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair()
    const bodies = [
      JSON.stringify(privateJwk),
      JSON.stringify({ ...publicJwk, crv: 'Ed25519' }),
      JSON.stringify({ ...publicJwk, kid: 'A'.repeat(43) }),
      JSON.stringify({ ...publicJwk, alg: 'ECDH-ES' }),
      'not json',
      '[]',
    ]
    for (const body of bodies) expect((await call(server, 'POST', '/policy/keys', { token: TOKEN, body })).status, body).to.equal(400)
    expect(server.policy().pinnedKeys).to.not.include(publicJwk.kid)
    const big = JSON.stringify({ ...publicJwk, pad: 'x'.repeat(5000) })
    expect((await call(server, 'POST', '/policy/keys', { token: TOKEN, body: big })).status).to.equal(413)
  })

  it('answers other methods with 405', async () => {
    expect((await call(server, 'GET', '/policy/keys', { token: TOKEN })).status).to.equal(405)
    expect((await call(server, 'PUT', `/policy/keys/${'A'.repeat(43)}`, { token: TOKEN })).status).to.equal(405)
  })

  it('does not exist without an admin token (404), whatever is sent', async () => {
    const plain = await startFrameServer({ port: 0, dir, allowParents: ['http://localhost:1'], pinnedKeys: [] })
    try {
      const { publicJwk } = await generateKeyPair()
      for (const token of [undefined, TOKEN, '']) {
        expect((await call(plain, 'POST', '/policy/keys', { ...(token ? { token } : {}), body: JSON.stringify(publicJwk) })).status).to.equal(404)
      }
      expect((await call(plain, 'DELETE', `/policy/keys/${publicJwk.kid}`, { token: TOKEN })).status).to.equal(404)
      expect(plain.policy().pinnedKeys).to.deep.equal([])
    } finally {
      await plain.close()
    }
  })

  it('compares tokens exactly, with a Bearer prefix only', () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).to.equal(true)
    expect(tokenMatches(`bearer ${TOKEN}`, TOKEN)).to.equal(false)
    expect(tokenMatches(TOKEN, TOKEN)).to.equal(false)
    expect(tokenMatches(`Bearer ${TOKEN} `, TOKEN)).to.equal(false)
    expect(tokenMatches(undefined, TOKEN)).to.equal(false)
    expect(tokenMatches('Bearer ', '')).to.equal(false)
  })
})

describe('secure-fields serve --admin-token-file', function () {
  this.timeout(60000)
  const { dir: scratch, serve, stop } = serveProcess('sf-serve-admin-')

  it('turns the route on with the token from the file, and pinning on from the start', async () => {
    const file = join(scratch(), 'token')
    writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 })
    const { url } = await serve(['--admin-token-file', file])
    expect(url).to.be.a('string')
    const { publicJwk } = await generateKeyPair()
    const policy = (await (await fetch(`${url}/policy.json`)).json()) as { pinnedKeys?: string[] }
    expect(policy.pinnedKeys).to.deep.equal([])
    expect((await call({ url: url! }, 'POST', '/policy/keys', { token: 'wrong', body: JSON.stringify(publicJwk) })).status).to.equal(401)
    expect((await call({ url: url! }, 'POST', '/policy/keys', { token: TOKEN, body: JSON.stringify(publicJwk) })).status).to.equal(201)
    const after = (await (await fetch(`${url}/policy.json`)).json()) as { pinnedKeys?: string[] }
    expect(after.pinnedKeys).to.deep.equal([publicJwk.kid])
  })

  it('makes the choice of recipient keys explicit: pinned, registered, or --any-key', async () => {
    // A missing or contradictory choice is a usage error (exit 2), said on stderr.
    const none = await serve([])
    expect(none.code).to.equal(2)
    expect(none.stderr).to.contain('--any-key')
    const any = await serve(['--any-key'])
    expect(any.url).to.be.a('string')
    const policy = (await (await fetch(`${any.url}/policy.json`)).json()) as { pinnedKeys?: string[] }
    expect(policy).to.not.have.property('pinnedKeys')
    stop()
    const file = join(scratch(), 'token-any')
    writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 })
    const both = await serve(['--any-key', '--admin-token-file', file])
    expect(both.code).to.equal(2)
  })

  it('startFrameServer refuses an admin token shorter than 32 characters', async () => {
    const { startFrameServer } = await import('../../src/node/frame-server/server.js')
    let code: string | undefined
    try {
      await startFrameServer({ port: 0, dir: scratch(), allowParents: ['http://localhost:1'], adminToken: 'x'.repeat(31) })
    } catch (e) {
      code = (e as { code?: string }).code
    }
    expect(code).to.equal('ERR_INPUT_INVALID')
  })

  it('refuses a short token or a missing file', async () => {
    const file = join(scratch(), 'short')
    writeFileSync(file, 'short\n')
    const short = await serve(['--admin-token-file', file])
    expect(short.code).to.equal(1)
    expect(short.stderr).to.contain('ERR_INPUT_INVALID')
    expect(short.stderr).to.not.contain('short\n')
    const missing = await serve(['--admin-token-file', join(scratch(), 'nope')])
    expect(missing.code).to.equal(1)
    expect(missing.stderr).to.contain('ERR_INPUT_INVALID')
  })
})
