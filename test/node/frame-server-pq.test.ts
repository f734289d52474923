import { expect } from 'chai'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '../../src/crypto/index.js'
import { serveProcess } from '../support/serve-process.js'
import { startFrameServer, type FrameServer } from '../../src/node/frame-server/server.js'

const TOKEN = 'test-admin-token-0123456789abcdef-XYZ'
const post = (server: { url: string }, body: unknown) =>
  fetch(`${server.url}/policy/keys`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('frame server: post-quantum keys and the requirePq policy', function () {
  this.timeout(30000)
  let dir: string
  let server: FrameServer
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-pq-'))
    writeFileSync(join(dir, 'card.html'), '<!doctype html><html><head></head><body></body></html>')
    server = await startFrameServer({ port: 0, dir, allowParents: ['http://localhost:1'], pinnedKeys: [], requirePq: ['ssn'], adminToken: TOKEN })
  })
  after(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('publishes requirePq in policy.json and in the pages', async () => {
    expect(((await (await fetch(`${server.url}/policy.json`)).json()) as { requirePq: string[] }).requirePq).to.deep.equal(['ssn'])
    expect(await (await fetch(`${server.url}/card.html`)).text()).to.contain('&quot;requirePq&quot;:[&quot;ssn&quot;]')
  })

  it('the admin route pins post-quantum desk keys (AKP, HPKE-9 and HPKE-9-KE)', async () => {
    for (const alg of ['HPKE-9', 'HPKE-9-KE'] as const) {
      const { publicJwk } = await generateKeyPair({ alg })
      const res = await post(server, publicJwk)
      expect(res.status, alg).to.equal(201)
      expect(await res.json()).to.deep.equal({ kid: publicJwk.kid })
      expect(server.policy().pinnedKeys).to.include(publicJwk.kid)
    }
  })

  it('the admin route refuses a private AKP key, a wrong kid, another alg and a short pub, pinning nothing', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'HPKE-9-KE' })
    for (const body of [privateJwk, { ...publicJwk, kid: 'A'.repeat(43) }, { ...publicJwk, alg: 'HPKE-8' }, { ...publicJwk, pub: 'AAAA' }]) {
      expect((await post(server, body)).status, JSON.stringify(Object.keys(body))).to.equal(400)
    }
    expect(server.policy().pinnedKeys).to.not.include(publicJwk.kid)
  })
})

describe('secure-fields serve: key sets and --require-pq', function () {
  this.timeout(60000)
  const { dir: scratch, serve, stop } = serveProcess('sf-serve-pq-')

  it('--pin-key takes key sets (JWKS) of any suite; --require-pq names the kinds', async () => {
    const team = await Promise.all([0, 1].map(() => generateKeyPair({ alg: 'HPKE-9-KE' })))
    const single = await generateKeyPair()
    writeFileSync(join(scratch(), 'team.jwks.json'), JSON.stringify({ keys: team.map((k) => k.publicJwk) }))
    writeFileSync(join(scratch(), 'single.jwk.json'), JSON.stringify(single.publicJwk))
    const { url, stderr } = await serve(['--pin-key', join(scratch(), 'team.jwks.json'), '--pin-key', join(scratch(), 'single.jwk.json'), '--require-pq', 'ssn', '--require-pq', 'iban'])
    expect(url, stderr).to.be.a('string')
    const policy = (await (await fetch(`${url}/policy.json`)).json()) as { pinnedKeys: string[]; requirePq: string[] }
    expect(policy.pinnedKeys).to.deep.equal([...team.map((k) => k.publicJwk.kid), single.publicJwk.kid])
    expect(policy.requirePq).to.deep.equal(['ssn', 'iban'])
  })

  it('--pin-key refuses a file holding a private key (X25519 or AKP), with exit 1', async () => {
    for (const alg of ['HPKE-4', 'HPKE-9'] as const) {
      const { privateJwk } = await generateKeyPair({ alg })
      writeFileSync(join(scratch(), `private-${alg}.json`), JSON.stringify({ keys: [privateJwk] }))
      const r = await serve(['--pin-key', join(scratch(), `private-${alg}.json`)])
      expect(r.code, alg).to.equal(1)
      expect(r.stderr).to.include('ERR_KEY_INVALID')
      expect(r.stderr).to.not.include(alg === 'HPKE-9' ? (privateJwk as { priv: string }).priv : (privateJwk as { d: string }).d)
    }
  })
})
