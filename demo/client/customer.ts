/**
 * The customer's chat page. When the agent asks for a card, the chat shows a consent gate with a
 * secure card field; on send, the field seals the value inside its frame and the page forwards
 * only the envelope. A request stays open until answered: after a reload the server sends it
 * again and the form is shown again.
 */
import { connectChat, el, renderEntry, updateEntry } from './chat-client.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import type * as GuardModule from '../../src/host/composer-guard.js'

const conversation = new URLSearchParams(location.search).get('c') ?? 'conversation-42'
const transcript = document.querySelector<HTMLOListElement>('#transcript')!
const composer = document.querySelector<HTMLFormElement>('#composer')!
const text = composer.querySelector<HTMLInputElement>('input')!
const frameBase = document.documentElement.dataset.frameBase!

const FIELDS: Record<string, { tag: string; purpose: string; label: string; attributes?: Record<string, string> }> = {
  card: { tag: 'secure-card-input', purpose: 'Pay for your order', label: 'Card' },
  ssn: { tag: 'secure-ssn-input', purpose: 'Verify your identity', label: 'Social Security number' },
  iban: { tag: 'secure-text-input', purpose: 'Set up your refund', label: 'IBAN', attributes: { preset: 'iban' } },
}

const chat = connectChat('customer', conversation, (m) => {
  if (m.type === 'welcome') {
    transcript.replaceChildren(...m.transcript.map((e) => renderEntry(e, 'customer')))
  } else if (m.type === 'entry') {
    transcript.append(renderEntry(m.entry, 'customer'))
    transcript.lastElementChild?.scrollIntoView({ block: 'end' })
  } else if (m.type === 'update') {
    updateEntry(transcript, m.entry, 'customer')
    // Answered (here or in another tab of this customer's): its form goes.
    if (m.entry.kind === 'request' && m.entry.sent) transcript.querySelector(`[data-request="${CSS.escape(m.entry.requestId)}"]`)?.remove()
  } else if (m.type === 'request') {
    if (!transcript.querySelector(`[data-request="${CSS.escape(m.requestId)}"]`)) showRequest(m.requestId, m.field, m.publicKey, m.context)
  } else if (m.type === 'notice') {
    transcript.append(el('li', 'entry notice', m.text))
  }
})

composer.addEventListener('submit', (e) => {
  e.preventDefault()
  if (!text.value.trim()) return
  chat.send({ type: 'say', text: text.value.trim() })
  text.value = ''
})

// Numbers typed in the chat box itself are masked before they are sent (the guard comes from the
// loader this page already runs; its detector loads on first use). The chat server redacts too.
void (import(`${frameBase}secure-fields.js`) as Promise<typeof GuardModule>).then(async ({ guardComposer }) => {
  const guard = guardComposer(text, { notice: document.querySelector<HTMLElement>('#composer-notice')! })
  await guard.ready
  document.documentElement.dataset.composerGuard = 'ready'
})

/** A secure request in the chat: consent gate, field, send button. */
function showRequest(requestId: string, kind: string, publicKey: Record<string, unknown> | Array<Record<string, unknown>>, context: string) {
  const spec = FIELDS[kind]
  if (!spec) return
  const item = el('li', 'entry theirs secure-request')
  item.dataset.request = requestId
  const form = el('form', 'secure-form')
  // seal() reports what is missing itself; the browser's bubble would only say "being sealed".
  form.noValidate = true
  const gate = document.createElement('consent-gate')
  gate.setAttribute('purpose', spec.purpose)
  gate.setAttribute('policy-url', 'https://example.com/privacy')
  gate.setAttribute('policy-version', '2026-03')
  gate.setAttribute('frame-origin', frameBase)
  const field = document.createElement(spec.tag) as SecureFieldElement
  for (const [name, value] of Object.entries({ name: kind, required: '', label: spec.label, context, 'frame-origin': frameBase, ...spec.attributes })) {
    field.setAttribute(name, value)
  }
  field.publicKey = publicKey
  gate.append(field)
  const send = el('button', 'send', 'Send securely')
  send.type = 'submit'
  const status = el('p', 'status')
  status.setAttribute('role', 'status')
  // Sent before consenting: the form shows the field's own note ("Give your consent above…", in
  // the customer's language) instead of sealing; once the field unlocks, the note goes.
  let lockNote = false
  form.addEventListener('submit', (e) => {
    if (!field.state.locked) return
    e.preventDefault()
    e.stopImmediatePropagation()
    status.textContent = field.validationMessage
    lockNote = true
  })
  field.addEventListener('secure-change', (e) => {
    if (e.detail.locked || !lockNote) return
    lockNote = false
    status.textContent = ''
  })
  form.append(gate, send, status)
  item.append(el('span', 'who', 'Secure form'), form)
  transcript.append(item)
  // The form grows as its frames report their heights: keep it in view meanwhile, its consent
  // box first on a small screen.
  const keepInView = () => item.scrollIntoView({ block: item.getBoundingClientRect().height > innerHeight ? 'start' : 'end' })
  const sizes = new ResizeObserver(keepInView)
  sizes.observe(item)
  gate.addEventListener('secure-consent', () => sizes.disconnect(), { once: true })

  field.addEventListener('secure-audit', (e) => chat.send({ type: 'audit', event: e.detail.event, kind: e.detail.detail.kind, code: e.detail.detail.code }))
  field.addEventListener('secure-error', (e) => (status.textContent = e.detail.message))

  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    send.disabled = true
    try {
      const envelope = await field.seal()
      chat.send({ type: 'envelope', requestId, envelope })
      item.remove()
    } catch (error) {
      status.textContent = (error as Error).message
      send.disabled = false
    }
  })
}
