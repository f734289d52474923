/**
 * What both demo pages share: the WebSocket to the chat server and transcript rendering.
 * Renders with DOM APIs and textContent only; nothing typed into a secure field ever passes here.
 */
import type { ServerMessage, TranscriptEntry } from '../server/protocol.js'

/** Opens the chat socket, says hello, and calls `onMessage` for each server message. */
export function connectChat(role: 'customer' | 'agent', conversation: string, onMessage: (m: ServerMessage) => void) {
  const socket = new WebSocket(`ws://${location.host}/ws`)
  const queue: string[] = []
  socket.addEventListener('open', () => {
    socket.send(JSON.stringify({ type: 'hello', role, conversation }))
    for (const m of queue.splice(0)) socket.send(m)
  })
  socket.addEventListener('message', (e) => onMessage(JSON.parse(String(e.data)) as ServerMessage))
  return {
    send(message: Record<string, unknown>) {
      const text = JSON.stringify(message)
      if (socket.readyState === WebSocket.OPEN) socket.send(text)
      else queue.push(text)
    },
  }
}

/** Creates an element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text) node.textContent = text
  return node
}

const FIELD_NAMES: Record<string, string> = { card: 'card details', ssn: 'Social Security number', iban: 'IBAN' }

/** Replaces the transcript line of an updated request entry (it was answered). */
export function updateEntry(transcript: HTMLElement, entry: TranscriptEntry, me: 'customer' | 'agent'): void {
  if (entry.kind !== 'request') return
  transcript.querySelector(`[data-request-id="${CSS.escape(entry.requestId)}"]`)?.replaceWith(renderEntry(entry, me))
}

/** The transcript line for an entry, from the point of view of `me`. */
export function renderEntry(entry: TranscriptEntry, me: 'customer' | 'agent'): HTMLElement {
  const mine = entry.from === me
  const row = el('li', `entry ${mine ? 'mine' : 'theirs'} ${entry.kind}`)
  row.dataset.entry = entry.kind
  const who = el('span', 'who', entry.from === 'agent' ? 'Agent' : 'Customer')
  const body = el('div', 'body')
  if (entry.kind === 'text') body.textContent = entry.text
  else if (entry.kind === 'request') {
    // What was asked; "sent securely" only once the customer has sent it.
    row.dataset.requestId = entry.requestId
    body.textContent = `Requested ${FIELD_NAMES[entry.field] ?? entry.field}${entry.sent ? ' — sent securely.' : '.'}`
  }
  else {
    row.dataset.id = entry.id
    const lock = el('span', 'lock', '🔒')
    lock.setAttribute('aria-hidden', 'true')
    body.append(lock, el('span', 'preview', entry.preview || FIELD_NAMES[entry.field] || entry.field))
    body.append(el('span', 'note', entry.consent ? ' sealed with consent' : ' sealed'))
  }
  row.append(who, body)
  return row
}
