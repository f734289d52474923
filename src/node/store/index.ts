/**
 * The envelope store: view-once storage of sealed envelopes for the agent side, on SQLite
 * (embedded default) or Redis (many chat servers). See `docs/store.md`.
 *
 * Importing this module does not load `ioredis`; `openRedisStore` loads it on demand.
 *
 * @module
 */
export {
  StoreErrorCodes,
  type EnvelopeListing,
  type EnvelopeMeta,
  type EnvelopePeek,
  type EnvelopeStore,
  type StoredEnvelope,
} from './types.js'
export { openSqliteStore, defaultDataDir, type SqliteStoreOptions } from './sqlite.js'
export { openRedisStore, type RedisLike, type RedisStoreOptions } from './redis.js'
