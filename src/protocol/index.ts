/**
 * The protocol between host elements and frames: messages, guards, theme allow-list.
 *
 * @packageDocumentation
 */
export * from './messages.js'
export * from './guards.js'
export * from './theme.js'
export * from './policy.js'
export * from './demo.js'
