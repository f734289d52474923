/**
 * `secure-fields/jsx/preact`: the tags in Preact 11's JSX (`IntrinsicElements`), with their props,
 * attributes and `on<event-name>` handlers. Bring the types in once, e.g. in a `.d.ts` of your app:
 *
 * ```ts
 * import type {} from 'secure-fields/jsx/preact'
 * ```
 *
 * Types only; importing it at run time does nothing.
 *
 * @packageDocumentation
 */
import type { HTMLAttributes } from 'preact'
import type { SecureFieldsTags } from './elements.js'

export type { SecureCardInputProps, SecureSsnInputProps, SecureTextInputProps, ConsentGateProps, SecureRevealProps } from './elements.js'

/** A tag's props in Preact: the standard HTML attributes and the element's own. */
type PreactProps<K extends keyof SecureFieldsTags> = Omit<HTMLAttributes<SecureFieldsTags[K][0]>, keyof SecureFieldsTags[K][1]> & SecureFieldsTags[K][1]

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'secure-card-input': PreactProps<'secure-card-input'>
      'secure-ssn-input': PreactProps<'secure-ssn-input'>
      'secure-text-input': PreactProps<'secure-text-input'>
      'consent-gate': PreactProps<'consent-gate'>
      'secure-reveal': PreactProps<'secure-reveal'>
    }
  }
}
