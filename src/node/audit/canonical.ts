/**
 * Canonical JSON and the entry hash. Writer and verifier must serialize an entry to the very same
 * bytes, whatever the key order on disk, so the hash is taken over a canonical form.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import type { AuditEntry } from './types.js'

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped. For the values an entry holds (strings, safe integers, flat objects of strings) this is
 * exactly RFC 8785 (JCS).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const members = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
  return `{${members.join(',')}}`
}

/** base64url SHA-256 of the canonical JSON of `entry` without its `hash` member. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: unknown }): string {
  const { hash: _ignored, ...rest } = entry
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('base64url')
}
