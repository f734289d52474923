/**
 * The demo's chat hub with a real SQLite store, a real audit log and the real back office, its
 * sockets played by the test: numeric conversation ids, a write that fails half-way (store and log
 * stay consistent), the agent side's claims — taken only once revealed, put back when the reveal
 * fails or the tab goes away, and a second tab told the value is busy — and cards sealed once to
 * the desk and the back office, which opens only a stored card.
 */
import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WebSocket } from 'ws'
import { generateKeyPair, seal, type AnyPublicJwk } from '../../src/crypto/index.js'
import { openAuditLog, verifyAuditLog, type AuditLog } from '../../src/node/audit/index.js'
import { openSqliteStore, type EnvelopeStore } from '../../src/node/store/index.js'
import { createChat } from '../../demo/server/chat.js'
import { createBackOffice, type BackOffice } from '../../demo/server/back-office.js'
import type { ServerMessage } from '../../demo/server/protocol.js'

/** A WebSocket as the hub sees it, driven by the test. */
class FakeSocket {
  readonly OPEN = 1
  readyState = 1
  readonly received: ServerMessage[] = []
  private readonly handlers = new Map<string, Array<(data?: unknown) => void>>()
  private waiters: Array<() => void> = []

  on(event: string, handler: (data?: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }

  send(text: string) {
    this.received.push(JSON.parse(text) as ServerMessage)
    for (const w of this.waiters.splice(0)) w()
  }

  say(message: Record<string, unknown>) {
    for (const h of this.handlers.get('message') ?? []) h(Buffer.from(JSON.stringify(message)))
  }

  close() {
    this.readyState = 3
    for (const h of this.handlers.get('close') ?? []) h()
  }

  /** Resolves with the first message received (from now on, or already) that matches. */
  async next<T extends ServerMessage['type']>(type: T, where: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + 10_000
    for (;;) {
      const found = this.received.find((m) => m.type === type && where(m as Extract<ServerMessage, { type: T }>))
      if (found) {
        this.received.splice(this.received.indexOf(found), 1)
        return found as Extract<ServerMessage, { type: T }>
      }
      if (Date.now() > deadline) throw new Error(`no ${type} message; got ${JSON.stringify(this.received)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
  }
}

describe('demo chat hub: consistent writes and claims', function () {
  this.timeout(30000)
  let dir: string
  let store: EnvelopeStore
  let audit: AuditLog
  let deskKey: AnyPublicJwk
  let backOffice: BackOffice
  let failStored: boolean
  let chat: ReturnType<typeof createChat>

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-demo-chat-'))
    store = await openSqliteStore({ file: join(dir, 'envelopes.sqlite') })
    const real = await openAuditLog(join(dir, 'audit.log'), { sync: false })
    failStored = false
    // The log as the hub gets it: the same log, whose `stored` entries can be made to fail (a full disk).
    audit = {
      ...real,
      append: (input) => (failStored && input.event === 'stored' ? Promise.reject(Object.assign(new Error('disk full'), { code: 'ERR_AUDIT_IO' })) : real.append(input)),
      entries: () => real.entries(),
      close: () => real.close(),
      get head() {
        return real.head
      },
    }
    // As in the demo: a post-quantum Key Encryption desk, and the back office beside it.
    deskKey = (await generateKeyPair({ alg: 'HPKE-9-KE' })).publicJwk
    backOffice = await createBackOffice()
    chat = createChat({ store, audit, pinDeskKey: () => undefined, backOffice, log: () => undefined })
  })
  afterEach(async () => {
    await store.close()
    await audit.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A socket that joined `conversation` as `role`. */
  async function join_(role: 'customer' | 'agent', conversation: string): Promise<FakeSocket> {
    const socket = new FakeSocket()
    chat.connect(socket as unknown as WebSocket)
    socket.say({ type: 'hello', role, conversation })
    await socket.next('welcome')
    return socket
  }

  /** A conversation with an agent (desk key set) and a customer. */
  async function conversationWith(id: string) {
    const agent = await join_('agent', id)
    agent.say({ type: 'desk-key', publicJwk: deskKey })
    const customer = await join_('customer', id)
    return { agent, customer }
  }

  const events = async () => (await audit.entries()).map((e) => `${e.event}${e.actor === 'back-office' ? '@back-office' : ''}${e.code ? `:${e.code}` : ''}`)

  /** A card sealed as the customer's field seals it: once, to the desk and the back office. */
  const sealCard = (context: string) => seal('{"number":"4242424242424242","exp_month":12,"exp_year":2099,"cvc":"123"}', [deskKey, backOffice.publicJwk], { kind: 'card', context, padTo: 80 })

  /** The envelope went in: the agents have its entry and the back office's answer. */
  async function stored(agent: FakeSocket): Promise<string> {
    const { id } = (await agent.next('entry', (m) => m.entry.kind === 'secure')).entry as { id: string }
    await agent.next('back-office', (m) => m.id === id)
    return id
  }

  it('stores and logs envelopes of a conversation whose id holds twelve or more digits', async () => {
    const id = 'order-123456789012'
    const { agent, customer } = await conversationWith(id)
    customer.say({ type: 'envelope', requestId: 'r1', envelope: await sealCard(id) })
    await stored(agent)
    expect(await store.list(id)).to.have.length(1)
    expect(await events()).to.deep.equal(['stored', 'revealed@back-office', 'wiped@back-office'])
    expect((await audit.entries()).map((e) => e.conversation)).to.deep.equal([id, id, id])
  })

  it('a log entry that cannot be written takes the stored envelope back out: neither holds it', async () => {
    const { customer } = await conversationWith('conversation-7')
    failStored = true
    customer.say({ type: 'envelope', requestId: 'r1', envelope: await sealCard('conversation-7') })
    expect((await customer.next('notice')).text).to.include('ERR_AUDIT_IO')
    expect(await store.list('conversation-7')).to.deep.equal([])
    // Nothing stored, so the back office opened nothing either.
    expect(await events()).to.deep.equal([])
    expect(customer.received.filter((m) => m.type === 'entry')).to.deep.equal([])
  })

  it('an envelope the store refuses gets a refused entry, never a stored one', async () => {
    const { agent, customer } = await conversationWith('conversation-8')
    const envelope = await sealCard('conversation-8')
    customer.say({ type: 'envelope', requestId: 'r1', envelope })
    await stored(agent)
    customer.say({ type: 'envelope', requestId: 'r2', envelope })
    expect((await customer.next('notice')).text).to.include('ERR_STORE_DUPLICATE')
    expect(await events()).to.deep.equal(['stored', 'revealed@back-office', 'wiped@back-office', 'refused:ERR_STORE_DUPLICATE'])
    expect(await store.list('conversation-8')).to.have.length(1)
  })

  it('a fetched envelope stays stored until revealed; a second tab is told it is busy; a failed reveal puts it back', async () => {
    const { agent, customer } = await conversationWith('conversation-9')
    const envelope = await sealCard('conversation-9')
    customer.say({ type: 'envelope', requestId: 'r1', envelope })
    const id = { id: await stored(agent) }
    const secondTab = await join_('agent', 'conversation-9')

    agent.say({ type: 'fetch', id: id.id })
    expect((await agent.next('envelope')).envelope).to.equal(envelope)
    expect(await store.list('conversation-9')).to.have.length(1)
    secondTab.say({ type: 'fetch', id: id.id })
    expect(await secondTab.next('held')).to.deep.equal({ type: 'held', id: id.id })

    // The step-up failed in the first tab: the envelope is put back, for anyone.
    agent.say({ type: 'release', id: id.id, code: 'ERR_STEP_UP_FAILED' })
    secondTab.say({ type: 'fetch', id: id.id })
    expect((await secondTab.next('envelope')).envelope).to.equal(envelope)
    // Revealed in the second tab: now it is taken, and everyone hears it is gone.
    secondTab.say({ type: 'revealed', id: id.id, kind: 'card' })
    await agent.next('deleted')
    expect(await store.list('conversation-9')).to.deep.equal([])
    agent.say({ type: 'fetch', id: id.id })
    await agent.next('gone')
    expect(await events()).to.deep.equal(['stored', 'revealed@back-office', 'wiped@back-office', 'claimed', 'released:ERR_STEP_UP_FAILED', 'claimed', 'taken', 'revealed'])
    expect((await verifyAuditLog(join(dir, 'audit.log'))).ok).to.equal(true)
  })

  it('a tab that closes while it holds an envelope puts it back', async () => {
    const { agent, customer } = await conversationWith('conversation-10')
    customer.say({ type: 'envelope', requestId: 'r1', envelope: await sealCard('conversation-10') })
    const id = await stored(agent)
    const other = await join_('agent', 'conversation-10')
    agent.say({ type: 'fetch', id })
    await agent.next('envelope')
    agent.close()
    other.say({ type: 'fetch', id })
    await other.next('envelope')
    expect(await events()).to.deep.equal(['stored', 'revealed@back-office', 'wiped@back-office', 'claimed', 'released', 'claimed'])
  })

  it('a card sealed to the desk alone is refused: the back office must get its copy in the same envelope', async () => {
    const { customer } = await conversationWith('conversation-11')
    const deskOnly = await seal('4242424242424242', [deskKey], { kind: 'card', context: 'conversation-11' })
    customer.say({ type: 'envelope', requestId: 'r1', envelope: deskOnly })
    expect((await customer.next('notice')).text).to.include('another desk')
    expect(await store.list('conversation-11')).to.deep.equal([])
    expect(await events()).to.deep.equal(['refused:ERR_ENVELOPE_WRONG_KEY'])
  })

  it('an SSN goes to the desk alone; the back office never sees it', async () => {
    const { agent, customer } = await conversationWith('conversation-12')
    customer.say({ type: 'envelope', requestId: 'r1', envelope: await seal('123456789', deskKey, { kind: 'ssn', context: 'conversation-12', padTo: 16 }) })
    await agent.next('entry', (m) => m.entry.kind === 'secure')
    expect(await store.list('conversation-12')).to.have.length(1)
    expect(await events()).to.deep.equal(['stored'])
    expect(agent.received.filter((m) => m.type === 'back-office')).to.deep.equal([])
  })

  it('refuses conversation ids that could not be logged or used as a context', async () => {
    for (const conversation of ['', 'a b', 'x'.repeat(65), 'line\nbreak', 42]) {
      const socket = new FakeSocket()
      chat.connect(socket as unknown as WebSocket)
      socket.say({ type: 'hello', role: 'customer', conversation })
      socket.say({ type: 'hello', role: 'customer', conversation: 'ok-after' })
      expect((await socket.next('welcome')).conversation).to.equal('ok-after')
    }
  })
})
