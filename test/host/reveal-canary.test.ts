import { expect } from 'chai'
import { installRecorder } from '../support/canary.js'
import { canaryCard } from '../support/canary-values.js'
import { nextEvent } from '../support/host.js'
import { authenticatorPerTest, clickAction, enrol, mountReveal, sealTo, setEnvelope } from '../support/reveal.js'

describe('<secure-reveal>: the agent page never sees the value', function () {
  this.timeout(60000)
  const addAuthenticator = authenticatorPerTest()

  it('canary sweep: nothing the agent page can observe holds the revealed card number', async () => {
    const recorder = installRecorder()
    try {
      await addAuthenticator()
      const desk = await mountReveal({ 'show-for': '1' })
      await enrol(desk)
      const number = canaryCard()
      const value = JSON.stringify({ number, exp_month: 12, exp_year: 2030, cvc: '737' })
      await setEnvelope(desk, await sealTo(await desk.publicKey(), value, { kind: 'card', preview: `Visa •••• ${number.slice(-4)}` }))
      const revealed = nextEvent(desk, 'secure-revealed')
      const wiped = nextEvent(desk, 'secure-wiped')
      await clickAction(desk)
      await revealed
      // While it shows, and after it is gone.
      expect(await recorder.sweep(number)).to.deep.equal([])
      await wiped
      expect(await desk.frameStatus()).to.include({ valueNodeEmpty: true })
      expect(await recorder.sweep(number)).to.deep.equal([])
      // A control: the same sweep finds the number once it reaches anything the page records.
      recorder.note('control', number)
      expect(await recorder.sweep(number)).to.deep.equal(['control'])
    } finally {
      recorder.uninstall()
    }
  })
})
