/**
 * `secure-fields/react`: React components for the elements, made with `@lit/react` so props map to
 * properties and `on…` props to the elements' events. Importing this module defines the elements.
 *
 * @example
 * ```tsx
 * <SecureCardInput name="card" required publicKey={deskKey} context="conversation-42"
 *   onSecureChange={(e) => setState(e.detail)} />
 * ```
 *
 * @packageDocumentation
 */
import * as React from 'react'
import { createComponent, type EventName } from '@lit/react'
import { SecureCardInput as SecureCardInputElement } from '../host/secure-card-input.js'
import type { SecureChangeDetail, SecureErrorDetail, SecureSealedDetail, SecureAuditDetail } from '../host/events.js'
import '../host/define.js'

/** The events every field element dispatches, as React props. */
const fieldEvents = {
  onSecureReady: 'secure-ready' as EventName<CustomEvent<Record<string, never>>>,
  onSecureChange: 'secure-change' as EventName<CustomEvent<SecureChangeDetail>>,
  onSecureFocus: 'secure-focus' as EventName<CustomEvent<Record<string, never>>>,
  onSecureBlur: 'secure-blur' as EventName<CustomEvent<Record<string, never>>>,
  onSecureSealed: 'secure-sealed' as EventName<CustomEvent<SecureSealedDetail>>,
  onSecureError: 'secure-error' as EventName<CustomEvent<SecureErrorDetail>>,
  onSecureAudit: 'secure-audit' as EventName<CustomEvent<SecureAuditDetail>>,
}

/** `<secure-card-input>` as a React component. */
export const SecureCardInput = createComponent({
  tagName: 'secure-card-input',
  elementClass: SecureCardInputElement,
  react: React,
  events: fieldEvents,
  displayName: 'SecureCardInput',
})
