/**
 * `<secure-ssn-input>` in every state, on the real SSN frame of the demo frame origin. Sample
 * values arrive through the `demo` property, as if typed (src/protocol/demo.ts).
 */
import type { Meta } from '@storybook/web-components-vite'
import { field, invalidStory, localesStory, refusedStory, sealedStory, sealedToKeySetStory, type FieldArgs, type FieldStory as Story } from './support.js'

const TAG = 'secure-ssn-input'
const VALID = { value: '123-45-6789' }

const meta: Meta<FieldArgs> = {
  title: 'Elements/secure-ssn-input',
  component: TAG,
  args: { label: 'Social Security number', required: false, disabled: false, allowItin: false, locale: '' },
  render: (args) => field(TAG, args),
}
export default meta

const invalid = (code: string, value: string, args: FieldArgs = {}) => invalidStory(code, { value }, args)

export const Empty: Story = {}

/** Mid-typing: a partial number, not yet left, so no error shows. */
export const Typing: Story = { args: { demo: { value: '123-4', touched: false } } }

// One story per validation code a customer can reach. Not reachable through the mask (nine digits
// only), so not shown: ssn.invalid-characters and ssn.too-long.
export const InvalidIncomplete = invalid('ssn.incomplete', '123-45')
export const InvalidArea = invalid('ssn.invalid-area', '666-12-3456')
export const InvalidGroup = invalid('ssn.invalid-group', '123-00-4567')
export const InvalidSerial = invalid('ssn.invalid-serial', '123-45-0000')
export const InvalidItinNotAllowed = invalid('ssn.itin-not-allowed', '912-70-1234')
export const InvalidItin = invalid('ssn.invalid-itin', '912-45-1234', { allowItin: true })

export const Complete: Story = { args: { demo: VALID } }

/** With `allow-itin`, an ITIN is valid and the frame says it recognised one. */
export const CompleteItin: Story = { name: 'Complete: ITIN', args: { allowItin: true, demo: { value: '912-70-1234' } } }

export const Sealed = sealedStory(TAG, VALID)

/**
 * Sealed once to a post-quantum key set — an agent's desk and the back office (`HPKE-9-KE`): one
 * JSON envelope, any one of whose keys opens it. The header lists both recipients.
 */
export const SealedToKeySet: Story = { name: 'Sealed: post-quantum key set', ...sealedToKeySetStory(TAG, VALID) }

export const Disabled: Story = { args: { disabled: true, demo: VALID } }

export const RefusedByPolicy = refusedStory()

export const Locales = localesStory(TAG, 'SSN', { value: '123-00-4567' }, 'ssn.invalid-group')
