/**
 * What every story shares: the demo keys and frame origin that scripts/storybook.mjs passes in
 * (`STORYBOOK_SF_*`), one way to build an element from a story's args, the marks the Storybook
 * test reads (`data-expect-code`, `data-expect-error`), and the play function of the sealed
 * stories. Stories run the real frames on the demo frame origin; sample values reach them as
 * `demo` (src/protocol/demo.ts), which only a demo origin honours.
 */
import type { StoryContext, StoryObj } from '@storybook/web-components-vite'
import { inspect } from '../src/crypto/inspect.js'
import type { FieldDemo } from '../src/protocol/demo.js'
import type { SecureChangeDetail } from '../src/host/events.js'
import type { SecureFieldElement } from '../src/host/secure-field-element.js'

const env = (import.meta as ImportMeta & { env: Record<string, string | undefined> }).env

function jwk(name: string): Record<string, unknown> {
  const raw = env[name]
  if (!raw) throw new Error(`${name} is not set: start Storybook with \`npm run storybook\` (scripts/storybook.mjs), which runs the demo frame origin.`)
  return JSON.parse(raw) as Record<string, unknown>
}

/** The demo recipient key, pinned by the demo frame origin. */
export const DEMO_KEY = jwk('STORYBOOK_SF_PUBLIC_KEY')
/** A key the demo frame origin does not pin: fields refuse it (`ERR_POLICY_KEY_NOT_PINNED`). */
export const UNPINNED_KEY = jwk('STORYBOOK_SF_UNPINNED_KEY')
/** A post-quantum key set (HPKE-9-KE: a desk and a back office), pinned by the demo frame origin. */
export const PQ_KEY_SET = JSON.parse(env.STORYBOOK_SF_PQ_KEY_SET ?? 'null') as Array<Record<string, unknown>> | null
/** The context (conversation) id of every story. */
export const CONTEXT = 'storybook-demo'

/** Args every story may carry besides the element's own properties. */
export interface MarkArgs {
  /** The validation code the element must report (the Storybook test checks it). */
  expectCode?: string
  /** The `secure-error` code the element must report instead of becoming ready. */
  expectError?: string
}

/** Args of a field story: its properties (as the controls name them) and the marks. */
export type FieldArgs = MarkArgs & {
  label?: string
  required?: boolean
  disabled?: boolean
  locale?: string
  frameTitle?: string
  placeholder?: string
  publicKey?: Record<string, unknown> | Array<Record<string, unknown>> | null
  demo?: FieldDemo
  [property: string]: unknown
}

/**
 * Creates `tag` with the story's args as properties (as Storybook's own web-components render
 * does), the demo key and context unless the args say otherwise, and the test's marks.
 */
export function element<T extends HTMLElement>(tag: string, args: object): T {
  const { expectCode, expectError, ...properties } = args as MarkArgs & Record<string, unknown>
  const el = document.createElement(tag) as T
  const settable = el as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(properties)) if (value !== undefined) settable[key] = value
  if (expectCode) el.dataset.expectCode = expectCode
  if (expectError) el.dataset.expectError = expectError
  return el
}

/** A field element of `tag`, sealing to the demo key in the demo context. */
export function field<T extends HTMLElement = SecureFieldElement>(tag: string, args: FieldArgs): T {
  return element<T>(tag, { publicKey: DEMO_KEY, context: CONTEXT, ...args })
}

/** Several elements side by side (locales, themes), each with a caption. */
export function gallery(items: Array<{ caption: string; node: HTMLElement; dir?: string }>): HTMLElement {
  const grid = document.createElement('div')
  grid.className = 'sf-story-grid'
  for (const { caption, node, dir } of items) {
    const figure = document.createElement('figure')
    const figcaption = document.createElement('figcaption')
    figcaption.textContent = caption
    if (dir) figure.dir = dir
    figure.append(figcaption, node)
    grid.append(figure)
  }
  return grid
}

/** Resolves with the field's state once it satisfies `predicate` (checks the current state first). */
export function whenState(el: SecureFieldElement, predicate: (s: SecureChangeDetail) => boolean): Promise<SecureChangeDetail> {
  return new Promise((resolve) => {
    if (predicate(el.state)) return resolve(el.state)
    const listener = (event: Event) => {
      const state = (event as CustomEvent<SecureChangeDetail>).detail
      if (!predicate(state)) return
      el.removeEventListener('secure-change', listener)
      resolve(state)
    }
    el.addEventListener('secure-change', listener)
  })
}

/**
 * The play function of the "sealed" stories: waits until the demo value is valid, calls `seal()`,
 * and shows the envelope's protected header (`inspect`, no key needed) beside the field.
 */
export async function playSeal({ canvasElement }: StoryContext): Promise<void> {
  const el = canvasElement.querySelector<SecureFieldElement>('[data-sealable]')!
  await whenState(el, (s) => s.valid)
  const envelope = await el.seal()
  const pre = document.createElement('pre')
  pre.className = 'sf-story-envelope'
  pre.setAttribute('aria-label', 'Envelope header')
  pre.dataset.sealed = ''
  pre.textContent = `${JSON.stringify(inspect(envelope), null, 2)}\n\n${envelope.slice(0, 64)}…`
  el.after(pre)
}

/** A field that the sealed story's play function seals. */
export function sealable<T extends HTMLElement>(el: T): T {
  el.dataset.sealable = ''
  return el
}

/** A field story. */
export type FieldStory = StoryObj<FieldArgs>

/** Values that fail with `code`, shown as after the customer left the field. */
export function invalidStory(code: string, demo: FieldDemo, args: FieldArgs = {}): FieldStory {
  return { args: { ...args, demo, expectCode: code } }
}

/** `seal()` on the valid `demo` value; the envelope's protected header shows beside the field. */
export function sealedStory(tag: string, demo: FieldDemo): FieldStory {
  return { args: { demo }, render: (args) => sealable(field(tag, args)), play: playSeal }
}

/**
 * `seal()` to a post-quantum key set (a desk and a back office): one JSON envelope whose header,
 * shown beside the field, lists both recipients.
 */
export function sealedToKeySetStory(tag: string, demo: FieldDemo): FieldStory {
  if (!PQ_KEY_SET) throw new Error('STORYBOOK_SF_PQ_KEY_SET is not set: start Storybook with `npm run storybook`.')
  return { args: { demo, publicKey: PQ_KEY_SET }, render: (args) => sealable(field(tag, args)), play: playSeal }
}

/** A key the frame origin does not pin: the frame refuses the field, whatever is typed. */
export function refusedStory(): FieldStory {
  return { args: { publicKey: UNPINNED_KEY, expectError: 'ERR_POLICY_KEY_NOT_PINNED' } }
}

/** The five locales side by side (Arabic right to left), each showing the error `code` of `demo`. */
export function localesStory(tag: string, title: string, demo: FieldDemo, code: string): FieldStory {
  return {
    render: (args) =>
      gallery(
        ['en', 'es', 'fr', 'de', 'ar'].map((locale) => ({
          caption: locale,
          node: field(tag, { ...args, locale, label: '', frameTitle: `${title} (${locale})`, demo, expectCode: code }),
        })),
      ),
  }
}
