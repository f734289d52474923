// The customer page, plain TypeScript: the elements from npm, themed with an exported preset.
import { configure, THEMES, type SecureCardInput, type SecureChangeDetail } from 'secure-fields'
import { context, frameOrigin, publicKey } from './setup.js'

configure({ frameOrigin })
const card = document.createElement('secure-card-input') as SecureCardInput
card.label = 'Card'
card.context = context
card.publicKey = publicKey
card.theme = THEMES.ocean.values
card.addEventListener('secure-change', (e) => {
  const detail: SecureChangeDetail = (e as CustomEvent<SecureChangeDetail>).detail
  document.body.dataset.valid = String(detail.valid)
})
const send = Object.assign(document.createElement('button'), { id: 'send', textContent: 'Send' })
const output = Object.assign(document.createElement('output'), { id: 'envelope' })
send.addEventListener('click', async () => {
  output.value = await card.seal().catch((e: { code?: string }) => `error ${e.code}`)
})
document.querySelector('#app')!.append(card, send, output)
