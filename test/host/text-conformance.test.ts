import { describeFieldConformance } from './conformance.js'
import { canaryIban, randomDigits } from '../support/canary-values.js'

describeFieldConformance({
  title: '<secure-text-input preset="iban">',
  tag: 'secure-text-input',
  page: 'text',
  attributes: { preset: 'iban' },
  frameKind: 'text',
  frameOptions: { preset: 'iban' },
  validKeys: ['DE89370400440532013000'],
  validPlaintext: 'DE89370400440532013000',
  kind: 'iban',
  preview: 'DE •••• 3000',
  invalidKeys: ['DE89370400440532013001'],
  invalidCode: 'iban.invalid-checksum',
  canary: () => {
    const { iban, digits } = canaryIban()
    return { keys: [iban], digits }
  },
})

describeFieldConformance({
  title: '<secure-text-input preset="account">',
  tag: 'secure-text-input',
  page: 'text',
  attributes: { preset: 'account' },
  frameKind: 'text',
  frameOptions: { preset: 'account' },
  validKeys: ['123456789'],
  validPlaintext: '123456789',
  kind: 'account',
  preview: '•••• 6789',
  invalidKeys: ['123456789012345678'],
  invalidCode: 'account.too-long',
  canary: () => {
    const digits = randomDigits(12)
    return { keys: [digits], digits }
  },
})

describeFieldConformance({
  title: '<secure-text-input preset="id">',
  tag: 'secure-text-input',
  page: 'text',
  attributes: { preset: 'id', pattern: '(AB|CD)-\\d{8}', mask: 'AA-00000000' },
  frameKind: 'text',
  frameOptions: { preset: 'id', pattern: '(AB|CD)-\\d{8}', mask: 'AA-00000000' },
  validKeys: ['ab12345678'],
  validPlaintext: 'AB-12345678',
  kind: 'id',
  preview: '•••• 5678',
  invalidKeys: ['zz12345678'],
  invalidCode: 'id.invalid',
  canary: () => {
    const digits = randomDigits(8)
    return { keys: [`cd${digits}`], digits }
  },
})
