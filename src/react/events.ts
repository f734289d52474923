/**
 * The events every element dispatches, as React props: shared by `secure-fields/react` and
 * `secure-fields/react/agent`.
 *
 * @module
 */
import type { EventName } from '@lit/react'
import type { SecureAuditDetail, SecureErrorDetail } from '../host/events.js'

/** An event without detail. */
export type Ready = EventName<CustomEvent<Record<string, never>>>

/** `onSecureReady`, `onSecureError`, `onSecureAudit`. */
export const commonEvents = {
  onSecureReady: 'secure-ready' as Ready,
  onSecureError: 'secure-error' as EventName<CustomEvent<SecureErrorDetail>>,
  onSecureAudit: 'secure-audit' as EventName<CustomEvent<SecureAuditDetail>>,
}
