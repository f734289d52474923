/**
 * The built package's entry points, as a bundler and TypeScript meet them through package.json
 * `exports` (run after `npm run build`): every entry's runtime exports are exactly the values its
 * `.d.ts` declares, and the customer entries carry no agent code (nor the agent entries customer
 * code) — not even through shared modules.
 */
import { expect } from 'chai'
import { build, type Metafile } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | Record<string, string>> }
// Inside the project, so `secure-fields/…` resolves to this package (self-reference through `exports`).
const WORK = join(ROOT, 'node_modules', '.cache', 'secure-fields-exports-test')

/** Every JavaScript entry point: its specifier, and the platform it is for. */
const ENTRIES = Object.entries(manifest.exports)
  .filter((e): e is [string, Record<string, string>] => typeof e[1] === 'object' && 'types' in e[1])
  .map(([subpath, target]) => ({
    specifier: `${manifest.name}${subpath.slice(1)}`,
    file: join(ROOT, target.node ?? target.default!),
    platform: 'node' in target ? ('node' as const) : ('browser' as const),
  }))

/**
 * The names an entry exports at run time, and the files its bundle is made of. `source` is an
 * entry file (its own modules bundled, packages left out), or a specifier to import as a vendor's
 * bundler would (everything bundled but `external`).
 */
async function bundle(source: { file: string } | { specifier: string }, platform: 'node' | 'browser', external: string[] = []): Promise<{ exports: string[]; inputs: string[] }> {
  const result = await build({
    ...('file' in source ? { entryPoints: [source.file], packages: 'external' as const } : { stdin: { contents: `export * from ${JSON.stringify(source.specifier)}`, resolveDir: WORK, loader: 'js' as const } }),
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    outdir: join(WORK, 'out'),
    metafile: true,
    logLevel: 'silent',
    external,
  })
  const meta: Metafile = result.metafile
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined)!
  return { exports: [...output.exports].sort(), inputs: Object.keys(meta.inputs) }
}

describe('the package: entry points match their types; customer and agent code stay apart', function () {
  this.timeout(120_000)
  before(() => mkdirSync(WORK, { recursive: true }))
  after(() => rmSync(WORK, { recursive: true, force: true }))

  it('lists the entry points a vendor needs', () => {
    expect(ENTRIES.map((e) => e.specifier)).to.include.members([
      'secure-fields',
      'secure-fields/agent',
      'secure-fields/react',
      'secure-fields/react/agent',
      'secure-fields/jsx/react',
      'secure-fields/jsx/preact',
      'secure-fields/crypto',
      'secure-fields/validate',
      'secure-fields/node',
    ])
  })

  it("every entry's runtime exports are exactly the values of its .d.ts", async () => {
    // One TypeScript file per entry: an object with a key for each runtime export must satisfy
    // Record<keyof typeof entry, true> — a value the types declare and the runtime lacks is a
    // missing key, a runtime export the types lack an excess one.
    const files: string[] = []
    const found: Record<string, string[]> = {}
    for (const [i, { specifier, file, platform }] of ENTRIES.entries()) {
      const { exports } = await bundle({ file }, platform)
      found[specifier] = exports
      const keys = exports.map((name) => `  ${JSON.stringify(name)}: true,`).join('\n')
      const check = `entry${i}.ts`
      writeFileSync(join(WORK, check), `import * as entry from ${JSON.stringify(specifier)}\nexport const names = {\n${keys}\n} satisfies Record<keyof typeof entry, true>\n`)
      files.push(check)
    }
    writeFileSync(
      join(WORK, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true }, files }),
    )
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(WORK, 'tsconfig.json')], { encoding: 'utf8' })
    const report = `${tsc.stdout}${tsc.stderr}`.replace(/entry(\d+)\.ts/g, (_, i: string) => `${ENTRIES[Number(i)]!.specifier} (entry${i}.ts)`)
    expect(tsc.status, report).to.equal(0)
    // And the names themselves, where it matters most.
    expect(found['secure-fields']).to.include.members(['SecureCardInput', 'SecureSsnInput', 'SecureTextInput', 'ConsentGate', 'defineSecureFields', 'configure', 'THEMES', 'guardComposer'])
    expect(found['secure-fields']).not.to.include.members(['SecureReveal'])
    expect(found['secure-fields/agent']).to.include.members(['SecureReveal', 'defineSecureReveal', 'SHOW_FOR', 'RevealErrorCodes', 'THEMES', 'guardComposer'])
    // Both sides of the chat guard their own composer.
    expect(found['secure-fields/react']).to.deep.equal(['ConsentGate', 'SecureCardInput', 'SecureSsnInput', 'SecureTextInput', 'useComposerGuard'])
    expect(found['secure-fields/react/agent']).to.deep.equal(['SecureReveal', 'useComposerGuard'])
    expect(found['secure-fields/jsx/react']).to.deep.equal([])
  })

  it('customer entries load no agent code, agent entries no customer code', async () => {
    const agentOnly = /dist\/lib\/(host\/(secure-reveal|agent)|protocol\/reveal|react\/agent)\.js$/
    const customerOnly = /dist\/lib\/(host\/(secure-card-input|secure-ssn-input|secure-text-input|consent-gate|define)|protocol\/consent|react\/index)\.js$/
    for (const specifier of ['secure-fields', 'secure-fields/react']) {
      const { inputs } = await bundle({ specifier }, 'browser', ['react', 'react-dom'])
      expect(inputs.filter((f) => agentOnly.test(f)), specifier).to.deep.equal([])
      expect(inputs.some((f) => customerOnly.test(f)), specifier).to.equal(true)
    }
    for (const specifier of ['secure-fields/agent', 'secure-fields/react/agent']) {
      const { inputs } = await bundle({ specifier }, 'browser', ['react', 'react-dom'])
      expect(inputs.filter((f) => customerOnly.test(f)), specifier).to.deep.equal([])
      expect(inputs.some((f) => agentOnly.test(f)), specifier).to.equal(true)
    }
  })

  it('importing only configure or a type from an entry still defines its elements (sideEffects)', async () => {
    // A bundler drops modules `sideEffects` does not name once nothing of them is used: the entry
    // itself and what defines the elements must stay.
    const cases: Array<[string, string, string]> = [
      ['secure-fields', "import { configure } from 'secure-fields'\nconfigure({})", 'secure-card-input'],
      ['secure-fields/agent', "import { configure } from 'secure-fields/agent'\nconfigure({})", 'secure-reveal'],
      ['secure-fields/react', "import { SecureCardInput } from 'secure-fields/react'\nconsole.log(SecureCardInput)", 'consent-gate'],
    ]
    for (const [specifier, contents, tag] of cases) {
      const result = await build({ stdin: { contents, resolveDir: WORK, loader: 'js' }, bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent', external: ['react', 'react-dom'] })
      const code = result.outputFiles[0]!.text
      expect(code, specifier).to.include('customElements.define').and.include(`"${tag}"`)
    }
  })

  it('browser entries load nothing of Node: no server code, no driver', async () => {
    for (const specifier of ['secure-fields', 'secure-fields/agent', 'secure-fields/react', 'secure-fields/react/agent', 'secure-fields/crypto', 'secure-fields/validate']) {
      const { inputs } = await bundle({ specifier }, 'browser', ['react', 'react-dom'])
      expect(inputs.filter((f) => /dist\/lib\/node\/|better-sqlite3|ioredis|^node:/.test(f)), specifier).to.deep.equal([])
    }
  })
})
