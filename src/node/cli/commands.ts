/**
 * Registers the sub-commands that live with their own modules (frame server, audit log).
 *
 * @module
 */
export {}
