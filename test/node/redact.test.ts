import { expect } from 'chai'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { PassThrough, Readable } from 'node:stream'
import { createRedactStream, redact, redactWithCounts, runCli } from '../../src/node/index.js'
import '../../src/node/cli/commands.js'

/** Runs `text` (as the given byte chunks) through a redacting stream and returns the output. */
async function throughStream(chunks: Buffer[], options: Parameters<typeof createRedactStream>[0] = {}): Promise<{ text: string; counts: unknown }> {
  const stream = createRedactStream(options)
  const out: Buffer[] = []
  stream.on('data', (b: Buffer) => out.push(b))
  const done = new Promise((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  for (const c of chunks) stream.write(c)
  stream.end()
  await done
  return { text: Buffer.concat(out).toString('utf8'), counts: stream.counts }
}

/** `bytes` cut at the given offsets (sorted, deduplicated, in range). */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Buffer[] = []
  let from = 0
  for (const p of points) {
    chunks.push(bytes.subarray(from, p))
    from = p
  }
  chunks.push(bytes.subarray(from))
  return chunks
}

const TRANSCRIPT = [
  '[10:01] customer: hi, my card is 4242 4242 4242 4242 exp 11/29',
  '[10:02] agent: please use the secure form, not the chat',
  '[10:03] customer: ssn 123-45-6789 and my IBAN DE89 3704 0044 0532 0130 00',
  '[10:04] customer: order 123-4567890-1234567, tracking 9400 1000 0000 0000 0000 00, call +1 555 123 4567',
  '[10:05] customer: ٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢ — ４２４２４２４２４２４２４２４２',
].join('\n')

describe('node/redact', () => {
  it('masks cards, SSNs and IBANs to their field previews and counts them; look-alikes pass', () => {
    const { text, counts } = redactWithCounts(TRANSCRIPT)
    expect(text.split('\n')).to.deep.equal([
      '[10:01] customer: hi, my card is Visa •••• 4242 exp 11/29',
      '[10:02] agent: please use the secure form, not the chat',
      '[10:03] customer: ssn •••-••-6789 and my IBAN DE •••• 3000',
      '[10:04] customer: order 123-4567890-1234567, tracking 9400 1000 0000 0000 0000 00, call +1 555 123 4567',
      '[10:05] customer: Visa •••• 4242 — Visa •••• 4242',
    ])
    expect(counts).to.deep.equal({ card: 3, ssn: 1, iban: 1 })
    expect(redact('nothing to see, order 12345')).to.equal('nothing to see, order 12345')
  })

  it('masks only the kinds asked, with a custom replacement that sees kind and preview only', () => {
    const seen: unknown[] = []
    const out = redact(TRANSCRIPT, {
      kinds: ['iban'],
      replace: (m) => {
        seen.push(m)
        return `[${m.kind}]`
      },
    })
    expect(out).to.include('my IBAN [iban]').and.include('4242 4242 4242 4242')
    expect(seen).to.deep.equal([{ kind: 'iban', preview: 'DE •••• 3000' }])
  })

  it('refuses bad input and options with ERR_INPUT_INVALID, never echoing the text', () => {
    for (const call of [
      () => redact(4242424242424242 as never),
      () => redact('x', { kinds: ['cards' as never] }),
      () => redact('x', { replace: 'x' as never }),
      () => redact('4242424242424242', { replace: () => 7 as never }),
      () => createRedactStream({ maxLineLength: 10 }),
    ]) {
      expect(call).to.throw().with.property('code', 'ERR_INPUT_INVALID')
    }
    try {
      redact('4242424242424242', { replace: () => 7 as never })
    } catch (e) {
      expect((e as Error).message).not.to.include('4242')
    }
  })

  describe('the stream', () => {
    it('gives what redact gives, however the bytes are cut (numbers and UTF-8 characters split across chunks)', async () => {
      const bytes = Buffer.from(TRANSCRIPT, 'utf8')
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (at) => {
          const { text, counts } = await throughStream(cut(bytes, at))
          const expected = redactWithCounts(TRANSCRIPT)
          expect(text).to.equal(expected.text)
          expect(counts).to.deep.equal(expected.counts)
        }),
        { numRuns: 200 },
      )
    })

    it('gives what redact gives on any text and chunking, lines longer than its limit included', async () => {
      const part = fc.constantFrom('4242 4242 4242 4242', '123-45-6789', 'SSN', '123456789', 'DE89 3704 0044 0532 0130 00', 'order', ' ', '  ', '\n', '\r\n', 'x', ',', '٤', '4', '-', 'é', '😀', 'لا')
      const text = fc.array(part, { minLength: 60, maxLength: 400, size: 'max' }).map((p) => p.join(''))
      await fc.assert(
        fc.asyncProperty(text, fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), async (lines, oneLine, at) => {
          // Half the texts are one long line, so that the limit is reached.
          const t = oneLine ? lines.replace(/[\r\n]/g, ' ') : lines
          // The smallest line limit, so that long lines are cut mid-line.
          const { text: out } = await throughStream(cut(Buffer.from(t, 'utf8'), at), { maxLineLength: 416 })
          expect(out).to.equal(redact(t))
        }),
        { numRuns: 200 },
      )
    })

    it('cuts a line past its limit at a character no number contains, and still finds numbers on both sides', async () => {
      const filler = 'word, '.repeat(100)
      const line = `${filler}4242 4242 4242 4242 ${filler}SSN 123456789 ${filler}`
      const { text, counts } = await throughStream(cut(Buffer.from(line), [37, 400, 900, 1300]), { maxLineLength: 416 })
      expect(text).to.equal(redact(line))
      expect(counts).to.deep.equal({ card: 1, ssn: 1, iban: 0 })
    })

    it('never cuts a long line inside a number at one of its separators, full-width and division slashes included', async () => {
      // Past its limit, the line must be cut: after the card there is nothing to cut at but the
      // card's own separators, before it a comma.
      for (const separator of ['/', '\uff0f', '\u2215', '\uff0e', '\u2013']) {
        const card = ['4242', '4242', '4242', '4242'].join(separator)
        const line = `${'word, '.repeat(60)}card ${card} ${'x'.repeat(600)}`
        const { text, counts } = await throughStream([Buffer.from(line)], { maxLineLength: 416 })
        expect(counts, separator).to.deep.equal({ card: 1, ssn: 0, iban: 0 })
        expect(text).to.equal(redact(line)).and.not.include(card)
      }
    })

    it('pipes a large transcript without holding it whole', async () => {
      const lines = Array.from({ length: 20_000 }, (_, i) => (i % 100 === 0 ? `line ${i}: card 4242 4242 4242 4242` : `line ${i}: nothing here, order ${i}`))
      const stream = createRedactStream()
      let longest = 0
      let out = ''
      stream.on('data', (b: Buffer) => {
        longest = Math.max(longest, b.length)
        out += b.toString('utf8')
      })
      await new Promise((resolve, reject) => Readable.from(lines.map((l) => `${l}\n`)).pipe(stream).on('finish', resolve).on('error', reject))
      expect(stream.counts.card).to.equal(200)
      expect(out).not.to.include('4242 4242')
      expect(longest).to.be.below(1000)
    })
  })

  describe('secure-fields redact', () => {
    const io = (input: string) => {
      const stdin = Readable.from([Buffer.from(input)])
      const stdout = new PassThrough()
      const stderr = new PassThrough()
      const read = (s: PassThrough) => () => s.read()?.toString('utf8') ?? ''
      return { io: { stdin, stdout, stderr }, out: read(stdout), err: read(stderr) }
    }

    it('copies stdin to stdout with the numbers masked, counts on request, exit 0', async () => {
      const run = io(TRANSCRIPT)
      expect(await runCli(['redact', '--counts'], run.io)).to.equal(0)
      expect(run.out()).to.equal(redact(TRANSCRIPT))
      expect(run.err()).to.equal('redacted: 3 card, 1 ssn, 1 iban\n')
      const only = io(TRANSCRIPT)
      expect(await runCli(['redact', '--kinds', 'ssn,iban'], only.io)).to.equal(0)
      expect(only.out()).to.include('4242 4242 4242 4242').and.include('•••-••-6789')
    })

    it('exits 2 for an unknown kind', async () => {
      const run = io('x')
      expect(await runCli(['redact', '--kinds', 'cards'], run.io)).to.equal(2)
      expect(run.err()).to.include('unknown kind')
    })

    it('works as a pipe from the installed binary', () => {
      const result = spawnSync(process.execPath, ['bin/secure-fields.mjs', 'redact'], { input: 'card 4242-4242-4242-4242\n', encoding: 'utf8' })
      expect(result.status, result.stderr).to.equal(0)
      expect(result.stdout).to.equal('card Visa •••• 4242\n')
    })
  })
})
