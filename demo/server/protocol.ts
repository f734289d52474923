/**
 * The demo chat's WebSocket messages (JSON), checked on arrival like the library's own protocol.
 *
 * @module
 */
import type { AuditEntry } from '../../src/node/audit/index.js'

/** One line of a transcript: text, a request for a secure field, or a sealed value's preview. */
export type TranscriptEntry =
  | { kind: 'text'; from: 'customer' | 'agent'; text: string; at: string }
  /** `sent` once the customer has sent what was asked for: until then the request is open. */
  | { kind: 'request'; from: 'agent'; requestId: string; field: string; at: string; sent?: boolean }
  | { kind: 'secure'; from: 'customer'; id: string; field: string; preview: string; consent: boolean; at: string }

/** Client → server. */
export type ClientMessage =
  | { type: 'say'; text: string }
  | { type: 'desk-key'; publicJwk: Record<string, unknown> }
  | { type: 'request'; kind: string }
  | { type: 'envelope'; requestId: string; envelope: string }
  | { type: 'fetch'; id: string }
  /** The desk did not reveal a fetched envelope (step-up failed or cancelled…): put it back. */
  | { type: 'release'; id: string; code?: string }
  | { type: 'revealed'; id: string; kind?: string }
  | { type: 'audit'; event: string; envelopeId?: string; kind?: string; code?: string }

/** Server → client. */
export type ServerMessage =
  | { type: 'welcome'; conversation: string; transcript: TranscriptEntry[]; deskReady: boolean }
  | { type: 'entry'; entry: TranscriptEntry }
  /** A request's entry changed (it was answered). */
  | { type: 'update'; entry: TranscriptEntry }
  | { type: 'request'; requestId: string; field: string; publicKey: Record<string, unknown> | Array<Record<string, unknown>>; context: string }
  | { type: 'envelope'; id: string; envelope: string }
  | { type: 'gone'; id: string }
  /** Another agent tab is revealing this envelope right now. */
  | { type: 'held'; id: string }
  | { type: 'deleted'; id: string }
  | { type: 'audit'; entry: AuditEntry }
  | { type: 'notice'; text: string }
  /** To agents: what the back office found (a charge is possible, or not), never a value. */
  | { type: 'back-office'; id: string; text: string }

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A conversation id: what pages put in `?c=`, used as the envelopes' context and in the audit log. */
export const isConversationId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(v)
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max

/** Parses a client message; `undefined` for anything malformed. */
export function parseClientMessage(v: unknown): ClientMessage | undefined {
  if (!isRecord(v)) return undefined
  switch (v.type) {
    case 'say':
      return str(v.text, 2000) ? { type: 'say', text: v.text } : undefined
    case 'desk-key':
      return isRecord(v.publicJwk) ? { type: 'desk-key', publicJwk: v.publicJwk } : undefined
    case 'request':
      return str(v.kind, 16) ? { type: 'request', kind: v.kind } : undefined
    case 'envelope':
      return str(v.requestId, 32) && str(v.envelope, 24576) ? { type: 'envelope', requestId: v.requestId, envelope: v.envelope } : undefined
    case 'fetch':
      return str(v.id, 64) ? { type: 'fetch', id: v.id } : undefined
    case 'release':
      return str(v.id, 64) ? { type: 'release', id: v.id, ...(str(v.code, 64) ? { code: v.code } : {}) } : undefined
    case 'revealed':
      return str(v.id, 64) ? { type: 'revealed', id: v.id, ...(str(v.kind, 16) ? { kind: v.kind } : {}) } : undefined
    case 'audit':
      return str(v.event, 16)
        ? { type: 'audit', event: v.event, ...(str(v.envelopeId, 64) ? { envelopeId: v.envelopeId } : {}), ...(str(v.kind, 16) ? { kind: v.kind } : {}), ...(str(v.code, 64) ? { code: v.code } : {}) }
        : undefined
    default:
      return undefined
  }
}
