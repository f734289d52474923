/**
 * The embedded envelope store: one SQLite file through better-sqlite3, shared safely by any number
 * of connections and processes on one host.
 *
 * better-sqlite3 is a native module and an optional peer dependency: it is loaded when a store is
 * opened, so a front-end install of this package never pulls it.
 *
 * @module
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import { SecureFieldsError, inspect } from '../../crypto/index.js'
import { claimTerms, closedError, duplicate, held, isStoreId, prepareEntry, takeTerms } from './entry.js'
import { StoreErrorCodes, type EnvelopeMeta, type EnvelopeStore, type StoredEnvelope } from './types.js'

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file (its folder is created); `:memory:` for a private in-memory store. */
  file: string
  /**
   * How long a statement waits for another connection's write lock, in milliseconds (default
   * 5000). Takes from many processes queue on this lock instead of failing with `SQLITE_BUSY`.
   */
  busyTimeout?: number
  /**
   * `FULL` (default) fsyncs the write-ahead log at every commit, so a `take` survives power loss
   * as well as a crash: after a reboot a taken envelope cannot reappear and be revealed twice.
   * `NORMAL` survives a process crash (the SIGKILL test passes with either) but may lose the
   * latest commits on power loss; choose it only where that is acceptable.
   */
  synchronous?: 'FULL' | 'NORMAL'
}

/** The schema version this module writes (`PRAGMA user_version`); 2 added claims. */
const SCHEMA_VERSION = 2

// `gone` holds the ids of deleted envelopes until their own `exp`: the view-once guarantee would
// be void if the same envelope could simply be stored again after it was taken. A trigger fills it
// so that `take` stays a single atomic DELETE … RETURNING statement.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS envelopes (
  id           TEXT PRIMARY KEY NOT NULL,
  envelope     TEXT NOT NULL,
  conversation TEXT NOT NULL,
  preview      TEXT NOT NULL,
  kind         TEXT NOT NULL,
  expires_at   INTEGER NOT NULL,
  stored_at    INTEGER NOT NULL,
  sealed_exp   INTEGER NOT NULL,
  held_by      TEXT,
  held_until   INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS envelopes_conversation ON envelopes (conversation, stored_at);
CREATE INDEX IF NOT EXISTS envelopes_expires_at ON envelopes (expires_at);
CREATE TABLE IF NOT EXISTS gone (
  id    TEXT PRIMARY KEY NOT NULL,
  until INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS gone_until ON gone (until);
CREATE TRIGGER IF NOT EXISTS envelopes_gone AFTER DELETE ON envelopes BEGIN
  INSERT OR REPLACE INTO gone (id, until) VALUES (old.id, old.sealed_exp);
END;
`

/**
 * The default folder for local data: `./data` under the process's working directory (the demo
 * keeps `./data/envelopes.sqlite` there).
 */
export function defaultDataDir(): string {
  return resolve(process.cwd(), 'data')
}

// Version 1 files get the claim columns; their envelopes start unclaimed.
const MIGRATE_1_TO_2 = `
ALTER TABLE envelopes ADD COLUMN held_by TEXT;
ALTER TABLE envelopes ADD COLUMN held_until INTEGER;
`

interface Row {
  id: string
  envelope: string
  conversation: string
  preview: string
  kind: string
  expires_at: number
  stored_at: number
  held_by: string | null
  held_until: number | null
}

/** Loads better-sqlite3, or says which package to install. */
async function loadDriver(): Promise<typeof Database> {
  try {
    return (await import('better-sqlite3')).default
  } catch (cause) {
    throw new SecureFieldsError(
      StoreErrorCodes.UNAVAILABLE,
      'The SQLite envelope store needs the better-sqlite3 package: npm install better-sqlite3 (an optional peer dependency of secure-fields).',
      { cause },
    )
  }
}

const metaOf = (row: Omit<Row, 'envelope' | 'stored_at'>): EnvelopeMeta => ({
  conversation: row.conversation,
  preview: row.preview,
  kind: row.kind,
  expiresAt: row.expires_at,
})

/**
 * Opens (creating if needed) a SQLite envelope store.
 *
 * The database runs in WAL mode so readers never block the writer, with a busy timeout so
 * concurrent writers from other processes wait their turn.
 *
 * @throws {@link SecureFieldsError} `ERR_STORE_UNAVAILABLE` when the file was written by a newer
 *   schema version; better-sqlite3 errors when the file cannot be opened
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<EnvelopeStore> {
  const { file, busyTimeout = 5000, synchronous = 'FULL' } = options
  const Driver = await loadDriver()
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
  const db = new Driver(file, { timeout: busyTimeout })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`)
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeout))}`)
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }
  return sqliteStore(db)
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: two processes opening a fresh file at once must not both try to create it.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) {
      throw new SecureFieldsError(
        StoreErrorCodes.UNAVAILABLE,
        `The envelope store was written by a newer version (schema ${version}, this one reads ${SCHEMA_VERSION}).`,
      )
    }
    if (version === 1) db.exec(MIGRATE_1_TO_2)
    db.exec(SCHEMA)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }).immediate()
}

function sqliteStore(db: Database.Database): EnvelopeStore {
  // The WHERE NOT EXISTS makes "stored again after it was taken" part of the same atomic insert.
  const insert = db.prepare(`
    INSERT INTO envelopes (id, envelope, conversation, preview, kind, expires_at, stored_at, sealed_exp)
    SELECT @id, @envelope, @conversation, @preview, @kind, @expiresAt, @storedAt, @sealedExp
    WHERE NOT EXISTS (SELECT 1 FROM gone WHERE id = @id)`)
  // One statement reads and deletes, so two takers can never both see the row. A live claim of
  // another holder keeps the row (the statement then deletes nothing).
  const takeRow = db.prepare(`
    DELETE FROM envelopes WHERE id = @id
      AND (held_by IS NULL OR held_until <= @now OR held_by = @holder) RETURNING *`)
  // Claiming is one UPDATE: of two racing holders, the second finds the first one's live claim.
  const claimRow = db.prepare(`
    UPDATE envelopes SET held_by = @holder, held_until = MIN(@until, expires_at)
    WHERE id = @id AND expires_at > @now
      AND (held_by IS NULL OR held_until <= @now OR held_by = @holder) RETURNING *`)
  const releaseRow = db.prepare(`UPDATE envelopes SET held_by = NULL, held_until = NULL WHERE id = ? AND held_by = ?`)
  const heldRow = db.prepare(`SELECT held_by FROM envelopes WHERE id = @id AND expires_at > @now AND held_until > @now`)
  const peekRow = db.prepare(`SELECT * FROM envelopes WHERE id = ? AND expires_at > ?`)
  const listRows = db.prepare(`
    SELECT id, conversation, preview, kind, expires_at FROM envelopes
    WHERE conversation = ? AND expires_at > ? ORDER BY stored_at, id`)
  const sweepRows = db.prepare(`DELETE FROM envelopes WHERE expires_at <= ?`)
  const sweepGone = db.prepare(`DELETE FROM gone WHERE until <= ?`)
  const sweep = db.transaction((now: number) => {
    const { changes } = sweepRows.run(now)
    sweepGone.run(now)
    return changes
  })
  let closed = false
  const open = () => {
    if (closed) throw closedError()
  }

  return {
    async put(envelope, meta) {
      open()
      const entry = prepareEntry(envelope, meta, Date.now())
      let changes: number
      try {
        const { id, storedAt, sealedExp, meta: m } = entry
        ;({ changes } = insert.run({ id, envelope, storedAt, sealedExp, ...m }))
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw duplicate(false)
        throw error
      }
      if (changes === 0) throw duplicate(true)
      return entry.id
    },

    async take(id, options) {
      open()
      const { now, holder } = takeTerms(options)
      if (!isStoreId(id)) return undefined
      const row = takeRow.get({ id, now, holder: holder ?? null }) as Row | undefined
      if (!row) {
        // Nothing deleted: gone, or held by another holder's live claim.
        if (heldRow.get({ id, now })) throw held()
        return undefined
      }
      if (row.expires_at <= now) return undefined
      const taken: StoredEnvelope = { id: row.id, envelope: row.envelope, meta: metaOf(row), storedAt: row.stored_at }
      return taken
    },

    async claim(id, options) {
      open()
      const { holder, now, until } = claimTerms(options)
      if (!isStoreId(id)) return undefined
      const row = claimRow.get({ id, holder, now, until }) as Row | undefined
      if (!row) {
        if (heldRow.get({ id, now })) throw held()
        return undefined
      }
      const claimed: StoredEnvelope = { id: row.id, envelope: row.envelope, meta: metaOf(row), storedAt: row.stored_at }
      return claimed
    },

    async release(id, holder) {
      open()
      if (!isStoreId(id) || typeof holder !== 'string') return false
      return releaseRow.run(id, holder).changes > 0
    },

    async peek(id, now = Date.now()) {
      open()
      if (!isStoreId(id)) return undefined
      const row = peekRow.get(id, now) as Row | undefined
      if (!row) return undefined
      return { id: row.id, header: inspect(row.envelope), meta: metaOf(row) }
    },

    async list(conversation, now = Date.now()) {
      open()
      const rows = listRows.all(conversation, now) as Row[]
      return rows.map((row) => ({ id: row.id, meta: metaOf(row) }))
    },

    async sweep(now = Date.now()) {
      open()
      return sweep.immediate(now)
    },

    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
