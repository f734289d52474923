import { expect } from 'chai'
import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { entryHash, verifyAuditLog, type AuditProblem } from '../../src/node/audit/index.js'
import { rejection } from './support/envelopes.js'
import { readLines, tempDir, writeLines, writeLog } from './support/audit-files.js'

/** Problems without their messages, for exact comparison. */
const brief = (problems: AuditProblem[]) => problems.map(({ message: _m, ...rest }) => rest)

describe('audit log: verification', () => {
  let dir: string
  let cleanup: () => void
  let file: string
  let lines: string[]
  beforeEach(async () => {
    ;({ dir, cleanup } = tempDir())
    ;({ file } = await writeLog(dir, 10))
    lines = readLines(file)
  })
  afterEach(() => cleanup())

  const edit = (line: number, change: (entry: Record<string, unknown>) => void) => {
    const entry = JSON.parse(lines[line - 1]!) as Record<string, unknown>
    change(entry)
    lines[line - 1] = JSON.stringify(entry)
  }

  it('accepts an intact chain and an empty file', async () => {
    expect(await verifyAuditLog(file)).to.deep.equal({ ok: true, entries: 10, problems: [] })
    writeFileSync(join(dir, 'empty.jsonl'), '')
    expect(await verifyAuditLog(join(dir, 'empty.jsonl'))).to.deep.equal({ ok: true, entries: 0, problems: [] })
  })

  it('reports an altered field on exactly that line', async () => {
    for (const change of [(e: Record<string, unknown>) => (e.event = 'hidden'), (e: Record<string, unknown>) => (e.actor = 'someone-else')]) {
      lines = readLines(file)
      edit(7, change)
      writeLines(join(dir, 'altered.jsonl'), lines)
      expect(brief((await verifyAuditLog(join(dir, 'altered.jsonl'))).problems)).to.deep.equal([{ line: 7, seq: 6, problem: 'altered' }])
    }
  })

  it('reports an altered and re-hashed entry where its link breaks', async () => {
    edit(4, (e) => {
      e.detail = { desk: 'desk-b', uv: 'true' }
      e.hash = entryHash(e as never)
    })
    writeLines(file, lines)
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([{ line: 5, seq: 4, problem: 'removed' }])
  })

  it('reports a deleted entry as removed where the gap shows', async () => {
    lines.splice(3, 1) // seq 3 lived on line 4
    writeLines(file, lines)
    const { ok, problems } = await verifyAuditLog(file)
    expect(ok).to.equal(false)
    expect(brief(problems)).to.deep.equal([{ line: 4, seq: 4, problem: 'removed' }])
    expect(problems[0]!.message).to.include('seq 3')
  })

  it('reports deleted first entries, and a run of deleted entries once', async () => {
    writeLines(file, lines.slice(2))
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([{ line: 1, seq: 2, problem: 'removed' }])
    writeLines(file, [...lines.slice(0, 3), ...lines.slice(6)])
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([{ line: 4, seq: 6, problem: 'removed' }])
  })

  it('reports swapped entries as reordered, on both lines', async () => {
    ;[lines[4], lines[5]] = [lines[5]!, lines[4]!]
    writeLines(file, lines)
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([
      { line: 5, seq: 5, problem: 'reordered' },
      { line: 6, seq: 4, problem: 'reordered' },
    ])
  })

  it('reports a replayed (duplicated) entry as reordered', async () => {
    lines.splice(8, 0, lines[2]!)
    writeLines(file, lines)
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([{ line: 9, seq: 2, problem: 'reordered' }])
  })

  it('reports a truncated last line, and a damaged line in the middle as malformed', async () => {
    writeFileSync(file, lines.slice(0, 9).map((l) => `${l}\n`).join('') + lines[9]!.slice(0, 40))
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([{ line: 10, problem: 'truncated' }])
    lines[2] = '{"seq":2,"garbled'
    writeLines(file, lines)
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([{ line: 3, problem: 'malformed' }])
  })

  it('reports an alteration of seq or prev only as altered', async () => {
    edit(3, (e) => (e.seq = 1000))
    edit(6, (e) => (e.prev = 'B'.repeat(43)))
    writeLines(file, lines)
    expect(brief((await verifyAuditLog(file)).problems)).to.deep.equal([
      { line: 3, seq: 1000, problem: 'altered' },
      { line: 6, seq: 5, problem: 'altered' },
    ])
  })

  it('fails with ERR_AUDIT_IO when the file cannot be read', async () => {
    expect((await rejection(() => verifyAuditLog(join(dir, 'missing.jsonl')))).code).to.equal('ERR_AUDIT_IO')
  })

  it('finds any single deletion, swap or alteration, at exactly the right lines (property)', async () => {
    const pristine = [...lines]
    const target = join(dir, 'property.jsonl')
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(8) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(8), by: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ kind: fc.constant('alter' as const), at: fc.nat(9), field: fc.constantFrom('event', 'actor', 'time', 'seq', 'prev') }),
    )
    await fc.assert(
      fc.asyncProperty(tamper, async (t) => {
        const l = [...pristine]
        let expected: Array<{ line: number; problem: string }>
        if (t.kind === 'delete') {
          l.splice(t.at, 1)
          expected = [{ line: t.at + 1, problem: 'removed' }]
        } else if (t.kind === 'swap') {
          const other = Math.min(9, t.at + t.by)
          ;[l[t.at], l[other]] = [l[other]!, l[t.at]!]
          expected = [{ line: t.at + 1, problem: 'reordered' }, { line: other + 1, problem: 'reordered' }]
        } else {
          const e = JSON.parse(l[t.at]!) as Record<string, unknown>
          e[t.field] = t.field === 'seq' ? 1000 : t.field === 'prev' ? 'B'.repeat(43) : t.field === 'time' ? '2000-01-01T00:00:00.000Z' : e.event === 'hidden' ? 'wiped' : 'hidden'
          if (t.field === 'actor') e.actor = `${String(e.actor ?? 'x')}-changed`
          l[t.at] = JSON.stringify(e)
          expected = [{ line: t.at + 1, problem: 'altered' }]
        }
        writeLines(target, l)
        const { ok, problems } = await verifyAuditLog(target)
        expect(ok).to.equal(false)
        expect(problems.map(({ line, problem }) => ({ line, problem }))).to.deep.equal(expected)
      }),
      { numRuns: 150 },
    )
  })
})
