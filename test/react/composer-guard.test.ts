import { expect } from 'chai'
import type { SecureDetectedDetail } from '../../src/host/events.js'
import { canaryCard } from '../support/canary-values.js'

interface Bundle {
  React: typeof import('react')
  createRoot: typeof import('react-dom/client').createRoot
  SecureReact: typeof import('../../src/react/index.js')
}

describe('useComposerGuard', () => {
  it('guards a controlled composer: the masked text reaches React state, onDetected gets kind and preview; unmount stops it', async () => {
    const { React, createRoot, SecureReact } = (await import(/* @vite-ignore */ '/__sf/react-bundle.js' as string)) as Bundle
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    const states: string[] = []
    const detected: SecureDetectedDetail[] = []
    function Composer() {
      const [text, setText] = React.useState('')
      const ref = React.useRef<HTMLTextAreaElement>(null)
      SecureReact.useComposerGuard(ref, { onDetected: (d) => detected.push(d) })
      React.useEffect(() => void states.push(text), [text])
      return React.createElement('textarea', { ref, value: text, onChange: (e: { target: HTMLTextAreaElement }) => setText(e.target.value) })
    }
    root.render(React.createElement(React.StrictMode, null, React.createElement(Composer)))
    const textarea = await new Promise<HTMLTextAreaElement>((resolve) => {
      const look = () => {
        const found = container.querySelector('textarea')
        found ? resolve(found) : requestAnimationFrame(look)
      }
      look()
    })
    // StrictMode mounted, unmounted and mounted again: exactly one guard, one notice.
    await new Promise((r) => setTimeout(r, 0))
    const card = canaryCard()
    const preview = `Visa •••• ${card.slice(-4)}`
    // As a password manager fills it: the native setter, then an input event (React listens to it).
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, `card ${card}`)
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
    for (let i = 0; i < 100 && states[states.length - 1] !== `card ${preview}`; i++) await new Promise((r) => requestAnimationFrame(r))
    expect(states[states.length - 1]).to.equal(`card ${preview}`)
    expect(textarea.value).to.equal(`card ${preview}`)
    expect(detected).to.deep.equal([{ kind: 'card', preview }])
    expect(container.querySelectorAll('.secure-composer-notice')).to.have.length(1)
    root.unmount()
    expect(container.querySelectorAll('.secure-composer-notice')).to.have.length(0)
    container.remove()
  })
})
