/**
 * The demo chat hub: one WebSocket per participant (customer or agent), conversations with a
 * transcript, requests for a secure field, envelopes stored in the view-once store, and every step
 * in the audit log. The hub only ever handles envelopes, previews and audit events: it cannot read
 * what a customer typed.
 *
 * @module
 */
import type { WebSocket } from 'ws'
import { HPKE_4, inspect, publicJwkOf, type PublicJwk } from '../../src/crypto/index.js'
import type { EnvelopeStore } from '../../src/node/store/index.js'
import type { AuditLog, AuditInput } from '../../src/node/audit/index.js'
import { isRecord, parseClientMessage, type ClientMessage, type ServerMessage, type TranscriptEntry } from './protocol.js'

/** What the hub needs from the rest of the demo. */
export interface ChatDeps {
  store: EnvelopeStore
  audit: AuditLog
  /** Adds a desk key to the frame origin's pinned set. */
  pinDeskKey(kid: string): void
  /** One line per notable event, for the server's output (never a value). */
  log(line: string): void
}

interface Conversation {
  id: string
  transcript: TranscriptEntry[]
  customers: Set<WebSocket>
  agents: Set<WebSocket>
  /** The desk key customers' fields seal to. */
  deskKey?: PublicJwk
  /** Requests not answered yet: shown again to a customer who reloads or joins. */
  open: Map<string, { field: string }>
}

const KINDS = new Set(['card', 'ssn', 'iban'])

/** Creates the hub; call `connect` for each accepted WebSocket. */
export function createChat(deps: ChatDeps) {
  const conversations = new Map<string, Conversation>()
  let nextRequest = 1

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
    c.deskKey ? { type: 'request', requestId, field, publicKey: { ...c.deskKey }, context: c.id } : undefined
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

  async function handle(socket: WebSocket, role: 'customer' | 'agent', c: Conversation, m: ClientMessage): Promise<void> {
    const now = new Date().toISOString()
    switch (m.type) {
      case 'say':
        record(c, { kind: 'text', from: role, text: m.text, at: now })
        break
      case 'desk-key': {
        if (role !== 'agent') return
        // Validate it as an HPKE-4 public key and keep only the public members, whatever was sent.
        const { kid } = await HPKE_4.importPublic(m.publicJwk)
        c.deskKey = { ...publicJwkOf(m.publicJwk as unknown as PublicJwk), kid }
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
        if (header.ctx !== c.id || header.kid !== c.deskKey?.kid) {
          await audit(c, { event: 'refused', kind: header.kind, envelopeId: header.jti, code: header.ctx !== c.id ? 'ERR_ENVELOPE_WRONG_CONTEXT' : 'ERR_ENVELOPE_WRONG_KEY' })
          return send(socket, { type: 'notice', text: 'That value was sealed for another desk or conversation.' })
        }
        const id = await deps.store.put(m.envelope, { conversation: c.id })
        await audit(c, { event: 'stored', kind: header.kind, envelopeId: id })
        record(c, { kind: 'secure', from: 'customer', id, field: header.kind, preview: header.preview, consent: header.consent !== undefined, at: now })
        answered(c, m.requestId)
        break
      }
      case 'fetch': {
        if (role !== 'agent') return
        const peek = await deps.store.peek(m.id)
        if (!peek || peek.meta.conversation !== c.id) return send(socket, { type: 'gone', id: m.id })
        // View once: the envelope leaves the store as it goes to the agent's reveal frame. Two
        // agents asking at once get it once; the store keeps a tombstone so it cannot come back.
        const stored = await deps.store.take(m.id)
        if (!stored) return send(socket, { type: 'gone', id: m.id })
        await audit(c, { event: 'taken', envelopeId: m.id, kind: stored.meta.kind, actor: 'agent' })
        send(socket, { type: 'envelope', id: m.id, envelope: stored.envelope })
        broadcast(c, { type: 'deleted', id: m.id })
        break
      }
      case 'revealed': {
        if (role !== 'agent') return
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
          if (!isRecord(parsed) || parsed.type !== 'hello' || (parsed.role !== 'customer' && parsed.role !== 'agent') || typeof parsed.conversation !== 'string') return
          const c = conversation(parsed.conversation.slice(0, 64))
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
      })
    },
  }
}
