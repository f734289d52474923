// The frames defend themselves. Served as a static CDN would serve them — no CSP, no
// frame-ancestors, only policy.json beside the pages — and spoken to directly by the test page (no
// host element, whose own checks would otherwise hide a missing one), a field frame still refuses
// a parent its policy does not list and a theme value that could load or run anything.
import { expect } from 'chai'
import { executeServerCommand } from '@web/test-runner-commands'
import { rawFrame } from '../support/raw-frame.js'
import { inFrame } from '../support/frame-eval.js'
import { testConfig } from '../support/host.js'
import type { FieldConfig } from '../../src/protocol/messages.js'

let bases: { allowed: string; refused: string }

async function config(overrides: Partial<FieldConfig> = {}): Promise<FieldConfig> {
  const cfg = await testConfig()
  return { kind: 'card', label: 'Card', locale: 'en', theme: {}, publicKey: cfg.publicJwk as unknown as Record<string, unknown>, context: 'c', required: false, disabled: false, options: {}, ...overrides }
}

describe('the field frame on its own, served without CSP', () => {
  before(async () => {
    bases = (await executeServerCommand('sf-static-frames')) as typeof bases
  })
  afterEach(() => document.body.replaceChildren())

  it('refuses a parent its policy does not allow: an error, no ready, nothing mounted', async () => {
    const frame = await rawFrame('card', location.origin, bases.refused)
    frame.sendHello()
    const error = await frame.next((m) => m.t === 'error')
    expect(error).to.deep.include({ code: 'ERR_POLICY_PARENT', fatal: true })
    // The port is closed: a config gets no answer, and the frame shows no input.
    frame.send({ sf: 1, t: 'config', config: await config() })
    expect(frame.received.some((m) => m.t === 'ready' || m.t === 'state')).to.equal(false)
    expect(await inFrame('card', () => document.querySelectorAll('input').length)).to.equal(0)
  })

  it('serves an allowed parent (the control: the same static frames work)', async () => {
    const frame = await rawFrame('card', location.origin, bases.allowed)
    await frame.hello()
    frame.send({ sf: 1, t: 'config', config: await config() })
    await frame.next((m) => m.t === 'state')
    expect(await inFrame('card', () => document.querySelectorAll('input').length)).to.equal(3)
  })

  it('refuses theme values that could load or run something, and applies none of them', async () => {
    const frame = await rawFrame('card', location.origin, bases.allowed)
    await frame.hello()
    const theme = {
      '--sf-color-background': 'url(https://evil.example/track)',
      '--sf-color-text': 'red;background:url(x)',
      '--sf-font-family': 'x\\75rl(y)',
      '--sf-color-border': '#123456',
    }
    frame.send({ sf: 1, t: 'config', config: await config({ theme }) })
    await frame.next((m) => m.t === 'state')
    const refused = frame.received.filter((m) => m.t === 'error' && m.code === 'ERR_THEME_REFUSED').map((m) => (m as { message: string }).message)
    expect(refused.join(' ')).to.include('--sf-color-background').and.include('--sf-color-text').and.include('--sf-font-family')
    expect(refused.join(' ')).to.not.include('--sf-color-border')
    const applied = await inFrame('card', () => {
      const style = document.documentElement.style
      return ['--sf-color-background', '--sf-color-text', '--sf-font-family', '--sf-color-border'].map((p) => style.getPropertyValue(p))
    })
    expect(applied).to.deep.equal(['', '', '', '#123456'])
  })
})
