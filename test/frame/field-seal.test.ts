// A field's seal requests on their own (src/frame/runtime/field-seal.ts), with a view and a shell
// of the test's making: whatever becomes of a seal, the field hears how it ended. A seal whose
// cryptography fails answers its request with a seal-error, tells the field (whose state then says
// so: not valid, the failure's code — never "being sealed" for good), and the automatic seal,
// which has no request to answer, tells the developer; nothing of the value travels.
import { expect } from 'chai'
import { FieldSeals, type SealContext } from '../../src/frame/runtime/field-seal.js'
import { deriveState } from '../../src/frame/runtime/field-state.js'
import type { Recipients } from '../../src/frame/runtime/seal.js'
import type { Refusal } from '../../src/frame/runtime/shell.js'
import type { Evaluation, FieldView } from '../../src/frame/runtime/view.js'
import { SecureFieldsError } from '../../src/errors.js'
import type { FieldConfig } from '../../src/protocol/messages.js'

const VALUE = '4242424242424242'
const evaluation: Evaluation = { empty: false, complete: true, valid: true, preview: 'Visa •••• 4242', kind: 'card' }
const config: FieldConfig = { kind: 'card', label: '', locale: 'en', theme: {}, publicKey: {}, context: 'c', required: false, disabled: false, options: {} }
const view = { inputs: [], plaintext: () => VALUE, maxBytes: () => 19 } as unknown as FieldView

/** Keys whose seal fails as `error` says, or succeeds with a fixed envelope. */
function recipients(error?: unknown): Recipients {
  return { kids: ['kid-1'], pq: false, seal: async () => (error === undefined ? 'a.b..c.' : Promise.reject(error)) }
}

/** A field of the test's making: what it sent, and the failures it was told of. */
function field(keys: Recipients) {
  const sent: Array<Record<string, unknown>> = []
  const failures: Refusal[] = []
  const ctx: SealContext = {
    shell: {
      send: (m: Record<string, unknown>) => sent.push(m),
      audit: (event: string, detail: Record<string, string>) => sent.push({ t: 'audit', event, detail }),
      report: (code: string, message: string) => sent.push({ t: 'error', code, message }),
    } as unknown as SealContext['shell'],
    view,
    facts: () => ({
      locked: false,
      disabled: false,
      evaluation,
      consentNow: () => undefined,
      policy: { allowedParents: [], requireConsent: [], requirePq: [] },
      pageKind: 'card',
      recipients: keys,
      config,
      preview: '',
    }),
    asked: () => undefined,
    failed: (refusal) => failures.push(refusal),
  }
  return { seals: new FieldSeals(ctx), sent, failures }
}

describe('field frames: how a seal ends', () => {
  it('a seal that works answers sealed, audits it, and tells of no failure (the control)', async () => {
    const { seals, sent, failures } = field(recipients())
    await seals.request(3)
    expect(sent.map((m) => m.t)).to.deep.equal(['sealed', 'audit'])
    expect(sent[0]).to.include({ id: 3, envelope: 'a.b..c.', kind: 'card' })
    expect(failures).to.deep.equal([])
  })

  for (const [name, error, code] of [
    ['an error of the hpke package', Object.assign(new Error('Encapsulation failed'), { name: 'EncapError' }), 'ERR_SEAL_FAILED'],
    ['a SecureFieldsError', new SecureFieldsError('ERR_SEAL_FAILED', 'The runtime’s cryptography failed while sealing; nothing was sealed.'), 'ERR_SEAL_FAILED'],
    ['a thrown string', 'boom', 'ERR_SEAL_FAILED'],
  ] as const) {
    it(`${name}: the request gets seal-error, the field is told, nothing of the value travels`, async () => {
      const { seals, sent, failures } = field(recipients(error))
      await seals.request(5)
      expect(sent).to.deep.equal([{ t: 'seal-error', id: 5, code, message: 'The value could not be sealed.' }])
      expect(failures).to.deep.equal([{ code, message: 'The value could not be sealed.' }])
      expect(JSON.stringify(sent)).to.not.include('4242')
    })
  }

  it('the automatic seal (id 0) that fails tells the developer and the field, and answers no request', async () => {
    const { seals, sent, failures } = field(recipients(new Error('x')))
    await seals.request(0)
    expect(sent).to.deep.equal([{ t: 'error', code: 'ERR_SEAL_FAILED', message: 'The value could not be sealed.' }])
    expect(failures).to.have.length(1)
  })

  it('the state of a field told of a failure is not valid and carries its code: no host waits on it', () => {
    const failure = { code: 'ERR_SEAL_FAILED', message: 'The value could not be sealed.' } as const
    const facts = { evaluation, released: true, locked: false, required: false, submitted: false, left: () => false, t: (k: string) => k }
    expect(deriveState(facts).state).to.include({ valid: true })
    expect(deriveState({ ...facts, refusal: failure }).state).to.include({ valid: false, code: 'ERR_SEAL_FAILED', message: 'field.refused' })
  })

  it('requests run one at a time, in order', async () => {
    const order: number[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let calls = 0
    // The first seal waits until released: the second request must still wait for it.
    const keys: Recipients = { kids: ['k'], pq: false, seal: async () => (calls++ === 0 ? (await gate, 'first') : 'next') }
    const { seals, sent } = field(keys)
    const first = seals.request(1).then(() => order.push(1))
    const second = seals.request(2).then(() => order.push(2))
    await Promise.resolve()
    release()
    await Promise.all([first, second])
    expect(order).to.deep.equal([1, 2])
    expect(sent.filter((m) => m.t === 'sealed').map((m) => m.id)).to.deep.equal([1, 2])
  })
})
