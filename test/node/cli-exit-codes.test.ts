/**
 * Every exit code docs/cli.md documents, checked against the real binary: the table's rows are
 * read from the page, each must have at least one case here (and each case a row), and each case
 * must end with its row's code. Failures (exit 1) other than the audit verdicts must say why on
 * one line of stderr.
 */
import { expect } from 'chai'
import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateKeyPair, seal } from '../../src/crypto/index.js'
import { openAuditLog } from '../../src/node/audit/index.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DOC = join(ROOT, 'docs', 'cli.md')
// The CLI's entry bundled once (as the package's compiled one is, without a TypeScript loader per
// run), inside the project so it finds the package and its frames as an install would.
const BIN = join(ROOT, 'node_modules', '.cache', 'secure-fields-cli-test', 'secure-fields.mjs')

interface Outcome {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the binary; with `stopWhen`, sends SIGTERM once stdout matches it; with `closedStdout`, its
 * stdout is a pipe nobody reads (closed at once), so each write fails with EPIPE.
 */
function run(args: string[], stdin = '', stopWhen?: RegExp, closedStdout = false): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    if (closedStdout) child.stdout.destroy()
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
      if (stopWhen?.test(stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

/** The rows of the page's exit code table: `command code`. */
function documentedRows(): string[] {
  const text = readFileSync(DOC, 'utf8')
  const table = text.slice(text.indexOf('## Exit codes'))
  return [...table.matchAll(/^\| (any|`[a-z ]+`) \| (\d) \|/gm)].map((m) => `${m[1]!.replaceAll('`', '')} ${m[2]}`)
}

interface Case {
  /** What it shows. */
  name: string
  args: string[]
  stdin?: string
  /** Ends a long-running command once its output matches. */
  stopWhen?: RegExp
  /** Gives the command a stdout that fails every write (a closed pipe). */
  closedStdout?: boolean
  /** Something stdout or stderr must contain. */
  says?: string | RegExp
}

describe('secure-fields: every documented exit code', function () {
  this.timeout(120_000)
  let dir: string
  const p = (...parts: string[]) => join(dir, ...parts)
  const cases: Record<string, Case[]> = {}

  before(async () => {
    await build({ entryPoints: [join(ROOT, 'src/node/cli/main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: BIN, logLevel: 'warning', ignoreAnnotations: true })
    dir = mkdtempSync(join(tmpdir(), 'sf-exit-'))
    const { publicJwk, privateJwk } = await generateKeyPair()
    const other = await generateKeyPair()
    mkdirSync(p('keys'))
    writeFileSync(p('keys', 'public.jwk.json'), JSON.stringify(publicJwk))
    writeFileSync(p('keys', 'private.jwk.json'), JSON.stringify(privateJwk))
    writeFileSync(p('other-private.jwk.json'), JSON.stringify(other.privateJwk))
    // Post-quantum Key Encryption keys: a desk and a back office that share envelopes.
    const desk = await generateKeyPair({ alg: 'HPKE-9-KE' })
    const backOffice = await generateKeyPair({ alg: 'HPKE-9-KE' })
    mkdirSync(p('pq'))
    writeFileSync(p('pq', 'desk-public.jwk.json'), JSON.stringify(desk.publicJwk))
    writeFileSync(p('pq', 'desk-private.jwk.json'), JSON.stringify(desk.privateJwk))
    writeFileSync(p('pq', 'back-office-public.jwk.json'), JSON.stringify(backOffice.publicJwk))
    writeFileSync(p('pq', 'team.jwks.json'), JSON.stringify({ keys: [desk.publicJwk, backOffice.publicJwk] }))
    writeFileSync(p('pq', 'team-with-private.jwks.json'), JSON.stringify({ keys: [desk.publicJwk, backOffice.privateJwk] }))
    const pqEnvelope = await seal('123456789', [desk.publicJwk, backOffice.publicJwk], { kind: 'ssn', context: 'c1' })
    writeFileSync(p('not-json.jwk.json'), 'nope')
    writeFileSync(p('a-file'), 'x')
    mkdirSync(p('empty'))
    const envelope = await seal('4242424242424242', publicJwk, { kind: 'card', context: 'c1' })
    writeFileSync(p('env.txt'), envelope)
    const log = await openAuditLog(p('audit.log'), { sync: false })
    const entries = []
    for (const event of ['stored', 'taken', 'revealed', 'wiped'] as const) entries.push(await log.append({ event, envelopeId: 'jti-0000000000000001' }))
    await log.close()
    const lines = readFileSync(p('audit.log'), 'utf8').split('\n').filter(Boolean)
    const altered = JSON.parse(lines[1]!) as Record<string, unknown>
    altered.actor = 'mallory'
    writeFileSync(p('altered.log'), [lines[0], JSON.stringify(altered), ...lines.slice(2)].map((l) => `${l}\n`).join(''))
    writeFileSync(p('cut.log'), lines.slice(0, 2).map((l) => `${l}\n`).join(''))
    writeFileSync(p('empty.log'), '')
    writeFileSync(p('garbage.log'), 'this is not an audit log\nat all\n')
    const checkpoint = `${entries[3]!.seq}:${entries[3]!.hash}`
    const pub = p('keys', 'public.jwk.json')
    const priv = p('keys', 'private.jwk.json')
    const serve = ['serve', '--port', '0', '--quiet']

    Object.assign(cases, {
      'any 0': [
        { name: '--help', args: ['--help'], says: 'keygen' },
        { name: '--version', args: ['--version'], says: /^\d+\.\d+\.\d+/ },
        { name: 'a command --help', args: ['audit', 'verify', '--help'], says: '--since' },
      ],
      'any 2': [
        { name: 'unknown command', args: ['bogus'] },
        { name: 'unknown option', args: ['inspect', '--nope'] },
        { name: 'missing required option', args: ['seal', '--key', pub] },
        { name: 'bad option value', args: [...serve, '--port', 'http'] },
      ],
      'keygen 0': [{ name: 'new folder', args: ['keygen', '--out', p('new-keys')], says: /^[A-Za-z0-9_-]{43}\n/ }],
      'keygen 1': [
        { name: 'existing keys', args: ['keygen', '--out', p('keys')], says: 'ERR_FILE_EXISTS' },
        { name: 'folder under a file', args: ['keygen', '--out', p('a-file', 'keys')] },
      ],
      'seal 0': [
        { name: 'public key', args: ['seal', '--key', pub, '--context', 'c1'], stdin: 'x\n' },
        { name: 'two post-quantum keys', args: ['seal', '--key', p('pq', 'desk-public.jwk.json'), '--key', p('pq', 'back-office-public.jwk.json'), '--context', 'c1'], stdin: 'x', says: '"recipients"' },
        { name: 'a key set file', args: ['seal', '--key', p('pq', 'team.jwks.json'), '--context', 'c1'], stdin: 'x', says: '"recipients"' },
      ],
      'seal 1': [
        { name: 'a private key where the public one belongs', args: ['seal', '--key', priv, '--context', 'c1'], stdin: 'x', says: 'ERR_KEY_INVALID' },
        { name: 'not JSON', args: ['seal', '--key', p('not-json.jwk.json'), '--context', 'c1'], stdin: 'x', says: 'ERR_KEY_INVALID' },
        { name: 'a private key in a key set', args: ['seal', '--key', p('pq', 'team-with-private.jwks.json'), '--context', 'c1'], stdin: 'x', says: 'ERR_KEY_INVALID' },
        { name: 'keys that cannot share an envelope', args: ['seal', '--key', pub, '--key', p('pq', 'desk-public.jwk.json'), '--context', 'c1'], stdin: 'x', says: 'ERR_RECIPIENTS_INVALID' },
        { name: 'plaintext over 4096 bytes', args: ['seal', '--key', pub, '--context', 'c1'], stdin: 'x'.repeat(4097), says: /ERR_ENVELOPE_TOO_LARGE.*4096 bytes/ },
        { name: 'plaintext far over the limit', args: ['seal', '--key', pub, '--context', 'c1'], stdin: 'x'.repeat(9000), says: /ERR_ENVELOPE_TOO_LARGE.*4096 bytes/ },
        { name: 'bad claims', args: ['seal', '--key', pub, '--context', 'c1', '--expires-in', '0'], stdin: 'x', says: 'ERR_INPUT_INVALID' },
      ],
      'open 0': [
        { name: 'its context', args: ['open', '--key', priv, '--context', 'c1'], stdin: envelope, says: '4242424242424242' },
        { name: '--any-context', args: ['open', '--key', priv, '--any-context'], stdin: envelope, says: '4242424242424242' },
        { name: 'a post-quantum key, a JSON envelope', args: ['open', '--key', p('pq', 'desk-private.jwk.json'), '--context', 'c1'], stdin: pqEnvelope, says: '123456789' },
      ],
      'open 1': [
        { name: 'another context', args: ['open', '--key', priv, '--context', 'c2'], stdin: envelope, says: 'ERR_ENVELOPE_WRONG_CONTEXT' },
        { name: 'another key', args: ['open', '--key', p('other-private.jwk.json'), '--any-context'], stdin: envelope, says: 'ERR_ENVELOPE_WRONG_KEY' },
        { name: 'a public key', args: ['open', '--key', pub, '--any-context'], stdin: envelope, says: 'ERR_KEY_INVALID' },
        { name: 'no consent', args: ['open', '--key', priv, '--any-context', '--require-consent'], stdin: envelope, says: 'ERR_ENVELOPE_CONSENT' },
        { name: 'garbage', args: ['open', '--key', priv, '--any-context'], stdin: 'garbage', says: 'ERR_ENVELOPE_MALFORMED' },
      ],
      'open 2': [
        { name: 'no context choice', args: ['open', '--key', priv], stdin: envelope, says: '--any-context' },
        { name: 'both', args: ['open', '--key', priv, '--context', 'c1', '--any-context'], stdin: envelope },
      ],
      'inspect 0': [{ name: 'an envelope', args: ['inspect'], stdin: envelope, says: '"kind": "card"' }],
      'inspect 1': [
        { name: 'nothing', args: ['inspect'], stdin: '', says: 'ERR_ENVELOPE_MALFORMED' },
        { name: 'garbage', args: ['inspect'], stdin: 'a.b.c', says: 'ERR_ENVELOPE_MALFORMED' },
      ],
      'serve 0': [
        { name: 'stopped by SIGTERM', args: [...serve, '--allow-parent', 'http://localhost:1', '--pin-key', pub], stopWhen: /listening on/ },
        { name: 'any parent, loudly', args: [...serve, '--allow-any-parent', '--any-key'], stopWhen: /listening on/, says: 'WARNING: --allow-any-parent' },
      ],
      'serve 1': [
        { name: 'no frames', args: [...serve, '--allow-parent', 'http://localhost:1', '--any-key', '--dir', p('empty')], says: 'ERR_FRAMES_NOT_BUILT' },
        { name: 'a private key to pin', args: [...serve, '--allow-parent', 'http://localhost:1', '--pin-key', priv], says: 'ERR_KEY_INVALID' },
        { name: 'a missing token file', args: [...serve, '--allow-parent', 'http://localhost:1', '--admin-token-file', p('nope')], says: 'ERR_INPUT_INVALID' },
      ],
      'serve 2': [
        { name: 'no parents', args: [...serve, '--any-key'], says: '--allow-parent' },
        { name: 'parents and any parent', args: [...serve, '--any-key', '--allow-parent', 'http://localhost:1', '--allow-any-parent'] },
        { name: 'no key choice', args: [...serve, '--allow-parent', 'http://localhost:1'], says: '--any-key' },
        { name: 'not an origin', args: [...serve, '--any-key', '--allow-parent', 'https://chat.example.com/page'] },
        { name: 'an unknown kind', args: [...serve, '--any-key', '--allow-parent', 'http://localhost:1', '--require-consent', 'cardz'], says: 'cardz' },
        { name: 'an unknown post-quantum kind', args: [...serve, '--any-key', '--allow-parent', 'http://localhost:1', '--require-pq', 'ssnn'], says: 'ssnn' },
      ],
      'integrity 0': [{ name: "the package's loaders", args: ['integrity'], says: /^sha384-[A-Za-z0-9+/]{64} {2}secure-fields-agent\.js\nsha384-[A-Za-z0-9+/]{64} {2}secure-fields\.js\n$/ }],
      'integrity 1': [{ name: 'no frames', args: ['integrity', '--dir', p('empty')], says: 'ERR_FRAMES_NOT_BUILT' }],
      'audit verify 0': [
        { name: 'intact', args: ['audit', 'verify', p('audit.log')], says: 'ok: 4 entries' },
        { name: 'intact since a checkpoint', args: ['audit', 'verify', p('audit.log'), '--since', checkpoint], says: 'checkpoint seq 3 present' },
        { name: 'empty', args: ['audit', 'verify', p('empty.log')], says: 'ok: 0 entries' },
      ],
      'audit verify 1': [
        { name: 'an altered entry', args: ['audit', 'verify', p('altered.log')], says: 'altered (seq 1)' },
        { name: 'cut after a checkpoint', args: ['audit', 'verify', p('cut.log'), '--since', checkpoint], says: 'cut off its end' },
      ],
      'audit verify 2': [
        { name: 'a missing file', args: ['audit', 'verify', p('nope.log')], says: 'cannot be read' },
        { name: 'garbage', args: ['audit', 'verify', p('garbage.log')], says: 'not an audit log' },
        { name: 'a bad checkpoint', args: ['audit', 'verify', p('audit.log'), '--since', 'last-tuesday'] },
      ],
      'audit head 0': [{ name: 'an intact log', args: ['audit', 'head', p('audit.log')], says: `${checkpoint}\n` }],
      'audit head 1': [
        { name: 'an altered log', args: ['audit', 'head', p('altered.log')], says: 'does not verify' },
        { name: 'an empty log', args: ['audit', 'head', p('empty.log')], says: 'no entry yet' },
      ],
      'redact 0': [
        { name: 'a card masked, counts on stderr', args: ['redact', '--counts'], stdin: 'card 4242-4242-4242-4242\n', says: /^card Visa •••• 4242\nredacted: 1 card, 0 ssn, 0 iban\n$/ },
        { name: 'nothing to mask', args: ['redact'], stdin: 'order 123456789012 ships 2026-05-01\n', says: /^order 123456789012 ships 2026-05-01\n$/ },
      ],
      'redact 1': [{ name: 'stdout cannot be written', args: ['redact'], stdin: 'card 4242-4242-4242-4242\n', closedStdout: true, says: 'EPIPE' }],
      'redact 2': [{ name: 'an unknown kind', args: ['redact', '--kinds', 'cards'], says: 'unknown kind' }],
      'audit head 2': [
        { name: 'a missing file', args: ['audit', 'head', p('nope.log')], says: 'cannot be read' },
        { name: 'garbage', args: ['audit', 'head', p('garbage.log')], says: 'not an audit log' },
      ],
    } satisfies Record<string, Case[]>)
  })
  after(() => {
    rmSync(dir, { recursive: true, force: true })
    rmSync(dirname(BIN), { recursive: true, force: true })
  })

  it('has a case for every row of the table in docs/cli.md, and a row for every case', () => {
    const rows = documentedRows()
    expect(rows.length).to.be.above(20)
    expect(Object.keys(cases).sort()).to.deep.equal([...new Set(rows)].sort())
  })

  it('ends every case with its row\'s exit code; a failure says why on one line', async () => {
    const all = Object.entries(cases).flatMap(([row, list]) => list.map((c) => ({ row, c })))
    const failures: string[] = []
    // A few at a time: each case is a Node process.
    for (let i = 0; i < all.length; i += 4) {
      await Promise.all(
        all.slice(i, i + 4).map(async ({ row, c }) => {
          const want = Number(row.slice(-1))
          const r = await run(c.args, c.stdin, c.stopWhen, c.closedStdout)
          const output = `${r.stdout}${r.stderr}`
          const where = `${row} — ${c.name}: exit ${r.code}\n${output}`
          if (r.code !== want) return void failures.push(where)
          if (c.says !== undefined && !(typeof c.says === 'string' ? output.includes(c.says) : c.says.test(output))) failures.push(`${where}\n(does not say ${String(c.says)})`)
          // The audit commands' verdict is a report, one line per problem; every other failure is one line.
          if (want === 1 && !row.startsWith('audit') && (r.stderr.trim().split('\n').length !== 1 || !r.stderr.trim())) failures.push(`${where}\n(not one line on stderr)`)
        }),
      )
    }
    expect(failures, failures.join('\n\n')).to.deep.equal([])
  })
})
