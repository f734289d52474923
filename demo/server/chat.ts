/**
 * The demo chat hub: one WebSocket per participant (customer or agent), conversations with a
 * transcript, requests for a secure field, envelopes stored in the view-once store, and every step
 * in the audit log. The hub only ever handles envelopes, previews and audit events: it cannot read
 * what a customer typed.
 *
 * @module
 */
import type { WebSocket } from 'ws'
import { inspect, publicJwkOf, type AnyPublicJwk, type EnvelopeHeader } from '../../src/crypto/index.js'
import { resolvePublic } from '../../src/crypto/resolve.js'
import { defaultSuites } from '../../src/crypto/defaults.js'
import type { EnvelopeStore } from '../../src/node/store/index.js'
import type { AuditLog, AuditInput } from '../../src/node/audit/index.js'
import { redactWithCounts } from '../../src/node/redact/index.js'
import { isConversationId, isRecord, parseClientMessage, type ClientMessage, type ServerMessage, type TranscriptEntry } from './protocol.js'
import type { BackOffice } from './back-office.js'

/** What the hub needs from the rest of the demo. */
export interface ChatDeps {
  store: EnvelopeStore
  audit: AuditLog
  /** Adds a desk key to the frame origin's pinned set. */
  pinDeskKey(kid: string): void
  /**
   * The back office: every card is sealed to it too (one envelope, two recipients), and it checks
   * that a charge is possible, then wipes the card.
   */
  backOffice: BackOffice
  /** One line per notable event, for the server's output (never a value). */
  log(line: string): void
}

interface Conversation {
  id: string
  transcript: TranscriptEntry[]
  customers: Set<WebSocket>
  agents: Set<WebSocket>
  /** The desk key customers' fields seal to. */
  deskKey?: AnyPublicJwk
  /** Requests not answered yet: shown again to a customer who reloads or joins. */
  open: Map<string, { field: string }>
}

const KINDS = new Set(['card', 'ssn', 'iban'])

/** Creates the hub; call `connect` for each accepted WebSocket. */
export function createChat(deps: ChatDeps) {
  const conversations = new Map<string, Conversation>()
  let nextRequest = 1
  // Each socket is one claim holder (an agent tab), with the envelopes it holds.
  const holders = new WeakMap<WebSocket, { id: string; claims: Set<string> }>()
  let nextHolder = 1
  const holder = (socket: WebSocket) => {
    let h = holders.get(socket)
    if (!h) holders.set(socket, (h = { id: `agent-socket-${nextHolder++}`, claims: new Set() }))
    return h
  }
  const holderOf = (socket: WebSocket) => holder(socket).id
  const claims = (socket: WebSocket) => holder(socket).claims

  const conversation = (id: string): Conversation => {
    let c = conversations.get(id)
    if (!c) {
      c = { id, transcript: [], customers: new Set(), agents: new Set(), open: new Map() }
      conversations.set(id, c)
    }
    return c
  }
  const send = (socket: WebSocket, message: ServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const broadcast = (c: Conversation, message: ServerMessage, who: 'all' | 'agents' | 'customers' = 'all') => {
    if (who !== 'customers') for (const s of c.agents) send(s, message)
    if (who !== 'agents') for (const s of c.customers) send(s, message)
  }
  const record = (c: Conversation, entry: TranscriptEntry) => {
    c.transcript.push(entry)
    broadcast(c, { type: 'entry', entry })
  }
  /** The secure form of an open request, for the customers (or one customer socket). */
  const requestMessage = (c: Conversation, requestId: string, field: string): ServerMessage | undefined =>
    c.deskKey ? { type: 'request', requestId, field, publicKey: requestKeys(c, field), context: c.id } : undefined
  /** An answered request leaves the open set; its transcript line says so. */
  const answered = (c: Conversation, requestId: string) => {
    if (!c.open.delete(requestId)) return
    const entry = c.transcript.find((e) => e.kind === 'request' && e.requestId === requestId)
    if (entry?.kind !== 'request') return
    entry.sent = true
    broadcast(c, { type: 'update', entry })
  }
  const audit = async (c: Conversation, input: Omit<AuditInput, 'conversation'>) => {
    const entry = await deps.audit.append({ ...input, conversation: c.id })
    broadcast(c, { type: 'audit', entry }, 'agents')
    deps.log(`audit ${entry.seq} ${entry.event}${entry.kind ? ` ${entry.kind}` : ''}${entry.envelopeId ? ` ${entry.envelopeId}` : ''}${entry.code ? ` ${entry.code}` : ''}`)
  }

  /** The keys a field of `kind` seals to: the desk, and for a card the back office too. */
  const keysFor = (c: Conversation, kind: string): AnyPublicJwk[] => (kind === 'card' ? [c.deskKey!, deps.backOffice.publicJwk] : [c.deskKey!])
  const requestKeys = (c: Conversation, kind: string) => {
    const keys = keysFor(c, kind).map((k) => ({ ...k }) as Record<string, unknown>)
    return keys.length === 1 ? keys[0]! : keys
  }

  /**
   * The back office opens its copy of the card (the store keeps the envelope for the agent's one
   * reveal), says whether a charge is possible, and wipes it; the agents see the answer and the
   * audit log both steps, never a value.
   */
  async function checkCharge(c: Conversation, id: string, envelope: string): Promise<void> {
    try {
      const { chargeable, preview } = await deps.backOffice.checkCharge(envelope, c.id)
      await audit(c, { event: 'revealed', envelopeId: id, kind: 'card', actor: 'back-office', detail: { purpose: 'charge check', result: chargeable ? 'possible' : 'not possible' } })
      await audit(c, { event: 'wiped', envelopeId: id, kind: 'card', actor: 'back-office' })
      const text = chargeable ? `Back office: a charge on ${preview} is possible. The card was wiped there.` : 'Back office: this card cannot be charged. It was wiped there.'
      broadcast(c, { type: 'back-office', id, text }, 'agents')
    } catch (error) {
      const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'ERR_DEMO'
      await audit(c, { event: 'failed', envelopeId: id, kind: 'card', actor: 'back-office', code })
    }
  }

  /**
   * Stores an envelope and writes its `stored` entry as one step: if the entry cannot be written,
   * the envelope is removed again, so the store never holds an envelope the log does not account
   * for (and if storing fails, no `stored` entry is written).
   */
  async function storeAudited(c: Conversation, envelope: string, header: EnvelopeHeader): Promise<string> {
    let id: string
    try {
      id = await deps.store.put(envelope, { conversation: c.id })
    } catch (error) {
      const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'ERR_DEMO'
      await audit(c, { event: 'refused', kind: header.kind, envelopeId: header.jti, code }).catch(() => undefined)
      throw error
    }
    try {
      await audit(c, { event: 'stored', kind: header.kind, envelopeId: id })
    } catch (error) {
      const removed = await deps.store.take(id).then(
        (taken) => taken !== undefined,
        () => false,
      )
      deps.log(`the audit entry for envelope ${id} failed: ${removed ? 'the envelope was removed again' : 'REMOVING THE ENVELOPE FAILED TOO'}`)
      throw error
    }
    return id
  }

  /** Takes an envelope this socket claimed (the reveal succeeded, or it was revealed before) and logs it. */
  async function takeClaimed(c: Conversation, socket: WebSocket, id: string): Promise<void> {
    const taken = await deps.store.take(id, { holder: holderOf(socket) })
    if (taken) await audit(c, { event: 'taken', envelopeId: id, kind: taken.meta.kind, actor: 'agent' })
    broadcast(c, { type: 'deleted', id })
  }

  async function handle(socket: WebSocket, role: 'customer' | 'agent', c: Conversation, m: ClientMessage): Promise<void> {
    const now = new Date().toISOString()
    switch (m.type) {
      case 'say': {
        // Second line of defence behind the composer guard (an old client, an integration, a script):
        // numbers are masked before the message is stored or relayed; the audit log gets the counts.
        const { text, counts } = redactWithCounts(m.text)
        record(c, { kind: 'text', from: role, text, at: now })
        if (counts.card + counts.ssn + counts.iban > 0) {
          await audit(c, { event: 'redacted', actor: role, detail: { card: String(counts.card), ssn: String(counts.ssn), iban: String(counts.iban) } })
        }
        break
      }
      case 'desk-key': {
        if (role !== 'agent') return
        // Validate it as a public key of any suite and keep only the public members, whatever was sent.
        const { kid } = await resolvePublic(m.publicJwk, defaultSuites())
        c.deskKey = { ...publicJwkOf(m.publicJwk as unknown as AnyPublicJwk), kid }
        deps.pinDeskKey(kid)
        deps.log(`desk key ${kid} registered for ${c.id}`)
        break
      }
      case 'request': {
        if (role !== 'agent' || !KINDS.has(m.kind)) return
        if (!c.deskKey) return send(socket, { type: 'notice', text: 'Set up this desk first: no desk key yet.' })
        const requestId = `r${nextRequest++}`
        c.open.set(requestId, { field: m.kind })
        record(c, { kind: 'request', from: 'agent', requestId, field: m.kind, at: now })
        broadcast(c, requestMessage(c, requestId, m.kind)!, 'customers')
        break
      }
      case 'envelope': {
        if (role !== 'customer') return
        const header = inspect(m.envelope)
        // Sealed for this conversation and to exactly the keys it was asked for (the desk, and
        // the back office for a card).
        const asked = c.deskKey ? keysFor(c, header.kind).map((k) => k.kid ?? '') : []
        const sealedTo = header.recipients.map((r) => r.kid)
        if (header.ctx !== c.id || asked.length === 0 || asked.length !== sealedTo.length || !asked.every((kid) => sealedTo.includes(kid))) {
          await audit(c, { event: 'refused', kind: header.kind, envelopeId: header.jti, code: header.ctx !== c.id ? 'ERR_ENVELOPE_WRONG_CONTEXT' : 'ERR_ENVELOPE_WRONG_KEY' })
          return send(socket, { type: 'notice', text: 'That value was sealed for another desk or conversation.' })
        }
        const id = await storeAudited(c, m.envelope, header)
        record(c, { kind: 'secure', from: 'customer', id, field: header.kind, preview: header.preview, consent: header.consent !== undefined, at: now })
        answered(c, m.requestId)
        if (header.kind === 'card') await checkCharge(c, id, m.envelope)
        break
      }
      case 'fetch': {
        if (role !== 'agent') return
        const peek = await deps.store.peek(m.id)
        if (!peek || peek.meta.conversation !== c.id) return send(socket, { type: 'gone', id: m.id })
        // The envelope goes to this agent's desk but stays in the store, claimed by this socket:
        // it is taken once the desk has revealed it, and put back if the step-up fails, is
        // cancelled, or the tab goes away. Another tab asking meanwhile is told it is busy.
        let claimed
        try {
          claimed = await deps.store.claim(m.id, { holder: holderOf(socket) })
        } catch (error) {
          if (isRecord(error) && error.code === 'ERR_STORE_HELD') return send(socket, { type: 'held', id: m.id })
          throw error
        }
        if (!claimed) return send(socket, { type: 'gone', id: m.id })
        claims(socket).add(m.id)
        await audit(c, { event: 'claimed', envelopeId: m.id, kind: claimed.meta.kind, actor: 'agent' })
        send(socket, { type: 'envelope', id: m.id, envelope: claimed.envelope })
        break
      }
      case 'release': {
        if (role !== 'agent' || !claims(socket).has(m.id)) return
        claims(socket).delete(m.id)
        if (m.code === 'ERR_ALREADY_REVEALED') {
          // This desk revealed it before: it is done, not put back.
          await takeClaimed(c, socket, m.id)
          return
        }
        if (await deps.store.release(m.id, holderOf(socket))) {
          await audit(c, { event: 'released', envelopeId: m.id, actor: 'agent', ...(m.code ? { code: m.code } : {}) })
        }
        break
      }
      case 'revealed': {
        if (role !== 'agent') return
        // The step-up succeeded and the value shows: now the envelope leaves the store, for good.
        if (claims(socket).delete(m.id)) await takeClaimed(c, socket, m.id)
        await audit(c, { event: 'revealed', envelopeId: m.id, actor: 'agent', ...(m.kind ? { kind: m.kind } : {}) })
        break
      }
      case 'audit': {
        if (m.event === 'wiped' || m.event === 'hidden' || m.event === 'failed' || m.event === 'refused' || m.event === 'sealed') {
          await audit(c, { event: m.event, ...(m.envelopeId ? { envelopeId: m.envelopeId } : {}), ...(m.kind ? { kind: m.kind } : {}), ...(m.code ? { code: m.code } : {}), actor: role })
        }
        break
      }
    }
  }

  return {
    /** Attaches a socket; the first message must be a `hello`. */
    connect(socket: WebSocket): void {
      let joined: { role: 'customer' | 'agent'; c: Conversation } | undefined
      let queue = Promise.resolve()
      socket.on('message', (data) => {
        let parsed: unknown
        try {
          parsed = JSON.parse(String(data))
        } catch {
          return
        }
        if (!joined) {
          if (!isRecord(parsed) || parsed.type !== 'hello' || (parsed.role !== 'customer' && parsed.role !== 'agent') || !isConversationId(parsed.conversation)) return
          const c = conversation(parsed.conversation)
          joined = { role: parsed.role, c }
          ;(parsed.role === 'agent' ? c.agents : c.customers).add(socket)
          send(socket, { type: 'welcome', conversation: c.id, transcript: c.transcript, deskReady: c.deskKey !== undefined })
          // A customer who reloads (or joins) gets the forms of the requests still open.
          if (parsed.role === 'customer') {
            for (const [requestId, { field }] of c.open) {
              const message = requestMessage(c, requestId, field)
              if (message) send(socket, message)
            }
          }
          return
        }
        const message = parseClientMessage(parsed)
        if (!message) return
        const { role, c } = joined
        // One message at a time per socket, in order.
        queue = queue.then(() => handle(socket, role, c, message)).catch((error: unknown) => {
          const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'ERR_DEMO'
          deps.log(`refused a ${message.type} message: ${code}`)
          send(socket, { type: 'notice', text: `That did not work (${code}).` })
        })
      })
      socket.on('close', () => {
        joined?.c.agents.delete(socket)
        joined?.c.customers.delete(socket)
        // A tab that goes away mid-step-up puts back what it held (its claims would lapse anyway).
        const c = joined?.c
        for (const id of claims(socket)) {
          queue = queue
            .then(async () => {
              if (c && (await deps.store.release(id, holderOf(socket)))) await audit(c, { event: 'released', envelopeId: id, actor: 'agent', detail: { reason: 'disconnected' } })
            })
            .catch(() => deps.log(`could not release envelope ${id} of a closed socket`))
        }
        claims(socket).clear()
      })
    },
  }
}
