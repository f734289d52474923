/**
 * `npm run bench:crypto`: seal/s and open/s of a card-sized envelope, one at a time and 256 in
 * flight, for this project and two other HPKE implementations, against the bound (WebCrypto X25519
 * importKey + deriveBits); the same for the post-quantum suite and for envelopes with several
 * recipients; envelope sizes per suite and recipient count; and the size of the seal paths as a
 * frame bundles them.
 */
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { CipherSuite as HpkeCoreSuite, DhkemX25519HkdfSha256 as CoreX25519, HkdfSha256 as CoreHkdf } from '@hpke/core'
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305'
import * as hpkeJs from 'hpke-js'
import { seal, open, generateKeyPair, HPKE_4, HPKE_4_WEB, type Suite, type SenderSuite, type KeyAlgorithm } from '../src/crypto/index.js'
import { printEnvelopeSizes } from './envelope-sizes.js'
import { HPKE_4_NODE } from '../src/node/crypto/hpke4-node.js'
import { fmt, rate, table } from './measure.js'

const PLAINTEXT = '4242424242424242|12/34|123'
const CLAIMS = { kind: 'card', context: 'conversation-42', preview: 'Visa •••• 4242' }
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2)
const te = new TextEncoder()

interface Subject {
  name: string
  seal: () => Promise<unknown>
  open: () => Promise<unknown>
}

/** This project: the whole JWE (parse, checks, HPKE), with the recipient's JWK as callers pass it. */
function ours(label: string, suite: Suite, sealSuite: SenderSuite = suite): () => Promise<Subject> {
  return async () => {
    const { privateJwk, publicJwk } = await generateKeyPair()
    const envelope = await seal(PLAINTEXT, publicJwk, CLAIMS, { suite: sealSuite })
    return {
      name: `secure-fields ${label}`,
      seal: () => seal(PLAINTEXT, publicJwk, CLAIMS, { suite: sealSuite }),
      open: async () => (await open(envelope, privateJwk, { context: CLAIMS.context, suite })).plaintext.fill(0),
    }
  }
}

/** This project, by key algorithm and recipient count: what `seal` picks from the keys. */
function oursTo(alg: KeyAlgorithm, recipients: number): () => Promise<Subject> {
  return async () => {
    const pairs = await Promise.all(Array.from({ length: recipients }, () => generateKeyPair({ alg })))
    const to = recipients === 1 && !alg.endsWith('-KE') ? pairs[0]!.publicJwk : pairs.map((p) => p.publicJwk)
    const envelope = await seal(PLAINTEXT, to, CLAIMS)
    const key = pairs.at(-1)!.privateJwk
    return {
      name: `secure-fields ${alg}${recipients > 1 || alg.endsWith('-KE') ? ` ×${recipients} (JSON)` : ' (compact)'}`,
      seal: () => seal(PLAINTEXT, to, CLAIMS),
      open: async () => (await open(envelope, key, { context: CLAIMS.context })).plaintext.fill(0),
    }
  }
}

// The same HPKE work (card-sized plaintext, a header-sized aad) in the other implementations: they
// have no JWE layer, so they do slightly less than the rows above.
const AAD = te.encode('e'.repeat(300))

async function hpkeCore(): Promise<Subject> {
  const suite = new HpkeCoreSuite({ kem: new CoreX25519(), kdf: new CoreHkdf(), aead: new Chacha20Poly1305() })
  const kp = await suite.kem.generateKeyPair()
  const sealed = await suite.seal({ recipientPublicKey: kp.publicKey }, te.encode(PLAINTEXT), AAD)
  return {
    name: '@hpke/core (native X25519, its ChaCha)',
    seal: () => suite.seal({ recipientPublicKey: kp.publicKey }, te.encode(PLAINTEXT), AAD),
    open: () => suite.open({ recipientKey: kp, enc: sealed.enc }, sealed.ct, AAD),
  }
}

async function hpkeJsAllInOne(): Promise<Subject> {
  const suite = new hpkeJs.CipherSuite({
    kem: hpkeJs.KemId.DhkemX25519HkdfSha256,
    kdf: hpkeJs.KdfId.HkdfSha256,
    aead: hpkeJs.AeadId.Chacha20Poly1305,
  })
  const kp = await suite.kem.generateKeyPair()
  const sealed = await suite.seal({ recipientPublicKey: kp.publicKey }, te.encode(PLAINTEXT), AAD)
  return {
    name: 'hpke-js (all-in-one)',
    seal: () => suite.seal({ recipientPublicKey: kp.publicKey }, te.encode(PLAINTEXT), AAD),
    open: () => suite.open({ recipientKey: kp, enc: sealed.enc }, sealed.ct, AAD),
  }
}

/** The bound: what any X25519 HPKE open must at least do through WebCrypto. */
async function bound(): Promise<() => Promise<unknown>> {
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  return async () => {
    const pub = await crypto.subtle.importKey('raw', raw, { name: 'X25519' }, true, [])
    return crypto.subtle.deriveBits({ name: 'X25519', public: pub }, pair.privateKey, 256)
  }
}

/**
 * Minified + gzipped bytes of a module as a frame would bundle it, in one file; with
 * `withoutPq`, the on-demand post-quantum suite is left out (a frame loads it as its own chunk).
 */
async function bundleSize(contents: string, withoutPq = false): Promise<{ min: number; gz: number }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    plugins: withoutPq ? [{ name: 'pq-external', setup: (b) => b.onResolve({ filter: /hpke9\.js$/ }, (a) => ({ path: a.path, external: true })) }] : [],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    treeShaking: true,
  })
  const code = result.outputFiles[0]!.contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}

// Exactly what a field frame imports to seal to one X25519 key (src/frame/runtime/seal.ts).
const SEAL_PATH = "import { sealWithSuite } from './src/crypto/seal-with-suite.js'; import { HPKE_4_WEB } from './src/crypto/suite.js'; export const seal = (p, k, c) => sealWithSuite(HPKE_4_WEB, p, k, c)"
// And what it loads on demand for a key set or another suite (src/frame/runtime/seal-set.ts).
const SET_PATH = `${SEAL_PATH}; export { importKeySet } from './src/frame/runtime/seal-set.js'`


const b = await bound()
const boundSerial = (await rate(b, 1, SECONDS)).perSecond
const boundParallel = (await rate(b, 256, SECONDS)).perSecond
const rows: string[][] = []
const results: Record<string, { open1: number; open256: number }> = {}
const OURS = 'secure-fields HPKE_4_NODE (Node)'
const subjects = [
  ours('HPKE_4_NODE (Node)', HPKE_4_NODE),
  ours('HPKE_4 (pure, default)', HPKE_4),
  ours('HPKE_4_WEB seal (frames)', HPKE_4, HPKE_4_WEB),
  oursTo('HPKE-9', 1),
  oursTo('HPKE-4-KE', 1),
  oursTo('HPKE-4-KE', 3),
  oursTo('HPKE-9-KE', 1),
  oursTo('HPKE-9-KE', 3),
  hpkeCore,
  hpkeJsAllInOne,
]
for (const make of subjects) {
  const s = await make()
  const seal1 = (await rate(s.seal, 1, SECONDS)).perSecond
  const seal256 = (await rate(s.seal, 256, SECONDS)).perSecond
  const open1 = (await rate(s.open, 1, SECONDS)).perSecond
  const open256 = (await rate(s.open, 256, SECONDS)).perSecond
  results[s.name] = { open1, open256 }
  rows.push([s.name, fmt(seal1), fmt(seal256), fmt(open1), fmt(open256), (open1 / boundSerial).toFixed(2), (open256 / boundParallel).toFixed(2)])
}
rows.push(['bound: WebCrypto X25519 importKey+deriveBits', '', '', fmt(boundSerial), fmt(boundParallel), '1.00', '1.00'])

console.log(`\nEnvelope throughput on Node ${process.versions.node} (card-sized plaintext, ${SECONDS} s per cell)\n`)
table(['implementation', 'seal/s ×1', 'seal/s ×256', 'open/s ×1', 'open/s ×256', 'open ×1 / bound', 'open ×256 / bound'], rows)

const ourRow = results[OURS]!
const core = results['@hpke/core (native X25519, its ChaCha)']!
console.log(`\n${OURS} open ×256: ${fmt(ourRow.open256)}/s = ${(ourRow.open256 / boundParallel).toFixed(2)} of the bound, ${(ourRow.open256 / core.open256).toFixed(1)}× @hpke/core`)
const size = await bundleSize(SEAL_PATH)
console.log(`seal path as a frame bundles it (one X25519 key, compact HPKE-4): ${fmt(size.min)} B minified, ${(size.gz / 1024).toFixed(1)} KB min+gz`)
const withSets = await bundleSize(SET_PATH, true)
console.log(`+ key sets and Key Encryption (JSON envelopes), loaded on demand: +${fmt(withSets.min - size.min)} B minified, +${((withSets.gz - size.gz) / 1024).toFixed(1)} KB min+gz`)
const withPq = await bundleSize(SET_PATH)
console.log(`+ the post-quantum suite (HPKE-9, HPKE-9-KE), loaded on demand: +${fmt(withPq.min - withSets.min)} B minified, +${((withPq.gz - withSets.gz) / 1024).toFixed(1)} KB min+gz`)
await printEnvelopeSizes(PLAINTEXT)
