import { expect } from 'chai'
import fc from 'fast-check'
import type { RevealFrameMessage } from '../../src/protocol/reveal.js'
import { cleanup, nextEvent, testConfig } from '../support/host.js'
import { rawFrame } from '../support/raw-frame.js'
import { mountReveal, uniqueDesk } from '../support/reveal.js'

describe('<secure-reveal>: isolation', function () {
  this.timeout(60000)
  afterEach(cleanup)

  it("a host script cannot read the desk frame's DOM", async () => {
    const desk = await mountReveal()
    const iframe = desk.shadowRoot!.querySelector('iframe')!
    expect(iframe.contentDocument).to.equal(null)
    expect(() => iframe.contentWindow!.document).to.throw()
  })

  it('a frame origin that does not allow this page refuses the desk (ERR_FRAME_REFUSED); publicKey() rejects', async () => {
    const cfg = await testConfig()
    const desk = document.createElement('secure-reveal')
    desk.setAttribute('frame-origin', cfg.strictFrameBase)
    desk.setAttribute('desk', uniqueDesk())
    const refused = nextEvent<{ code: string }>(desk, 'secure-error')
    const key = desk.publicKey().catch((e: { code?: string }) => e.code)
    document.body.append(desk)
    expect((await refused).code).to.equal('ERR_FRAME_REFUSED')
    expect(await key).to.equal('ERR_FRAME_REFUSED')
  })

  it('played by a raw parent: random and forged messages change nothing and reveal nothing', async () => {
    const frame = await rawFrame('reveal')
    await frame.hello()
    const status = async (id: number) => {
      frame.send({ sf: 1, t: 'status', id })
      const m = (await frame.next((x) => x.t === ('status' as string) && (x as unknown as { id: number }).id === id)) as unknown as Extract<RevealFrameMessage, { t: 'status' }>
      return m.status
    }
    frame.send({ sf: 1, t: 'config', config: { desk: uniqueDesk(), envelope: null, context: 'conversation-42', showFor: 30, locale: 'en', theme: {} } })
    const before = await status(1)
    expect(before).to.deep.equal({ phase: 'enrol', valueNodeEmpty: true, storedKey: 'none' })
    const junk = fc.sample(
      fc.oneof(
        fc.anything(),
        fc.record({ sf: fc.constant(1), t: fc.constantFrom('config', 'reveal', 'hide', 'status', 'destroy', 'desk', 'revealed'), id: fc.anything(), config: fc.anything() }),
      ),
      { numRuns: 2000, seed: 42 },
    )
    // Messages that are valid and change state are left out: this is about what the guard drops.
    for (const m of junk) {
      const t = (m as { t?: unknown })?.t
      if (t === 'destroy' || t === 'reveal' || t === 'status' || (t === 'config' && typeof (m as { config?: unknown }).config === 'object')) continue
      try {
        frame.send(m)
      } catch {
        // not cloneable: it never left this window
      }
    }
    const after = await status(2)
    expect(after).to.deep.equal(before)
    expect(frame.received.map((m) => m.t as string).filter((t) => t === 'revealed' || t === 'wiped' || t === 'desk')).to.deep.equal([])
  })
})
