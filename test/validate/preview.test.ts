import { expect } from 'chai'
import { MASK_CHAR, maskedTail, visibleTail } from '../../src/validate/preview.js'

describe('validate/preview', () => {
  it('masks with U+2022', () => {
    expect(MASK_CHAR).to.equal('\u2022')
  })

  it('visibleTail shows the last four, never more than half', () => {
    expect(visibleTail('4242424242424242')).to.equal('4242')
    expect(visibleTail('12345678')).to.equal('5678')
    expect(visibleTail('1234567')).to.equal('567')
    expect(visibleTail('1234')).to.equal('34')
    expect(visibleTail('1')).to.equal('')
    expect(visibleTail('')).to.equal('')
  })

  it('visibleTail counts code points, never splitting a surrogate pair', () => {
    expect(visibleTail('ab😀😀')).to.equal('😀😀')
  })

  it('maskedTail prefixes four bullets whatever the length', () => {
    expect(maskedTail('000123456789')).to.equal('•••• 6789')
    expect(maskedTail('123456')).to.equal('•••• 456')
    expect(maskedTail('1')).to.equal('••••')
  })
})
