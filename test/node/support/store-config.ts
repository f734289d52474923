/**
 * How a test (or a child process it spawns) opens "the same store": a small JSON description that
 * crosses process boundaries on argv.
 */
import { openRedisStore, openSqliteStore, type EnvelopeStore } from '../../../src/node/store/index.js'

/** Where a store lives. */
export type StoreConfig = { backend: 'sqlite'; file: string } | { backend: 'redis'; url: string; prefix: string }

/** Opens the store a config describes. */
export function openFromConfig(config: StoreConfig): Promise<EnvelopeStore> {
  return config.backend === 'sqlite'
    ? openSqliteStore({ file: config.file })
    : openRedisStore({ url: config.url, prefix: config.prefix })
}
