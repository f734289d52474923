import { describeFieldConformance } from './conformance.js'
import { canaryCard } from '../support/canary-values.js'

describeFieldConformance({
  title: '<secure-card-input>',
  tag: 'secure-card-input',
  page: 'card',
  frameKind: 'card',
  validKeys: ['4000056655665556', '1234', '123'],
  validPlaintext: JSON.stringify({ number: '4000056655665556', exp_month: 12, exp_year: 2034, cvc: '123' }),
  kind: 'card',
  preview: 'Visa •••• 5556',
  invalidKeys: ['4242424242424241'],
  invalidCode: 'card.number.invalid',
  canary: () => {
    const digits = canaryCard()
    return { keys: [digits, '1130', '321'], digits }
  },
})
