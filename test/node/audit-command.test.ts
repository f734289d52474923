import { expect } from 'chai'
import { join } from 'node:path'
import { auditCommand, runAuditVerify } from '../../src/node/audit/index.js'
import { readLines, tempDir, writeLines, writeLog } from './support/audit-files.js'

describe('audit log: `audit verify` command', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir()))
  afterEach(() => cleanup())

  const run = async (file: string) => {
    const out: string[] = []
    const code = await runAuditVerify(file, (line) => out.push(line))
    return { code, out }
  }

  it('prints `ok: N entries` and returns 0 for an intact log', async () => {
    const { file } = await writeLog(dir, 7)
    expect(await run(file)).to.deep.equal({ code: 0, out: ['ok: 7 entries'] })
  })

  it('prints one line per problem and returns 1 for a tampered log', async () => {
    const { file } = await writeLog(dir, 8)
    const lines = readLines(file)
    const entry = JSON.parse(lines[6]!) as Record<string, unknown>
    entry.actor = 'mallory'
    lines[6] = JSON.stringify(entry)
    lines.splice(2, 1)
    writeLines(file, lines)
    const { code, out } = await run(file)
    expect(code).to.equal(1)
    expect(out).to.have.length(2)
    expect(out[0]).to.match(/^line 3: removed \(seq 3\) — /)
    expect(out[1]).to.match(/^line 6: altered \(seq 6\) — /)
  })

  it('returns 2 and says so when the file cannot be read', async () => {
    const { code, out } = await run(join(dir, 'missing.jsonl'))
    expect(code).to.equal(2)
    expect(out).to.have.length(1)
    expect(out[0]).to.match(/^error: .*missing\.jsonl/)
  })

  it('mounts as `audit verify FILE` and sets the exit code', async () => {
    const { file } = await writeLog(dir, 3)
    const written: string[] = []
    const write = process.stdout.write
    const exitCode = process.exitCode
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write
    try {
      const command = auditCommand().exitOverride()
      expect(command.name()).to.equal('audit')
      await command.parseAsync(['verify', file], { from: 'user' })
      const ok = process.exitCode
      writeLines(file, readLines(file).slice(1))
      await auditCommand().parseAsync(['verify', file], { from: 'user' })
      expect([ok, process.exitCode]).to.deep.equal([0, 1])
    } finally {
      process.stdout.write = write
      process.exitCode = exitCode
    }
    expect(written[0]).to.equal('ok: 3 entries\n')
    expect(written[1]).to.match(/^line 1: removed \(seq 1\)/)
  })
})
