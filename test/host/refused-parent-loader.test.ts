/**
 * A page whose origin the frame origin does not allow, loading the loader as a vendor's page
 * would: it is told why, on the console and through `secure-error` on its elements, instead of
 * meeting a CORS error and elements that never upgrade. (This file defines no element of its own
 * first: the refused loader is the only thing that defines them here.)
 */
import { expect } from 'chai'

interface Config {
  strictFrameBase: string
  frameBase: string
}

type RefusedElement = HTMLElement & { seal(): Promise<string>; reveal(): Promise<unknown>; publicKey(): Promise<unknown> }

describe('a loader requested by a page the frame origin does not allow', () => {
  const logged: string[] = []
  const consoleError = console.error
  let config: Config

  before(async () => {
    config = (await (await fetch('/__sf/config.json')).json()) as Config
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '))
    try {
      await import(/* @vite-ignore */ `${config.strictFrameBase}secure-fields.js`)
    } finally {
      console.error = consoleError
    }
  })

  it('says on the console which origin to allow, and where', () => {
    const frameOrigin = new URL(config.strictFrameBase).origin
    expect(logged).to.have.length(1)
    expect(logged[0]).to.include(location.origin).and.include(frameOrigin).and.include(`--allow-parent ${location.origin}`)
  })

  it('defines every element, and each reports ERR_FRAME_REFUSED as a secure-error its page can hear', async () => {
    for (const tag of ['secure-card-input', 'secure-ssn-input', 'secure-text-input', 'consent-gate', 'secure-reveal']) {
      expect(customElements.get(tag), tag).to.not.equal(undefined)
      const element = document.createElement(tag)
      document.body.append(element)
      // A listener added right after the element was connected, as a chat widget does.
      const error = await new Promise<{ code: string; message: string }>((resolve) => element.addEventListener('secure-error', (e) => resolve((e as CustomEvent).detail), { once: true }))
      expect(error.code, tag).to.equal('ERR_FRAME_REFUSED')
      expect(error.message).to.include(location.origin)
      element.remove()
    }
  })

  it('rejects seal() and publicKey() with that code rather than leaving them pending', async () => {
    const card = document.createElement('secure-card-input') as unknown as RefusedElement
    const desk = document.createElement('secure-reveal') as unknown as RefusedElement
    expect(await card.seal().catch((e: { code?: string }) => e.code)).to.equal('ERR_FRAME_REFUSED')
    expect(await desk.publicKey().catch((e: { code?: string }) => e.code)).to.equal('ERR_FRAME_REFUSED')
    expect(await desk.reveal().catch((e: { code?: string }) => e.code)).to.equal('ERR_FRAME_REFUSED')
  })

  it('the same loader, from a frame origin that allows this page, is the real one', async () => {
    const source = await (await fetch(`${config.frameBase}secure-fields.js`)).text()
    expect(source).not.to.include('RefusedSecureElement')
    expect(source.length).to.be.above(10_000)
  })
})
