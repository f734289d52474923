/**
 * Helpers for the audit log tests: temp folders, a log with a few entries, and line surgery.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAuditLog, type AuditEntry, type AuditInput } from '../../../src/node/audit/index.js'

/** A temp folder removed by the returned `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sf-audit-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A plausible life of one envelope, and then some. */
export function sampleInputs(count: number): AuditInput[] {
  const life: AuditInput[] = [
    { event: 'sealed', envelopeId: 'jti-0000000000000001', conversation: 'conv-1', kind: 'card' },
    { event: 'stored', envelopeId: 'jti-0000000000000001', conversation: 'conv-1', kind: 'card', actor: 'chat-server' },
    { event: 'taken', envelopeId: 'jti-0000000000000001', conversation: 'conv-1', actor: 'agent-7' },
    { event: 'revealed', envelopeId: 'jti-0000000000000001', actor: 'agent-7', detail: { desk: 'desk-a', uv: 'true' } },
    { event: 'wiped', envelopeId: 'jti-0000000000000001', actor: 'agent-7' },
    { event: 'refused', code: 'ERR_ENVELOPE_WRONG_KEY', detail: { reason: 'kid mismatch' } },
  ]
  return Array.from({ length: count }, (_, i) => life[i % life.length]!)
}

/** Writes a log of `count` entries with sync off (speed) and returns its path and entries. */
export async function writeLog(dir: string, count: number, name = 'audit.jsonl'): Promise<{ file: string; entries: AuditEntry[] }> {
  const file = join(dir, name)
  const log = await openAuditLog(file, { sync: false })
  const entries: AuditEntry[] = []
  for (const input of sampleInputs(count)) entries.push(await log.append(input))
  await log.close()
  return { file, entries }
}

/** The file's lines (without the final empty piece after the last LF). */
export function readLines(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Writes lines back, each ended by LF. */
export function writeLines(file: string, lines: string[]): void {
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''))
}
