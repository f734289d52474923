/**
 * The frame origin over HTTP as browsers and caches meet it: Brotli and gzip by `Accept-Encoding`,
 * validators and 304s, how long each kind of file may be cached, 400 for a broken path, the
 * module a refused parent gets instead of the loader, and the frames of the package itself.
 */
import { expect } from 'chai'
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startFrameServer, type FrameServer } from '../../src/node/frame-server/server.js'
import { loaderIntegrity, packageFrameDir } from '../../src/node/frame-server/frames-dir.js'
import { negotiateCoding } from '../../src/node/frame-server/encoding.js'

const PARENT = 'http://localhost:7001'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  raw: Buffer
  /** The body decoded from its Content-Encoding. */
  body: Buffer
}

/** One GET (or HEAD) with exactly these headers; the body as received and decoded. */
function get(server: FrameServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const coding = res.headers['content-encoding']
        const body = raw.length === 0 ? raw : coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body })
      })
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

/** Text that compresses well and is well over the smallest coded size. */
const text = (seed: string) => `/* ${seed} */\n${Array.from({ length: 200 }, (_, i) => `export const v${i} = ${JSON.stringify(`${seed}-${i % 7}`)}`).join('\n')}\n`

describe('frame server: HTTP (coding, caching, refusals)', function () {
  this.timeout(30000)
  let dir: string
  let server: FrameServer
  const files: Record<string, string> = {}

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-http-'))
    mkdirSync(join(dir, 'assets'))
    files['card.html'] = `<!doctype html><html><head><title>Card</title><script type="module" src="./assets/card-Ab12Cd34.js"></script></head><body>${'<!-- pad -->'.repeat(40)}</body></html>`
    files['secure-fields.js'] = text('loader')
    files['secure-fields-agent.js'] = text('agent-loader')
    files['assets/card-Ab12Cd34.js'] = text('card')
    files['assets/tiny-Zz99.js'] = 'export {}\n'
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
    server = await startFrameServer({ port: 0, dir, allowParents: [PARENT], pinnedKeys: [] })
  })
  after(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends Brotli when accepted, else gzip, else the bytes as they are; the content is the same', async () => {
    const path = '/assets/card-Ab12Cd34.js'
    const br = await get(server, path, { 'Accept-Encoding': 'gzip, deflate, br' })
    const gz = await get(server, path, { 'Accept-Encoding': 'gzip' })
    const none = await get(server, path)
    const refusedBoth = await get(server, path, { 'Accept-Encoding': 'br;q=0, gzip;q=0, identity' })
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], none.headers['content-encoding'], refusedBoth.headers['content-encoding']]).to.deep.equal(['br', 'gzip', undefined, undefined])
    for (const r of [br, gz, none, refusedBoth]) {
      expect(r.body.toString('utf8')).to.equal(files['assets/card-Ab12Cd34.js'])
      expect(Number(r.headers['content-length'])).to.equal(r.raw.length)
      expect(r.headers.vary).to.include('Accept-Encoding')
    }
    expect(br.raw.length).to.be.below(gz.raw.length)
    expect(gz.raw.length).to.be.below(none.raw.length / 4)
    // HEAD: the same headers, no body.
    const head = await get(server, path, { 'Accept-Encoding': 'br' }, 'HEAD')
    expect(head.headers['content-length']).to.equal(br.headers['content-length'])
    expect(head.raw.length).to.equal(0)
  })

  it('reads Accept-Encoding as RFC 9110 says: q-values, * and case', () => {
    expect(negotiateCoding('gzip, deflate, br, zstd')).to.equal('br')
    expect(negotiateCoding('br;q=0, gzip')).to.equal('gzip')
    expect(negotiateCoding('BR')).to.equal('br')
    expect(negotiateCoding('*')).to.equal('br')
    expect(negotiateCoding('*;q=0, gzip;q=0.5')).to.equal('gzip')
    expect(negotiateCoding('identity')).to.equal(undefined)
    expect(negotiateCoding(undefined)).to.equal(undefined)
    expect(negotiateCoding('gzip;q=0')).to.equal(undefined)
  })

  it('codes pages with the live policy, and again when the policy changes', async () => {
    const before = await get(server, '/card.html', { 'Accept-Encoding': 'br' })
    expect(before.headers['content-encoding']).to.equal('br')
    expect(before.headers['cache-control']).to.equal('no-store')
    expect(before.headers['content-security-policy']).to.include(`frame-ancestors ${PARENT}`)
    const kid = 'K'.repeat(43)
    expect(before.body.toString('utf8')).not.to.include(kid)
    server.pinKey(kid)
    try {
      const after = await get(server, '/card.html', { 'Accept-Encoding': 'br' })
      expect(after.body.toString('utf8')).to.include(kid).and.include('<meta name="secure-fields-policy"')
    } finally {
      server.unpinKey(kid)
    }
  })

  it('caches hashed assets for a year (immutable), loaders five minutes, the policy a minute, pages never', async () => {
    expect((await get(server, '/assets/card-Ab12Cd34.js')).headers['cache-control']).to.equal('public, max-age=31536000, immutable')
    expect((await get(server, '/secure-fields.js')).headers['cache-control']).to.equal('public, max-age=300')
    expect((await get(server, '/secure-fields-agent.js')).headers['cache-control']).to.equal('public, max-age=300')
    expect((await get(server, '/policy.json')).headers['cache-control']).to.equal('public, max-age=60')
    expect((await get(server, '/card.html')).headers['cache-control']).to.equal('no-store')
    // Too small to be worth coding: sent as it is.
    expect((await get(server, '/assets/tiny-Zz99.js', { 'Accept-Encoding': 'br' })).headers['content-encoding']).to.equal(undefined)
  })

  it('answers a matching If-None-Match with 304, per coding', async () => {
    for (const accept of ['br', 'gzip', '']) {
      const first = await get(server, '/secure-fields.js', accept ? { 'Accept-Encoding': accept } : {})
      const etag = String(first.headers.etag)
      expect(etag).to.match(/^"[A-Za-z0-9_-]+(-br|-gzip)?"$/)
      const again = await get(server, '/secure-fields.js', { ...(accept ? { 'Accept-Encoding': accept } : {}), 'If-None-Match': etag })
      expect(again.status, accept).to.equal(304)
      expect(again.raw.length).to.equal(0)
      expect(again.headers.etag).to.equal(etag)
      const stale = await get(server, '/secure-fields.js', { ...(accept ? { 'Accept-Encoding': accept } : {}), 'If-None-Match': '"other"' })
      expect(stale.status).to.equal(200)
    }
    const br = await get(server, '/secure-fields.js', { 'Accept-Encoding': 'br' })
    const plain = await get(server, '/secure-fields.js')
    expect(br.headers.etag).not.to.equal(plain.headers.etag)
  })

  it('answers 400 for a path that is not a valid escape, 404 outside the folder, never 500', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/policy/keys/%']) expect((await get(server, path)).status, path).to.equal(400)
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/.hidden', '/nope.js', '/%00']) expect((await get(server, path)).status, path).to.equal(404)
  })

  it('gives the loader to allowed parents (CORS) and to requests without an Origin', async () => {
    const allowed = await get(server, '/secure-fields.js', { Origin: PARENT, 'Accept-Encoding': 'br' })
    expect(allowed.headers['access-control-allow-origin']).to.equal(PARENT)
    expect(allowed.body.toString('utf8')).to.equal(files['secure-fields.js'])
    expect(allowed.headers.vary).to.include('Origin')
    expect((await get(server, '/secure-fields.js')).body.toString('utf8')).to.equal(files['secure-fields.js'])
  })

  it('gives a refused parent a module that says which origin to allow, and no library code', async () => {
    for (const loader of ['/secure-fields.js', '/secure-fields-agent.js']) {
      const refused = await get(server, loader, { Origin: 'https://elsewhere.example', 'Accept-Encoding': 'br' })
      expect(refused.status).to.equal(200)
      expect(refused.headers['content-type']).to.match(/^text\/javascript/)
      expect(refused.headers['access-control-allow-origin']).to.equal('*')
      expect(refused.headers['cache-control']).to.equal('no-store')
      expect(refused.headers.vary).to.include('Origin')
      const source = refused.body.toString('utf8')
      expect(source).not.to.include('loader-').and.not.include('agent-loader')
      expect(source).to.include('ERR_FRAME_REFUSED').and.include('--allow-parent').and.include('location.origin').and.include('console.error')
      // Nothing of the request is written into it: it is one constant.
      expect(source).not.to.include('elsewhere.example')
    }
    // Assets stay what they are, whoever asks (frames load them from their own origin).
    const asset = await get(server, '/assets/card-Ab12Cd34.js', { Origin: 'https://elsewhere.example' })
    expect(asset.body.toString('utf8')).to.equal(files['assets/card-Ab12Cd34.js'])
    expect(asset.headers['access-control-allow-origin']).to.equal(undefined)
  })

  it('with any parent allowed (*), embeds anywhere and gives every origin the loader', async () => {
    const open = await startFrameServer({ port: 0, dir, allowParents: ['*'], pinnedKeys: [] })
    try {
      const page = await get(open, '/card.html')
      expect(page.headers['content-security-policy']).to.include('frame-ancestors *')
      const loader = await get(open, '/secure-fields.js', { Origin: 'https://anywhere.example' })
      expect(loader.headers['access-control-allow-origin']).to.equal('https://anywhere.example')
      expect(loader.body.toString('utf8')).to.equal(files['secure-fields.js'])
    } finally {
      await open.close()
    }
  })

  it("serves its own package's frames by default, and computes each loader's SRI hash", async () => {
    const own = await startFrameServer({ port: 0, allowParents: [PARENT], pinnedKeys: [] })
    try {
      const dist = packageFrameDir()
      const page = await get(own, '/card.html')
      expect(page.status).to.equal(200)
      expect(page.body.toString('utf8')).to.include('<script type="module"')
      const hashes = loaderIntegrity(dist)
      expect(hashes.map((h) => h.file)).to.deep.equal(['secure-fields-agent.js', 'secure-fields.js'])
      for (const { file, integrity } of hashes) {
        const served = await get(own, `/${file}`, { 'Accept-Encoding': 'br' })
        const { createHash } = await import('node:crypto')
        expect(integrity).to.equal(`sha384-${createHash('sha384').update(served.body).digest('base64')}`)
        expect(served.body.equals(readFileSync(join(dist, file)))).to.equal(true)
      }
    } finally {
      await own.close()
    }
  })
})
