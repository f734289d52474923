/**
 * The envelope store: view-once storage of sealed envelopes for the agent side, on SQLite
 * (embedded default) or Redis (many chat servers). See `docs/store.md`.
 *
 * Importing this module loads no driver: `openSqliteStore` loads `better-sqlite3` and
 * `openRedisStore` loads `ioredis` on demand (optional peer dependencies: install the one you use).
 *
 * @module
 */
export {
  CLAIM_TTL,
  StoreErrorCodes,
  type ClaimOptions,
  type TakeOptions,
  type EnvelopeListing,
  type EnvelopeMeta,
  type EnvelopePeek,
  type EnvelopeStore,
  type StoredEnvelope,
} from './types.js'
export { openSqliteStore, defaultDataDir, type SqliteStoreOptions } from './sqlite.js'
export { openRedisStore, type RedisLike, type RedisStoreOptions } from './redis.js'
