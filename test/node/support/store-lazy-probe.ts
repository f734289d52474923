/**
 * Child process: proves that using the SQLite store never loads ioredis. Prints one JSON line
 * `{ before, after }`: whether ioredis was in the module cache after opening a SQLite store, and
 * after importing ioredis on purpose (which shows the probe itself works).
 *
 * Usage: node --import tsx store-lazy-probe.ts <sqlite file>
 */
import { createRequire } from 'node:module'
import { openSqliteStore } from '../../../src/node/store/index.js'

// ESM imports of CommonJS packages go through the CommonJS loader and land in its cache.
const cache = createRequire(import.meta.url).cache
const loaded = () => Object.keys(cache).some((file) => /[\\/]node_modules[\\/]ioredis[\\/]/.test(file))

const store = await openSqliteStore({ file: process.argv[2]! })
await store.sweep()
await store.close()
const before = loaded()
await import('ioredis')
process.stdout.write(`${JSON.stringify({ before, after: loaded() })}\n`)
