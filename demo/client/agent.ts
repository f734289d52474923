/**
 * The agent console: the transcript, buttons to request a secure field, the desk (a
 * `<secure-reveal>` whose key lives in the frame origin), reveal-once of what customers sent, and
 * the audit trail as the server writes it.
 */
import { connectChat, el, renderEntry, updateEntry } from './chat-client.js'
import type { AuditEntry } from '../../src/node/audit/index.js'
import type * as GuardModule from '../../src/host/composer-guard.js'

interface RevealElement extends HTMLElement {
  envelope: string
  publicKey(): Promise<Record<string, unknown>>
}

const conversation = new URLSearchParams(location.search).get('c') ?? 'conversation-42'
const transcript = document.querySelector<HTMLOListElement>('#transcript')!
const composer = document.querySelector<HTMLFormElement>('#composer')!
const text = composer.querySelector<HTMLInputElement>('input')!
const auditList = document.querySelector<HTMLOListElement>('#audit')!
const desk = document.querySelector<RevealElement>('secure-reveal')!
const deskStatus = document.querySelector<HTMLElement>('#desk-status')!
const frameBase = document.documentElement.dataset.frameBase!
let revealing: string | undefined

const chat = connectChat('agent', conversation, (m) => {
  switch (m.type) {
    case 'welcome':
      transcript.replaceChildren(...m.transcript.map(render))
      break
    case 'entry':
      transcript.append(render(m.entry))
      transcript.lastElementChild?.scrollIntoView({ block: 'end' })
      break
    case 'update':
      updateEntry(transcript, m.entry, 'agent')
      break
    case 'envelope':
      revealing = m.id
      desk.setAttribute('context', conversation)
      desk.envelope = m.envelope
      deskStatus.textContent = 'Confirm it is you in the desk panel to reveal the value.'
      break
    case 'gone':
      deskStatus.textContent = 'That value is no longer available: it was revealed or it expired.'
      break
    case 'held':
      deskStatus.textContent = 'That value is being revealed in another agent tab. Try again when that tab is done.'
      break
    case 'deleted':
      transcript.querySelector(`[data-id="${CSS.escape(m.id)}"] .reveal`)?.remove()
      transcript.querySelector(`[data-id="${CSS.escape(m.id)}"]`)?.classList.add('deleted')
      break
    case 'audit':
      renderAudit(m.entry)
      break
    case 'notice':
      deskStatus.textContent = m.text
      break
    case 'back-office': {
      // What the back office found, under the card's line in the transcript (agents only).
      const row = el('li', 'entry back-office')
      row.append(el('span', 'who', 'Back office'), el('div', 'body', m.text))
      const card = transcript.querySelector(`[data-id="${CSS.escape(m.id)}"]`)
      if (card) card.after(row)
      else transcript.append(row)
      break
    }
  }
})

function render(entry: Parameters<typeof renderEntry>[0]): HTMLElement {
  const row = renderEntry(entry, 'agent')
  if (entry.kind === 'secure') {
    const button = el('button', 'reveal', 'Reveal once')
    button.addEventListener('click', () => chat.send({ type: 'fetch', id: entry.id }))
    row.querySelector('.body')!.append(button)
  }
  return row
}

function renderAudit(entry: AuditEntry) {
  const row = el('li', `audit ${entry.event}`)
  // A `redacted` entry counts what the server masked in a message: `card 1`.
  const counts = entry.event === 'redacted' ? Object.entries(entry.detail ?? {}).filter(([, n]) => n !== '0').map(([kind, n]) => `${kind} ${n}`) : []
  row.append(el('code', 'seq', String(entry.seq)), el('span', 'event', entry.event), el('span', 'what', [entry.kind, entry.envelopeId, entry.code, ...counts].filter(Boolean).join(' · ')))
  row.title = `${entry.time} · hash ${entry.hash}`
  auditList.prepend(row)
}

composer.addEventListener('submit', (e) => {
  e.preventDefault()
  if (!text.value.trim()) return
  chat.send({ type: 'say', text: text.value.trim() })
  text.value = ''
})

// Numbers pasted back into the agent's reply are masked before they are sent (the guard comes from the
// agent loader this page already runs; its detector loads on first use). The chat server redacts too.
void (import(`${frameBase}secure-fields-agent.js`) as Promise<typeof GuardModule>).then(async ({ guardComposer }) => {
  const guard = guardComposer(text, { notice: document.querySelector<HTMLElement>('#composer-notice')! })
  await guard.ready
  document.documentElement.dataset.composerGuard = 'ready'
})
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-request]')) {
  button.addEventListener('click', () => chat.send({ type: 'request', kind: button.dataset.request }))
}

// The desk key: generated in the reveal frame, only its public JWK comes out, the server pins it.
desk.addEventListener('secure-ready', async () => {
  const publicJwk = await desk.publicKey()
  chat.send({ type: 'desk-key', publicJwk })
  deskStatus.textContent = 'Desk ready.'
})
desk.addEventListener('secure-revealed', () => revealing && chat.send({ type: 'revealed', id: revealing }))
desk.addEventListener('secure-wiped', () => {
  if (revealing) chat.send({ type: 'audit', event: 'wiped', envelopeId: revealing })
  revealing = undefined
  deskStatus.textContent = 'Shown once, wiped and deleted.'
})
desk.addEventListener('secure-audit', (e) => {
  const { event, detail } = (e as CustomEvent<{ event: string; detail: Record<string, string> }>).detail
  if (event === 'failed' || event === 'refused' || event === 'hidden') chat.send({ type: 'audit', event, envelopeId: revealing, code: detail.code })
  // Not revealed (step-up failed or cancelled, refused…): the server puts the envelope back, and
  // the desk lets go of it, so a retry starts from "Reveal once" and claims it again.
  if ((event === 'failed' || event === 'refused') && revealing && detail.jti === revealing) {
    chat.send({ type: 'release', id: revealing, code: detail.code })
    revealing = undefined
    desk.envelope = ''
    deskStatus.textContent =
      detail.code === 'ERR_ALREADY_REVEALED'
        ? 'Not revealed: this desk revealed that value before. It is deleted now.'
        : `Not revealed (${detail.code}). The value is still there: use Reveal once to try again.`
  }
})
desk.addEventListener('secure-error', (e) => {
  if (!deskStatus.textContent?.startsWith('Not revealed')) deskStatus.textContent = (e as CustomEvent<{ message: string }>).detail.message
})
