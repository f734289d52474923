/**
 * The failure model of the elements (src/host/frame-status.ts): a connection failure, cleared only
 * by another frame, and a refusal of the current configuration, derived from the last verdict so
 * that fixing the cause clears it; each distinct problem reported once. Frames that predate
 * `configured` (a fatal `error` for a refusal) are understood too.
 */
import { expect } from 'chai'
import fc from 'fast-check'
import { FrameStatus, LEGACY_REFUSALS, type Problem } from '../../src/host/frame-status.js'

const NO_KEY: Problem = { code: 'ERR_KEY_MISSING', message: 'No public key is configured.' }
const BAD_PATTERN: Problem = { code: 'ERR_INPUT_INVALID', message: 'pattern is not a valid regular expression.' }
const NO_CONTEXT: Problem = { code: 'ERR_CONTEXT_MISSING', message: 'No context id is configured.' }
const PARENT: Problem = { code: 'ERR_POLICY_PARENT', message: 'This page is not allowed to embed secure fields.' }
const REFUSED: Problem = { code: 'ERR_FRAME_REFUSED', message: 'The frame origin refused to show its frame here.' }

/** A status with `n` configurations sent to a frame that says `configured`. */
function sent(n = 1): FrameStatus {
  const status = new FrameStatus()
  status.opened()
  for (let i = 0; i < n; i++) status.configSent()
  return status
}

describe('the frame status (one failure model for every element)', () => {
  it('a refused configuration is cleared by the verdict on the next one: a key that comes late works', () => {
    const status = sent(2)
    status.configured(NO_KEY)
    expect(status.problem).to.deep.equal(NO_KEY)
    status.configured(undefined)
    expect(status.problem).to.equal(undefined)
  })

  it('the refusal is always the last verdict, whatever came before (nothing sticks)', () => {
    const verdict = fc.option(fc.constantFrom(NO_KEY, BAD_PATTERN, NO_CONTEXT), { nil: undefined })
    fc.assert(
      fc.property(fc.array(verdict, { minLength: 1, maxLength: 20 }), (verdicts) => {
        const status = sent(verdicts.length)
        for (const v of verdicts) status.configured(v)
        expect(status.refusal).to.equal(verdicts.at(-1))
        expect(status.judgedAll).to.equal(true)
      }),
    )
  })

  it('each distinct problem is reported once; after the element works again, the same problem is news', () => {
    const verdict = fc.option(fc.constantFrom(NO_KEY, BAD_PATTERN, NO_CONTEXT), { nil: undefined })
    fc.assert(
      fc.property(fc.array(verdict, { maxLength: 30 }), (verdicts) => {
        const status = sent(verdicts.length)
        const reports: Problem[] = []
        for (const v of verdicts) {
          status.configured(v)
          const report = status.takeReport()
          if (report) reports.push(report)
        }
        // What was reported: the verdicts with consecutive repeats merged, without the good ones.
        const expected = verdicts.filter((v, i) => v !== verdicts[i - 1]).filter((v): v is Problem => v !== undefined)
        expect(reports).to.deep.equal(expected)
      }),
    )
  })

  it('a refusal the frame also told of itself (a non-fatal error) just before its verdict is reported once; told again later, once again', () => {
    const GATE: Problem = { code: 'ERR_GATE_CONFIG', message: 'A consent gate needs a purpose and an http(s) policy URL.' }
    const THEME: Problem = { code: 'ERR_THEME_REFUSED', message: 'Theme property --sf-color-text was refused (unsafe-value).' }
    const status = sent(3)
    status.told(GATE)
    status.configured(GATE)
    expect(status.problem).to.deep.equal(GATE)
    expect(status.takeReport()).to.equal(undefined)
    status.configured(undefined)
    expect(status.takeReport()).to.equal(undefined)
    status.told(THEME) // news of another kind: the next refusal is still reported
    status.configured(NO_KEY)
    expect(status.takeReport()).to.deep.equal(NO_KEY)
  })

  it('the host’s own verdict comes first and, fixed, leaves the frame’s', () => {
    const status = sent()
    status.configured(NO_KEY)
    status.judgedLocally(BAD_PATTERN)
    expect(status.problem).to.deep.equal(BAD_PATTERN)
    expect(status.judgedAll).to.equal(true) // a configuration the host refused is not waited for
    status.judgedLocally(undefined)
    expect(status.problem).to.deep.equal(NO_KEY)
  })

  it('the verdict on the current configuration is known once the frame has judged every configuration sent', () => {
    const status = sent(2)
    expect(status.judgedAll).to.equal(true) // not yet known to say `configured`: an older frame is not waited for
    status.configured(undefined)
    expect(status.judgedAll).to.equal(false)
    status.configured(NO_KEY)
    expect(status.judgedAll).to.equal(true)
    status.configSent()
    expect(status.judgedAll).to.equal(false)
  })

  it('a connection failure outranks a refusal, and only a new frame clears it; the refusal stands until that frame judges', () => {
    const status = sent()
    status.configured(NO_KEY)
    status.failed(REFUSED)
    expect(status.problem).to.deep.equal(REFUSED)
    status.configured(undefined) // a verdict does not bring the frame back
    expect(status.problem).to.deep.equal(REFUSED)
    status.configured(NO_KEY)
    status.opened()
    expect(status.connection).to.equal(undefined)
    expect(status.problem).to.deep.equal(NO_KEY)
  })

  it('from a frame that says `configured`, a refusal also sent as a fatal error before its verdict is that verdict, and a later fix clears it', () => {
    const status = sent()
    status.configured(undefined)
    status.configSent()
    status.fatal(NO_KEY) // sent for older hosts, just before `configured`
    expect(status.connection).to.equal(undefined)
    status.configured(NO_KEY)
    expect(status.problem).to.deep.equal(NO_KEY)
    status.configSent()
    status.configured(undefined)
    expect(status.problem).to.equal(undefined)
    status.fatal(PARENT) // not a refusal: no verdict carries it
    expect(status.connection).to.deep.equal(PARENT)
  })

  it('from a frame that says `configured`, a fatal error is a connection failure, whatever its code', () => {
    const status = sent()
    status.configured(undefined)
    status.fatal(NO_KEY)
    expect(status.connection).to.deep.equal(NO_KEY)
    expect(status.legacyRefused).to.equal(false)
  })

  describe('frames that predate `configured`', () => {
    it('a fatal error with a refusal code is the refusal of the configuration, and marks the frame as one to replace', () => {
      for (const code of LEGACY_REFUSALS) {
        const status = sent()
        status.fatal({ code, message: 'refused' })
        expect(status.connection, code).to.equal(undefined)
        expect(status.refusal?.code).to.equal(code)
        expect(status.legacyRefused).to.equal(true)
      }
      const status = sent()
      status.fatal(PARENT)
      expect(status.connection).to.deep.equal(PARENT)
      expect(status.legacyRefused).to.equal(false)
    })

    it('a state without the refused code clears the refusal; one with it keeps it', () => {
      const status = sent()
      status.fatal(NO_KEY)
      status.shows('ERR_KEY_MISSING')
      expect(status.problem).to.deep.equal(NO_KEY)
      status.shows('card.number.incomplete')
      expect(status.problem).to.equal(undefined)
      expect(status.legacyRefused).to.equal(false)
    })

    it('a new frame keeps the refusal until it shows its element without it', () => {
      const status = sent()
      status.fatal(BAD_PATTERN)
      status.opened()
      expect(status.legacyRefused).to.equal(false)
      expect(status.takeReport()).to.deep.equal(BAD_PATTERN)
      status.fatal(BAD_PATTERN) // refused again: not news
      expect(status.takeReport()).to.equal(undefined)
      status.opened()
      status.shows(undefined)
      expect(status.problem).to.equal(undefined)
    })
  })

  it('a state that names a refusal before its verdict arrived waits for that verdict', () => {
    const status = sent()
    expect(status.awaitsVerdict('ERR_KEY_MISSING')).to.equal(true)
    expect(status.awaitsVerdict('card.number.invalid')).to.equal(false)
    expect(status.awaitsVerdict(undefined)).to.equal(false)
    status.configured(NO_KEY)
    expect(status.awaitsVerdict('ERR_KEY_MISSING')).to.equal(false)
  })

  it('reset forgets everything: a frame opened later reports afresh', () => {
    const status = sent()
    status.configured(NO_KEY)
    expect(status.takeReport()).to.deep.equal(NO_KEY)
    status.reset()
    expect(status.problem).to.equal(undefined)
    status.configSent()
    status.configured(NO_KEY)
    expect(status.takeReport()).to.deep.equal(NO_KEY)
  })
})
