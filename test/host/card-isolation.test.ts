import { expect } from 'chai'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import { cleanup, mountField, nextEvent, testConfig } from '../support/host.js'
import { rawFrame } from '../support/raw-frame.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('<secure-card-input>: isolation and policy', () => {
  afterEach(cleanup)

  it("a host script cannot read the frame's DOM", async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    const iframe = card.shadowRoot!.querySelector('iframe')!
    expect(iframe.contentDocument).to.equal(null)
    expect(() => iframe.contentWindow!.document).to.throw()
    expect(() => (iframe.contentWindow as unknown as { location: { href: string } }).location.href).to.throw()
  })

  it('the frame ignores a hello from a window other than its parent', async () => {
    const frame = await rawFrame('card')
    // A sibling window of the page's own origin forges the handshake first.
    const sibling = document.body.appendChild(document.createElement('iframe'))
    sibling.srcdoc = '<!doctype html><p>sibling</p>'
    await new Promise((r) => sibling.addEventListener('load', r, { once: true }))
    const forged = new MessageChannel()
    const forgedReplies: unknown[] = []
    forged.port1.onmessage = (e) => forgedReplies.push(e.data)
    const cfg = await testConfig()
    // A function made by the sibling's own realm: the message's source is the sibling window.
    const post = new ((sibling.contentWindow as unknown as { Function: FunctionConstructor }).Function)('w', 'o', 'p', 'w.postMessage({ sf: 1, t: "hello" }, o, [p])')
    post(frame.iframe.contentWindow, cfg.frameOrigin, forged.port2)
    frame.iframe.contentWindow!.postMessage({ sf: 1, t: 'hello' }, cfg.frameOrigin, []) // no port: ignored too
    await sleep(300)
    expect(forgedReplies).to.deep.equal([])
    // The real parent still gets through.
    await frame.hello()
    expect(frame.received[0]).to.include({ t: 'ready' })
  })

  it('the frame does not boot for a parent that misstates its origin', async () => {
    const cfg = await testConfig()
    const iframe = document.createElement('iframe')
    iframe.src = `${cfg.frameBase}card.html#o=${encodeURIComponent('http://evil.localhost:8000')}`
    const boots: unknown[] = []
    const onMessage = (e: MessageEvent) => e.source === iframe.contentWindow && boots.push(e.data)
    window.addEventListener('message', onMessage)
    document.body.append(iframe)
    await new Promise((r) => iframe.addEventListener('load', r, { once: true }))
    await sleep(300)
    window.removeEventListener('message', onMessage)
    expect(boots).to.deep.equal([])
  })

  it('the host ignores a boot from a window that is not its frame', async () => {
    const card = await mountField<SecureCardInput>('secure-card-input')
    const before = card.droppedMessages
    const sibling = document.body.appendChild(document.createElement('iframe'))
    sibling.srcdoc = '<!doctype html><p>sibling</p>'
    await new Promise((r) => sibling.addEventListener('load', r, { once: true }))
    const post = new ((sibling.contentWindow as unknown as { Function: FunctionConstructor }).Function)('parent.postMessage({ sf: 1, t: "boot" }, "*")')
    post()
    await sleep(200)
    expect(card.droppedMessages).to.equal(before) // not even looked at: wrong source
    expect(card.isReady).to.equal(true)
  })

  it('a frame origin that does not allow this page refuses to be embedded (ERR_FRAME_REFUSED)', async () => {
    const cfg = await testConfig()
    const card = document.createElement('secure-card-input')
    card.setAttribute('frame-origin', cfg.strictFrameBase)
    card.setAttribute('public-key', JSON.stringify(cfg.publicJwk))
    card.setAttribute('context', 'conversation-42')
    const refused = nextEvent<{ code: string }>(card, 'secure-error')
    document.body.append(card)
    expect((await refused).code).to.equal('ERR_FRAME_REFUSED')
    let code: string | undefined
    try {
      await card.seal()
    } catch (e) {
      code = (e as { code?: string }).code
    }
    expect(code).to.equal('ERR_FRAME_REFUSED')
  })

  it('a frame from the page’s own origin is refused outside dev mode', async () => {
    const card = document.createElement('secure-card-input')
    card.setAttribute('frame-origin', `${location.origin}/dist/frame/`)
    card.setAttribute('public-key', JSON.stringify((await testConfig()).publicJwk))
    const refused = nextEvent<{ code: string }>(card, 'secure-error')
    document.body.append(card)
    expect((await refused).code).to.equal('ERR_FRAME_SAME_ORIGIN')
    expect(card.shadowRoot!.querySelector('iframe')).to.equal(null)
  })
})
