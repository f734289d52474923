/**
 * `<secure-text-input preset="id">` in every state, on the real text frame of the demo frame
 * origin: a passport-like ID `AA-000000` (the `mask`), and a `pattern` and lengths for the codes
 * a mask cannot produce. Sample values arrive through the `demo` property, as if typed.
 */
import type { Meta } from '@storybook/web-components-vite'
import { field, invalidStory, refusedStory, sealedStory, type FieldArgs, type FieldStory as Story } from './support.js'

const TAG = 'secure-text-input'
const VALID = { value: 'AB-123456' }

const meta: Meta<FieldArgs> = {
  title: 'Elements/secure-text-input/ID',
  component: TAG,
  args: { preset: 'id', mask: 'AA-000000', label: 'Passport number', required: false, disabled: false, locale: '' },
  render: (args) => field(TAG, args),
}
export default meta

export const Empty: Story = {}

/** Mid-typing: a partial ID, not yet left, so no error shows. */
export const Typing: Story = { args: { demo: { value: 'AB-12', touched: false } } }

// Every validation code of the preset, each under the options that make it reachable.
export const InvalidTooShort = invalidStory('id.too-short', { value: 'AB-12' })
export const InvalidPattern = invalidStory('id.invalid', { value: 'AB-123' }, { mask: '', pattern: '[A-Z]{2}-[0-9]{6}' })
export const InvalidTooLong = invalidStory('id.too-long', { value: 'AB-1234567' }, { mask: '', maxLength: 9 })

export const Complete: Story = { args: { demo: VALID } }

export const Sealed = sealedStory(TAG, VALID)

export const Disabled: Story = { args: { disabled: true, demo: VALID } }

export const RefusedByPolicy = refusedStory()
