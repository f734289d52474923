// Controls for the noninterference harness: the same session that finds the real frames identical
// for two secrets finds each mutant frame (test/support/mutants.mjs — one deliberate leak each)
// different. A harness that missed one of these would prove nothing.
import { expect } from 'chai'
import { executeServerCommand } from '@web/test-runner-commands'
import { differential, FieldSession, type Kit } from '../support/differential.js'
import { cleanup } from '../support/host.js'

/** The account-number page: focus toggled by the page after every key, seal() after every key, a forged theme. */
async function accountSession(value: string, kit: Kit): Promise<void> {
  const s = await FieldSession.open(kit, 'secure-text-input', 'text', { preset: 'account', label: 'Account' })
  await s.focus()
  await s.type(value.slice(0, 6), () => s.focusGame())
  await s.forgedTheme()
  await s.type(value.slice(6), () => s.focusGame())
  await s.tabOut()
}

const SECRETS: [string, string] = ['730519284617', '118842064617']

describe('noninterference controls: the harness sees each kind of leak', function () {
  this.timeout(600000)
  afterEach(cleanup)

  let mutants: Record<string, string>
  before(async () => {
    mutants = (await executeServerCommand('sf-mutant-frames')) as Record<string, string>
  })

  it('the real frames: no difference (the baseline the controls are measured against)', async () => {
    expect((await differential(accountSession, SECRETS)).difference).to.equal(undefined)
  })

  // Where each leak must be seen first: the harness names the observation and the member.
  const expectations: Array<[string, RegExp]> = [
    ['digit-in-state', /\(port message in .*\)\.what\.state\.message/],
    ['value-in-seal-error', /\(port message in .*\)\.what\.message[^]*The field is not valid/],
    ['value-in-theme-refusal', /\(port message in .*\)\.what\.message[^]*was refused/],
    ['preview-on-page-blur', /\(port message in .*\)\.what\.state\.preview/],
  ]
  for (const [mutant, where] of expectations) {
    it(`a frame that leaks (${mutant}) is caught`, async () => {
      const { difference } = await differential(accountSession, SECRETS, mutants[mutant])
      expect(difference, `${mutant} went unnoticed`).to.be.a('string')
      expect(difference).to.match(where)
    })
  }
})
