import { describeFieldConformance } from './conformance.js'
import { canarySsn } from '../support/canary-values.js'

describeFieldConformance({
  title: '<secure-ssn-input>',
  tag: 'secure-ssn-input',
  page: 'ssn',
  frameKind: 'ssn',
  frameOptions: { allowItin: false },
  validKeys: ['123456789'],
  validPlaintext: '123456789',
  kind: 'ssn',
  preview: '•••-••-6789',
  invalidKeys: ['123450000'],
  invalidCode: 'ssn.invalid-serial',
  canary: () => {
    const digits = canarySsn()
    return { keys: [digits], digits }
  },
})
