/**
 * `secure-fields/agent`: the agent console's `<secure-reveal>`, defined on import, with its types,
 * events, codes and the theme presets — and `guardComposer` for the agent's own chat composer. It
 * loads none of the customer-side elements.
 *
 * @packageDocumentation
 */
import { defineSecureReveal } from './secure-reveal.js'

defineSecureReveal()

export { SecureReveal, defineSecureReveal, type DeskPublicJwk } from './secure-reveal.js'
export { RevealErrorCodes, SHOW_FOR, type DeskKeyAlg, type RevealPhase, type RevealStatus } from '../protocol/reveal.js'
export { configure, type SecureFieldsSettings } from './frame-url.js'
// The agent's chat composer gets the guard too: agents paste numbers back (detector loaded on use).
export { guardComposer, type ComposerGuard, type ComposerGuardOptions } from './composer-guard.js'
export { THEMES, type ThemePreset } from './themes.js'
export type { ThemeProperty } from '../protocol/theme.js'
export type {
  SecureErrorDetail,
  SecureAuditDetail,
  SecureRevealedDetail,
  SecureWipedDetail,
  SecureEnrolledDetail,
  SecureDetectedDetail,
  SecureEventMap,
} from './events.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
