import { expect } from 'chai'
import { findSensitiveNumbers, SENSITIVE_KINDS } from '../../src/validate/detect.js'
import { buildCorpus, scoreCorpus, type CorpusScore } from '../support/sensitive-corpus.js'

/** The categories where the detector was wrong, with one example each, for the failure message. */
const wrongs = (score: CorpusScore) =>
  Object.entries(score.categories)
    .filter(([, c]) => c.wrong > 0)
    .map(([name, c]) => `${name}: ${c.wrong}/${c.items}, e.g. ${JSON.stringify(c.example)}`)
    .join('\n')

describe('validate/detect on the labelled corpus', function () {
  this.timeout(60_000)
  let score: CorpusScore
  // Built once: every brand and length, every IBAN country, thousands of look-alikes (seeded).
  before(() => {
    score = scoreCorpus(buildCorpus(), (text) => findSensitiveNumbers(text))
  })

  it('finds every valid card number, SSN and IBAN with its field preview (recall 100 %)', () => {
    for (const kind of SENSITIVE_KINDS) {
      expect(score.kinds[kind].items, kind).to.be.greaterThan(100)
      expect(score.kinds[kind].fn, `${kind} missed:\n${wrongs(score)}`).to.equal(0)
    }
  })

  it('touches at most 0.1 % of the look-alikes (orders, phones, tracking numbers, dates, amounts, invalid numbers…)', () => {
    expect(score.lookAlikes.items).to.be.greaterThan(10_000)
    expect(score.lookAlikes.touched / score.lookAlikes.items, wrongs(score)).to.be.at.most(0.001)
  })
})
