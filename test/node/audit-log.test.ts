import { expect } from 'chai'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openAuditLog, verifyAuditLog, entryHash, canonicalJson, GENESIS, AUDIT_EVENTS } from '../../src/node/audit/index.js'
import { rejection } from './support/envelopes.js'
import { readLines, sampleInputs, tempDir, writeLog } from './support/audit-files.js'

describe('audit log: writing', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir()))
  afterEach(() => cleanup())

  it('appends one JSON line per entry, chained from the genesis value', async () => {
    const clock = () => Date.UTC(2026, 0, 2, 3, 4, 5, 6)
    const log = await openAuditLog(join(dir, 'nested', 'audit.jsonl'), { clock })
    const first = await log.append({ event: 'sealed', envelopeId: 'jti-0000000000000001', conversation: 'conv-1', kind: 'card' })
    const second = await log.append({ event: 'stored', envelopeId: 'jti-0000000000000001' })
    await log.close()
    expect(first).to.include({ seq: 0, time: '2026-01-02T03:04:05.006Z', event: 'sealed', prev: GENESIS })
    expect(GENESIS).to.equal('A'.repeat(43))
    expect(second).to.include({ seq: 1, prev: first.hash })
    expect(first.hash).to.match(/^[A-Za-z0-9_-]{43}$/).and.equal(entryHash(first))
    const lines = readLines(join(dir, 'nested', 'audit.jsonl'))
    expect(lines.map((l) => JSON.parse(l))).to.deep.equal([first, second])
  })

  it('hashes the canonical JSON (sorted keys, no whitespace) of the entry without its hash', async () => {
    expect(canonicalJson({ b: 1, a: { d: 'x', c: 'y' }, u: undefined })).to.equal('{"a":{"c":"y","d":"x"},"b":1}')
    const { file, entries } = await writeLog(dir, 3)
    // Key order on disk does not matter: the verifier re-derives the canonical form.
    const [a, b, c] = readLines(file).map((l) => JSON.parse(l) as Record<string, unknown>)
    const reversed = Object.fromEntries(Object.entries(b!).reverse())
    writeFileSync(file, [a, reversed, c].map((e) => `${JSON.stringify(e)}\n`).join(''))
    expect(await verifyAuditLog(file)).to.deep.equal({ ok: true, entries: 3, problems: [] })
    expect(entries[1]!.hash).to.equal(entryHash(reversed as never))
  })

  it('serializes concurrent appends into one unbroken chain', async () => {
    const file = join(dir, 'audit.jsonl')
    const log = await openAuditLog(file)
    const written = await Promise.all(sampleInputs(300).map((input) => log.append(input)))
    await log.close()
    expect(written.map((e) => e.seq)).to.deep.equal([...Array(300).keys()])
    expect(readLines(file).map((l) => (JSON.parse(l) as { seq: number }).seq)).to.deep.equal([...Array(300).keys()])
    expect(await verifyAuditLog(file)).to.deep.equal({ ok: true, entries: 300, problems: [] })
  })

  it('continues the chain after reopening', async () => {
    const { file, entries } = await writeLog(dir, 4)
    const log = await openAuditLog(file)
    expect(log.head).to.deep.equal({ seq: 3, hash: entries[3]!.hash })
    const next = await log.append({ event: 'expired', envelopeId: 'jti-0000000000000002' })
    await log.close()
    expect(next).to.include({ seq: 4, prev: entries[3]!.hash })
    expect(await verifyAuditLog(file)).to.deep.equal({ ok: true, entries: 5, problems: [] })
    const reopened = await openAuditLog(file)
    expect((await reopened.entries()).map((e) => e.seq)).to.deep.equal([0, 1, 2, 3, 4])
    await reopened.close()
  })

  it('after a torn last line, starts a fresh line linked to the last intact entry', async () => {
    const { file, entries } = await writeLog(dir, 3)
    appendFileSync(file, '{"seq":3,"time":"2026-')
    const log = await openAuditLog(file)
    const next = await log.append({ event: 'failed', code: 'ERR_AUDIT_IO' })
    await log.close()
    expect(next).to.include({ seq: 3, prev: entries[2]!.hash })
    const lines = readLines(file)
    expect(lines).to.have.length(5)
    expect(JSON.parse(lines[4]!)).to.deep.equal(next)
    // Append-only: the damage stays and is reported, the chain around it is intact.
    const result = await verifyAuditLog(file)
    expect(result.problems).to.deep.equal([{ line: 4, problem: 'malformed', message: result.problems[0]!.message }])
  })

  it('reads the head back from a log larger than one tail chunk', async () => {
    const { file } = await writeLog(dir, 900)
    expect(readFileSync(file).length).to.be.greaterThan(128 * 1024)
    const log = await openAuditLog(file)
    expect(log.head?.seq).to.equal(899)
    expect((await log.append({ event: 'hidden' })).seq).to.equal(900)
    await log.close()
    expect((await verifyAuditLog(file)).ok).to.equal(true)
  })

  it('refuses card numbers, SSNs and IBANs in any member, without quoting them or writing anything', async () => {
    const file = join(dir, 'audit.jsonl')
    const log = await openAuditLog(file)
    await log.append({ event: 'sealed' })
    const refused = async (input: Parameters<typeof log.append>[0], names: RegExp) => {
      const error = await rejection(() => log.append(input))
      expect(error.code, JSON.stringify(input)).to.equal('ERR_AUDIT_SUSPECT_VALUE')
      expect(error.message).to.match(names)
      expect(error.message).not.to.match(/\d{4}|[\u0660-\u0669\uff10-\uff19]/)
    }
    for (const value of [
      '4111111111111111',
      'card 4111 1111 1111 1111',
      // Separators the old check missed: double spaces, slashes, a no-break space.
      '4111  1111  1111  1111',
      '4111/1111/1111/1111',
      '4111\u00a01111\u00a01111\u00a01111',
      // Digits of the scripts the fields read.
      '４１１１１１１１１１１１１１１１',
      '٤١١١ ١١١١ ١١١١ ١١١١',
      // Glued to an identifier: here identifiers are all there is.
      'x4111111111111111y',
      '123-45-6789',
      'DE89 3704 0044 0532 0130 00',
    ]) {
      await refused({ event: 'revealed', detail: { note: value } }, /detail\.note/)
    }
    await refused({ event: 'revealed', detail: { n4111111111111111: 'x' } }, /a detail key/)
    // The free-text fields too.
    await refused({ event: 'revealed', conversation: 'chat 4111 1111 1111 1111' }, /conversation/)
    await refused({ event: 'revealed', actor: 'agent-4111111111111111' }, /actor/)
    // Nine digits are an SSN next to a word that says so, here the detail's key.
    await refused({ event: 'revealed', detail: { ssn: '123456789' } }, /detail\.ssn/)
    // A number split across two members, with or without a separator where they meet.
    await refused({ event: 'revealed', detail: { a: '4111 1111', b: '1111 1111' } }, /detail\.a and detail\.b/)
    await refused({ event: 'revealed', detail: { a: '41111111', b: '11111111' } }, /detail\.a and detail\.b/)
    await refused({ event: 'revealed', conversation: 'chat 4111 1111 1111', actor: '1111' }, /conversation and actor/)
    // Identifiers, counts, dates and times are fine — a conversation id with twelve digits too.
    await log.append({ event: 'revealed', conversation: 'order-123456789012', detail: { ref: '12345678901', at: '2026-01-02T03:04:05Z', ms: '1500', card: '2' } })
    await log.close()
    expect(readLines(file)).to.have.length(2)
    expect(readFileSync(file, 'utf8')).not.to.include('4111')
  })

  it('records numeric conversation and actor ids as given when they hold no card number, SSN or IBAN', async () => {
    const file = join(dir, 'audit.jsonl')
    const log = await openAuditLog(file)
    const entry = await log.append({ event: 'stored', envelopeId: 'jti-0000000000000001', conversation: 'order-123456789012', actor: '1234567890123456789' })
    await log.close()
    expect(entry).to.include({ conversation: 'order-123456789012', actor: '1234567890123456789' })
    expect((await verifyAuditLog(file)).ok).to.equal(true)
  })

  it('refuses unknown events, unknown fields and odd shapes', async () => {
    const log = await openAuditLog(join(dir, 'audit.jsonl'))
    const bad: unknown[] = [
      { event: 'opened' },
      { event: 'sealed', value: 'x' },
      { event: 'sealed', kind: 'Card' },
      { event: 'sealed', code: 'not a code' },
      { event: 'sealed', conversation: 'a\nb' },
      { event: 'sealed', detail: { n: 1 } },
      { event: 'sealed', detail: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) },
      { event: 'sealed', detail: { long: 'x'.repeat(257) } },
    ]
    for (const input of bad) expect((await rejection(() => log.append(input as never))).code).to.equal('ERR_AUDIT_INVALID')
    expect(AUDIT_EVENTS).to.deep.equal(['sealed', 'stored', 'claimed', 'released', 'taken', 'revealed', 'hidden', 'wiped', 'expired', 'refused', 'failed', 'redacted'])
    expect(await log.entries()).to.deep.equal([])
    await log.close()
    expect((await rejection(() => log.append({ event: 'sealed' }))).code).to.equal('ERR_AUDIT_CLOSED')
  })
})
