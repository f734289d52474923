/**
 * Child process for the take race: opens the store, prints `ready`, waits for one JSON line
 * `{ ids, perId }` on stdin, fires `perId` concurrent takes of every id at once, prints
 * `{ wins: { id: count } }` and exits.
 *
 * Usage: node --import tsx store-taker.ts '<StoreConfig JSON>'
 */
import { createInterface } from 'node:readline'
import { openFromConfig, type StoreConfig } from './store-config.js'

const store = await openFromConfig(JSON.parse(process.argv[2]!) as StoreConfig)
process.stdout.write('ready\n')
let line = ''
for await (const l of createInterface({ input: process.stdin })) {
  line = l
  break
}
const { ids, perId } = JSON.parse(line) as { ids: string[]; perId: number }
const wins: Record<string, number> = {}
await Promise.all(
  ids.flatMap((id) =>
    Array.from({ length: perId }, async () => {
      if (await store.take(id)) wins[id] = (wins[id] ?? 0) + 1
    }),
  ),
)
await store.close()
process.stdout.write(`${JSON.stringify({ wins })}\n`)
