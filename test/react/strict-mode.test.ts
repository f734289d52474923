import { expect } from 'chai'
import type { ConsentGate as ConsentGateElement } from '../../src/host/consent-gate.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import { inspect } from '../../src/crypto/index.js'
import { testConfig, nextEvent, typeInto, waitForState } from '../support/host.js'
import { cleanupGates, consentFor, GATE } from '../support/gate.js'

interface Bundle {
  React: typeof import('react')
  createRoot: typeof import('react-dom/client').createRoot
  SecureReact: typeof import('../../src/react/index.js')
  SecureReactAgent: typeof import('../../src/react/agent.js')
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

  /** Resolves with the elements of `selector` once `count` of them are in `container`. */
  const found = (container: Element, selector: string, count: number) =>
    new Promise<HTMLElement[]>((resolve) => {
      const check = () => {
        const all = [...container.querySelectorAll<HTMLElement>(selector)]
        all.length === count ? resolve(all) : requestAnimationFrame(check)
      }
      check()
    })
  const ready = (el: HTMLElement) => ((el as unknown as { isReady: boolean }).isReady ? undefined : nextEvent(el, 'secure-ready'))

  it('under StrictMode a gated field has one frame per element, stays locked, and unlocks when the customer consents', async () => {
    const { React, createRoot, SecureReact } = (await import(/* @vite-ignore */ '/__sf/react-bundle.js' as string)) as Bundle
    const cfg = await testConfig()
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    const consents: unknown[] = []
    root.render(
      React.createElement(
        React.StrictMode,
        null,
        React.createElement(
          SecureReact.ConsentGate,
          { purpose: GATE.purpose, policyUrl: GATE.policyUrl, policyVersion: GATE.policyVersion, frameOrigin: cfg.frameBase, onSecureConsent: (e: CustomEvent) => consents.push(e.detail) },
          React.createElement(SecureReact.SecureSsnInput, {
            name: 'ssn',
            publicKey: cfg.publicJwk as unknown as Record<string, unknown>,
            context: 'conversation-42',
            frameOrigin: cfg.frameBase,
          }),
        ),
      ),
    )
    const [gate] = (await found(container, 'consent-gate', 1)) as [ConsentGateElement]
    const [ssn] = (await found(container, 'secure-ssn-input', 1)) as [SecureFieldElement]
    await Promise.all([ready(gate), ready(ssn)])
    await new Promise((r) => setTimeout(r, 300))
    expect(gate.shadowRoot!.querySelectorAll('iframe')).to.have.length(1)
    expect(ssn.shadowRoot!.querySelectorAll('iframe')).to.have.length(1)
    expect(container.querySelectorAll('consent-gate, secure-ssn-input')).to.have.length(2)
    await waitForState(ssn, (s) => s.locked === true)
    const { digest } = await consentFor(gate)
    await waitForState(ssn, (s) => s.locked !== true)
    expect(consents).to.have.length(1) // the onSecureConsent prop is wired
    expect((consents[0] as { digest: string }).digest).to.equal(digest)
    root.unmount()
    await cleanupGates()
  })

  it('under StrictMode a publicKey that arrives after mount (a fetch) makes the field work: it seals, is valid, and has one frame', async () => {
    const { React, createRoot, SecureReact } = (await import(/* @vite-ignore */ '/__sf/react-bundle.js' as string)) as Bundle
    const cfg = await testConfig()
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    // The key comes once the field has been refused for want of it, as a slow fetch would.
    let refused!: () => void
    const wasRefused = new Promise<void>((resolve) => (refused = resolve))
    function App() {
      const [publicKey, setPublicKey] = React.useState<Record<string, unknown> | null>(null)
      React.useEffect(() => {
        let live = true
        void wasRefused
          .then(() => fetch('/__sf/config.json'))
          .then((r) => r.json() as Promise<{ publicJwk: Record<string, unknown> }>)
          .then((c) => live && setPublicKey(c.publicJwk))
        return () => void (live = false)
      }, [])
      return React.createElement(SecureReact.SecureSsnInput, {
        name: 'ssn',
        publicKey,
        context: 'conversation-42',
        frameOrigin: cfg.frameBase,
        onSecureError: (e: CustomEvent<{ code: string }>) => e.detail.code === 'ERR_KEY_MISSING' && refused(),
      })
    }
    root.render(React.createElement(React.StrictMode, null, React.createElement('form', null, React.createElement(App))))
    const [ssn] = (await found(container, 'secure-ssn-input', 1)) as [SecureFieldElement]
    await wasRefused
    expect(ssn.checkValidity(), 'no key yet').to.equal(false)
    // The key is on its way (the fetch starts now): the frame then shows a field that takes input.
    await nextEvent<{ code?: string }>(ssn, 'secure-change', (s) => !s.code?.startsWith('ERR_'))
    await typeInto(ssn, '123456789')
    await waitForState(ssn, (s) => s.valid)
    const envelope = await ssn.seal()
    expect(inspect(envelope).recipients.map((r) => r.kid)).to.deep.equal([cfg.publicJwk.kid])
    expect(ssn.checkValidity()).to.equal(true)
    expect(ssn.shadowRoot!.querySelectorAll('iframe')).to.have.length(1)
    expect(container.querySelectorAll('secure-ssn-input')).to.have.length(1)
    root.unmount()
    container.remove()
  })

  it('every component maps its events to on… props', async () => {
    const { React, createRoot, SecureReact, SecureReactAgent } = (await import(/* @vite-ignore */ '/__sf/react-bundle.js' as string)) as Bundle
    const cfg = await testConfig()
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    const heard: string[] = []
    const field = { publicKey: cfg.publicJwk as unknown as Record<string, unknown>, context: 'conversation-42', frameOrigin: cfg.frameBase }
    root.render(
      React.createElement(
        'div',
        null,
        React.createElement(SecureReact.SecureTextInput, { ...field, preset: 'iban', onSecureReady: () => heard.push('text') }),
        React.createElement(SecureReactAgent.SecureReveal, { frameOrigin: cfg.frameBase, desk: `desk-${crypto.randomUUID().slice(0, 8)}`, onSecureReady: () => heard.push('reveal') }),
      ),
    )
    const elements = await found(container, 'secure-text-input, secure-reveal', 2)
    await Promise.all(elements.map(ready))
    for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20))
    expect(heard.sort()).to.deep.equal(['reveal', 'text'])
    root.unmount()
    container.remove()
  })
})
