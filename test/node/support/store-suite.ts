/**
 * The conformance suite of the envelope store: every backend runs exactly these tests through
 * {@link describeStore}. Backend-specific checks live in the backend's own test file.
 */
import { expect } from 'chai'
import { inspect } from '../../../src/crypto/index.js'
import type { EnvelopeStore } from '../../../src/node/store/index.js'
import { testEnvelope, rejection } from './envelopes.js'
import { describeStoreStress } from './store-suite-stress.js'
import type { StoreConfig } from './store-config.js'

/** How the suite reaches one backend. Methods are called only inside tests and hooks. */
export interface StoreHarness {
  /** Prepares an empty namespace for the next test (a new file, a new key prefix). */
  fresh(): Promise<void>
  /** The current namespace, for child processes. */
  config(): StoreConfig
  /** Opens a store (a new connection) on the current namespace. */
  open(): Promise<EnvelopeStore>
  /** Ids of every record as the backend holds it, read around the store API (and its integrity checked). */
  rawIds(): Promise<string[]>
  /** Crashes and restarts the backend itself, where it is a server. */
  crashBackend?(): Promise<void>
}

const MIN = 60_000
const segments = (envelope: string) => envelope.split('.')

/** Runs the store conformance suite against one backend. */
export function describeStore(name: string, harness: StoreHarness): void {
  describe(`envelope store conformance: ${name}`, function () {
    let store: EnvelopeStore
    beforeEach(async () => {
      await harness.fresh()
      store = await harness.open()
    })
    afterEach(() => store.close())

    describe('put, peek, take, list', () => {
      it('stores an envelope under its jti and hands it over exactly once', async () => {
        const envelope = await testEnvelope()
        const id = await store.put(envelope)
        expect(id).to.equal(inspect(envelope).jti)
        const taken = await store.take(id)
        expect(taken?.envelope).to.equal(envelope)
        expect(taken?.id).to.equal(id)
        expect(taken?.storedAt).to.be.within(Date.now() - MIN, Date.now())
        expect(await store.take(id)).to.equal(undefined)
        expect(await store.peek(id)).to.equal(undefined)
        expect(await store.list('conversation-1')).to.deep.equal([])
      })

      it('derives the metadata from the header and honours overrides', async () => {
        const envelope = await testEnvelope({ context: 'c-derived', preview: 'Visa •••• 1111' })
        const header = inspect(envelope)
        const id = await store.put(envelope)
        expect((await store.peek(id))?.meta).to.deep.equal({
          conversation: 'c-derived',
          preview: 'Visa •••• 1111',
          kind: 'card',
          expiresAt: header.exp * 1000,
        })
        const other = await testEnvelope({ context: 'c-derived' })
        const meta = { conversation: 'c-override', preview: '•••• 0000', kind: 'account', expiresAt: Date.now() + MIN }
        const id2 = await store.put(other, meta)
        expect((await store.take(id2))?.meta).to.deep.equal(meta)
      })

      it('peek shows the header and metadata but never the ciphertext', async () => {
        const envelope = await testEnvelope()
        const id = await store.put(envelope)
        const peeked = await store.peek(id)
        expect(peeked?.header).to.deep.equal(inspect(envelope))
        expect(peeked).to.have.all.keys('id', 'header', 'meta')
        const shown = JSON.stringify(peeked)
        const [, encryptedKey, , ciphertext] = segments(envelope)
        expect(shown).not.to.include(ciphertext)
        expect(shown).not.to.include(encryptedKey)
        expect(shown).not.to.include(envelope)
        // Peeking leaves it stored.
        expect((await store.take(id))?.envelope).to.equal(envelope)
      })

      it('lists a conversation\'s live envelopes, oldest first, and nothing of other conversations', async () => {
        const ids: string[] = []
        for (let i = 0; i < 3; i++) {
          ids.push(await store.put(await testEnvelope({ context: 'c-list' })))
          await new Promise((r) => setTimeout(r, 3))
        }
        await store.put(await testEnvelope({ context: 'c-elsewhere' }))
        const listed = await store.list('c-list')
        expect(listed.map((l) => l.id)).to.deep.equal(ids)
        expect(listed[0]).to.have.all.keys('id', 'meta')
        expect(listed[0]?.meta.conversation).to.equal('c-list')
        await store.take(ids[1]!)
        expect((await store.list('c-list')).map((l) => l.id)).to.deep.equal([ids[0], ids[2]])
        expect(await store.list('c-nobody')).to.deep.equal([])
      })

      it('refuses a duplicate id, and an envelope that was already taken', async () => {
        const envelope = await testEnvelope()
        const id = await store.put(envelope)
        expect((await rejection(() => store.put(envelope))).code).to.equal('ERR_STORE_DUPLICATE')
        expect((await store.take(id))?.envelope).to.equal(envelope)
        // View once: replaying the same envelope into the store must not make it revealable again.
        expect((await rejection(() => store.put(envelope))).code).to.equal('ERR_STORE_DUPLICATE')
        expect(await store.take(id)).to.equal(undefined)
      })

      it('refuses malformed, expired and mislabelled envelopes without storing anything', async () => {
        const envelope = await testEnvelope({ context: 'c-refused' })
        const [h, k, iv, c] = segments(envelope)
        const cases: Array<[() => Promise<unknown>, string]> = [
          [() => store.put('not an envelope'), 'ERR_ENVELOPE_MALFORMED'],
          [() => store.put([h, k, iv, c].join('.')), 'ERR_ENVELOPE_MALFORMED'],
          [async () => store.put(await testEnvelope({ context: 'c-refused', expiresIn: 60, now: Date.now() - 2 * MIN })), 'ERR_ENVELOPE_EXPIRED'],
          [() => store.put(envelope, { expiresAt: Date.now() - 1 }), 'ERR_ENVELOPE_EXPIRED'],
          [() => store.put(envelope, { expiresAt: inspect(envelope).exp * 1000 + 1 }), 'ERR_INPUT_INVALID'],
          [() => store.put(envelope, { conversation: '' }), 'ERR_INPUT_INVALID'],
          [() => store.put(envelope, { kind: 'Card!' }), 'ERR_INPUT_INVALID'],
        ]
        for (const [attempt, code] of cases) {
          const error = await rejection(attempt)
          expect(error.code, error.message).to.equal(code)
          expect(error.message).not.to.include(c)
        }
        expect(await store.list('c-refused')).to.deep.equal([])
        // The refusals left nothing behind: the same envelope is still accepted afterwards.
        expect(await store.put(envelope)).to.equal(inspect(envelope).jti)
      })

      it('answers unknown and ill-formed ids with undefined', async () => {
        await store.put(await testEnvelope())
        for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', 'idx:expiry', '../x', '']) {
          expect(await store.take(id)).to.equal(undefined)
          expect(await store.peek(id)).to.equal(undefined)
        }
      })

      it('keeps envelopes across close and reopen, and shares them between connections', async () => {
        const id = await store.put(await testEnvelope({ context: 'c-persist' }))
        const second = await harness.open()
        expect((await second.list('c-persist')).map((l) => l.id)).to.deep.equal([id])
        await second.close()
        await store.close()
        store = await harness.open()
        expect((await store.take(id))?.id).to.equal(id)
      })

      it('refuses every call once closed', async () => {
        await store.close()
        await store.close()
        const calls = [() => store.put('x'), () => store.take('x'), () => store.peek('x'), () => store.list('c'), () => store.sweep(), () => store.claim('x', { holder: 'h' }), () => store.release('x', 'h')]
        for (const call of calls) {
          expect((await rejection(call)).code).to.equal('ERR_STORE_CLOSED')
        }
      })
    })

    describe('expiry', () => {
      it('never hands over an expired envelope, and deletes it on the attempt', async () => {
        const id = await store.put(await testEnvelope(), { expiresAt: Date.now() + MIN })
        expect(await store.take(id, Date.now() + 2 * MIN)).to.equal(undefined)
        expect(await store.take(id)).to.equal(undefined)
        expect(await harness.rawIds()).not.to.include(id)
      })

      it('hides expired envelopes from peek and list without deleting them', async () => {
        const id = await store.put(await testEnvelope({ context: 'c-hide' }), { expiresAt: Date.now() + MIN })
        const later = Date.now() + 2 * MIN
        expect(await store.peek(id, later)).to.equal(undefined)
        expect(await store.list('c-hide', later)).to.deep.equal([])
        expect((await store.peek(id))?.id).to.equal(id)
        expect((await store.list('c-hide')).map((l) => l.id)).to.deep.equal([id])
      })

      it('sweep deletes exactly the expired envelopes and counts them', async () => {
        const now = Date.now()
        const short1 = await store.put(await testEnvelope({ context: 'c-sweep' }), { expiresAt: now + MIN })
        const short2 = await store.put(await testEnvelope({ context: 'c-sweep' }), { expiresAt: now + MIN })
        const long = await store.put(await testEnvelope({ context: 'c-sweep' }))
        expect(await store.sweep(now)).to.equal(0)
        expect(await store.sweep(now + 2 * MIN)).to.equal(2)
        expect(await store.sweep(now + 2 * MIN)).to.equal(0)
        const raw = await harness.rawIds()
        expect(raw).to.include(long)
        expect(raw).not.to.include.members([short1, short2])
        expect((await store.list('c-sweep')).map((l) => l.id)).to.deep.equal([long])
        expect(await store.take(short1)).to.equal(undefined)
      })
    })

    describe('claims: taken only once the reveal succeeded, put back when it failed', () => {
      it('claim hands the envelope over and keeps it; only its holder may take it', async () => {
        const envelope = await testEnvelope({ context: 'c-claim' })
        const id = await store.put(envelope)
        const claimed = await store.claim(id, { holder: 'agent-tab-1' })
        expect(claimed?.envelope).to.equal(envelope)
        expect(claimed?.meta.conversation).to.equal('c-claim')
        // Still stored, still listed: nothing is lost while the agent confirms it is them.
        expect((await store.peek(id))?.id).to.equal(id)
        expect((await store.list('c-claim')).map((l) => l.id)).to.deep.equal([id])
        expect((await rejection(() => store.claim(id, { holder: 'agent-tab-2' }))).code).to.equal('ERR_STORE_HELD')
        expect((await rejection(() => store.take(id))).code).to.equal('ERR_STORE_HELD')
        expect((await rejection(() => store.take(id, { holder: 'agent-tab-2' }))).code).to.equal('ERR_STORE_HELD')
        // The holder claims again (a retry in the same tab) and then takes it: once.
        expect((await store.claim(id, { holder: 'agent-tab-1' }))?.envelope).to.equal(envelope)
        expect((await store.take(id, { holder: 'agent-tab-1' }))?.envelope).to.equal(envelope)
        expect(await store.take(id, { holder: 'agent-tab-1' })).to.equal(undefined)
        expect(await store.claim(id, { holder: 'agent-tab-2' })).to.equal(undefined)
        expect((await rejection(() => store.put(envelope))).code).to.equal('ERR_STORE_DUPLICATE')
      })

      it('release puts it back for every holder; another holder cannot release it', async () => {
        const envelope = await testEnvelope()
        const id = await store.put(envelope)
        await store.claim(id, { holder: 'tab-1' })
        expect(await store.release(id, 'tab-2')).to.equal(false)
        expect((await rejection(() => store.claim(id, { holder: 'tab-2' }))).code).to.equal('ERR_STORE_HELD')
        expect(await store.release(id, 'tab-1')).to.equal(true)
        expect(await store.release(id, 'tab-1')).to.equal(false)
        expect((await store.claim(id, { holder: 'tab-2' }))?.envelope).to.equal(envelope)
        expect(await store.release(id, 'tab-2')).to.equal(true)
        // Released and unclaimed: a plain take works again.
        expect((await store.take(id))?.envelope).to.equal(envelope)
        expect(await store.release('AAAAAAAAAAAAAAAAAAAAAA', 'tab-1')).to.equal(false)
      })

      it('a claim that lapses frees the envelope: a closed tab loses nothing', async () => {
        const envelope = await testEnvelope()
        const id = await store.put(envelope)
        const t = Date.now()
        await store.claim(id, { holder: 'tab-gone', ttl: 1000, now: t })
        expect((await rejection(() => store.claim(id, { holder: 'tab-2', now: t + 999 }))).code).to.equal('ERR_STORE_HELD')
        expect((await store.claim(id, { holder: 'tab-2', now: t + 1000 }))?.envelope).to.equal(envelope)
        expect((await store.take(id, { holder: 'tab-2' }))?.envelope).to.equal(envelope)
      })

      it('of many racing claims by different holders exactly one wins', async () => {
        const id = await store.put(await testEnvelope())
        const second = await harness.open()
        try {
          const attempts = [store, second].flatMap((s, c) => Array.from({ length: 20 }, (_, i) => s.claim(id, { holder: `h-${c}-${i}` }).then((r) => (r ? 'won' : 'gone'), (e: { code?: string }) => e.code)))
          const outcomes = await Promise.all(attempts)
          expect(outcomes.filter((o) => o === 'won')).to.have.length(1)
          expect(outcomes.filter((o) => o === 'ERR_STORE_HELD')).to.have.length(39)
        } finally {
          await second.close()
        }
      })

      it('a claim is visible to other connections and survives a reopen', async () => {
        const id = await store.put(await testEnvelope())
        await store.claim(id, { holder: 'tab-1' })
        await store.close()
        store = await harness.open()
        expect((await rejection(() => store.take(id))).code).to.equal('ERR_STORE_HELD')
        expect((await store.take(id, { holder: 'tab-1' }))?.id).to.equal(id)
      })

      it('claim answers undefined for unknown, taken and expired envelopes and refuses bad terms', async () => {
        expect(await store.claim('AAAAAAAAAAAAAAAAAAAAAA', { holder: 'h' })).to.equal(undefined)
        expect(await store.claim('idx:expiry', { holder: 'h' })).to.equal(undefined)
        const id = await store.put(await testEnvelope(), { expiresAt: Date.now() + MIN })
        expect(await store.claim(id, { holder: 'h', now: Date.now() + 2 * MIN })).to.equal(undefined)
        for (const terms of [{ holder: '' }, { holder: 'a\nb' }, { holder: 'x'.repeat(129) }, { holder: 'h', ttl: 0 }, { holder: 'h', ttl: 600_001 }, { holder: 'h', ttl: 1.5 }]) {
          expect((await rejection(() => store.claim(id, terms))).code, JSON.stringify(terms)).to.equal('ERR_INPUT_INVALID')
        }
        // A claim never outlives its envelope: once the envelope expires, it is gone for everyone.
        await store.claim(id, { holder: 'h', ttl: 600_000 })
        expect(await store.take(id, { now: Date.now() + 2 * MIN })).to.equal(undefined)
      })
    })

    describeStoreStress(harness, () => store)
  })
}
