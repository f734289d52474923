/**
 * The store conformance suite, part two: racing takes across processes and connections, and a
 * writer killed mid-flight. Part of {@link describeStore}.
 */
import { expect } from 'chai'
import { inspect, open } from '../../../src/crypto/index.js'
import type { EnvelopeStore } from '../../../src/node/store/index.js'
import { testKeys } from '../../support/keys.js'
import { spawnHelper, type Child } from './children.js'
import { testEnvelope } from './envelopes.js'
import type { StoreHarness } from './store-suite.js'

const TAKER_PROCESSES = 3
const IN_PROCESS_CONNECTIONS = 2

/**
 * Races takes of `ids`: {@link TAKER_PROCESSES} child processes and {@link IN_PROCESS_CONNECTIONS}
 * connections of this process each fire `perId` concurrent takes of every id, all released at
 * once. Returns, per id, how many takes got the envelope, and the envelopes this process won.
 */
async function race(harness: StoreHarness, ids: string[], perId: number) {
  const children: Child[] = Array.from({ length: TAKER_PROCESSES }, () => spawnHelper('store-taker.ts', [JSON.stringify(harness.config())]))
  const locals: EnvelopeStore[] = []
  try {
    for (let i = 0; i < IN_PROCESS_CONNECTIONS; i++) locals.push(await harness.open())
    await Promise.all(children.map((c) => c.waitFor((lines) => lines.includes('ready'))))
    const wins = new Map<string, number>()
    const won: Array<{ id: string; envelope: string }> = []
    const go = JSON.stringify({ ids, perId })
    for (const c of children) c.process.stdin.write(`${go}\n`)
    const local = locals.flatMap((store) =>
      ids.flatMap((id) =>
        Array.from({ length: perId }, async () => {
          const taken = await store.take(id)
          if (taken) won.push({ id, envelope: taken.envelope })
        }),
      ),
    )
    await Promise.all(local)
    for (const { id } of won) wins.set(id, (wins.get(id) ?? 0) + 1)
    for (const c of children) {
      await c.waitFor((lines) => lines.some((l) => l.startsWith('{')))
      const { wins: theirs } = JSON.parse(c.lines.find((l) => l.startsWith('{'))!) as { wins: Record<string, number> }
      for (const [id, n] of Object.entries(theirs)) wins.set(id, (wins.get(id) ?? 0) + n)
    }
    return { wins, won }
  } finally {
    for (const c of children) c.process.kill('SIGKILL')
    await Promise.all(locals.map((s) => s.close()))
  }
}

/** The stress half of the conformance suite. */
export function describeStoreStress(harness: StoreHarness, current: () => EnvelopeStore): void {
  describe('concurrency', function () {
    this.timeout(30000)

    it('1,000 concurrent takes of one id, from several processes and connections, hand it over once', async () => {
      const envelope = await testEnvelope()
      const id = await current().put(envelope)
      const perId = 1000 / (TAKER_PROCESSES + IN_PROCESS_CONNECTIONS)
      const { wins, won } = await race(harness, [id], perId)
      expect(wins.get(id)).to.equal(1)
      for (const w of won) expect(w.envelope).to.equal(envelope)
      expect(await harness.rawIds()).to.deep.equal([])
    })

    it('many ids raced at once: each is handed over exactly once, to one taker', async () => {
      const ids: string[] = []
      for (let i = 0; i < 40; i++) ids.push(await current().put(await testEnvelope({ context: 'c-race' })))
      const { wins, won } = await race(harness, ids, 3)
      expect(ids.map((id) => wins.get(id) ?? 0)).to.deep.equal(ids.map(() => 1))
      for (const w of won) expect(inspect(w.envelope).jti).to.equal(w.id)
      expect(await current().list('c-race')).to.deep.equal([])
    })
  })

  describe('crash', function () {
    this.timeout(30000)

    it('a writer killed mid-flight leaves only whole envelopes, and taken ones stay gone', async () => {
      const { publicJwk, privateJwk } = await testKeys()
      const writer = spawnHelper('store-writer.ts', [JSON.stringify(harness.config()), JSON.stringify(publicJwk), 'c-crash'])
      const count = (kind: string) => writer.lines.filter((l) => l.startsWith(`${kind} `)).length
      await writer.waitFor(() => count('put') >= 90 && count('taken') >= 20)
      writer.process.kill('SIGKILL')
      const { signal } = await writer.exited
      expect(signal).to.equal('SIGKILL')
      await current().close()
      await harness.crashBackend?.()

      const acked = new Set(writer.lines.filter((l) => l.startsWith('put ')).map((l) => l.slice(4)))
      const taken = new Set(writer.lines.filter((l) => l.startsWith('taken ')).map((l) => l.slice(6)))
      // A take in flight at the kill may or may not have happened; there is at most one.
      const taking = new Set(writer.lines.filter((l) => l.startsWith('taking ')).map((l) => l.slice(7)))
      expect([...taking].filter((id) => !taken.has(id)).length).to.be.at.most(1)
      const store = await harness.open()
      try {
        const listed = (await store.list('c-crash')).map((l) => l.id)
        const raw = await harness.rawIds()
        // Every record is a listed one, and every acknowledged, untaken put survived.
        expect([...raw].sort()).to.deep.equal([...listed].sort())
        for (const id of acked) if (!taking.has(id)) expect(listed, `acknowledged ${id}`).to.include(id)
        // At most the one put in flight at the kill is there without an acknowledgement.
        expect(listed.filter((id) => !acked.has(id)).length).to.be.at.most(1)
        for (const id of taken) {
          expect(listed).not.to.include(id)
          expect(await store.take(id)).to.equal(undefined)
        }
        for (const id of listed) {
          const record = await store.take(id)
          expect(record, id).not.to.equal(undefined)
          const header = inspect(record!.envelope)
          expect(header.jti).to.equal(id)
          expect(record!.meta).to.deep.equal({ conversation: header.ctx, preview: header.preview, kind: header.kind, expiresAt: header.exp * 1000 })
          const { plaintext } = await open(record!.envelope, privateJwk, { context: 'c-crash' })
          expect(new TextDecoder().decode(plaintext)).to.match(/^411111111111\d{4}$/)
        }
      } finally {
        await store.close()
      }
    })
  })
}
