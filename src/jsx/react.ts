/**
 * `secure-fields/jsx/react`: the tags in React 19's JSX (`IntrinsicElements`), with their props,
 * attributes and `on<event-name>` handlers. Bring the types in once, e.g. in a `.d.ts` of your app:
 *
 * ```ts
 * import type {} from 'secure-fields/jsx/react'
 * ```
 *
 * then write `<secure-card-input name="card" public-key={key} context={id} onsecure-change={…} />`.
 * Types only; importing it at run time does nothing.
 *
 * @packageDocumentation
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react'
import type { SecureFieldsTags } from './elements.js'

export type { SecureCardInputProps, SecureSsnInputProps, SecureTextInputProps, ConsentGateProps, SecureRevealProps } from './elements.js'

/** A tag's props in React: the standard HTML attributes and the element's own. */
type ReactProps<K extends keyof SecureFieldsTags> = DetailedHTMLProps<HTMLAttributes<SecureFieldsTags[K][0]>, SecureFieldsTags[K][0]> & SecureFieldsTags[K][1]

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'secure-card-input': ReactProps<'secure-card-input'>
      'secure-ssn-input': ReactProps<'secure-ssn-input'>
      'secure-text-input': ReactProps<'secure-text-input'>
      'consent-gate': ReactProps<'consent-gate'>
      'secure-reveal': ReactProps<'secure-reveal'>
    }
  }
}
