/**
 * `npm run bench:redact`: how well and how fast card numbers, SSNs and IBANs are found in chat
 * text. Precision and recall per kind on the labelled corpus (test/support/sensitive-corpus.ts,
 * generated from a seed, larger here than in the tests), the share of look-alikes touched and the
 * worst categories; then MB/s of `redact` and of the redacting stream on a large transcript.
 * Goals (from the issue): recall 100 %, at most 0.1 % of look-alikes touched, at least 50 MB/s.
 */
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createRedactStream, redact } from '../src/node/redact/index.js'
import { findSensitiveNumbers, SENSITIVE_KINDS } from '../src/validate/detect.js'
import { buildCorpus, scoreCorpus, seeded, type CorpusItem } from '../test/support/sensitive-corpus.js'
import { table } from './measure.js'

const SEED = Number(process.env.BENCH_SEED ?? 20260301)
const TRANSCRIPT_MB = Number(process.env.BENCH_TRANSCRIPT_MB ?? 64)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(3)} %`)

// ── Precision and recall ──────────────────────────────────────────────────────────────────────
const built = performance.now()
const corpus = buildCorpus(SEED, { cardsPerBrandLength: 100, ssns: 3000, ibansPerCountry: 12, lookAlikeRounds: 4000 })
const score = scoreCorpus(corpus, (text) => findSensitiveNumbers(text))
console.log(`Corpus: ${corpus.length.toLocaleString('en-US')} messages (seed ${SEED}, built and scored in ${((performance.now() - built) / 1000).toFixed(1)} s)\n`)
table(
  ['kind', 'items', 'found', 'missed', 'false +', 'recall', 'precision'],
  SENSITIVE_KINDS.map((kind) => {
    const k = score.kinds[kind]
    return [kind, String(k.items), String(k.tp), String(k.fn), String(k.fp), pct(k.tp, k.items), pct(k.tp, k.tp + k.fp)]
  }),
)
console.log(`\nLook-alikes touched: ${score.lookAlikes.touched} of ${score.lookAlikes.items.toLocaleString('en-US')} (${pct(score.lookAlikes.touched, score.lookAlikes.items)}; goal ≤ 0.100 %)\n`)
const families = new Map<string, { items: number; wrong: number }>()
for (const [name, c] of Object.entries(score.categories)) {
  const family = name.startsWith('card/') || name.startsWith('iban/') ? name.split('/')[0]! : name
  const f = families.get(family) ?? { items: 0, wrong: 0 }
  f.items += c.items
  f.wrong += c.wrong
  families.set(family, f)
}
table(
  ['category', 'items', 'wrong', 'rate'],
  [...families].map(([name, f]) => [name, String(f.items), String(f.wrong), pct(f.wrong, f.items)]),
)
const wrong = Object.entries(score.categories).filter(([, c]) => c.wrong > 0)
for (const [name, c] of wrong.slice(0, 10)) console.log(`  wrong in ${name}: ${c.wrong}/${c.items}, e.g. ${JSON.stringify(c.example)}`)

// ── Throughput ────────────────────────────────────────────────────────────────────────────────
/** Sentences of an ordinary support chat: most lines of a transcript hold no number at all. */
const CHAT = [
  'Hi, I need some help with my account please',
  'Sure, I can help with that. Can you tell me a bit more?',
  'I was charged twice for the same thing last week',
  'Thanks for waiting, let me check this for you.',
  'It looks like the second charge was a pre-authorisation; it will drop off in a few days.',
  'OK great, thank you so much for your help!',
  'Is there anything else I can help you with today?',
  'No that is all, have a nice day',
  'Hola, tengo un problema con mi pedido',
  'Bonjour, ma commande n’est pas arrivée',
  'Hallo, ich habe eine Frage zu meiner Rechnung',
  'مرحبا، لدي سؤال عن طلبي',
]
const random = seeded(SEED)
const lookAlikes = corpus.filter((i) => !i.kind)
const sensitive = corpus.filter((i) => i.kind)
const pick = (items: CorpusItem[]) => items[random.int(0, items.length - 1)]!.text
let transcript = ''
let line = 0
let planted = 0
while (transcript.length < TRANSCRIPT_MB * 1e6) {
  const roll = random.next()
  const message = roll < 0.8 ? CHAT[random.int(0, CHAT.length - 1)]! : roll < 0.99 ? pick(lookAlikes) : (planted++, pick(sensitive))
  const at = new Date(Date.UTC(2026, 2, 1) + line * 7_000).toISOString()
  transcript += `${at} conversation-${1000 + (line % 97)} ${line % 3 ? 'customer' : 'agent'}: ${message}\n`
  line++
}
const megabytes = Buffer.byteLength(transcript, 'utf8') / 1e6

/**
 * MB/s of `run`, by the wall clock and by this process's CPU time (user + system): on a shared
 * machine the second says what the code costs, the first what a caller waited. Best and median.
 */
function measure(run: () => void | Promise<void>): Promise<{ wall: number[]; cpu: number[] }> {
  return (async () => {
    const wall: number[] = []
    const cpu: number[] = []
    for (let r = 0; r < RUNS; r++) {
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      await run()
      const used = process.cpuUsage(cpuStart)
      wall.push(megabytes / ((performance.now() - start) / 1000))
      cpu.push(megabytes / ((used.user + used.system) / 1e6))
    }
    return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) }
  })()
}
const bestOf = (rates: number[]) => rates[rates.length - 1]!.toFixed(1)
const medianOf = (rates: number[]) => rates[Math.floor(rates.length / 2)]!

// Warm-up: the JIT compiles the detector before the clock starts.
for (let i = 0; i < 3; i++) redact(transcript.slice(0, 4e6))
const whole = await measure(() => {
  redact(transcript)
})
const chunks: Buffer[] = []
const bytes = Buffer.from(transcript, 'utf8')
for (let i = 0; i < bytes.length; i += 64 * 1024) chunks.push(bytes.subarray(i, i + 64 * 1024))
const streamed = await measure(() => pipeline(Readable.from(chunks), createRedactStream(), new Writable({ write: (_c, _e, done) => done() })))
console.log(`\nTranscript: ${megabytes.toFixed(1)} MB, ${line.toLocaleString('en-US')} lines, ${planted.toLocaleString('en-US')} with a number to mask (${RUNS} runs)\n`)
table(
  ['', 'MB/s CPU best', 'CPU median', 'wall best', 'wall median'],
  [
    ['redact(text)', bestOf(whole.cpu), medianOf(whole.cpu).toFixed(1), bestOf(whole.wall), medianOf(whole.wall).toFixed(1)],
    ['createRedactStream (64 KiB chunks)', bestOf(streamed.cpu), medianOf(streamed.cpu).toFixed(1), bestOf(streamed.wall), medianOf(streamed.wall).toFixed(1)],
  ],
)
const recallOk = SENSITIVE_KINDS.every((k) => score.kinds[k].fn === 0)
const fast = medianOf(whole.cpu) >= 50
console.log(`\nGoals: recall 100 % ${recallOk ? 'met' : 'MISSED'}; look-alikes ≤ 0.1 % ${score.lookAlikes.touched / score.lookAlikes.items <= 0.001 ? 'met' : 'MISSED'}; ≥ 50 MB/s ${fast ? 'met' : 'MISSED'} (redact, median by CPU time)`)
