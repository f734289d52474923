import { expect } from 'chai'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { inspect } from '../../src/crypto/index.js'
import { defaultDataDir, openSqliteStore } from '../../src/node/store/index.js'
import { rejection, testEnvelope } from './support/envelopes.js'
import { describeStore } from './support/store-suite.js'

/** A module hook that makes the packages named in SF_HIDE_MODULES impossible to resolve, as in an install without them. */
const HIDE_MODULES = new URL('./support/hide-modules.mjs', import.meta.url).href
const STORE_MODULE = new URL('../../src/node/store/index.ts', import.meta.url).href
/** Imports the store (which must load without the driver) and opens a SQLite store; prints the error. */
const PROBE_SQLITE = `const { openSqliteStore } = await import(${JSON.stringify(STORE_MODULE)})
try { await openSqliteStore({ file: ':memory:' }); console.log('{}') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })) }`

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
        expect(columns.map((c) => c.name)).to.include.members(['id', 'envelope', 'conversation', 'preview', 'kind', 'expires_at', 'stored_at', 'held_by', 'held_until'])
        expect(columns.find((c) => c.name === 'id')?.pk).to.equal(1)
        const indexed = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'envelopes'`).all() as Array<{ name: string }>)
          .map((i) => (db.prepare(`PRAGMA index_info(${JSON.stringify(i.name)})`).all() as Array<{ name: string }>)[0]?.name)
        expect(indexed).to.include.members(['conversation', 'expires_at'])
        expect(db.pragma('user_version', { simple: true })).to.equal(2)
      } finally {
        db.close()
      }
    })

    it('upgrades a schema 1 file in place: its envelopes stay, unclaimed, and can be claimed', async () => {
      const target = join(dir, 'v1.sqlite')
      const envelope = await testEnvelope({ context: 'c-v1' })
      const header = inspect(envelope)
      const db = new Database(target)
      db.exec(`CREATE TABLE envelopes (id TEXT PRIMARY KEY NOT NULL, envelope TEXT NOT NULL, conversation TEXT NOT NULL,
        preview TEXT NOT NULL, kind TEXT NOT NULL, expires_at INTEGER NOT NULL, stored_at INTEGER NOT NULL,
        sealed_exp INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE gone (id TEXT PRIMARY KEY NOT NULL, until INTEGER NOT NULL) WITHOUT ROWID;`)
      db.prepare('INSERT INTO envelopes VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(header.jti, envelope, 'c-v1', '', 'card', header.exp * 1000, Date.now(), header.exp * 1000)
      db.pragma('user_version = 1')
      db.close()
      const store = await openSqliteStore({ file: target })
      try {
        expect((await store.list('c-v1')).map((l) => l.id)).to.deep.equal([header.jti])
        expect((await store.claim(header.jti, { holder: 'tab-1' }))?.envelope).to.equal(envelope)
        expect((await rejection(() => store.take(header.jti))).code).to.equal('ERR_STORE_HELD')
      } finally {
        await store.close()
      }
      const after = new Database(target, { readonly: true })
      expect(after.pragma('user_version', { simple: true })).to.equal(2)
      after.close()
    })

    it('says which package to install when better-sqlite3 is missing', async () => {
      // `--input-type=module`: Node runs CommonJS `-e` code that mentions `crypto` (as a checkout's
      // path may) inside a function, where the probe's top-level await is a syntax error.
      const probe = spawnSync(process.execPath, ['--import', 'tsx', '--import', HIDE_MODULES, '--input-type=module', '-e', PROBE_SQLITE], {
        encoding: 'utf8',
        env: { ...process.env, SF_HIDE_MODULES: 'better-sqlite3' },
        timeout: 30000,
      })
      expect(probe.status, probe.stderr).to.equal(0)
      const { code, message } = JSON.parse(probe.stdout) as { code: string; message: string }
      expect(code).to.equal('ERR_STORE_UNAVAILABLE')
      expect(message).to.include('npm install better-sqlite3')
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
