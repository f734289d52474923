import { expect } from 'chai'
import { formatRevealed, groupCardNumber } from '../../src/frame/reveal/format.js'
import { ENGLISH, loadLocale } from '../../src/frame/i18n/index.js'

describe('frame/reveal: how a revealed value reads', () => {
  it('a card envelope’s JSON becomes labelled rows: grouped number, MM/YY, security code', () => {
    const rows = formatRevealed('card', JSON.stringify({ number: '4242424242424242', exp_month: 9, exp_year: 2030, cvc: '737' }), ENGLISH)
    expect(rows).to.deep.equal([
      { label: 'Number', value: '4242 4242 4242 4242' },
      { label: 'Expiry', value: '09/30' },
      { label: 'Security code', value: '737' },
    ])
  })

  it('groups American Express 4-6-5 and other lengths by four', () => {
    expect(groupCardNumber('378282246310005')).to.equal('3782 822463 10005')
    expect(groupCardNumber('4000056655665556123')).to.equal('4000 0566 5566 5556 123')
  })

  it('labels follow the locale', async () => {
    const rows = formatRevealed('card', JSON.stringify({ number: '4242424242424242', exp_month: 1, exp_year: 2031, cvc: '123' }), await loadLocale('de'))
    expect(rows.map((r) => r.label)).to.not.deep.equal(['Number', 'Expiry', 'Security code'])
    expect(rows[1]!.value).to.equal('01/31')
  })

  it('other kinds, and a card value that is not the expected JSON, show as the string', () => {
    expect(formatRevealed('ssn', '123-45-6789', ENGLISH)).to.deep.equal([{ label: '', value: '123-45-6789' }])
    expect(formatRevealed('card', 'not json', ENGLISH)).to.deep.equal([{ label: '', value: 'not json' }])
    expect(formatRevealed('card', '{"number":42}', ENGLISH)).to.deep.equal([{ label: '', value: '{"number":42}' }])
  })
})
