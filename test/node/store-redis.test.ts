import { expect } from 'chai'
import { Redis } from 'ioredis'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from '../../src/crypto/index.js'
import { openRedisStore } from '../../src/node/store/index.js'
import { spawnHelper } from './support/children.js'
import { rejection, testEnvelope } from './support/envelopes.js'
import { startRedis, type TestRedis } from './support/redis-server.js'
import { describeStore } from './support/store-suite.js'

describe('store: Redis backend', function () {
  this.timeout(20000)
  let redis: TestRedis
  let admin: Redis
  let prefix = 'sf-test:'
  let n = 0
  before(async () => {
    // Durable (AOF, fsync per write) so the crash test can kill the server itself as well.
    redis = await startRedis({ durable: true })
    admin = new Redis(redis.url)
  })
  after(async () => {
    admin?.disconnect()
    await redis?.stop()
  })

  /** Record keys (not index keys) under the current prefix. */
  async function recordKeys(): Promise<string[]> {
    const keys = await admin.keys(`${prefix}*`)
    return keys.filter((k) => !k.startsWith(`${prefix}idx:`))
  }

  describeStore('redis', {
    async fresh() {
      prefix = `t${++n}:`
    },
    config: () => ({ backend: 'redis', url: redis.url, prefix }),
    open: () => openRedisStore({ url: redis.url, prefix }),
    async rawIds() {
      const keys = await recordKeys()
      for (const key of keys) {
        const record = JSON.parse((await admin.get(key))!) as { envelope: string }
        expect(inspect(record.envelope).jti).to.equal(key.slice(prefix.length))
      }
      return keys.map((k) => k.slice(prefix.length))
    },
    crashBackend: () => redis.crashAndRestart(),
  })

  describe('Redis specifics', () => {
    beforeEach(() => {
      prefix = `s${++n}:`
    })

    it('keeps each envelope under prefix + id with PX expiry, indexed per conversation by expiry', async () => {
      const store = await openRedisStore({ client: admin, prefix })
      const envelope = await testEnvelope({ context: 'c-layout' })
      const expiresAt = Date.now() + 30_000
      const id = await store.put(envelope, { expiresAt })
      const record = JSON.parse((await admin.get(prefix + id))!) as Record<string, unknown>
      expect(record).to.include({ envelope })
      expect(record.meta).to.deep.equal({ conversation: 'c-layout', preview: inspect(envelope).preview, kind: 'card', expiresAt })
      expect(await admin.pttl(prefix + id)).to.be.within(25_000, 30_000)
      expect(Number(await admin.zscore(`${prefix}idx:conv:c-layout`, id))).to.equal(expiresAt)
      // Indexes expire with their latest member, so an unswept Redis still empties itself.
      expect(await admin.pttl(`${prefix}idx:conv:c-layout`)).to.be.within(25_000, 30_000)
      await store.take(id)
      expect(await admin.exists(prefix + id)).to.equal(0)
      expect(await admin.zcard(`${prefix}idx:conv:c-layout`)).to.equal(0)
      await store.close()
    })

    it('lets Redis expire envelopes by itself; sweep then clears the stale index members', async () => {
      const store = await openRedisStore({ url: redis.url, prefix })
      try {
        const id = await store.put(await testEnvelope({ context: 'c-px' }), { expiresAt: Date.now() + 300 })
        const stays = await store.put(await testEnvelope({ context: 'c-px' }))
        expect((await store.peek(id))?.id).to.equal(id)
        await new Promise((r) => setTimeout(r, 450))
        expect(await admin.get(prefix + id)).to.equal(null)
        expect(await store.take(id)).to.equal(undefined)
        expect((await store.list('c-px')).map((l) => l.id)).to.deep.equal([stays])
        // The index outlives the record (it lives as long as its latest member)…
        expect(await admin.zcard(`${prefix}idx:conv:c-px`)).to.equal(2)
        // …until a sweep, which deletes no record (Redis did) but drops the stale members.
        expect(await store.sweep()).to.equal(0)
        expect(await admin.zrange(`${prefix}idx:conv:c-px`, 0, -1)).to.deep.equal([stays])
        expect(await admin.zcard(`${prefix}idx:expiry`)).to.equal(1)
      } finally {
        await store.close()
      }
    })

    it('uses a client it is given and leaves it open on close', async () => {
      const client = new Redis(redis.url)
      try {
        const store = await openRedisStore({ client, prefix })
        const id = await store.put(await testEnvelope())
        await store.close()
        expect(client.status).to.equal('ready')
        expect(await client.exists(prefix + id)).to.equal(1)
      } finally {
        client.disconnect()
      }
    })

    it('reloads its scripts after the server forgot them', async () => {
      const store = await openRedisStore({ url: redis.url, prefix })
      try {
        const first = await store.put(await testEnvelope())
        await admin.script('FLUSH')
        expect((await store.take(first))?.id).to.equal(first)
        expect(await store.put(await testEnvelope())).to.be.a('string')
      } finally {
        await store.close()
      }
    })

    it('reports a record it cannot read as ERR_STORE_CORRUPT without quoting it', async () => {
      const store = await openRedisStore({ client: admin, prefix })
      const id = 'AAAAAAAAAAAAAAAAAAAAAA'
      await admin.set(prefix + id, 'not-json-4111111111111111')
      const error = await rejection(() => store.peek(id))
      expect(error.code).to.equal('ERR_STORE_CORRUPT')
      expect(error.message).not.to.include('4111')
      await store.close()
    })

    it('does not load ioredis for applications that use only the SQLite store', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sf-lazy-'))
      try {
        const probe = spawnHelper('store-lazy-probe.ts', [join(dir, 'envelopes.sqlite')])
        await probe.waitFor((lines) => lines.some((l) => l.startsWith('{')))
        expect(JSON.parse(probe.lines.find((l) => l.startsWith('{'))!)).to.deep.equal({ before: false, after: true })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('a claim is written into the record, which keeps its own expiry', async () => {
      const store = await openRedisStore({ client: admin, prefix })
      const id = await store.put(await testEnvelope(), { expiresAt: Date.now() + 30_000 })
      await store.claim(id, { holder: 'tab-1', ttl: 5000 })
      const record = JSON.parse((await admin.get(prefix + id))!) as { heldBy?: string; heldUntil?: number }
      expect(record.heldBy).to.equal('tab-1')
      expect(record.heldUntil).to.be.within(Date.now(), Date.now() + 5000)
      expect(await admin.pttl(prefix + id)).to.be.within(25_000, 30_000)
      expect(await store.release(id, 'tab-1')).to.equal(true)
      expect(JSON.parse((await admin.get(prefix + id))!)).to.not.have.any.keys('heldBy', 'heldUntil')
      expect(await admin.pttl(prefix + id)).to.be.within(25_000, 30_000)
      await store.close()
    })

    it('says which package to install when ioredis is missing', async () => {
      const storeModule = new URL('../../src/node/store/index.ts', import.meta.url).href
      const probe = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--import',
          new URL('./support/hide-modules.mjs', import.meta.url).href,
          // An ES module: CommonJS `-e` code that mentions `crypto` (as a checkout's path may) runs
          // inside a function, where the top-level await below is a syntax error.
          '--input-type=module',
          '-e',
          `const { openRedisStore } = await import(${JSON.stringify(storeModule)})
try { await openRedisStore({ url: 'redis://127.0.0.1:1' }); console.log('{}') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })) }`,
        ],
        { encoding: 'utf8', env: { ...process.env, SF_HIDE_MODULES: 'ioredis' }, timeout: 30000 },
      )
      expect(probe.status, probe.stderr).to.equal(0)
      const { code, message } = JSON.parse(probe.stdout) as { code: string; message: string }
      expect(code).to.equal('ERR_STORE_UNAVAILABLE')
      expect(message).to.include('npm install ioredis')
    })

    it('fails with the install command when redis-server is missing', async () => {
      const error = await rejection(() => startRedis({ binary: '/nonexistent/redis-server' }))
      expect(error.message).to.include('apt-get install -y redis-server')
    })
  })
})
