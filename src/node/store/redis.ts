/**
 * The shared envelope store for vendors running many chat servers: Redis (6.2 or later, for
 * GETDEL). Records expire by themselves (`PX`), so an unswept store still forgets on time.
 *
 * `ioredis` is loaded only when this module has to create a client, so applications that use the
 * SQLite store never load it.
 *
 * @module
 */
import { SecureFieldsError, inspect } from '../../crypto/index.js'
import { claimTerms, closedError, corrupt, duplicate, held, isStoreId, prepareEntry, takeTerms } from './entry.js'
import { CLAIM, PUT, RELEASE, SWEEP, TAKE, runScript, type RedisLike } from './redis-scripts.js'
import { StoreErrorCodes, type EnvelopeMeta, type EnvelopeStore, type StoredEnvelope } from './types.js'

export type { RedisLike } from './redis-scripts.js'

/** Options of {@link openRedisStore}. */
export interface RedisStoreOptions {
  /**
   * A connected client to use (ioredis, or any {@link RedisLike}). It stays the caller's: `close()`
   * leaves it open.
   */
  client?: RedisLike
  /** A `redis://` URL for a client the store creates (with ioredis) and closes; default `redis://127.0.0.1:6379`. */
  url?: string
  /**
   * Prefix of every key (default `secure-fields:`). On Redis Cluster use a hash tag, e.g.
   * `{secure-fields}:`, so a record and its indexes share a slot, as the scripts require.
   */
  prefix?: string
}

/** What one Redis key holds, as JSON. */
interface Record {
  envelope: string
  meta: EnvelopeMeta
  storedAt: number
  /** The header's exp in ms: how long the tombstone left by `take` lives. */
  sealedExp: number
  /** The holder of a claim on it, and when that claim ends (ms); absent when unclaimed. */
  heldBy?: string
  heldUntil?: number
}

/**
 * Opens a Redis envelope store.
 *
 * @throws {@link SecureFieldsError} `ERR_STORE_UNAVAILABLE` when no client is given and `ioredis`
 *   cannot be loaded
 */
export async function openRedisStore(options: RedisStoreOptions = {}): Promise<EnvelopeStore> {
  const prefix = options.prefix ?? 'secure-fields:'
  const owned = options.client === undefined
  const client = options.client ?? (await createClient(options.url ?? 'redis://127.0.0.1:6379'))
  return redisStore(client, prefix, owned)
}

async function createClient(url: string): Promise<RedisLike> {
  let Redis: typeof import('ioredis').Redis
  try {
    ;({ Redis } = await import('ioredis'))
  } catch (cause) {
    throw new SecureFieldsError(
      StoreErrorCodes.UNAVAILABLE,
      'The Redis envelope store needs the ioredis package: npm install ioredis (an optional peer dependency of secure-fields), or pass a client.',
      { cause },
    )
  }
  return new Redis(url) as unknown as RedisLike
}

function parse(value: unknown): Record {
  if (typeof value !== 'string') throw corrupt('not a string')
  let record: Record
  try {
    record = JSON.parse(value) as Record
  } catch {
    throw corrupt('not JSON')
  }
  if (typeof record?.envelope !== 'string' || typeof record.meta?.expiresAt !== 'number') throw corrupt('not an envelope record')
  return record
}

function redisStore(client: RedisLike, prefix: string, owned: boolean): EnvelopeStore {
  const recordKey = (id: string) => prefix + id
  const goneKey = (id: string) => `${prefix}idx:gone:${id}`
  const convKey = (conversation: string) => `${prefix}idx:conv:${conversation}`
  const expiryKey = `${prefix}idx:expiry`
  let closed = false
  const open = () => {
    if (closed) throw closedError()
  }

  return {
    async put(envelope, meta) {
      open()
      const now = Date.now()
      const entry = prepareEntry(envelope, meta, now)
      const record: Record = { envelope, meta: entry.meta, storedAt: entry.storedAt, sealedExp: entry.sealedExp }
      const { id, meta: m } = entry
      const result = await runScript(
        client,
        PUT,
        [recordKey(id), goneKey(id), convKey(m.conversation), expiryKey],
        [JSON.stringify(record), m.expiresAt - now, m.expiresAt, id, `${id}:${m.conversation}`],
      )
      if (Number(result) !== 1) throw duplicate(Number(result) === -1)
      return id
    },

    async take(id, options) {
      open()
      const { now, holder } = takeTerms(options)
      if (!isStoreId(id)) return undefined
      const value = await runScript(client, TAKE, [recordKey(id), goneKey(id), expiryKey], [prefix, now, holder ?? ''])
      if (value === null || value === undefined) return undefined
      if (Number(value) === -1) throw held()
      const record = parse(value)
      // Deleted either way: an expired envelope is gone, never handed over.
      if (record.meta.expiresAt <= now) return undefined
      const taken: StoredEnvelope = { id, envelope: record.envelope, meta: record.meta, storedAt: record.storedAt }
      return taken
    },

    async claim(id, options) {
      open()
      const { holder, now, until } = claimTerms(options)
      if (!isStoreId(id)) return undefined
      const value = await runScript(client, CLAIM, [recordKey(id)], [holder, now, until])
      if (value === null || value === undefined) return undefined
      if (Number(value) === -1) throw held()
      const record = parse(value)
      const claimed: StoredEnvelope = { id, envelope: record.envelope, meta: record.meta, storedAt: record.storedAt }
      return claimed
    },

    async release(id, holder) {
      open()
      if (!isStoreId(id) || typeof holder !== 'string') return false
      return Number(await runScript(client, RELEASE, [recordKey(id)], [holder])) === 1
    },

    async peek(id, now = Date.now()) {
      open()
      if (!isStoreId(id)) return undefined
      const value = await client.call('GET', recordKey(id))
      if (value === null || value === undefined) return undefined
      const record = parse(value)
      if (record.meta.expiresAt <= now) return undefined
      return { id, header: inspect(record.envelope), meta: record.meta }
    },

    async list(conversation, now = Date.now()) {
      open()
      const ids = (await client.call('ZRANGEBYSCORE', convKey(conversation), `(${now}`, '+inf')) as string[]
      if (ids.length === 0) return []
      const values = (await client.call('MGET', ...ids.map(recordKey))) as (string | null)[]
      const live: Array<{ id: string; meta: EnvelopeMeta; storedAt: number }> = []
      ids.forEach((id, i) => {
        // A member whose record was taken or expired meanwhile is simply not listed.
        if (values[i] == null) return
        const { meta, storedAt } = parse(values[i])
        if (meta.expiresAt > now) live.push({ id, meta, storedAt })
      })
      live.sort((a, b) => a.storedAt - b.storedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      return live.map(({ id, meta }) => ({ id, meta }))
    },

    async sweep(now = Date.now()) {
      open()
      return Number(await runScript(client, SWEEP, [expiryKey], [now, prefix]))
    },

    async close() {
      if (closed) return
      closed = true
      if (owned) await client.quit?.()
    },
  }
}
