/**
 * English texts of the consent gate and the reveal desk (`consent.*`, `reveal.*`), apart from the
 * field frames' parts (see `en-card.ts`): a field frame's bundle carries none of them.
 *
 * @module
 */
import type { MessageKey, Messages } from './keys.js'

/** Keys only the consent gate and the reveal desk show. */
export type DeskMessageKey = Extract<MessageKey, `consent.${string}` | `reveal.${string}`>

/** English of the consent gate and the reveal desk. */
export const enDesk: Pick<Messages, DeskMessageKey> = {
  'consent.title': 'Your consent',
  'consent.policy': 'Privacy policy',
  'consent.version': 'Version {v}',
  'consent.agree': 'I agree to share this information for the purpose above.',
  'consent.given': 'Consent given.',
  'consent.withdraw': 'Withdraw consent',
  'consent.hidden.tap':
    'This consent box is partly hidden or covered. Scroll until the whole box is visible, then tap it again.',
  'consent.hidden.click':
    'This consent box is partly hidden or covered. Scroll until the whole box is visible, then click it again.',
  'consent.hidden.key':
    'This consent box is partly hidden or covered. Scroll until the whole box is visible, then press Space again.',
  'consent.moved.tap': 'This consent box moved just as you tapped. Read it again, then tap the checkbox.',
  'consent.moved.click':
    'This consent box moved under the pointer just as you clicked. Read it again, then click the checkbox.',
  'consent.opens-new-window': '(opens in a new window)',
  'reveal.button': 'Reveal',
  'reveal.enrol': 'Set up this desk',
  'reveal.hide': 'Hide',
  'reveal.countdown': 'Hidden in {n} s',
  'reveal.hidden': 'Hidden.',
  'reveal.wiped': 'The value has been shown and deleted.',
  'reveal.step-up': 'Confirm it is you to reveal the value.',
  'reveal.step-up-failed': 'Identity check failed. The value stays sealed.',
  'reveal.already': 'This value has already been revealed.',
  'reveal.expired': 'This value has expired.',
  'reveal.failed': 'This value cannot be opened here.',
  'reveal.no-envelope': 'Nothing to reveal.',
  'reveal.card.number': 'Number',
  'reveal.card.expiry': 'Expiry',
  'reveal.card.cvc': 'Security code',
}
