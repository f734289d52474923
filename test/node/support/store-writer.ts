/**
 * Child process for the crash test: puts envelopes in a loop until it is killed. After every
 * completed put it prints `put <id>`; every third one it then prints `taking <id>`, takes it, and
 * prints `taken <id>` once the take has returned the envelope. A `put`/`taken` line therefore means
 * "acknowledged by the store"; a `taking` without `taken` is a take whose outcome is unknown.
 *
 * Usage: node --import tsx store-writer.ts '<StoreConfig JSON>' '<public JWK JSON>' <conversation>
 */
import { seal } from '../../../src/crypto/index.js'
import { openFromConfig, type StoreConfig } from './store-config.js'

const store = await openFromConfig(JSON.parse(process.argv[2]!) as StoreConfig)
const publicJwk: unknown = JSON.parse(process.argv[3]!)
const context = process.argv[4]!

for (let i = 0; ; i++) {
  const last4 = String(i % 10000).padStart(4, '0')
  const envelope = await seal(`411111111111${last4}`, publicJwk, { kind: 'card', context, preview: `Visa •••• ${last4}` })
  const id = await store.put(envelope)
  process.stdout.write(`put ${id}\n`)
  if (i % 3 === 2) {
    process.stdout.write(`taking ${id}\n`)
    if (await store.take(id)) process.stdout.write(`taken ${id}\n`)
  }
}
