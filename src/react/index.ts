/**
 * `secure-fields/react`: React components for the customer-side elements, made with `@lit/react`
 * so props map to properties and `on…` props to the elements' events. Importing this module
 * defines the elements. The agent's `<secure-reveal>` is in `secure-fields/react/agent`.
 *
 * @example
 * ```tsx
 * <ConsentGate purpose="Verify your identity" policyUrl="https://example.com/privacy" policyVersion="2026-03"
 *   onSecureConsent={(e) => log(e.detail.digest)}>
 *   <SecureSsnInput name="ssn" required publicKey={deskKey} context="conversation-42"
 *     onSecureChange={(e) => setState(e.detail)} />
 * </ConsentGate>
 * ```
 *
 * @packageDocumentation
 */
import * as React from 'react'
import { createComponent, type EventName } from '@lit/react'
import { SecureCardInput as SecureCardInputElement } from '../host/secure-card-input.js'
import { SecureSsnInput as SecureSsnInputElement } from '../host/secure-ssn-input.js'
import { SecureTextInput as SecureTextInputElement } from '../host/secure-text-input.js'
import { ConsentGate as ConsentGateElement } from '../host/consent-gate.js'
import type { SecureChangeDetail, SecureConsentDetail, SecureGateChangeDetail, SecureSealedDetail } from '../host/events.js'
import { commonEvents, type Ready } from './events.js'
import '../host/define.js'

export { useComposerGuard, type UseComposerGuardOptions } from './use-composer-guard.js'
export type { ComposerGuard, ComposerGuardOptions } from '../host/composer-guard.js'
export type { SecureDetectedDetail } from '../host/events.js'

/** The events every field element dispatches, as React props. */
const fieldEvents = {
  ...commonEvents,
  onSecureChange: 'secure-change' as EventName<CustomEvent<SecureChangeDetail>>,
  onSecureFocus: 'secure-focus' as Ready,
  onSecureBlur: 'secure-blur' as Ready,
  onSecureSealed: 'secure-sealed' as EventName<CustomEvent<SecureSealedDetail>>,
}

/** `<secure-card-input>` as a React component. */
export const SecureCardInput = createComponent({
  tagName: 'secure-card-input',
  elementClass: SecureCardInputElement,
  react: React,
  events: fieldEvents,
  displayName: 'SecureCardInput',
})

/** `<secure-ssn-input>` as a React component. */
export const SecureSsnInput = createComponent({
  tagName: 'secure-ssn-input',
  elementClass: SecureSsnInputElement,
  react: React,
  events: fieldEvents,
  displayName: 'SecureSsnInput',
})

/** `<secure-text-input>` as a React component (`preset`: `iban`, `account` or `id`). */
export const SecureTextInput = createComponent({
  tagName: 'secure-text-input',
  elementClass: SecureTextInputElement,
  react: React,
  events: fieldEvents,
  displayName: 'SecureTextInput',
})

/** `<consent-gate>` as a React component: put the field components inside it as children. */
export const ConsentGate = createComponent({
  tagName: 'consent-gate',
  elementClass: ConsentGateElement,
  react: React,
  events: {
    ...commonEvents,
    onSecureConsent: 'secure-consent' as EventName<CustomEvent<SecureConsentDetail>>,
    onSecureGateChange: 'secure-gate-change' as EventName<CustomEvent<SecureGateChangeDetail>>,
  },
  displayName: 'ConsentGate',
})
