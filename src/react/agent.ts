/**
 * `secure-fields/react/agent`: `<secure-reveal>` as a React component for agent consoles, made
 * with `@lit/react`. Importing this module defines `<secure-reveal>` and loads none of the
 * customer-side elements.
 *
 * @example
 * ```tsx
 * <SecureReveal envelope={envelope} context="conversation-42" desk="agent-7"
 *   onSecureRevealed={(e) => api.revealed(e.detail.jti)} />
 * ```
 *
 * @packageDocumentation
 */
import * as React from 'react'
import { createComponent, type EventName } from '@lit/react'
import { SecureReveal as SecureRevealElement } from '../host/secure-reveal.js'
import type { SecureEnrolledDetail, SecureRevealedDetail, SecureWipedDetail } from '../host/events.js'
import { commonEvents } from './events.js'
import '../host/agent.js'

// The agent's own chat composer gets the guard too (agents paste numbers back).
export { useComposerGuard, type UseComposerGuardOptions } from './use-composer-guard.js'
export type { ComposerGuard, ComposerGuardOptions } from '../host/composer-guard.js'
export type { SecureDetectedDetail } from '../host/events.js'

/** `<secure-reveal>` as a React component (agent consoles). */
export const SecureReveal = createComponent({
  tagName: 'secure-reveal',
  elementClass: SecureRevealElement,
  react: React,
  events: {
    ...commonEvents,
    onSecureEnrolled: 'secure-enrolled' as EventName<CustomEvent<SecureEnrolledDetail>>,
    onSecureRevealed: 'secure-revealed' as EventName<CustomEvent<SecureRevealedDetail>>,
    onSecureWiped: 'secure-wiped' as EventName<CustomEvent<SecureWipedDetail>>,
  },
  displayName: 'SecureReveal',
})
