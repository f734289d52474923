/**
 * `<consent-gate>` around a field, on the real gate and field frames of the demo frame origin:
 * consent pending (the field locked), consent given (the demo origin starts the gate consented,
 * as a real click would: the receipt, the broadcast to the field frame, the events), and a gate
 * whose configuration cannot be consented to.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { element, field, type MarkArgs } from './support.js'

const TAG = 'consent-gate'

type GateArgs = MarkArgs & { purpose?: string; policyUrl?: string; policyVersion?: string; locale?: string; frameTitle?: string; demo?: { consented: true } }

const meta: Meta<GateArgs> = {
  title: 'Elements/consent-gate',
  component: TAG,
  args: { purpose: 'Verify your identity for this refund', policyUrl: 'https://example.com/privacy', policyVersion: '2026-03', locale: '' },
  render: (args) => {
    const gate = element(TAG, args)
    gate.append(field('secure-ssn-input', { label: 'Social Security number', locale: args.locale, demo: { value: '123-45-6789' } }))
    return gate
  },
}
export default meta

type Story = StoryObj<GateArgs>

/** Waiting for consent: the SSN field inside is locked (not focusable, not sealable, invalid). */
export const ConsentPending: Story = {}

/** Consent given: the field inside unlocks, and its demo value fills in. */
export const ConsentGiven: Story = { args: { demo: { consented: true } } }

/** Without a policy URL there is nothing to consent to: the gate says so (`ERR_GATE_CONFIG`). */
export const Misconfigured: Story = { args: { policyUrl: '', expectError: 'ERR_GATE_CONFIG' } }

/** Right to left: the gate in Arabic, consented. */
export const Arabic: Story = { args: { locale: 'ar', purpose: 'التحقق من هويتك لاسترداد المبلغ', demo: { consented: true } } }
