/**
 * `secure-fields/node`: what the agent side and chat servers run in Node — the native-speed
 * HPKE-4 suite, the view-once envelope store (SQLite or Redis), the tamper-evident audit log, the
 * redactor for transcripts and logs, and the frame origin server. Plaintext reaches none of them:
 * they handle envelopes, previews and audit events (the redactor masks numbers typed where they
 * should not have been).
 *
 * @packageDocumentation
 */
export { HPKE_4_NODE, KDF_HKDF_SHA256_NODE, AEAD_CHACHA20_POLY1305_NODE } from './crypto/hpke4-node.js'
export * from './store/index.js'
export * from './audit/index.js'
export * from './redact/index.js'
export { startFrameServer, type FrameServer, type FrameServerOptions } from './frame-server/server.js'
export { frameCsp } from './frame-server/headers.js'
export { runCli, buildProgram } from './cli/program.js'
export { open, seal, inspect, generateKeyPair } from '../crypto/index.js'
export { NodeErrorCodes } from '../errors.js'
