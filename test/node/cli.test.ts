import { expect } from 'chai'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seal } from '../../src/crypto/index.js'

const BIN = fileURLToPath(new URL('../../bin/secure-fields.mjs', import.meta.url))

/** Runs the real binary; resolves with its exit code and output. */
function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

describe('secure-fields CLI', function () {
  this.timeout(60000)
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-cli-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('keygen writes a 0600 private JWK and a public JWK, prints the kid, refuses to overwrite', async () => {
    const out = join(dir, 'keys')
    const first = await run(['keygen', '--out', out])
    expect(first.code).to.equal(0)
    const priv = JSON.parse(readFileSync(join(out, 'private.jwk.json'), 'utf8'))
    const pub = JSON.parse(readFileSync(join(out, 'public.jwk.json'), 'utf8'))
    expect(statSync(join(out, 'private.jwk.json')).mode & 0o777).to.equal(0o600)
    expect(pub).to.not.have.property('d')
    expect(priv.kid).to.equal(pub.kid)
    expect(first.stdout.trim()).to.equal(pub.kid)
    const again = await run(['keygen', '--out', out])
    expect(again.code).to.equal(1)
    expect(again.stderr.trim().split('\n')).to.have.length(1)
    expect(again.stderr).to.include('ERR_FILE_EXISTS')
    expect(JSON.parse(readFileSync(join(out, 'private.jwk.json'), 'utf8')).d).to.equal(priv.d)
  })

  it('keygen refuses when only the public file exists, and writes nothing', async () => {
    const out = join(dir, 'half')
    await run(['keygen', '--out', out])
    rmSync(join(out, 'private.jwk.json'))
    const r = await run(['keygen', '--out', out])
    expect(r.code).to.equal(1)
    expect(existsSync(join(out, 'private.jwk.json'))).to.equal(false)
  })

  it('seal | inspect | open round-trips through stdin and stdout', async () => {
    const out = join(dir, 'rt')
    await run(['keygen', '--out', out])
    const sealed = await run(['seal', '--key', join(out, 'public.jwk.json'), '--context', 'conv-7', '--kind', 'ssn'], '123-45-6789\n')
    expect(sealed.code, sealed.stderr).to.equal(0)
    const envelope = sealed.stdout.trim()
    expect(envelope.split('.')).to.have.length(5)
    expect(sealed.stdout).to.not.include('6789')
    const inspected = await run(['inspect'], envelope)
    expect(inspected.code).to.equal(0)
    expect(JSON.parse(inspected.stdout)).to.include({ alg: 'HPKE-4', kind: 'ssn', ctx: 'conv-7' })
    const opened = await run(['open', '--key', join(out, 'private.jwk.json'), '--context', 'conv-7'], envelope)
    expect(opened.code, opened.stderr).to.equal(0)
    expect(opened.stdout).to.equal('123-45-6789')
  })

  it('open fails with exit 1 and a one-line reason: wrong context, wrong key, garbage', async () => {
    const a = join(dir, 'a')
    const b = join(dir, 'b')
    await run(['keygen', '--out', a])
    await run(['keygen', '--out', b])
    const envelope = await seal('secret-value-123', JSON.parse(readFileSync(join(a, 'public.jwk.json'), 'utf8')), { kind: 'text', context: 'c' })
    const cases: Array<[string[], string, string]> = [
      [['open', '--key', join(a, 'private.jwk.json'), '--context', 'other'], envelope, 'ERR_ENVELOPE_WRONG_CONTEXT'],
      [['open', '--key', join(b, 'private.jwk.json'), '--any-context'], envelope, 'ERR_ENVELOPE_WRONG_KEY'],
      [['open', '--key', join(a, 'private.jwk.json'), '--any-context'], 'not an envelope', 'ERR_ENVELOPE_MALFORMED'],
      [['open', '--key', join(a, 'public.jwk.json'), '--any-context'], envelope, 'ERR_KEY_INVALID'],
      [['open', '--key', join(dir, 'missing.json'), '--any-context'], envelope, 'ERR_KEY_INVALID'],
      [['inspect'], '', 'ERR_ENVELOPE_MALFORMED'],
    ]
    for (const [args, input, code] of cases) {
      const r = await run(args, input)
      expect(r.code, args.join(' ')).to.equal(1)
      expect(r.stdout).to.equal('')
      expect(r.stderr.trim().split('\n'), r.stderr).to.have.length(1)
      expect(r.stderr).to.include(code)
      expect(r.stderr).to.not.include('secret-value')
    }
  })

  it('bad usage exits 2; --help exits 0 for each command', async () => {
    expect((await run(['seal'])).code).to.equal(2)
    expect((await run(['bogus'])).code).to.equal(2)
    expect((await run(['open', '--nope'])).code).to.equal(2)
    for (const cmd of ['keygen', 'seal', 'open', 'inspect']) {
      const r = await run([cmd, '--help'])
      expect(r.code, cmd).to.equal(0)
      expect(r.stdout).to.include(`secure-fields ${cmd}`)
    }
    const top = await run(['--help'])
    expect(top.code).to.equal(0)
    expect(top.stdout).to.include('keygen')
  })

  it('keygen --alg makes post-quantum (AKP) and Key Encryption keys; an unknown alg is bad usage', async () => {
    for (const alg of ['HPKE-9', 'HPKE-9-KE', 'HPKE-4-KE']) {
      const out = join(dir, `alg-${alg}`)
      const r = await run(['keygen', '--out', out, '--alg', alg])
      expect(r.code, r.stderr).to.equal(0)
      const pub = JSON.parse(readFileSync(join(out, 'public.jwk.json'), 'utf8'))
      const priv = JSON.parse(readFileSync(join(out, 'private.jwk.json'), 'utf8'))
      expect(pub.alg).to.equal(alg)
      expect(pub.kty).to.equal(alg.startsWith('HPKE-9') ? 'AKP' : 'OKP')
      expect(pub).to.not.have.property('priv')
      expect(priv.kid).to.equal(pub.kid)
      expect(statSync(join(out, 'private.jwk.json')).mode & 0o777).to.equal(0o600)
    }
    expect((await run(['keygen', '--out', join(dir, 'alg-bad'), '--alg', 'HPKE-0'])).code).to.equal(2)
  })

  it('seal --key A --key B makes one JSON envelope that inspect lists and either private key opens', async () => {
    const a = join(dir, 'team-a')
    const b = join(dir, 'team-b')
    await run(['keygen', '--out', a, '--alg', 'HPKE-9-KE'])
    await run(['keygen', '--out', b, '--alg', 'HPKE-9-KE'])
    const sealed = await run(['seal', '--key', join(a, 'public.jwk.json'), '--key', join(b, 'public.jwk.json'), '--context', 'conv-9', '--kind', 'ssn'], '123456789\n')
    expect(sealed.code, sealed.stderr).to.equal(0)
    const envelope = sealed.stdout.trim()
    expect(JSON.parse(envelope)).to.have.property('recipients').with.length(2)
    const inspected = JSON.parse((await run(['inspect'], envelope)).stdout)
    const kids = [a, b].map((d) => JSON.parse(readFileSync(join(d, 'public.jwk.json'), 'utf8')).kid)
    expect(inspected).to.include({ serialization: 'json', kind: 'ssn', ctx: 'conv-9' })
    expect(inspected.recipients).to.deep.equal(kids.map((kid) => ({ alg: 'HPKE-9-KE', kid, pq: true })))
    for (const d of [a, b]) {
      const opened = await run(['open', '--key', join(d, 'private.jwk.json'), '--context', 'conv-9'], envelope)
      expect(opened.code, opened.stderr).to.equal(0)
      expect(opened.stdout).to.equal('123456789')
    }
    // A key set file (JWKS) is the same set.
    writeFileSync(join(dir, 'team.jwks.json'), JSON.stringify({ keys: kids.map((_, i) => JSON.parse(readFileSync(join([a, b][i]!, 'public.jwk.json'), 'utf8'))) }))
    const fromSet = await run(['seal', '--key', join(dir, 'team.jwks.json'), '--context', 'conv-9'], 'x')
    expect(JSON.parse((await run(['inspect'], fromSet.stdout)).stdout).recipients).to.have.length(2)
  })

  it('seal refuses keys that cannot share an envelope with exit 1 and ERR_RECIPIENTS_INVALID', async () => {
    const pq = join(dir, 'mix-pq')
    const classic = join(dir, 'mix-x')
    await run(['keygen', '--out', pq, '--alg', 'HPKE-9-KE'])
    await run(['keygen', '--out', classic, '--alg', 'HPKE-4-KE'])
    const r = await run(['seal', '--key', join(pq, 'public.jwk.json'), '--key', join(classic, 'public.jwk.json'), '--context', 'c'], 'secret-value-9')
    expect(r.code).to.equal(1)
    expect(r.stderr).to.include('ERR_RECIPIENTS_INVALID')
    expect(r.stderr).to.not.include('secret-value')
    expect(r.stdout).to.equal('')
  })

  it('seal refuses an oversized plaintext with exit 1', async () => {
    const out = join(dir, 'big')
    await run(['keygen', '--out', out])
    const r = await run(['seal', '--key', join(out, 'public.jwk.json'), '--context', 'c'], 'x'.repeat(5000))
    expect(r.code).to.equal(1)
    expect(r.stderr).to.include('ERR_ENVELOPE_TOO_LARGE')
  })

  it('a key file that is not JSON is reported by name, without its content', async () => {
    const file = join(dir, 'bad.json')
    writeFileSync(file, 'd=SECRETSCALAR')
    const r = await run(['seal', '--key', file, '--context', 'c'], 'x')
    expect(r.code).to.equal(1)
    expect(r.stderr).to.include('bad.json')
    expect(r.stderr).to.not.include('SECRETSCALAR')
  })
})
