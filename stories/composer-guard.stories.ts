/**
 * `guardComposer` on a plain chat composer: the message with a card number, SSN or IBAN as the
 * guard leaves it (previews in place, the notice under it), and the notice in each locale.
 * The play functions put a message in the composer and run the check a send would run.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { guardComposer } from '../src/host/composer-guard.js'

interface ComposerArgs {
  /** What the customer typed. */
  message: string
  /** The composer's language. */
  lang: string
  /** A `<textarea>` or a contenteditable. */
  composer: 'textarea' | 'contenteditable'
}

const STYLE = {
  form: 'display:flex;flex-direction:column;gap:.5rem;max-width:32rem;font:1rem system-ui,sans-serif;color:#1a1a1a',
  box: 'min-height:3.5rem;padding:.5rem;border:1px solid #6b6b6b;border-radius:6px;font:inherit',
  notice: 'margin:0;font-size:.875rem;color:#6b4400',
  send: 'align-self:flex-end;font:inherit;padding:.4rem 1rem;border-radius:6px;border:1px solid #1a5fd0;background:#1a5fd0;color:#fff',
}

/** A chat composer: a form, the composer, the guard's notice and a send button. */
function chatComposer(args: ComposerArgs): HTMLElement {
  const form = document.createElement('form')
  form.lang = args.lang
  form.style.cssText = STYLE.form
  form.addEventListener('submit', (e) => e.preventDefault())
  let composer: HTMLElement
  if (args.composer === 'textarea') {
    composer = document.createElement('textarea')
  } else {
    composer = document.createElement('div')
    composer.contentEditable = 'true'
    composer.setAttribute('role', 'textbox')
    composer.setAttribute('aria-multiline', 'true')
  }
  composer.setAttribute('aria-label', 'Message')
  composer.style.cssText = STYLE.box
  const notice = document.createElement('p')
  notice.style.cssText = STYLE.notice
  const send = document.createElement('button')
  send.textContent = 'Send'
  send.style.cssText = STYLE.send
  form.append(composer, notice, send)
  guardComposer(composer, { notice, send })
  composer.dataset.message = args.message
  return form
}

/** Types the story's message (as a paste would put it there) and runs the check a send runs. */
async function playSend({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  for (const form of canvasElement.querySelectorAll('form')) {
    const composer = form.querySelector<HTMLElement>('textarea, [contenteditable]')!
    const message = composer.dataset.message ?? ''
    if (composer instanceof HTMLTextAreaElement) composer.value = message
    else composer.textContent = message
    form.querySelector('button')!.click()
  }
  // The detector loads on first use; the notice shows once every composer is checked.
  const forms = [...canvasElement.querySelectorAll('form')]
  for (let i = 0; i < 200 && forms.some((f) => !f.querySelector('p')!.textContent); i++) await new Promise((r) => setTimeout(r, 25))
}

const meta: Meta<ComposerArgs> = {
  title: 'Composer guard',
  args: { message: 'Hi! My card is 4242 4242 4242 4242, exp 11/29.', lang: 'en', composer: 'textarea' },
  argTypes: { composer: { control: 'inline-radio', options: ['textarea', 'contenteditable'] }, lang: { control: 'select', options: ['en', 'es', 'fr', 'de', 'ar'] } },
  render: (args) => chatComposer(args),
  play: playSend,
}
export default meta

type Story = StoryObj<ComposerArgs>

/** A card number typed into the chat box: the number becomes its preview, the notice says why. */
export const CardMasked: Story = {}

/** An SSN and an IBAN in a contenteditable composer. */
export const SsnAndIbanMasked: Story = {
  args: { composer: 'contenteditable', message: 'SSN 123-45-6789, refunds to DE89 3704 0044 0532 0130 00 please' },
}

/** Look-alikes pass: an order, a phone and a tracking number, a date and an amount (no notice). */
export const LookAlikesPass: Story = {
  args: { message: 'Order #123-4567890-1234567, call +1 (555) 123-4567, tracking 9400 1000 0000 0000 0000 00, paid $1,234.56 on 15/01/2026' },
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('textarea')!
    composer.value = composer.dataset.message ?? ''
    canvasElement.querySelector('button')!.click()
  },
}

/** The notice in the five locales (Arabic right to left, the preview isolated). */
export const Locales: Story = {
  render: (args) => {
    const grid = document.createElement('div')
    grid.className = 'sf-story-grid'
    for (const lang of ['en', 'es', 'fr', 'de', 'ar']) grid.append(chatComposer({ ...args, lang }))
    return grid
  },
}
