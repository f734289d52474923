import { expect } from 'chai'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { entryHash, openAuditLog, parseCheckpoint, runAuditVerify, type AuditEntry } from '../../src/node/audit/index.js'
import { runCli } from '../../src/node/cli/program.js'
import '../../src/node/cli/commands.js'
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

  /** `secure-fields …` in this process, with its output collected. */
  async function cli(args: string[]) {
    let stdout = ''
    let stderr = ''
    const sink = (write: (s: string) => void) => new Writable({ write: (chunk, _e, done) => (write(String(chunk)), done()) })
    const code = await runCli(args, { stdin: Readable.from([]), stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) })
    return { code, stdout, stderr }
  }

  it('runs as `secure-fields audit verify FILE` and ends with the verdict as exit code: 0, 1, 2', async () => {
    const { file } = await writeLog(dir, 3)
    expect(await cli(['audit', 'verify', file])).to.deep.equal({ code: 0, stdout: 'ok: 3 entries\n', stderr: '' })
    writeLines(file, readLines(file).slice(1))
    const tampered = await cli(['audit', 'verify', file])
    expect(tampered.code).to.equal(1)
    expect(tampered.stdout).to.match(/^line 1: removed \(seq 1\)/)
    expect((await cli(['audit', 'verify', join(dir, 'missing.jsonl')])).code).to.equal(2)
    const garbage = join(dir, 'garbage.txt')
    writeFileSync(garbage, 'hello\nworld\n')
    const notALog = await cli(['audit', 'verify', garbage])
    expect(notALog.code).to.equal(2)
    expect(notALog.stdout).to.include('not an audit log')
  })

  it('`audit head` prints a checkpoint; `verify --since` shows entries cut off after it, and a chain rewritten before it', async () => {
    const { file } = await writeLog(dir, 6)
    const head = await cli(['audit', 'head', file])
    expect(head.code).to.equal(0)
    const checkpoint = head.stdout.trim()
    expect(checkpoint).to.match(/^5:[A-Za-z0-9_-]{43}$/)
    expect(parseCheckpoint(checkpoint)).to.deep.equal({ seq: 5, hash: readLines(file).map((l) => JSON.parse(l) as { hash: string })[5]!.hash })
    // The log grows: the checkpoint still holds.
    const log = await openAuditLog(file, { sync: false })
    await log.append({ event: 'expired', envelopeId: 'jti-0000000000000002' })
    await log.close()
    expect((await cli(['audit', 'verify', file, '--since', checkpoint])).code).to.equal(0)
    const lines = readLines(file)

    // Cut off the last three entries: the chain alone still looks whole…
    writeLines(file, lines.slice(0, 4))
    expect((await cli(['audit', 'verify', file])).code).to.equal(0)
    // …the checkpoint does not.
    const cut = await cli(['audit', 'verify', file, '--since', checkpoint])
    expect(cut.code).to.equal(1)
    expect(cut.stdout).to.match(/^line 5: checkpoint \(seq 5\) — .*cut off its end/)

    // Rewrite the chain from seq 2 on, re-hashing every entry after it: consistent, but not the checkpoint's.
    const entries = lines.map((l) => JSON.parse(l) as AuditEntry)
    for (let i = 2; i < entries.length; i++) {
      const e = entries[i]!
      if (i === 2) e.actor = 'mallory'
      e.prev = entries[i - 1]!.hash
      e.hash = entryHash(e)
    }
    writeLines(file, entries.map((e) => JSON.stringify(e)))
    expect((await cli(['audit', 'verify', file])).code).to.equal(0)
    const rewritten = await cli(['audit', 'verify', file, '--since', checkpoint])
    expect(rewritten.code).to.equal(1)
    expect(rewritten.stdout).to.match(/^line 6: checkpoint \(seq 5\) — .*rewritten/)
    expect((await cli(['audit', 'verify', file, '--since', '5:short'])).code).to.equal(2)
  })

  it('`audit head` gives no checkpoint for a log that does not verify, or has no entry', async () => {
    const { file } = await writeLog(dir, 4)
    const lines = readLines(file)
    const altered = JSON.parse(lines[1]!) as Record<string, unknown>
    altered.kind = 'ssn'
    writeLines(file, [lines[0]!, JSON.stringify(altered), ...lines.slice(2)])
    const bad = await cli(['audit', 'head', file])
    expect(bad.code).to.equal(1)
    expect(bad.stdout).to.equal('')
    expect(bad.stderr).to.include('altered').and.include('does not verify')
    const empty = join(dir, 'empty.jsonl')
    writeFileSync(empty, '')
    expect((await cli(['audit', 'head', empty])).code).to.equal(1)
    expect((await cli(['audit', 'head', join(dir, 'missing.jsonl')])).code).to.equal(2)
  })
})
