import { expect } from 'chai'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defaultDataDir, openSqliteStore } from '../../src/node/store/index.js'
import { rejection, testEnvelope } from './support/envelopes.js'
import { describeStore } from './support/store-suite.js'

describe('store: SQLite backend', () => {
  let dir: string
  let file: string
  let n = 0
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-store-sqlite-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  describeStore('sqlite', {
    async fresh() {
      // A folder that does not exist yet: the store creates it.
      file = join(dir, `t${++n}`, 'nested', 'envelopes.sqlite')
    },
    config: () => ({ backend: 'sqlite', file }),
    open: () => openSqliteStore({ file }),
    async rawIds() {
      const db = new Database(file, { readonly: true })
      try {
        expect(db.pragma('integrity_check', { simple: true })).to.equal('ok')
        return (db.prepare('SELECT id FROM envelopes').all() as Array<{ id: string }>).map((r) => r.id)
      } finally {
        db.close()
      }
    },
  })

  describe('file and settings', () => {
    it('creates the folder of its file', async () => {
      const target = join(dir, 'settings', 'deep', 'envelopes.sqlite')
      const store = await openSqliteStore({ file: target })
      await store.put(await testEnvelope())
      await store.close()
      expect(existsSync(target)).to.equal(true)
    })

    it('runs its connection in WAL mode with FULL sync (NORMAL on request) and the busy timeout', async () => {
      // Catch the connection the store opens, to read its per-connection settings.
      const original = Database.prototype.pragma
      let connection: Database.Database | undefined
      Database.prototype.pragma = function (this: Database.Database, ...args: Parameters<typeof original>) {
        connection ??= this
        return original.apply(this, args)
      }
      const settings = async (options: { synchronous?: 'NORMAL' }) => {
        connection = undefined
        const store = await openSqliteStore({ file: join(dir, 'pragmas.sqlite'), busyTimeout: 1234, ...options })
        const read = (name: string) => original.call(connection!, name, { simple: true })
        const found = [read('journal_mode'), read('synchronous'), read('busy_timeout')]
        await store.close()
        return found
      }
      try {
        expect(await settings({})).to.deep.equal(['wal', 2, 1234])
        expect(await settings({ synchronous: 'NORMAL' })).to.deep.equal(['wal', 1, 1234])
      } finally {
        Database.prototype.pragma = original
      }
    })

    it('waits up to the busy timeout for another connection\'s write lock', async () => {
      const target = join(dir, 'busy.sqlite')
      const store = await openSqliteStore({ file: target, busyTimeout: 300 })
      const envelope = await testEnvelope()
      const other = new Database(target)
      other.exec('BEGIN IMMEDIATE')
      const started = Date.now()
      const error = await rejection(() => store.put(envelope))
      const waited = Date.now() - started
      other.exec('ROLLBACK')
      other.close()
      expect(error.code).to.equal('SQLITE_BUSY')
      expect(waited).to.be.at.least(250)
      // Once the lock is released the same put goes through.
      expect(await store.put(envelope)).to.be.a('string')
      await store.close()
    })

    it('has the documented schema with indexes on conversation and expires_at', async () => {
      const target = join(dir, 'schema.sqlite')
      await (await openSqliteStore({ file: target })).close()
      const db = new Database(target, { readonly: true })
      try {
        const columns = (db.prepare(`PRAGMA table_info(envelopes)`).all() as Array<{ name: string; pk: number }>)
        expect(columns.map((c) => c.name)).to.include.members(['id', 'envelope', 'conversation', 'preview', 'kind', 'expires_at', 'stored_at'])
        expect(columns.find((c) => c.name === 'id')?.pk).to.equal(1)
        const indexed = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'envelopes'`).all() as Array<{ name: string }>)
          .map((i) => (db.prepare(`PRAGMA index_info(${JSON.stringify(i.name)})`).all() as Array<{ name: string }>)[0]?.name)
        expect(indexed).to.include.members(['conversation', 'expires_at'])
        expect(db.pragma('user_version', { simple: true })).to.equal(1)
      } finally {
        db.close()
      }
    })

    it('refuses a file written by a newer schema version', async () => {
      const target = join(dir, 'newer.sqlite')
      const db = new Database(target)
      db.pragma('user_version = 99')
      db.close()
      expect((await rejection(() => openSqliteStore({ file: target }))).code).to.equal('ERR_STORE_UNAVAILABLE')
    })

    it('defaultDataDir() is ./data under the working directory', () => {
      expect(defaultDataDir()).to.equal(resolve(process.cwd(), 'data'))
    })
  })
})
