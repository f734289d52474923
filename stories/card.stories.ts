/**
 * `<secure-card-input>` in every state, on the real card frame of the demo frame origin. Sample
 * values arrive through the `demo` property, as if typed (src/protocol/demo.ts).
 */
import type { Meta } from '@storybook/web-components-vite'
import type { FieldDemo } from '../src/protocol/demo.js'
import { field, invalidStory as invalid, localesStory, refusedStory, sealedStory, sealedToKeySetStory, type FieldArgs, type FieldStory as Story } from './support.js'

const TAG = 'secure-card-input'
const VALID: FieldDemo = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }
const NUMBER = VALID.number!

const meta: Meta<FieldArgs> = {
  title: 'Elements/secure-card-input',
  component: TAG,
  args: { label: 'Card', required: false, disabled: false, locale: '' },
  render: (args) => field(TAG, args),
}
export default meta

export const Empty: Story = {}

/** Mid-typing: a partial number, not yet left, so no error shows. */
export const Typing: Story = { args: { demo: { number: '4242 42', touched: false } } }

// One story per validation code a customer can reach: nothing is cut to a mask, so a stray
// letter, a number too long, a date in no format and a code too long are all reported.
export const InvalidNumberIncomplete = invalid('card.number.incomplete', { number: '4242 4242' })
export const InvalidNumberLuhn = invalid('card.number.invalid', { number: '4242 4242 4242 4241' })
export const InvalidNumberUnknownBrand = invalid('card.number.unknown-brand', { number: '9999 9999 9999 9999', expiry: '12/30', cvc: '123' })
export const InvalidNumberEmpty = invalid('card.number.empty', { expiry: '12/30', cvc: '123' })
export const InvalidExpiryEmpty = invalid('card.expiry.empty', { number: NUMBER, cvc: '123' })
export const InvalidExpiryIncomplete = invalid('card.expiry.incomplete', { number: NUMBER, expiry: '1' })
export const InvalidExpiryMonth = invalid('card.expiry.invalid-month', { number: NUMBER, expiry: '13/30' })
export const InvalidExpiryPast = invalid('card.expiry.past', { number: NUMBER, expiry: '01/20' })
export const InvalidExpiryTooFar = invalid('card.expiry.too-far', { number: NUMBER, expiry: '12/62' })
export const InvalidCvcEmpty = invalid('card.cvc.empty', { number: NUMBER, expiry: '12/30' })
export const InvalidCvcIncomplete = invalid('card.cvc.incomplete', { number: '3782 822463 10005', expiry: '12/30', cvc: '123' })
export const InvalidNumberCharacters = invalid('card.number.invalid-characters', { number: '4242 4242 4242 424x2', expiry: '12/30', cvc: '123' })
export const InvalidNumberTooLong = invalid('card.number.too-long', { number: '3782 822463 100051', expiry: '12/30', cvc: '1234' })
export const InvalidExpiryFormat = invalid('card.expiry.invalid', { number: NUMBER, expiry: '12/20301', cvc: '123' })
/** A four-digit code left after the number changed to a brand with three-digit codes. */
export const InvalidCvcTooLong = invalid('card.cvc.invalid', { number: NUMBER, expiry: '12/30', cvc: '1234' })

/** Arabic-Indic digits, as the `ar` keyboard types them: read as digits, shown in ASCII. */
export const ArabicDigits: Story = { args: { locale: 'ar', demo: { number: '٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢', expiry: '١٢/٢٠٣٠', cvc: '١٢٣' } } }

/** Complete and valid: the brand and preview show, and the field seals itself as its form value. */
export const Complete: Story = { args: { demo: VALID } }

export const Sealed = sealedStory(TAG, { number: '5555 5555 5555 4444', expiry: '09/30', cvc: '737' })

/**
 * Sealed once to the agent's desk and the back office that charges the card, both post-quantum
 * (`HPKE-9-KE`): one JSON envelope, either key opens it, the customer types once.
 */
export const SealedToKeySet: Story = { name: 'Sealed: desk and back office', ...sealedToKeySetStory(TAG, { number: '5555 5555 5555 4444', expiry: '09/30', cvc: '737' }) }

export const Disabled: Story = { args: { disabled: true, demo: VALID } }

export const RefusedByPolicy = refusedStory()

export const Locales = localesStory(TAG, 'Card', { number: '4242 4242 4242 4241' }, 'card.number.invalid')
