/**
 * `<secure-text-input preset="iban">` in every state, on the real text frame of the demo frame
 * origin. Sample values arrive through the `demo` property, as if typed (src/protocol/demo.ts).
 */
import type { Meta } from '@storybook/web-components-vite'
import { field, invalidStory, localesStory, refusedStory, sealedStory, type FieldArgs, type FieldStory as Story } from './support.js'

const TAG = 'secure-text-input'
const VALID = { value: 'DE89 3704 0044 0532 0130 00' }

const meta: Meta<FieldArgs> = {
  title: 'Elements/secure-text-input/IBAN',
  component: TAG,
  args: { preset: 'iban', label: 'IBAN', required: false, disabled: false, locale: '' },
  render: (args) => field(TAG, args),
}
export default meta

const invalid = (code: string, value: string) => invalidStory(code, { value })

export const Empty: Story = {}

/** Mid-typing: a partial IBAN, not yet left, so no error shows. */
export const Typing: Story = { args: { demo: { value: 'DE89 37', touched: false } } }

// One story per validation code a customer can reach. Not reachable through the mask (letters and
// digits only): iban.invalid-characters.
export const InvalidIncomplete = invalid('iban.incomplete', 'DE89 3704')
export const InvalidCountry = invalid('iban.invalid-country', 'XX89 3704 0044 0532 0130 00')
export const InvalidChecksum = invalid('iban.invalid-checksum', 'DE00 3704 0044 0532 0130 00')
export const InvalidFormat = invalid('iban.invalid', 'DEAB 3704 0044 0532 0130 00')
export const InvalidTooLong = invalid('iban.too-long', 'DE89 3704 0044 0532 0130 0000')

export const Complete: Story = { args: { demo: VALID } }

export const Sealed = sealedStory(TAG, VALID)

export const Disabled: Story = { args: { disabled: true, demo: VALID } }

export const RefusedByPolicy = refusedStory()

export const Locales = localesStory(TAG, 'IBAN', { value: 'DE00 3704 0044 0532 0130 00' }, 'iban.invalid-checksum')
