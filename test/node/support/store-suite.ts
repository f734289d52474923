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
        for (const call of [() => store.put('x'), () => store.take('x'), () => store.peek('x'), () => store.list('c'), () => store.sweep()]) {
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

    describeStoreStress(harness, () => store)
  })
}
