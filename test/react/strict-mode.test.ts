import { expect } from 'chai'
import { testConfig, nextEvent } from '../support/host.js'

interface Bundle {
  React: typeof import('react')
  createRoot: typeof import('react-dom/client').createRoot
  SecureReact: typeof import('../../src/react/index.js')
}

describe('React wrappers', () => {
  it('under StrictMode (mount, unmount, mount) each field has exactly one iframe, and it works', async () => {
    const { React, createRoot, SecureReact } = (await import(/* @vite-ignore */ '/__sf/react-bundle.js' as string)) as Bundle
    const cfg = await testConfig()
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    const changes: unknown[] = []
    const props = (name: string) => ({
      name,
      publicKey: cfg.publicJwk as unknown as Record<string, unknown>,
      context: 'conversation-42',
      frameOrigin: cfg.frameBase,
      onSecureChange: (e: CustomEvent) => changes.push(e.detail),
    })
    root.render(
      React.createElement(
        React.StrictMode,
        null,
        React.createElement('form', null, React.createElement(SecureReact.SecureCardInput, props('a')), React.createElement(SecureReact.SecureCardInput, props('b'))),
      ),
    )
    const fields = await new Promise<HTMLElement[]>((resolve) => {
      const check = () => {
        const found = [...container.querySelectorAll('secure-card-input')] as HTMLElement[]
        found.length === 2 ? resolve(found) : requestAnimationFrame(check)
      }
      check()
    })
    await Promise.all(fields.map((f) => ((f as unknown as { isReady: boolean }).isReady ? undefined : nextEvent(f, 'secure-ready'))))
    await new Promise((r) => setTimeout(r, 300))
    for (const f of fields) expect(f.shadowRoot!.querySelectorAll('iframe')).to.have.length(1)
    // No stray frames anywhere: exactly one per field in the whole document.
    const iframes = fields.flatMap((f) => [...f.shadowRoot!.querySelectorAll('iframe')])
    expect(iframes).to.have.length(2)
    expect(changes.length).to.be.greaterThan(0) // the React event prop is wired
    root.unmount()
    container.remove()
  })
})
