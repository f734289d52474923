/**
 * `<secure-reveal>`, the agent's desk, on the real reveal frame of the demo frame origin: a desk
 * not yet set up, and values counting down before they are wiped. The demo origin shows a sample
 * value without an envelope or a WebAuthn step-up (src/protocol/demo.ts); a real desk shows one
 * only after both.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import type { RevealDemo } from '../src/protocol/demo.js'
import { CONTEXT, element, type MarkArgs } from './support.js'

const TAG = 'secure-reveal'

type RevealArgs = MarkArgs & { desk?: string; showFor?: number; context?: string; locale?: string; frameTitle?: string; demo?: RevealDemo }

const CARD: RevealDemo = { kind: 'card', preview: 'Visa •••• 4242', value: JSON.stringify({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' }) }

const meta: Meta<RevealArgs> = {
  title: 'Elements/secure-reveal',
  component: TAG,
  args: { desk: 'storybook', showFor: 300, context: CONTEXT, locale: '' },
  render: (args) => element(TAG, args),
}
export default meta

type Story = StoryObj<RevealArgs>

/** A desk without its key and credential yet: the frame offers to set it up. */
export const NotSetUp: Story = {}

/** A card shown after a reveal, counting down to its wipe. */
export const CountingDown: Story = { args: { demo: CARD } }

/** Another kind: shown as its string. */
export const CountingDownIban: Story = { name: 'Counting down: IBAN', args: { demo: { kind: 'iban', preview: 'DE •••• 3000', value: 'DE89370400440532013000' } } }

/** `show-for` 1: the value is wiped after a second, and the desk says so. */
export const Wiped: Story = { args: { showFor: 1, demo: CARD } }

/** Right to left: the desk in Arabic, counting down. */
export const Arabic: Story = { args: { locale: 'ar', demo: CARD } }
