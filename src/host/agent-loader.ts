/**
 * The agent-side loader (`secure-fields-agent.js`), served from the frame origin: defines
 * `<secure-reveal>` for agent consoles, so customer pages never download agent code. The same as
 * `secure-fields/agent`, bundled into one file with Lit.
 *
 * @module
 */
import { defineSecureReveal } from './secure-reveal.js'

defineSecureReveal()

export { configure } from './frame-url.js'
export { SecureReveal, defineSecureReveal, type DeskPublicJwk } from './secure-reveal.js'
export { RevealErrorCodes, SHOW_FOR, type RevealPhase, type RevealStatus } from '../protocol/reveal.js'
// Plain chat composers get a guard against numbers typed in the wrong place (detector loaded on use).
export { guardComposer, type ComposerGuard, type ComposerGuardOptions } from './composer-guard.js'
export type { SecureDetectedDetail } from './events.js'
export { SecureFieldsError, ErrorCodes, isSecureFieldsError } from '../errors.js'
