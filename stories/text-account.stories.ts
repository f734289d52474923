/**
 * `<secure-text-input preset="account">` in every state, on the real text frame of the demo frame
 * origin. Sample values arrive through the `demo` property, as if typed (src/protocol/demo.ts).
 */
import type { Meta } from '@storybook/web-components-vite'
import { field, invalidStory, refusedStory, sealedStory, type FieldArgs, type FieldStory as Story } from './support.js'

const TAG = 'secure-text-input'
const VALID = { value: '12345678' }

const meta: Meta<FieldArgs> = {
  title: 'Elements/secure-text-input/Account',
  component: TAG,
  args: { preset: 'account', label: 'Account number', required: false, disabled: false, locale: '' },
  render: (args) => field(TAG, args),
}
export default meta

const invalid = (code: string, value: string) => invalidStory(code, { value })

export const Empty: Story = {}

/** Mid-typing: a partial number, not yet left, so no error shows. */
export const Typing: Story = { args: { demo: { value: '12', touched: false } } }

// Every validation code of the preset is reachable (no mask: a stray letter is reported).
export const InvalidTooShort = invalid('account.too-short', '12')
export const InvalidTooLong = invalid('account.too-long', '123456789012345678')
export const InvalidCharacters = invalid('account.invalid-characters', '12a4')

export const Complete: Story = { args: { demo: VALID } }

export const Sealed = sealedStory(TAG, VALID)

export const Disabled: Story = { args: { disabled: true, demo: VALID } }

export const RefusedByPolicy = refusedStory()
