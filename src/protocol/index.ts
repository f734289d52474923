/**
 * The protocol between host elements and frames: the registry of kinds and pages, messages,
 * guards, theme allow-list, policy, demo values.
 *
 * @packageDocumentation
 */
export * from './kinds.js'
export * from './messages.js'
export * from './guards.js'
export * from './theme.js'
export * from './policy.js'
export * from './demo.js'
